#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LedgerLintJSON
import LedgerLintText

/// The time on the system's monotonic clock (`CLOCK_MONOTONIC`), as time since it started (boot, on Linux).
///
/// Unlike `ContinuousClock`'s instants, which are opaque to other processes, this is the same number in every
/// process on the machine, and it does not jump when the wall clock is set: so the rate limiter can share its
/// grants with other processes through a file (`SharedRateBudget`), and token expiry is measured on it too.
enum MonotonicTime {
    static func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }

    /// Sleeps until `instant` (at once if it has passed). Throws `CancellationError` if the task is cancelled.
    static func sleep(until instant: Duration) async throws {
        let wait = instant - now()
        if wait > .zero { try await Task.sleep(for: wait) }
        try Task.checkCancellation()
    }

    /// Nanoseconds, as `SharedRateBudget` writes times.
    static func nanoseconds(_ instant: Duration) -> Int64 {
        instant.components.seconds * 1_000_000_000 + instant.components.attoseconds / 1_000_000_000
    }
}
