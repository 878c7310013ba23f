import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

/// `PowerOfficeConfiguration.pagesInFlight` above 1: the pages of a list after a full first page are asked for
/// several at a time, and must add up to exactly what reading them one by one gives.
@Suite("PowerOfficeClient reading ahead")
struct PowerOfficeClientReadAheadTests {
    @Test(
        "pages read ahead are joined in order into exactly what the fake holds, with few requests past the end",
        arguments: [(3456, 1000, 4), (3000, 1000, 4), (2000, 1000, 10), (250, 100, 2), (99, 100, 3), (0, 100, 3)])
    func sameResult(customers: Int, pageSize: Int, pagesInFlight: Int) async throws {
        let server = try makeServer(customers: customers)
        var configuration = fastConfiguration(server, pageSize: pageSize)
        configuration.pagesInFlight = pagesInFlight
        let steps = Collected<FetchProgress>()
        let fetched = try await PowerOfficeClient(configuration: configuration).fetchAll { steps.append($0) }

        #expect(fetched.counts[.customers] == customers)
        #expect(fetched.json[.customers] == server.dataSet.jsonArray("Customers"))
        let customerSteps = steps.values.filter { $0.resource == .customers }
        let fullPages = customers / pageSize
        let pagesWithRows = (customers + pageSize - 1) / pageSize
        #expect(customerSteps.dropLast().map(\.rows) == (0..<pagesWithRows).map { min(($0 + 1) * pageSize, customers) })
        #expect(customerSteps.last?.isFinished == true && customerSteps.last?.rows == customers)

        // Every page up to the one that ends the list (a short page, or a 204 after a full one) was asked for once;
        // past it, at most pagesInFlight - 1 more, all answered 204.
        let needed = fullPages + 1
        let asked = requests(server, to: "/v2/Customers").compactMap { $0.query["PageNumber"].flatMap { Int($0) } }
        #expect(Set(asked).isSuperset(of: 1...needed))
        #expect(asked.count == Set(asked).count)
        #expect(asked.filter { $0 > needed }.count <= pagesInFlight - 1)
    }

    @Test("several pages of a list are in flight at once; with one at a time, never")
    func overlaps() async throws {
        // Counted at the fake, not timed: the most customer pages received and not yet answered at one moment.
        func customerPages(pagesInFlight: Int, _ adjust: (FakePowerOfficeServer) -> Void) async throws -> (
            asked: Int, atOnce: Int
        ) {
            let server = try makeServer(customers: 2000) { $0.latency = 0.02 }
            adjust(server)
            var configuration = fastConfiguration(server, pageSize: 500)
            configuration.pagesInFlight = pagesInFlight
            _ = try await PowerOfficeClient(configuration: configuration).fetchAll()
            return (requests(server, to: "/v2/Customers").count, server.mostAtOnce(to: "/v2/Customers"))
        }

        let oneByOne = try await customerPages(pagesInFlight: 1) { _ in }
        #expect(oneByOne.asked == 5 && oneByOne.atOnce == 1)
        // Pages 2, 3 and 4 are asked for together once page 1 came back full; page 2 is held back, so the others
        // arrive while it is still unanswered.
        let ahead = try await customerPages(pagesInFlight: 4) { $0.inject(.slow(seconds: 0.5), path: "Customers", page: 2) }
        #expect(ahead.asked >= 5)
        #expect(ahead.atOnce >= 2, "customer pages were asked for one at a time")
        #expect(ahead.atOnce <= 4, "more pages in flight than pagesInFlight allows")
    }

    @Test("reading ahead stays within the rate limit (PowerOffice's 10 requests per second, ten times faster)")
    func withinTheRateLimit() async throws {
        let server = try makeServer(customers: 1200, rateLimited: true) { $0.rateLimit = FastRateLimit.server }
        var configuration = fastConfiguration(server, pageSize: 100, rateLimit: FastRateLimit.client)
        configuration.pagesInFlight = 10
        let fetched = try await PowerOfficeClient(configuration: configuration).fetchAll()

        let log = server.requests
        #expect(fetched.counts[.customers] == 1200)
        #expect(!log.contains { $0.status == 429 })
        for index in 10..<log.count {
            #expect(log[index].receivedAt.timeIntervalSince(log[index - 10].receivedAt) >= FastRateLimit.server.interval)
        }
    }

    @Test("an error on a page past the end of the list is never seen")
    func errorPastTheEnd() async throws {
        let server = try makeServer(customers: 3000)
        for page in 5...8 { server.inject(.status(400), path: "Customers", page: page, times: 5) }
        var configuration = fastConfiguration(server, pageSize: 1000)
        configuration.pagesInFlight = 6
        let fetched = try await PowerOfficeClient(configuration: configuration).fetchAll()

        #expect(fetched.counts[.customers] == 3000)
        #expect(fetched.json[.customers] == server.dataSet.jsonArray("Customers"))
    }

    @Test("an error is thrown in page order, after the pages before it were added")
    func errorInPageOrder() async throws {
        let server = try makeServer(customers: 3000)
        server.inject(.slow(seconds: 0.3), path: "Customers", page: 2)
        server.inject(.status(400), path: "Customers", page: 3)
        var configuration = fastConfiguration(server, pageSize: 1000)
        configuration.pagesInFlight = 4
        let steps = Collected<FetchProgress>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: configuration).fetchAll { steps.append($0) }
        }

        #expect(
            error?.english
                == .requestRejected(
                    resource: "Customers", status: 400, detail: "Injected fault: The fake answers 400 as told"))
        #expect(steps.values.filter { $0.resource == .customers }.map(\.rows) == [1000, 2000])
    }
}
