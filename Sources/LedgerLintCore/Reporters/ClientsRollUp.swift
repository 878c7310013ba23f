import Foundation
import LedgerLintText

/// What is kept of a check of many clients once each client's part of the report is written: a row of counts per
/// client, and the run's own facts. The roll-up table, the total line and `--fail-on` all come from it, so every
/// format shows the same numbers, and a run of 200 clients keeps 200 rows rather than every client's findings.
public struct ClientsRollUp: Sendable, Hashable {
    /// One line of the roll-up table.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var folder: String
        /// Counts of every finding found now, counted or already in the baseline; `nil` for a failed client.
        public var found: Summary?
        /// Counts of the findings that count (suppressed and baselined ones excluded); `nil` for a failed client.
        public var counted: Summary?
        /// Findings not in the baseline (the ones that count), when the run had a baseline; else `nil`.
        public var new: Int?
        /// Why the client could not be checked.
        public var failure: String?
    }

    public var language: Language
    /// `DIR` as the user named it.
    public var folder: String
    /// Whether the run compared against a baseline: the roll-up then has a column of new findings.
    public var hasBaseline: Bool
    /// When the check ran, for the headers of the reports a person reads (HTML); nil leaves it out.
    public var checkedAt: Date?
    /// A row per client, in the run's order.
    public private(set) var rows: [Row] = []

    public init(language: Language, folder: String, hasBaseline: Bool = false, checkedAt: Date? = nil) {
        self.language = language
        self.folder = folder
        self.hasBaseline = hasBaseline
        self.checkedAt = checkedAt
    }

    /// Adds the row of `client`, the next client of the run.
    public mutating func add(_ client: ClientsReport.Client) {
        guard let report = client.report else {
            rows.append(.init(name: client.name, folder: client.folder, failure: client.result.failure))
            return
        }
        let unchanged = report.baseline?.unchanged ?? []
        rows.append(
            .init(
                name: client.name, folder: client.folder, found: Summary(report.findings + unchanged),
                counted: report.summary, new: hasBaseline ? report.findings.count : nil))
    }

    static let clientWord = LocalizedText(en: "Client", nb: "Klient")
    static let newWord = LocalizedText(en: "New", nb: "Nye")

    /// What every format says of a client that could not be checked, before the reason.
    public static let couldNotBeChecked = LocalizedText(en: "could not be checked", nb: "kunne ikke kontrolleres")

    /// The roll-up's column headings in every format: the client, the severities (most severe first), and the new
    /// findings after a baseline.
    public var headings: [String] {
        [Self.clientWord[language]] + Severity.allCases.reversed().map { MarkdownReporter.capitalized($0.plural[language]) }
            + (hasBaseline ? [Self.newWord[language]] : [])
    }

    /// Counts of the findings that count, over every checked client: what `--fail-on` is measured against.
    public var summary: Summary { rows.compactMap(\.counted).reduce(Summary([]), +) }

    /// How many clients could not be checked.
    public var failedCount: Int { rows.count { $0.found == nil } }

    /// The roll-up's last line: `3 clients: 4 errors, 1 warning, 0 info; 2 new; 1 could not be checked`.
    public var totalLine: String {
        let found = rows.compactMap(\.found).reduce(Summary([]), +)
        let language = language
        let count = rows.count
        var line = LocalizedText(
            en: count == 1 ? "1 client" : "\(count) clients",
            nb: count == 1 ? "1 klient" : "\(count) klienter")[language] + ": "
            + Severity.allCases.reversed().map { TextReporter.countText(found.count(of: $0), $0, language: language) }
            .joined(separator: ", ")
        if hasBaseline {
            let new = rows.compactMap(\.new).reduce(0, +)
            line += "; " + LocalizedText(en: "\(new) new", nb: "\(new) nye")[language]
        }
        if failedCount > 0 {
            line += "; \(failedCount) " + Self.couldNotBeChecked[language]
        }
        return line
    }
}
