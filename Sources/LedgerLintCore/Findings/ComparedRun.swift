/// One side of `diff`: the findings of a run, of one snapshot or of many clients, read back from a JSON report or
/// found by checking a folder (`CheckRun.compared(at:checking:)`).
public enum ComparedRun: Sendable, Hashable {
    case one([Finding])
    case clients([Client])

    /// A client of a run of many: its findings, or `nil` when it could not be checked in that run.
    public struct Client: Sendable, Hashable {
        public var folder: String
        public var name: String
        public var findings: [Finding]?

        public init(folder: String, name: String, findings: [Finding]?) {
            self.folder = folder
            self.name = name
            self.findings = findings
        }

        /// A client of a check of many clients, as `diff` compares it.
        public init(_ client: ClientsReport.Client) {
            self.init(folder: client.folder, name: client.name, findings: client.report?.findings)
        }
    }
}
