import Foundation
import LedgerLintText

/// Every client of a check of many clients (`ledgerlint check DIR`, where `DIR` holds one snapshot folder per
/// client) at once: each client's own `Report`, or why that client could not be checked. For a caller that keeps
/// them all (tests, `diff` of two folders); the command line writes each client's part of the report as soon as
/// the client is checked (`ClientsRenderer`) and keeps only the `ClientsRollUp`.
///
/// Each checked client's report is exactly the one a check of that client's folder alone gives (its `snapshot` is
/// `DIR/<folder>`, so file locations point into the client's folder).
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

    /// The roll-up of every client, as the run built it client by client.
    public var rollUp: ClientsRollUp {
        var rollUp = emptyRollUp
        for client in clients { rollUp.add(client) }
        return rollUp
    }

    /// The roll-up before any client: the run's own facts.
    var emptyRollUp: ClientsRollUp {
        ClientsRollUp(language: language, folder: folder, hasBaseline: hasBaseline, checkedAt: checkedAt)
    }

    /// Counts of the findings that count (suppressed and baselined ones excluded), over every checked client: what
    /// `--fail-on` is measured against.
    public var summary: Summary { rollUp.summary }
}
