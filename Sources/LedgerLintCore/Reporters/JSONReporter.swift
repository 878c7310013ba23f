import Foundation
import LedgerLintJSON

/// The machine-readable report: one JSON object with the tool, a summary, every finding, the suppressed findings
/// and, after a `--baseline` run, what the baseline comparison found.
///
/// The shape is versioned (`"version": 1`) and documented field by field in `docs/output-formats.md`; adding a
/// field is compatible, renaming or removing one bumps the version. Findings keep the report's order and keys are
/// sorted, so the same report always gives the same bytes and outputs diff cleanly. `message` and `hint` are in
/// the run's language; `rule`, `system`, `entity` and `key` identify a finding across runs and languages.
public struct JSONReporter: Reporter {
    /// The version of the JSON shape, not of the tool.
    public static let schemaVersion = 1

    public init() {}

    public func render(_ report: Report) -> String {
        JSONWriter.document(Self.document(report), capacity: Self.capacity(findings: report.findings.count))
    }

    public func renderData(_ report: Report) -> Data {
        JSONWriter.documentData(Self.document(report), capacity: Self.capacity(findings: report.findings.count))
    }

    public func renderParts(_ report: Report) -> [Data] {
        JSONWriter.documentDataParts(Self.document(report), capacity: Self.capacity(findings: report.findings.count))
    }

    /// What `render(_:)` writes, as a value.
    static func document(_ report: Report) -> Document {
        Document(
            version: Self.schemaVersion, tool: .current, findings: Findings(report),
            filter: report.filterKeys.map { FilterRecord(keys: $0) },
            lookups: report.filterKeys == nil ? nil : report.lookups.map(LookupRecord.init))
    }

    /// Room for a report of `findings` findings, so that its bytes are not copied as they grow: about what a
    /// finding of the benchmark tenants takes, plus the rest of the document.
    static func capacity(findings: Int) -> Int { 4096 + findings * 640 }

    /// The document as pretty-printed JSON with sorted keys, by `JSONEncoder`.
    static func text(_ document: some Encodable) -> String {
        encoded { String(decoding: try JSONOutput.document(document), as: UTF8.self) }
    }

    /// What `encode` gives: JSON of a report's own types.
    static func encoded(_ encode: () throws -> String) -> String {
        do {
            return try encode()
        } catch {
            // Strings and integers always encode; reaching this is a bug in the document types, not bad input.
            preconditionFailure("Encoding a JSON report failed: \(error)")
        }
    }

    /// The top-level object.
    struct Document: Encodable {
        var version: Int
        var tool: ToolInfo
        var findings: Findings
        /// Only written when `--key` filtered the report.
        var filter: FilterRecord?
        /// Where each `--key` was found; only written when `--key` filtered the report.
        var lookups: [LookupRecord]?

        enum CodingKeys: String, CodingKey { case version, tool, filter, lookups }

        func encode(to encoder: any Encoder) throws {
            // The findings' keys and ours in one flat object.
            try findings.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(version, forKey: .version)
            try container.encode(tool, forKey: .tool)
            try container.encodeIfPresent(filter, forKey: .filter)
            try container.encodeIfPresent(lookups, forKey: .lookups)
        }
    }

    /// What a report of one snapshot says of its findings, as the top of a single report and each client of a report
    /// of many clients write it.
    struct Findings: Encodable {
        var summary: Counts
        /// Each record made as it is written.
        var findings: ConcurrentElements<FindingRecord>
        /// Always written (`[]` when nothing was suppressed), so scripts need not test for it.
        var suppressed: [SuppressedRecord]
        /// Only written after a run with a baseline.
        var baseline: BaselineRecord?

        init(_ report: Report) {
            summary = Counts(report.summary)
            let all = report.findings
            findings = ConcurrentElements(count: all.count) { FindingRecord(all[$0]) }
            suppressed = report.suppressed.map(SuppressedRecord.init)
            baseline = report.baseline.map(BaselineRecord.init)
        }
    }

    struct FilterRecord: Encodable {
        var keys: [String]
    }

