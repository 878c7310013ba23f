import Foundation

/// Prints how long each phase of a run took, and the memory in use after it, to stderr when `LEDGERLINT_TIMINGS`
/// is set: for profiling and for the benchmarks, never in normal output.
struct PhaseClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let memory = Self.residentMegabytes().map { String(format: "  (resident %.0f MB)", $0) } ?? ""
        Console.error(String(format: "timing: %8.1f ms  %@%@\n", Double(now - last) / 1e6, phase, memory))
        last = now
    }

    /// Resident set size from `/proc/self/statm` (Linux); nil elsewhere.
    static func residentMegabytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
