/// What a reporter turns into text: the findings of one run and the rules that ran.
public struct Report: Sendable, Hashable {
    /// Findings in report order (`Finding.reportOrder`).
    public var findings: [Finding]
    /// Every rule that ran, in rule-set order, including those that found nothing.
    public var rules: [Rule]
    public var language: Language
    /// The snapshot folder as the user named it, for headers.
    public var snapshot: String

    public init(findings: [Finding], rules: [Rule], language: Language, snapshot: String) {
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.rules = rules
        self.language = language
        self.snapshot = snapshot
    }

    public var summary: Summary { Summary(findings) }
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
}

/// Name and version that reports carry.
public enum Tool {
    public static let name = "ledgerlint"
    public static let version = "0.1.0"
}
