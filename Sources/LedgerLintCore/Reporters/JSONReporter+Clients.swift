import LedgerLintJSON

extension JSONReporter {
    /// `{"version", "tool", "summary", "clients": [{"name", "folder", "summary", "findings", "suppressed",
    /// "baseline"?}]}`: each checked client with what a single-snapshot report of it has (but the version and the
    /// tool, said once), and `{"name", "folder", "error"}` for a client that could not be checked. `summary` at the
    /// top counts every checked client's findings that count. Documented in `docs/output-formats.md`.
    public func render(_ report: ClientsReport) -> String {
        Self.text(
            ClientsDocument(
                version: Self.schemaVersion, tool: .current, summary: .init(report.summary),
                clients: report.clients.map { client in
                    ClientRecord(
                        name: client.name, folder: client.folder, findings: client.report.map(Findings.init),
                        error: client.result.failure)
                }))
    }

    struct ClientsDocument: Encodable {
        var version: Int
        var tool: ToolInfo
        var summary: Counts
        var clients: [ClientRecord]
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
