import Foundation
import LedgerLintText

/// What a reporter turns into text for a check of many clients (`ledgerlint check DIR`, where `DIR` holds one
/// snapshot folder per client): each client's own `Report`, or why that client could not be checked.
///
/// Each checked client's report is exactly the one a check of that client's folder alone gives (its `snapshot` is
/// `DIR/<folder>`, so file locations point into the client's folder); the roll-up (`rows`, `summary`) is derived
/// from them here, once, so that every format shows the same numbers.
public struct ClientsReport: Sendable, Hashable {
    /// One client of the run, in the run's order (the clients file's, else the folders' names sorted).
    public struct Client: Sendable, Hashable {
        /// The name a person knows the client by: from the clients file, else the snapshot's manifest, else the
        /// folder.
        public var name: String
        /// The client's folder inside `DIR`: one path component, unique in the run. What identifies the client
        /// across runs (JUnit suite names, SARIF run ids, HTML anchors, `diff`).
        public var folder: String
        public var result: Result

        public init(name: String, folder: String, result: Result) {
            self.name = name
            self.folder = folder
            self.result = result
        }

        public enum Result: Sendable, Hashable {
            case checked(Report)
            /// The client could not be checked: why, in the run's language.
            case failed(reason: String)

            /// Why the client could not be checked, when it could not.
            public var failure: String? {
                if case .failed(let reason) = self { return reason }
                return nil
            }
        }

        /// The client's report, when it was checked.
        public var report: Report? {
            if case .checked(let report) = result { return report }
            return nil
        }
    }

    /// One line of the roll-up table.
    public struct Row: Sendable, Hashable {
        public var name: String
        public var folder: String
        /// Counts of every finding found now, counted or already in the baseline; `nil` for a failed client.
        public var found: Summary?
        /// Findings not in the baseline (the ones that count), when the run had a baseline; else `nil`.
        public var new: Int?
        /// Why the client could not be checked.
        public var failure: String?
    }

    public var clients: [Client]
    public var language: Language
    /// `DIR` as the user named it.
    public var folder: String
    /// Whether the run compared against a baseline: the roll-up then has a column of new findings.
    public var hasBaseline: Bool
    /// When the check ran, for the headers of the reports a person reads (HTML); nil leaves it out.
    public var checkedAt: Date?

    public init(clients: [Client], language: Language, folder: String, hasBaseline: Bool = false, checkedAt: Date? = nil) {
        self.clients = clients
        self.language = language
        self.folder = folder
        self.hasBaseline = hasBaseline
        self.checkedAt = checkedAt
    }

    static let clientWord = LocalizedText(en: "Client", nb: "Klient")
    static let newWord = LocalizedText(en: "New", nb: "Nye")

    /// The roll-up's column headings in every format: the client, the severities (most severe first), and the new
    /// findings after a baseline.
    public var headings: [String] {
        [Self.clientWord[language]] + Severity.allCases.reversed().map { MarkdownReporter.capitalized($0.plural[language]) }
            + (hasBaseline ? [Self.newWord[language]] : [])
    }

    /// What every format says of a client that could not be checked, before the reason.
    public static let couldNotBeChecked = LocalizedText(en: "could not be checked", nb: "kunne ikke kontrolleres")

    /// The reports of the clients that were checked, with their clients.
    public var checked: [(client: Client, report: Report)] {
        clients.compactMap { client in client.report.map { (client, $0) } }
    }

    /// The clients that could not be checked.
    public var failed: [Client] { clients.filter { $0.report == nil } }

    /// Counts of the findings that count (suppressed and baselined ones excluded), over every checked client: what
    /// `--fail-on` is measured against.
    public var summary: Summary { checked.map(\.report.summary).reduce(Summary([]), +) }

    /// The roll-up table: a row per client, in the run's order.
    public var rows: [Row] {
        clients.map { client in
            guard let report = client.report else {
                return Row(name: client.name, folder: client.folder, found: nil, new: nil, failure: client.result.failure)
            }
            let unchanged = report.baseline?.unchanged ?? []
            return Row(
                name: client.name, folder: client.folder, found: Summary(report.findings + unchanged),
                new: hasBaseline ? report.findings.count : nil, failure: nil)
        }
    }

    /// The roll-up's last line: `3 clients: 4 errors, 1 warning, 0 info; 2 new; 1 could not be checked`.
    public var totalLine: String {
        let rows = rows
        let found = rows.compactMap(\.found).reduce(Summary([]), +)
        let language = language
        var line = LocalizedText(
            en: clients.count == 1 ? "1 client" : "\(clients.count) clients",
            nb: clients.count == 1 ? "1 klient" : "\(clients.count) klienter")[language] + ": "
            + Severity.allCases.reversed().map { TextReporter.countText(found.count(of: $0), $0, language: language) }
            .joined(separator: ", ")
        if hasBaseline {
            let new = rows.compactMap(\.new).reduce(0, +)
            line += "; " + LocalizedText(en: "\(new) new", nb: "\(new) nye")[language]
        }
        let failed = failed.count
        if failed > 0 {
            line += "; \(failed) " + Self.couldNotBeChecked[language]
        }
        return line
    }
}
