import LedgerLintJSON

extension JSONReporter {
    /// `{"version", "tool", "summary", "clients": [{"name", "folder", "summary", "findings", "suppressed",
    /// "baseline"?}]}`: each checked client with what a single-snapshot report of it has (but the version and the
    /// tool, said once), and `{"name", "folder", "error"}` for a client that could not be checked. `summary` at the
    /// top counts every checked client's findings that count. Documented in `docs/output-formats.md`.
    public func clientsRenderer() -> any ClientsRenderer { Clients() }

    /// `{"clients": [...], "summary", "tool", "version"}` in key order, so each client's object is written as it
    /// comes.
    struct Clients: ClientsRenderer {
        static let clients = JSONOutput.StreamedArray(key: "clients")
        var count = 0

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let record = ClientRecord(
                name: client.name, folder: client.folder, findings: client.report.map(Findings.init),
                error: client.result.failure)
            defer { count += 1 }
            return [.text(Self.clients.element(record, first: count == 0))]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let empty = count == 0
            let rest = Rest(summary: .init(rollUp.summary), tool: .current, version: JSONReporter.schemaVersion)
            return [
                .text(JSONReporter.encoded { try Self.clients.opening(before: Rest?.none, empty: empty) }), .parts,
                .text(JSONReporter.encoded { try Self.clients.closing(after: rest, empty: empty) }),
            ]
        }
    }

    /// The members after `clients`.
    struct Rest: Encodable {
        var summary: Counts
        var tool: ToolInfo
        var version: Int
    }

    /// One client: its findings as a single report has them, or why it could not be checked (`error`).
    struct ClientRecord: Encodable {
        var name: String
        var folder: String
        var findings: Findings?
        var error: String?

        enum CodingKeys: String, CodingKey { case name, folder, error }

        func encode(to encoder: any Encoder) throws {
            try findings?.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(folder, forKey: .folder)
            try container.encodeIfPresent(error, forKey: .error)
        }
    }
}
