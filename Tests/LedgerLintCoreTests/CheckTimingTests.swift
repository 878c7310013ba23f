import Foundation
import LedgerLintCore
import Testing

/// A timing harness for `docs/performance.md`, not a test of behaviour: it runs only when
/// `LEDGERLINT_TIMING_SNAPSHOT` names a snapshot (for example one written by `benchmarks/generate.py`), and prints
/// how long each phase of `ledgerlint check` takes on it, with the memory in use and the peak so far: reading the
/// snapshot, building the dataset, evaluating each rule alone and all together, rendering, and reading each side
/// alone. Run it optimised:
///
///     LEDGERLINT_TIMING_SNAPSHOT=/tmp/snap swift test -c release -Xswiftc -enable-testing \
///         --filter CheckTimingTests
@Suite struct CheckTimingTests {
    static let snapshot = ProcessInfo.processInfo.environment["LEDGERLINT_TIMING_SNAPSHOT"]

    /// A line of `/proc/self/status` in megabytes (Linux only; "?" elsewhere).
    static func memory(_ field: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return "?" }
        return String(kilobytes / 1024)
    }

    @Test(.enabled(if: snapshot != nil, "set LEDGERLINT_TIMING_SNAPSHOT to time a snapshot"))
    func phases() throws {
        let folder = URL(fileURLWithPath: try #require(Self.snapshot))
        var lines: [String] = []
        func time<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try work()
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            lines.append(
                label.padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%9.1f ms", milliseconds)
                    + "   RSS \(Self.memory("VmRSS")) MB, peak \(Self.memory("VmHWM")) MB")
            return result
        }
        let snapshot = try time("read both (SnapshotReader.read)") { try SnapshotReader.read(at: folder) }
        let dataset = time("Dataset(snapshot)") { Dataset(snapshot) }
        let rules = try RuleSet.builtIn()
        for rule in rules.rules {
            let single = try RuleSet([(rule, rules.sources[rule.id] ?? rule.id)])
            _ = time("  rule \(rule.id)") { single.evaluate(dataset, language: .en) }
        }
        let findings = time("evaluate all rules") { rules.evaluate(dataset, language: .en) }
        let report = time("Report(findings: \(findings.count))") {
            Report(findings: findings, rules: rules.rules, language: .en, snapshot: folder.path)
        }
        _ = time("render text") { OutputFormat.text.reporter(color: false).render(report) }
        _ = time("render json") { OutputFormat.json.reporter(color: false).render(report) }
        _ = try time("read assist/ alone") { try SnapshotReader.readAssist(at: folder) }
        _ = try time("read poweroffice/ alone") { try SnapshotReader.readPowerOffice(at: folder) }
        print("CheckTimingTests on \(folder.path) (\(snapshot.assistCustomers.count) Assist customers, "
            + "\(snapshot.powerOffice.customers.count) PowerOffice customers):\n" + lines.joined(separator: "\n"))
        #expect(!findings.isEmpty)
    }
}
