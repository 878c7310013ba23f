import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

@Suite("RetryPolicy")
struct RetryPolicyTests {
    @Test("waits double from the initial backoff up to the maximum")
    func exponentialBackoff() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(500), maxBackoff: .seconds(4))
        let waits = (1...6).map { policy.delay(afterAttempt: $0, retryAfter: nil) }
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4), .seconds(4)])
    }

    @Test("Retry-After replaces the backoff, capped, and everything is scaled")
    func retryAfterAndScale() {
        let policy = RetryPolicy(maxRetryAfter: .seconds(120))
        #expect(RetryPolicy.standard.maxRetryAfter == .seconds(30))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3)) == .seconds(3))
        #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(3600)) == .seconds(120))
        let scaled = RetryPolicy(timeScale: 0.01)
        #expect(scaled.delay(afterAttempt: 1, retryAfter: .seconds(1)) == .milliseconds(10))
        #expect(scaled.delay(afterAttempt: 2, retryAfter: nil) == .milliseconds(10))
    }

    @Test(
        "Retry-After header forms",
        arguments: [
            ("1", Duration.seconds(1)), ("2.5", .milliseconds(2500)), (" 0 ", .zero),
            ("Sun, 06 Nov 1994 08:49:37 GMT", .seconds(10)),
        ] as [(String, Duration)])
    func retryAfterParsing(header: String, expected: Duration) {
        let now = Date(timeIntervalSince1970: 784_111_767)  // 10 s before the HTTP date above
        #expect(RetryPolicy.retryAfter(header, now: now) == expected)
    }

    @Test("unusable Retry-After headers are ignored", arguments: [nil, "", "soon", "-1"] as [String?])
    func retryAfterIgnored(header: String?) {
        #expect(RetryPolicy.retryAfter(header) == nil)
    }

    @Test("429 and 5xx are retried; 400, 401, 403, 404 are not")
    func retryableStatuses() {
        #expect([429, 500, 502, 503, 504].allSatisfy(RetryPolicy.isRetryable(status:)))
        #expect(![200, 204, 400, 401, 403, 404, 409].contains(where: RetryPolicy.isRetryable(status:)))
    }
}

/// 429s are waited out for a bounded time, not a number of attempts.
@Suite("Rate limit patience")
struct RateLimitPatienceTests {
    @Test("a run of 429s longer than five attempts is waited out")
    func waitedOut() async throws {
        let server = try makeServer()
        server.inject(.status(429, retryAfter: 1), path: "Customers", times: 12)
        let fetched = try await fetchAll(from: server)

        #expect(fetched.counts[.customers] == 120)
        #expect(requests(server, to: "/v2/Customers").filter { $0.status == 429 }.count == 12)
    }

    @Test("429s without end give up once the patience is used up, and say why")
    func givesUp() async throws {
        let server = try makeServer()
        server.inject(.status(429, retryAfter: 1), path: "Customers", times: 1000)
        // Scaled 100 times: Retry-After 1 s waits 10 ms, and the 60 s patience is 0.6 s.
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        guard case .rateLimited(let resource, _, let waited, let lastProblem) = error else {
            Issue.record("expected rateLimited, got \(String(describing: error))")
            return
        }
        #expect(resource == "Customers" && waited >= .milliseconds(600) && lastProblem.en.contains("HTTP 429"))
        #expect(requests(server, to: "/v2/Customers").count == 61)
        #expect(error?.localizedDescription.contains("shared by everything that uses this subscription key") == true)
    }
}
