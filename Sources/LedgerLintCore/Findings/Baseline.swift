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
        var remaining: [BaselineEntry: Int] = [:]
        for entry in entries { remaining[entry, default: 0] += 1 }
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
        let fixed = remaining.flatMap { entry, count in Array(repeating: entry, count: count) }.sorted()
        return (new, BaselineComparison(unchanged: unchanged, fixed: fixed))
    }

    /// The baseline as written to a file: stable, sorted, one entry per line for readable diffs.
    public func encoded() -> Data {
        // Encoding strings and integers cannot fail.
        return (try? JSONOutput.document(self)) ?? Data("\n".utf8)
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func load(from url: URL) throws(BaselineError) -> Baseline {
        let path = url.relativePath
        let data: Data
        do {
            data = try InputFile.read(url.path)
        } catch {
            throw error.isMissing ? .notFound(path: path) : .unreadable(.unreadable(path: path, reason: error.reason))
        }
        let baseline: Baseline
        do {
            let value = try JSONInput.parse(data, path: path)
            baseline = try JSONInput.decode(Baseline.self, from: value, path: path, strict: true)
        } catch JSONError.malformedJSON(_, let line, let column, let reason) {
            throw .unreadable(.malformedJSON(path: path, line: line, column: column, reason: reason))
        } catch JSONError.unexpectedJSON(_, let jsonPath, let reason) {
            throw .unreadable(
                .unexpectedJSON(
                    path: path, jsonPath: jsonPath,
                    reason: reason
                        + LocalizedText(
                            en: " (is this a file written by --write-baseline?)",
                            nb: " (er dette en fil skrevet av --write-baseline?)")))
        } catch {
            throw .unreadable(.unexpectedJSON(path: path, jsonPath: "", reason: LocalizedText(describing: error)))
        }
        guard baseline.version == FileVersion.supported else { throw .unsupportedVersion(path: path, version: baseline.version) }
        return baseline
    }
}
