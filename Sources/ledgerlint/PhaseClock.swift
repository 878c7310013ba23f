import Foundation

/// Prints how long each phase of a run took to stderr when `LEDGERLINT_TIMINGS` is set: for profiling and for
/// the benchmarks, never in normal output.
struct PhaseClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        Console.error(String(format: "timing: %8.1f ms  %@\n", Double(now - last) / 1e6, phase))
        last = now
    }
}
