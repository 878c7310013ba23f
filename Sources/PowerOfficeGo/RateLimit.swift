import LedgerLintJSON
import LedgerLintText

/// At most `requests` requests in any window of length `interval`.
public struct RateLimit: Sendable, Hashable {
    public var requests: Int
    public var interval: Duration

    public init(requests: Int, per interval: Duration) {
        self.requests = max(1, requests)
        self.interval = interval
    }

    /// PowerOffice allows 10 requests per second per subscription key. The extra 100 ms leave room for network
    /// jitter: requests granted exactly one second apart can arrive closer together than that.
    public static let powerOffice = RateLimit(requests: 10, per: .milliseconds(1100))

    /// The earliest moment at or after `now` at which one more request keeps every window at or below the limit,
    /// after requests at the times `earlier` (ascending; only the last `requests` of them matter).
    ///
    /// The one rule both the limiter's schedule and its record of what was sent follow, in this process and
    /// across processes (`RequestRateLimiter`, `SharedRateBudget`).
    func nextSlot(after earlier: [Duration], at now: Duration) -> Duration {
        guard earlier.count >= requests else { return now }
        return max(now, earlier[earlier.count - requests] + interval)
    }
}
