import Foundation
import LedgerLintCore
import Testing

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
