import Foundation
import LedgerLintText
import LedgerLintJSON

/// The findings a CI gate accepts as already known, so that it fails only on new ones.
///
/// Entries are identified by rule, system, entity and key, never by message text, so a baseline survives a change
/// of language or wording. The same identity may occur more than once (two customers keyed by one name), and is
/// matched as often as it occurs.
public struct Baseline: Sendable, Hashable, Codable {
    public var version: Int
    public var tool: String
    public var entries: [BaselineEntry]

    public init(findings: [Finding]) {
        version = FileVersion.supported
        tool = "\(Tool.name) \(Tool.version)"
        entries = findings.map(BaselineEntry.init).sorted()
    }

    /// Splits findings into new ones and those in the baseline, and lists the entries no longer found.
    public func compare(_ findings: [Finding]) -> (new: [Finding], comparison: BaselineComparison) {
        let match = Self.match(entries, identity: { $0 }, against: findings)
        return (match.new, BaselineComparison(unchanged: match.unchanged, fixed: match.gone.sorted()))
    }

    /// Matches `findings` against what was found before, by identity (rule, system, entity, key), each occurrence
    /// once: what is new, what was there before, and what of before is gone (in `before`'s order).
    static func match<Before>(
        _ before: [Before], identity: (Before) -> BaselineEntry, against findings: [Finding]
    ) -> (new: [Finding], unchanged: [Finding], gone: [Before]) {
        var remaining: [BaselineEntry: Int] = [:]
        for item in before { remaining[identity(item), default: 0] += 1 }
        var new: [Finding] = []
        var unchanged: [Finding] = []
        for finding in findings {
            let entry = BaselineEntry(finding)
            if let count = remaining[entry], count > 0 {
                remaining[entry] = count - 1
                unchanged.append(finding)
            } else {
                new.append(finding)
            }
        }
        // What is left over is gone: the last occurrences of each identity, as `before` lists them.
        var gone: [Before] = []
        for item in before.reversed() {
            let entry = identity(item)
            if let count = remaining[entry], count > 0 {
                remaining[entry] = count - 1
                gone.append(item)
            }
        }
        return (new, unchanged, gone.reversed())
    }
    /// The baseline as written to a file: stable, sorted, one entry per line for readable diffs.
    public func encoded() -> Data {
        // Encoding strings and integers cannot fail.
        return (try? JSONOutput.document(self)) ?? Data("\n".utf8)
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func load(from url: URL) throws(SavedFileError) -> Baseline {
        try read(from: url, writtenBy: "--write-baseline")
    }
}
