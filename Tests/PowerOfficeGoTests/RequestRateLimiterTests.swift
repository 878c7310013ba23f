import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

@Suite("RequestRateLimiter")
struct RequestRateLimiterTests {
    @Test("requests beyond the limit are booked a window after the ones they displace")
    func schedule() async {
        let limiter = RequestRateLimiter(RateLimit(requests: 5, per: .milliseconds(300)))
        let start = Duration.seconds(1000)
        var slots: [Duration] = []
        for _ in 0..<12 { slots.append(await limiter.reserve(at: start) - start) }
        #expect(
            slots == [Duration](repeating: .zero, count: 5) + [Duration](repeating: .milliseconds(300), count: 5)
                + [.milliseconds(600), .milliseconds(600)])
        // A caller arriving after a quiet spell is served at once.
        #expect(await limiter.reserve(at: start + .seconds(5)) == start + .seconds(5))
    }

    @Test("a slot is never earlier than the window after the fifth-last one, whenever callers arrive")
    func slidingWindow() async {
        let limiter = RequestRateLimiter(RateLimit(requests: 5, per: .milliseconds(300)))
        let start = Duration.seconds(1000)
        var slots: [Duration] = []
        for offset in [0, 10, 20, 250, 260, 270, 280, 700, 710, 1200] {
            slots.append(await limiter.reserve(at: start + .milliseconds(offset)))
        }
        for index in 5..<slots.count {
            #expect(slots[index] - slots[index - 5] >= .milliseconds(300))
        }
        #expect(slots.map { $0 - start } == [0, 10, 20, 250, 260, 300, 310, 700, 710, 1200].map { .milliseconds($0) })
    }

    @Test("a slot given back by a cancelled wait goes to the next request instead of staying empty")
    func releasedSlots() async {
        let limiter = RequestRateLimiter(RateLimit(requests: 2, per: .milliseconds(300)))
        let start = Duration.seconds(1000)
        let slots = [await limiter.reserve(at: start), await limiter.reserve(at: start), await limiter.reserve(at: start)]
        #expect(slots.map { $0 - start } == [.zero, .zero, .milliseconds(300)])
        // The third is cancelled before its turn: the fourth takes its place, not the one after it.
        await limiter.release(slots[2])
        #expect(await limiter.reserve(at: start) - start == .milliseconds(300))

        let waiting = RequestRateLimiter(RateLimit(requests: 1, per: .seconds(60)))
        try? await waiting.acquire()
        let cancelled = Task { try await waiting.acquire() }
        cancelled.cancel()
        _ = try? await cancelled.value
        #expect(await waiting.reserve(at: MonotonicTime.now()) < MonotonicTime.now() + .seconds(61))
    }

    @Test("the next slot is the earliest that keeps every window within the limit, in a gap or after the last")
    func earliestSlot() {
        let limit = RateLimit(requests: 3, per: .milliseconds(100))
        var random = SystemRandomNumberGenerator()
        /// Every `requests + 1` requests in a row span at least the interval.
        func keeps(_ times: [Duration]) -> Bool {
            let sorted = times.sorted()
            return sorted.indices.dropLast(limit.requests).allSatisfy { sorted[$0 + limit.requests] - sorted[$0] >= limit.interval }
        }
        for _ in 0..<300 {
            // A schedule within the limit, with gaps: booked slots, some of them given back.
            var times: [Duration] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let now = Duration.milliseconds(Int.random(in: 0...400, using: &random))
                times.append(limit.nextSlot(after: times, at: now))
                times.sort()
            }
            times = times.filter { _ in Bool.random(using: &random) }
            let now = Duration.milliseconds(Int.random(in: 0...400, using: &random))
            let slot = limit.nextSlot(after: times, at: now)
            #expect(slot >= now)
            #expect(keeps(times + [slot]), "\(times) at \(now): \(slot)")
            // None earlier fits (times are whole milliseconds, so is every slot).
            let (from, to) = (now.components.seconds * 1000 + now.components.attoseconds / 1_000_000_000_000_000,
                              slot.components.seconds * 1000 + slot.components.attoseconds / 1_000_000_000_000_000)
            let earlier = (from..<max(from, to)).map { Duration.milliseconds($0) }.first { keeps(times + [$0]) }
            #expect(earlier == nil, "\(times) at \(now): \(slot), but \(earlier.map { "\($0)" } ?? "") fits")
        }
    }

    @Test("requests that wake late are spaced again by when they are sent, not when they were booked")
    func lateWakeUps() async {
        let limiter = RequestRateLimiter(RateLimit(requests: 2, per: .milliseconds(300)))
        let start = Duration.seconds(1000)
        // Booked at 0, 0 and 300 ms; the first two only got to run at 250 ms: the third must not go at 300 ms.
        #expect(await limiter.record(at: start + .milliseconds(250)) == nil)
        #expect(await limiter.record(at: start + .milliseconds(250)) == nil)
        #expect(await limiter.record(at: start + .milliseconds(300)) == start + .milliseconds(550))
        #expect(await limiter.record(at: start + .milliseconds(550)) == nil)
    }

    @Test("acquire waits for its slot")
    func acquireWaits() async throws {
        let limiter = RequestRateLimiter(RateLimit(requests: 2, per: .milliseconds(200)))
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<3 { try await limiter.acquire() }
        #expect(clock.now - start >= .milliseconds(200))
    }

    @Test("a cancelled wait throws instead of granting")
    func cancellation() async throws {
        let limiter = RequestRateLimiter(RateLimit(requests: 1, per: .seconds(60)))
        try await limiter.acquire()
        let waiting = Task { try await limiter.acquire() }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
    }

    @Test("a fetch stays within the rate limit while fetching concurrently (PowerOffice's, ten times faster)")
    func limitAgainstFake() async throws {
        let server = try makeServer(customers: 1200, rateLimited: true) { $0.rateLimit = FastRateLimit.server }
        let fetched = try await PowerOfficeClient(
            configuration: fastConfiguration(server, pageSize: 100, rateLimit: FastRateLimit.client)
        ).fetchAll()

        let log = server.requests
        #expect(fetched.counts[.customers] == 1200)
        // The token, ClientIntegrationInformation, 13 pages of customers and 4 other lists, and up to
        // pagesInFlight - 1 pages asked for ahead past the end of the customers.
        #expect((19...19 + PowerOfficeConfiguration.defaultPagesInFlight - 1).contains(log.count), "\(log.count)")
        #expect(!log.contains { $0.status == 429 })
        // No 10 of them in less than the fake's window: the limiter held them back, or the fake would have said 429.
        for index in 10..<log.count {
            #expect(log[index].receivedAt.timeIntervalSince(log[index - 10].receivedAt) >= FastRateLimit.server.interval)
        }
        // Concurrent: the other lists were read while the customer pages were still coming.
        let lastCustomerPage = try #require(log.lastIndex { $0.path == "/v2/Customers" })
        let firstAccounts = try #require(log.firstIndex { $0.path == "/v2/GeneralLedgerAccounts" })
        #expect(firstAccounts < lastCustomerPage)
    }

    @Test("clients of several PowerOffice clients given one limiter keep together to one subscription key's limit")
    func sharedAcrossClients() async throws {
        let others = FakeClient.generated(2, dataSet: .generated(customers: 400))
        let server = try makeServer(customers: 400, rateLimited: true) {
            $0.rateLimit = FastRateLimit.server
            $0.otherClients = others
        }
        let base = fastConfiguration(server, pageSize: 100, rateLimit: FastRateLimit.client)
        let limiter = RequestRateLimiter(for: base)
        let keys = [testKeys.clientKey] + others.map(\.clientKey)
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for key in keys {
                var configuration = base
                configuration.credentials = base.credentials.withClientKey(key)
                group.addTask {
                    try await PowerOfficeClient(configuration: configuration, limiter: limiter).fetchAll().counts[.customers] ?? 0
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(counts == [400, 400, 400])
        let log = server.requests
        #expect(Set(log.compactMap { $0.headers["authorization"] }.filter { $0.hasPrefix("Basic ") }).count == 3)
        // Each alone would keep to the limit; together, 3 times it, unless they wait in the same limiter.
        #expect(!log.contains { $0.status == 429 })
        for index in 10..<log.count {
            #expect(log[index].receivedAt.timeIntervalSince(log[index - 10].receivedAt) >= FastRateLimit.server.interval)
        }
    }
}
