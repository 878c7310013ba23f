import LedgerLintJSON

extension JSONReporter {
    /// `{"version", "tool", "summary", "clients": [{"name", "folder", "summary", "findings", "suppressed",
    /// "baseline"?}]}`: each checked client with what a single-snapshot report of it has (but the version and the
    /// tool, said once), and `{"name", "folder", "error"}` for a client that could not be checked. `summary` at the
    /// top counts every checked client's findings that count. Documented in `docs/output-formats.md`.
    public func render(_ report: ClientsReport) -> String {
        let document = ClientsDocument(
            version: Self.schemaVersion, tool: .init(name: Tool.name, version: Tool.version),
            summary: .init(report.summary),
            clients: report.clients.map { client in
                switch client.result {
                case .checked(let single):
                    ClientRecord(
                        name: client.name, folder: client.folder, summary: .init(single.summary),
                        findings: single.findings.map(FindingRecord.init),
                        suppressed: single.suppressed.map(SuppressedRecord.init),
                        baseline: single.baseline.map(BaselineRecord.init), error: nil)
                case .failed(let reason):
                    ClientRecord(
                        name: client.name, folder: client.folder, summary: nil, findings: nil, suppressed: nil,
                        baseline: nil, error: reason)
                }
            })
        do {
            return String(decoding: try JSONOutput.document(document), as: UTF8.self)
        } catch {
            // Strings and integers always encode; reaching this is a bug in the document types, not bad input.
            preconditionFailure("Encoding a JSON report failed: \(error)")
        }
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
        var summary: Counts?
        var findings: [FindingRecord]?
        var suppressed: [SuppressedRecord]?
        var baseline: BaselineRecord?
        var error: String?
    }
}