    /// One `--key`: where it was found (`foundIn`, `matches`), whether Assist exports it (`exported`: written as
    /// `null` when the key names no Assist customer), and the sentence the other reports show (`note`).
    struct LookupRecord: Encodable {
        var lookup: KeyLookup

        init(_ lookup: KeyLookup) { self.lookup = lookup }

        enum CodingKeys: String, CodingKey {
            case key, foundIn, exported, findings, note, matches
        }

        /// A match as the schema spells it: apart from `KeyLookup.Match` for the reason `FindingRecord` is apart
        /// from `Finding`, so that a new model field does not change the published shape by accident.
        struct Match: Encodable {
            var system: String
            var entity: String
            var number: String?
            var name: String?
            var location: FindingRecord.Location?
            var resource: String?
            var id: Int64?
            var exported: Bool?
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(lookup.key, forKey: .key)
            try container.encode(lookup.foundIn.map(\.rawValue), forKey: .foundIn)
            try container.encode(lookup.exported, forKey: .exported)
            try container.encode(lookup.findings, forKey: .findings)
            try container.encode(lookup.note, forKey: .note)
            try container.encode(matches, forKey: .matches)
        }

        var matches: [Match] {
            lookup.matches.map {
                Match(
                    system: $0.system.rawValue, entity: $0.entity.rawValue, number: $0.number, name: $0.name,
                    location: $0.location.map(FindingRecord.Location.init),
                    resource: $0.resource, id: $0.id, exported: $0.exported)
            }
        }
    }

    /// A suppressed finding: the finding's fields, plus the suppression's `reason` and `expires` (left out when
    /// the suppression has no end date).
    struct SuppressedRecord: Encodable {
        var finding: FindingRecord
        var reason: String
        var expires: String?

        init(_ suppressed: SuppressedFinding) {
            finding = FindingRecord(suppressed.finding)
            reason = suppressed.reason
            expires = suppressed.expires
        }

        enum CodingKeys: String, CodingKey {
            case reason, expires
        }

        func encode(to encoder: any Encoder) throws {
            // The finding's keys and ours in one flat object.
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reason, forKey: .reason)
            try container.encodeIfPresent(expires, forKey: .expires)
        }
    }

    /// What the baseline comparison found: how many findings it already had (not listed: they are the
    /// baseline's), and the baseline entries no longer found, by identity.
    struct BaselineRecord: Encodable {
        var unchanged: Int
        var fixed: [Entry]

        struct Entry: Encodable {
            var rule: String
            var system: String
            var entity: String
            var key: String
        }

        init(_ baseline: BaselineComparison) {
            unchanged = baseline.unchanged.count
            fixed = baseline.fixed.sorted().map {
                Entry(rule: $0.rule, system: $0.system.rawValue, entity: $0.entity.rawValue, key: $0.key)
            }
        }
    }

    /// One finding as the schema spells it, kept apart from `Finding` so that a new model field does not change
    /// the published shape by accident. Absent `location` and `line` are omitted rather than written as `null`.
    struct FindingRecord: Encodable {
        var rule: String
        var severity: String
        var message: String
        var hint: String
        var system: String
        var entity: String
        var key: String
        var location: Location?

        struct Location: Encodable {
            var file: String
            var line: Int?
            /// The record's place in a JSON export's array (1-based), where there is no line.
            var record: Int?

            init(_ location: SourceLocation) {
                file = location.file
                line = location.line
                record = location.record
            }
        }

        init(_ finding: Finding) {
            rule = finding.rule
            severity = finding.severity.rawValue
            message = finding.message
            hint = finding.hint
            system = finding.system.rawValue
            entity = finding.entity.rawValue
            key = finding.key
            location = finding.location.map(Location.init)
        }
    }

    struct ToolInfo: Encodable {
        var name: String
        var version: String

        static let current = ToolInfo(name: Tool.name, version: Tool.version)
    }

    struct Counts: Encodable {
        var error: Int
        var warning: Int
        var info: Int
        var total: Int

        init(_ summary: Summary) {
            error = summary.error
            warning = summary.warning
            info = summary.info
            total = summary.total
        }
    }
}
