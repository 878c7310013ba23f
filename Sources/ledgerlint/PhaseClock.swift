import Foundation

/// Prints how long each phase of a run took, the memory in use after it and the most it used during it, to stderr
/// when `LEDGERLINT_TIMINGS` is set: for profiling and for the benchmarks, never in normal output.
struct PhaseClock {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds

    init(enabled: Bool) {
        self.enabled = enabled
        if enabled { Self.resetPeak() }
    }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        var memory = Self.residentMegabytes().map { String(format: "  (resident %.0f MB", $0) } ?? ""
        if !memory.isEmpty {
            memory += Self.peakMegabytes().map { String(format: ", peak %.0f MB)", $0) } ?? ")"
        }
        Console.error(String(format: "timing: %8.1f ms  %@%@\n", Double(now - last) / 1e6, phase, memory))
        Self.resetPeak()
        last = now
    }

    /// The most resident memory since the last reset, from `VmHWM` in `/proc/self/status` (Linux); nil elsewhere.
    static func peakMegabytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .ascii),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3))
        else { return nil }
        return kilobytes / 1024
    }

    /// Starts a new peak (Linux 4.0 and later: writing 5 to `clear_refs`), so that each phase reports its own.
    private static func resetPeak() {
        if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            try? handle.write(contentsOf: Data("5".utf8))
            try? handle.close()
        }
    }

    /// Resident set size from `/proc/self/statm` (Linux); nil elsewhere.
    static func residentMegabytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }
}
