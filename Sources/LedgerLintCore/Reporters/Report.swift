import Foundation
import LedgerLintText

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
    public var metadata: SnapshotManifest?
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
        suppressed: [SuppressedFinding] = [], baseline: BaselineComparison? = nil, metadata: SnapshotManifest? = nil,
        filterKeys: [String]? = nil, lookups: [KeyLookup] = [],
        checkedAt: Date? = nil
    ) {
        // A run's findings come in report order already (`RuleSet` sorts them): then they are handed on as they
        // are, not sorted into a copy.
        self.findings = Finding.areInReportOrder(findings) ? findings : findings.sorted(by: Finding.reportOrder)
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

    /// For a `--key` report, the sentence every format starts with (`Filtered by --key: only findings about …`);
    /// `nil` for a whole audit. Where each key was found follows it, in `lookups`.
    public var filterSentence: String? {
        filterKeys.map { KeyFilter.sentence(keys: $0, language: language) }
    }

    /// Counts of the findings that count (suppressed and baselined ones excluded).
    public var summary: Summary { Summary(findings) }
}
