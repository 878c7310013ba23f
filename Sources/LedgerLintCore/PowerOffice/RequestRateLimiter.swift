/// A sliding-window limiter shared by every request of one client, the token request included.
///
/// Each `acquire()` reserves the earliest moment at which one more request keeps every window of
/// `limit.interval` at or below `limit.requests`, then sleeps until then. Reservations are handed out in call
/// order, so concurrent fetches share the budget fairly and never burst past it.
public actor RequestRateLimiter {
    public let limit: RateLimit
    private let clock = ContinuousClock()
    /// Granted (possibly future) request times, ascending; only the last `limit.requests` matter.
    private var grants: [ContinuousClock.Instant] = []

    public init(_ limit: RateLimit) {
        self.limit = limit
    }

    /// Waits until one more request fits in the limit. Throws `CancellationError` if the task is cancelled meanwhile.
    public func acquire() async throws {
        let slot = reserve(at: clock.now)
        if slot > clock.now {
            try await clock.sleep(until: slot, tolerance: nil)
        }
        try Task.checkCancellation()
    }

    /// Books the earliest slot at or after `now` and returns it (internal for tests: the schedule is exact, whereas
    /// the times at which sleeping tasks wake are not).
    func reserve(at now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var slot = now
        if grants.count >= limit.requests {
            slot = max(now, grants[grants.count - limit.requests] + limit.interval)
        }
        grants.append(slot)
        if grants.count > limit.requests {
            grants.removeFirst(grants.count - limit.requests)
        }
        return slot
    }
}
