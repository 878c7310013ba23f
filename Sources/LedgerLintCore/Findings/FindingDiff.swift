import Foundation
import LedgerLintText

/// What changed between two runs (`ledgerlint diff OLD NEW`): findings matched by rule, system, entity and key, as a
/// baseline matches them, so a finding whose message changed (another language, a new wording) is unchanged.
public struct FindingDiff: Sendable {
    /// Findings of the new run that the old one did not have.
    public var new: [Finding]
    /// Findings of the old run that the new one no longer has.
    public var fixed: [Finding]
    /// Findings of the new run that the old one had too.
    public var unchanged: [Finding]

    public init(old: [Finding], new: [Finding]) {
        let match = Baseline.match(old, identity: BaselineEntry.init, against: new)
        self.new = match.new
        fixed = match.gone
        unchanged = match.unchanged
    }

    /// For each rule with any finding in either run, how many are new, fixed and unchanged; sorted by rule id.
    public var byRule: [(rule: String, new: Int, fixed: Int, unchanged: Int)] {
        var counts: [String: (new: Int, fixed: Int, unchanged: Int)] = [:]
        for finding in new { counts[finding.rule, default: (0, 0, 0)].new += 1 }
        for finding in fixed { counts[finding.rule, default: (0, 0, 0)].fixed += 1 }
        for finding in unchanged { counts[finding.rule, default: (0, 0, 0)].unchanged += 1 }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.new, $0.value.fixed, $0.value.unchanged) }
    }
}

/// A JSON report read back: its version and its findings (docs/output-formats.md#json). Other keys (the summary, the
/// suppressed findings, a filter) are not needed to compare two runs and are let be.
struct ReportFile: SavedFile {
    var version: Int
    var findings: [Finding]
}
