import Foundation
import LedgerLintJSON
import LedgerLintText

/// How often and how long to wait before repeating a request that failed for a reason that may pass: HTTP 429,
/// any 5xx, a timeout or a lost connection.
///
/// Waits double from `initialBackoff` up to `maxBackoff`; a `Retry-After` header (in seconds) replaces the computed
/// wait. 400, 401, 403 and 404 are never retried here (a 401 renews the token instead, once).
///
/// What a request may cost before the run gives up is bounded three ways: 5xx and connection errors get
/// `maxAttempts` attempts in all; timeouts end it after `maxTimeouts` (a server that never answers costs that many
/// request timeouts, not five); and 429s, which mean "wait", are waited out for up to `rateLimitPatience` in all,
/// since other processes with the same subscription key may be using the budget for a while.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included, for answers and errors other than 429.
    public var maxAttempts: Int
    /// Timeouts after which a request is given up, even with attempts left.
    public var maxTimeouts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// The longest `Retry-After` honoured; a server asking for more gets this.
    public var maxRetryAfter: Duration
    /// How long one request's 429s are waited out in all before it is given up.
    public var rateLimitPatience: Duration
    /// Multiplies every wait, `Retry-After` and `rateLimitPatience` included. 1 in real runs; tests shrink it to stay
    /// fast.
    public var timeScale: Double

    public init(
        maxAttempts: Int = 5, maxTimeouts: Int = 2, initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(16), maxRetryAfter: Duration = .seconds(30),
        rateLimitPatience: Duration = .seconds(60), timeScale: Double = 1
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxTimeouts = max(1, maxTimeouts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.rateLimitPatience = rateLimitPatience
        self.timeScale = timeScale
    }

    public static let standard = RetryPolicy()

    /// The wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
    public func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
        let wait: Duration
        if let retryAfter {
            wait = min(retryAfter, maxRetryAfter)
        } else {
            let doublings = min(max(attempt - 1, 0), 30)
            wait = min(initialBackoff * (1 << doublings), maxBackoff)
        }
        return wait * timeScale
    }

    /// Whether an HTTP status is worth another attempt.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// The `Retry-After` header as a duration: delta-seconds (`"1"`, `"2.5"`) or an HTTP date.
    public static func retryAfter(_ header: String?, now: Date = Date()) -> Duration? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int64(seconds * 1000))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }
}
