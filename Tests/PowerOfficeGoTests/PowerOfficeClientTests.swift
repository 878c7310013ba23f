import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

@Suite("PowerOfficeClient against the fake")
struct PowerOfficeClientTests {
    @Test("the token request uses Basic auth and the subscription key; API calls use the bearer token")
    func tokenAndBearerHeaders() async throws {
        let server = try makeServer()
        _ = try await fetchAll(from: server)

        let log = server.requests
        let token = try #require(log.first)
        #expect(token.method == "POST" && token.path == "/OAuth/Token")
        let basic = "Basic " + Data("\(testKeys.applicationKey):\(testKeys.clientKey)".utf8).base64EncodedString()
        #expect(token.headers["authorization"] == basic)
        #expect(token.headers["ocp-apim-subscription-key"] == testKeys.subscriptionKey)
        #expect(token.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true)
        #expect(String(decoding: token.body, as: UTF8.self) == "grant_type=client_credentials")
        #expect(server.tokensIssued == 1)

        let apiCalls = log.dropFirst()
        #expect(apiCalls.count >= 6)
        for call in apiCalls {
            #expect(call.method == "GET")
            #expect(call.headers["authorization"]?.hasPrefix("Bearer ") == true)
            #expect(call.headers["ocp-apim-subscription-key"] == testKeys.subscriptionKey)
        }
    }

    @Test("thousands of customers over several pages; the last, short page ends the list")
    func pagingStopsOnShortPage() async throws {
        let server = try makeServer(customers: 3456)
        let fetched = try await PowerOfficeClient(
            configuration: fastConfiguration(server, pageSize: 1000, pagesInFlight: 1)
        ).fetchAll()

        let pages = requests(server, to: "/v2/Customers").map { $0.query["PageNumber"] }
        #expect(pages == ["1", "2", "3", "4"])
        #expect(requests(server, to: "/v2/Customers").allSatisfy { $0.query["PageSize"] == "1000" })
        #expect(fetched.counts[.customers] == 3456)
        // Pages joined byte for byte: exactly what the fake holds.
        #expect(fetched.json[.customers] == server.dataSet.jsonArray("Customers"))
    }

    @Test("a full last page is followed by one more request, answered 204", arguments: [true, false])
    func pagingStopsOn204(paginationHeader: Bool) async throws {
        let server = try makeServer(customers: 2000) { $0.paginationHeader = paginationHeader }
        let fetched = try await PowerOfficeClient(
            configuration: fastConfiguration(server, pageSize: 1000, pagesInFlight: 1)
        ).fetchAll()

        let customerRequests = requests(server, to: "/v2/Customers")
        #expect(customerRequests.map(\.status) == [200, 200, 204])
        #expect(fetched.counts[.customers] == 2000)
        #expect(fetched.json[.customers] == server.dataSet.jsonArray("Customers"))
    }

