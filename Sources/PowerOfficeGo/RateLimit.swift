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
    /// after requests at the times `earlier` (ascending).
    ///
    /// The one rule both the limiter's schedule and its record of what was sent follow, in this process and
    /// across processes (`RequestRateLimiter`, `SharedRateBudget`). For times in the past it is the window after the
    /// `requests`-th last; a schedule of future times may have a gap where a booked request was called off
    /// (`RequestRateLimiter.release`), and a request that fits in the gap gets it, rather than the time after the last.
    func nextSlot(after earlier: [Duration], at now: Duration) -> Duration {
        // Only times less than an interval before now, or later, share a window with a request at now or later.
        let times = earlier.drop { $0 <= now - interval }
        guard times.count >= requests else { return now }
        // The earliest time that fits is now, or an interval after one of the times: where a window stops holding it.
        let candidates = ([now] + times.map { $0 + interval }.filter { $0 > now }).sorted()
        return candidates.first { fits($0, among: Array(times)) } ?? max(now, (times.last ?? now) + interval)
    }

    /// Whether a request at `time` keeps every window at or below the limit among `times` (ascending): with it
    /// added, every `requests + 1` requests in a row span at least `interval`.
    private func fits(_ time: Duration, among times: [Duration]) -> Bool {
        var merged = times
        let position = merged.firstIndex { $0 > time } ?? merged.count
        merged.insert(time, at: position)
        for first in max(0, position - requests)...position where first + requests < merged.count {
            if merged[first + requests] - merged[first] < interval { return false }
        }
        return true
    }
}
