import Foundation

/// What a reporter turns into text: the findings of one run and the rules that ran.
public struct Report: Sendable, Hashable {
    /// Findings that count: not suppressed, not in the baseline. In report order (`Finding.reportOrder`).
    public var findings: [Finding]
    /// Findings a suppression with a reason hid: not shown in text or counted, but kept visible in JSON and SARIF.
    public var suppressed: [SuppressedFinding]
    /// Set when the run compared against a baseline (`--baseline`).
    public var baseline: BaselineComparison?
    /// Every rule that ran, in rule-set order, including those that found nothing.
    public var rules: [Rule]
    public var language: Language
    /// The snapshot folder as the user named it, for headers and file locations.
    public var snapshot: String
    /// What the snapshot's `manifest.json` says about where the data came from, when it has one.
    public var metadata: SnapshotMetadata?
    /// The keys `--key` asked for, when the report shows only their findings; `nil` for a whole audit.
    public var filterKeys: [String]?
    /// Where each `--key` was found, in the order asked: every report shows it above the findings.
    public var lookups: [KeyLookup]
    /// When the check ran, for the headers of the reports a person reads (HTML); nil leaves it out.
    ///
    /// Not in JSON, SARIF or JUnit: there it would make every run's output differ from the last.
    public var checkedAt: Date?

    public init(
        findings: [Finding], rules: [Rule], language: Language, snapshot: String,
        suppressed: [SuppressedFinding] = [], baseline: BaselineComparison? = nil, metadata: SnapshotMetadata? = nil,
        filterKeys: [String]? = nil, lookups: [KeyLookup] = [],
        checkedAt: Date? = nil
    ) {
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.suppressed = suppressed.sorted { Finding.reportOrder($0.finding, $1.finding) }
        self.baseline = baseline
        self.rules = rules
        self.language = language
        self.snapshot = snapshot
        self.metadata = metadata
        self.filterKeys = filterKeys
        self.lookups = lookups
        self.checkedAt = checkedAt
    }

    /// Counts of the findings that count (suppressed and baselined ones excluded).
    public var summary: Summary { Summary(findings) }
}

/// A finding hidden by a suppression entry, with the entry's reason.
public struct SuppressedFinding: Sendable, Hashable, Codable {
    public var finding: Finding
    /// Why the finding is accepted, as the suppression entry says.
    public var reason: String
    /// The last day (`yyyy-MM-dd`) the suppression applies, if it has one.
    public var expires: String?

    public init(finding: Finding, reason: String, expires: String? = nil) {
        self.finding = finding
        self.reason = reason
        self.expires = expires
    }
}

/// The result of comparing a run with a baseline: what was already known, and what has been fixed since.
public struct BaselineComparison: Sendable, Hashable, Codable {
    /// Findings present in the baseline too: not shown or counted.
    public var unchanged: [Finding]
    /// Baseline entries no longer found: fixed since the baseline was written.
    public var fixed: [BaselineEntry]

    public init(unchanged: [Finding], fixed: [BaselineEntry]) {
        self.unchanged = unchanged
        self.fixed = fixed
    }
}

/// A finding's identity across runs: never its message text, which changes with language and version.
public struct BaselineEntry: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var system: System
    public var entity: Entity
    public var key: String

    public init(rule: String, system: System, entity: Entity, key: String) {
        self.rule = rule
        self.system = system
        self.entity = entity
        self.key = key
    }

    public init(_ finding: Finding) {
        self.init(rule: finding.rule, system: finding.system, entity: finding.entity, key: finding.key)
    }

    public static func < (lhs: BaselineEntry, rhs: BaselineEntry) -> Bool {
        (lhs.rule, lhs.system.rawValue, lhs.entity.rawValue, lhs.key) < (rhs.rule, rhs.system.rawValue, rhs.entity.rawValue, rhs.key)
    }
}

/// Where a snapshot's data came from, read from its `manifest.json` (written by `ledgerlint fetch`).
public struct SnapshotMetadata: Sendable, Hashable, Codable {
    /// The PowerOffice client's name.
    public var client: String?
    /// When PowerOffice was read (ISO 8601).
    public var fetchedAt: String?
    /// `production` or `demo`.
    public var environment: String?

    public init(client: String? = nil, fetchedAt: String? = nil, environment: String? = nil) {
        self.client = client
        self.fetchedAt = fetchedAt
        self.environment = environment
    }
}

/// Turns a report into the text of one output format. Pure: no I/O, same report → same text.
public protocol Reporter: Sendable {
    func render(_ report: Report) -> String
}

/// The output formats `--format` accepts.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case text
    case json
    case junit
    case sarif
    case github
    case markdown
    case html
    case csv
}

/// Name and version that reports carry. `Tool.commit` is generated at build time from the git checkout
/// (Plugins/EmbedRulesPlugin, Sources/embed-commit).
public enum Tool {
    public static let name = "ledgerlint"
    /// The one place the version is written.
    public static let version = "0.1.0"

    /// What `ledgerlint --version` prints after the name: `0.1.0 (1b5db2b)`, or `0.1.0 (unknown commit)` for a
    /// build outside a git checkout.
    public static var versionAndCommit: String { "\(version) (\(commit ?? "unknown commit"))" }
}