    @Test("progress reports rows per resource as pages arrive, ending with the totals")
    func progressReports() async throws {
        let server = try makeServer(customers: 250)
        let steps = Collected<FetchProgress>()
        let fetched = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100))
            .fetchAll { steps.append($0) }

        let customerSteps = steps.values.filter { $0.resource == .customers }
        #expect(customerSteps.map(\.rows) == [100, 200, 250, 250])
        #expect(customerSteps.last?.isFinished == true)
        for resource in PowerOfficeResource.allCases {
            #expect(steps.values.last { $0.resource == resource }?.rows == fetched.counts[resource])
        }
    }

    @Test("a 401 mid-run renews the token once and repeats the request")
    func renewsOn401() async throws {
        let server = try makeServer(customers: 300)
        server.inject(.expireTokens, path: "Customers", skip: 1)
        // One page after another, so that the 401 falls on a known request.
        let fetched = try await PowerOfficeClient(
            configuration: fastConfiguration(server, pageSize: 100, pagesInFlight: 1)
        ).fetchAll()

        #expect(fetched.counts[.customers] == 300)
        #expect(server.tokensIssued == 2)
        let customerRequests = requests(server, to: "/v2/Customers")
        #expect(customerRequests.map(\.status) == [200, 401, 200, 200, 204])
        #expect(customerRequests[1].query == customerRequests[2].query)
        #expect(customerRequests[1].headers["authorization"] != customerRequests[2].headers["authorization"])
    }

    @Test("a second 401 after renewing is an error, not a loop")
    func secondUnauthorizedFails() async throws {
        let server = try makeServer()
        server.inject(.status(401), path: "Customers", times: 2)
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        #expect(error == .unauthorized(resource: "Customers"))
        #expect(requests(server, to: "/v2/Customers").count == 2)
        #expect(server.tokensIssued == 2)
    }

    @Test("503 is retried, then succeeds")
    func retries503() async throws {
        let server = try makeServer()
        server.inject(.status(503), path: "Customers", times: 2)
        let fetched = try await fetchAll(from: server)

        #expect(fetched.counts[.customers] == 120)
        #expect(requests(server, to: "/v2/Customers").prefix(3).map(\.status) == [503, 503, 200])
    }

    @Test("a dropped connection and a timeout are retried")
    func retriesConnectionProblems() async throws {
        let server = try makeServer()
        server.inject(.dropConnection, path: "Products")
        server.inject(.slow(seconds: 2), path: "ProductGroups")
        var configuration = fastConfiguration(server)
        configuration.requestTimeout = 1
        let fetched = try await PowerOfficeClient(configuration: configuration).fetchAll()

        #expect(fetched.counts[.products] == 44)
        #expect(fetched.counts[.productGroups] == 4)
        #expect(requests(server, to: "/v2/Products").count == 2)
        #expect(requests(server, to: "/v2/ProductGroups").count == 2)
    }

    @Test("429 from the fake's own rate limit is waited out (Retry-After) and the fetch completes")
    func rateLimitedByServer() async throws {
        // The client's limiter is off here, so the fake's limit (3 requests per 0.2 s, scaled down like the client's
        // waits) binds and answers 429 with Retry-After: 1, which the client waits out (scaled: 0.2 s) and retries.
        let server = try makeServer(customers: 1500, rateLimited: true) { $0.rateLimit = (3, 0.2) }
        var configuration = fastConfiguration(server, pageSize: 500)
        configuration.retryPolicy = RetryPolicy(maxAttempts: 30, timeScale: 0.2)
        let fetched = try await PowerOfficeClient(configuration: configuration).fetchAll()

        #expect(fetched.counts[.customers] == 1500)
        #expect(server.requests.contains { $0.status == 429 })
        #expect(fetched.json[.customers] == server.dataSet.jsonArray("Customers"))
    }

    @Test("Retry-After is honoured: the next attempt waits what it says (scaled), not the shorter backoff")
    func retryAfterHonoured() async throws {
        let server = try makeServer()
        server.inject(.status(429, retryAfter: 1), path: "ClientIntegrationInformation")
        var configuration = fastConfiguration(server)
        // Scaled 100 times: Retry-After 1 s is 10 ms, the backoff 0.01 ms.
        configuration.retryPolicy = RetryPolicy(initialBackoff: .milliseconds(1), timeScale: 0.01)
        let notices = Collected<RetryNotice>()
        _ = try await PowerOfficeClient(configuration: configuration) { notices.append($0) }
            .clientIntegrationInformation()

        let attempts = requests(server, to: "/v2/ClientIntegrationInformation")
        #expect(attempts.map(\.status) == [429, 200])
        #expect(notices.values.map(\.wait) == [.milliseconds(10)])
        // A lower bound only: waiting is sleeping at least that long, and a busy machine only makes it longer.
        #expect(attempts[1].receivedAt.timeIntervalSince(attempts[0].receivedAt) >= 0.01)
    }

    @Test("retries stop after five attempts, with the last problem in the message")
    func retriesExhausted() async throws {
        let server = try makeServer()
        server.inject(.status(503), path: "Customers", times: 100)
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.resource == "Customers" && exhausted.attempts == 5)
        #expect(exhausted.url == server.apiURL.absoluteString + "/Customers")
        #expect(exhausted.lastProblem.en.contains("HTTP 503"))
        #expect(requests(server, to: "/v2/Customers").count == 5)
    }

    @Test("an unreachable server is retried, then reported with its URL")
    func unreachableServer() async throws {
        let configuration = try unreachableConfiguration()
        let error = await powerOfficeError { _ = try await PowerOfficeClient(configuration: configuration).fetchAll() }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.resource == "the access token" && exhausted.attempts == 5)
        #expect(exhausted.url == "http://127.0.0.1:1/OAuth/Token")
    }

    @Test("truncated JSON is an error naming the resource and page")
    func truncatedJSON() async throws {
        let server = try makeServer(customers: 300)
        // By page: pages read ahead arrive in any order.
        server.inject(.truncatedJSON, path: "Customers", page: 2)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100)).fetchAll()
        }
        guard case .malformedResponse(let resource, let page, let reason) = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
        #expect(resource == "Customers" && page == 2)
        #expect(reason.en.contains("not valid JSON"))
    }

    @Test("400 and 404 are reported at once, not retried", arguments: [400, 404])
    func clientErrorsNotRetried(status: Int) async throws {
        let server = try makeServer()
        server.inject(.status(status), path: "Products", times: 10)
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        #expect(
            error?.english
                == .requestRejected(
                    resource: "Products", status: status, detail: "Injected fault: The fake answers \(status) as told"))
        #expect(requests(server, to: "/v2/Products").count == 1)
    }

    @Test("403 is not retried and is explained with ClientIntegrationInformation's missing privileges")
    func forbiddenExplained() async throws {
        let server = try makeServer { $0.invalidPrivileges = ["GeneralLedgerAccount", "GeneralLedgerAccount_Full"] }
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        #expect(
            error
                == .forbidden(
                    resource: "GeneralLedgerAccounts", privilege: "GeneralLedgerAccount",
                    invalidPrivileges: ["GeneralLedgerAccount", "GeneralLedgerAccount_Full"],
                    clientName: "Fjordlys Regnskap AS"))
        #expect(requests(server, to: "/v2/GeneralLedgerAccounts").count == 1)
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("HTTP 403"))
        #expect(message.contains("GeneralLedgerAccount, GeneralLedgerAccount_Full"))
        #expect(message.contains("Fjordlys Regnskap AS"))
    }

    @Test("wrong keys get the extension hint, once, and no key in the message")
    func wrongKeys() async throws {
        let server = try makeServer()
        let wrong = PowerOfficeCredentials(
            applicationKey: testKeys.applicationKey, clientKey: "CLIENTKEY-wrong-secret",
            subscriptionKey: testKeys.subscriptionKey)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server, credentials: wrong)).fetchAll()
        }

        #expect(error == .invalidClient(environment: .demo, tokenURL: server.tokenURL.absoluteString))
        let message = error?.localizedDescription ?? ""
        #expect(message.contains("Aktiv"))
        #expect(message.contains("Meny > Administrer > Innstillinger > Utvidelser"))
        #expect(message.contains("same environment (demo or production)"))
        for secret in secretForms + ["CLIENTKEY-wrong-secret"] { #expect(!message.contains(secret)) }
        #expect(server.requests.count == 1)
        #expect(message.contains("POWEROFFICE_CLIENT_KEY holds the client key"))

        // One client of a bureau's: the message names where its key came from.
        var configuration = fastConfiguration(server, credentials: wrong)
        configuration.clientKeySource = "PO_CLIENT_FJORDLYS"
        let named = await powerOfficeError { _ = try await PowerOfficeClient(configuration: configuration).fetchAll() }
        #expect(named?.localizedDescription.contains("PO_CLIENT_FJORDLYS holds the client key (klientnøkkel)") == true)
    }

    @Test("a wrong subscription key is named as such")
    func wrongSubscriptionKey() async throws {
        let server = try makeServer()
        let wrong = PowerOfficeCredentials(
            applicationKey: testKeys.applicationKey, clientKey: testKeys.clientKey, subscriptionKey: "SUBKEY-wrong")
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server, credentials: wrong)).fetchAll()
        }
        guard case .subscriptionKeyRejected(.demo, let message) = error else {
            Issue.record("expected subscriptionKeyRejected, got \(String(describing: error))")
            return
        }
        #expect(message.en.contains("invalid subscription key"))
        let description = error?.localizedDescription ?? ""
        #expect(!description.contains("SUBKEY-wrong"))
    }

    @Test("only GET and the token POST are ever sent, and keys appear only in their own headers")
    func readOnlyAndKeysInPlace() async throws {
        let server = try makeServer(customers: 300)
        server.inject(.expireTokens, path: "Customers", skip: 1)
        server.inject(.status(503), path: "Products")
        _ = try await PowerOfficeClient(configuration: fastConfiguration(server, pageSize: 100)).fetchAll()

        let basic = "Basic " + Data("\(testKeys.applicationKey):\(testKeys.clientKey)".utf8).base64EncodedString()
        for request in server.requests {
            if request.method == "POST" {
                #expect(request.path == "/OAuth/Token")
            } else {
                #expect(request.method == "GET")
            }
            var rest = request
            #expect(rest.headers.removeValue(forKey: "ocp-apim-subscription-key") == testKeys.subscriptionKey)
            if request.method == "POST" { #expect(rest.headers.removeValue(forKey: "authorization") == basic) }
            for secret in secretForms { #expect(!rest.fullText.contains(secret)) }
        }
    }
}

/// Values appended from any task, read after the fact.
final class Collected<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value] = []

    func append(_ value: Value) {
        lock.lock()
        storage.append(value)
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
