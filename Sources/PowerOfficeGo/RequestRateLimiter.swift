import LedgerLintJSON
import LedgerLintText

/// A sliding-window limiter shared by every request of one client, the token request included, and through a
/// `SharedRateBudget` by every process on the machine that uses the same subscription key.
///
/// Each `acquire()` first books the earliest moment at which one more request keeps every window of
/// `limit.interval` at or below `limit.requests` (`reserve(at:)`), then sleeps until then. Bookings are handed out
/// in call order, so concurrent fetches of one process share the budget fairly and never burst past it.
///
/// Waking up is not sending, though: on a busy machine a task may wake late, after later bookings, and a burst of
/// late wake-ups would crowd a window. So the moment of sending is recorded too (`confirm`), against the times
/// requests were really sent, and a request that would crowd a window waits until it would not. That record lives
/// in this process, or in the shared budget's file, where other processes' requests count as well.
///
/// Times are on `MonotonicTime`, the clock every process on the machine reads alike.
public actor RequestRateLimiter {
    public let limit: RateLimit
    private let shared: SharedRateBudget?
    /// Booked (possibly future) request times, ascending, from one interval before the latest reservation on.
    private var booked: [Duration] = []
    /// When requests were sent, if no shared budget keeps that; only the last `limit.requests` matter.
    private var sent: [Duration] = []

    /// - Parameter shared: the budget shared with other processes using the same subscription key; `nil` to limit
    ///   this process only.
    public init(_ limit: RateLimit, sharedWith shared: SharedRateBudget? = nil) {
        self.limit = limit
        self.shared = shared
    }

    /// The limiter for requests made with `configuration`: its `rateLimit`, shared with the other processes on this
    /// machine that use the same subscription key when `sharedRateLimitFolder` is set (and its budget file can be
    /// opened). One per run: every client of the run that uses this subscription key should be given it.
    public init(for configuration: PowerOfficeConfiguration) {
        let shared = configuration.sharedRateLimitFolder.flatMap {
            SharedRateBudget(folder: $0, subscriptionKey: configuration.credentials.subscriptionKey)
        }
        self.init(configuration.rateLimit, sharedWith: shared)
    }

    /// Waits until one more request fits in the limit. Throws `CancellationError` if the task is cancelled meanwhile.
    ///
    /// A wait that is cancelled gives its slot back (`release(_:)`): pages asked for ahead past the end of a list are
    /// cancelled while they wait, and a bureau's fetch of hundreds of clients would otherwise leave a few unused slots
    /// per client in the schedule, seconds of the run's budget in all.
    public func acquire() async throws {
        let slot = reserve(at: MonotonicTime.now())
        do {
            try await MonotonicTime.sleep(until: slot)
        } catch {
            release(slot)
            throw error
        }
        try await confirm()
    }

    /// Takes `slot` out of the schedule: its request will not be sent (internal for tests). What is really sent is
    /// still kept to the limit by `confirm`, whatever the schedule says.
    func release(_ slot: Duration) {
        if let index = booked.lastIndex(of: slot) { booked.remove(at: index) }
    }

    /// When a request asked for now would be granted, as far as this process knows: to check that the access token
    /// it will carry lasts until then.
    func expectedSlot() -> Duration {
        limit.nextSlot(after: booked, at: MonotonicTime.now())
    }

    /// Books the earliest slot at or after `now` and returns it (internal for tests: the schedule is exact, whereas
    /// the times at which sleeping tasks wake are not).
    func reserve(at now: Duration) -> Duration {
        let slot = limit.nextSlot(after: booked, at: now)
        // Kept in order, and as far back as a window reaches: a slot may fill a gap a released one left.
        booked.removeAll { $0 <= now - limit.interval }
        booked.insert(slot, at: booked.firstIndex { $0 > slot } ?? booked.endIndex)
        return slot
    }

    /// Records that a request is sent now, once that keeps every window within the limit, waiting as long as needed.
    private func confirm() async throws {
        while true {
            let wait: Duration?
            if let shared {
                wait = shared.record(limit: limit)
            } else {
                wait = record(at: MonotonicTime.now())
            }
            guard let wait else { return }
            try await MonotonicTime.sleep(until: wait)
        }
    }

    /// Records a request sent at `now` in `sent` and returns `nil`, or, when that would crowd a window, returns
    /// when it would not (internal for tests).
    func record(at now: Duration) -> Duration? {
        let slot = limit.nextSlot(after: sent, at: now)
        guard slot <= now else { return slot }
        Self.append(now, to: &sent, keeping: limit.requests)
        return nil
    }

    private static func append(_ time: Duration, to times: inout [Duration], keeping count: Int) {
        times.append(time)
        if times.count > count { times.removeFirst(times.count - count) }
    }
}
