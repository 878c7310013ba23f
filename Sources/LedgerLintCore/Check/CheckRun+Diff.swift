import Foundation
import LedgerLintJSON
import LedgerLintText

extension CheckRun {
    /// A run for `diff` to compare: a JSON report of `check --format json` (of one snapshot or of many clients), read
    /// back, or a folder, checked now with `options` (`options.snapshot` is replaced by the folder): a snapshot, or a
    /// folder of client folders, which `ClientsRun` checks.
    ///
    /// - Throws: `DiffError.runNotFound` for a path that is nothing; `SavedFileError` for a report that cannot be
    ///   read; what `CheckRun` throws for a snapshot folder.
    public static func compared(at path: String, checking options: Options) async throws -> ComparedRun {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DiffError.runNotFound(path: path)
        }
        if isDirectory.boolValue {
            let folder = URL(fileURLWithPath: path, isDirectory: true)
            if ClientsRun.holdsClients(folder) {
                let run = ClientsRun(.init(folder: path, clients: try ClientsRun.clientFolders(in: folder), check: options))
                // Only each client's findings are kept, not its whole report.
                var clients: [ComparedRun.Client] = []
                _ = try await run.run { client, _ in clients.append(ComparedRun.Client(client)) }
                return .clients(clients)
            }
            var options = options
            options.snapshot = path
            return .one(try await CheckRun(options).run().report.findings)
        }
        let writer = "check --format json"
        let report = try ReportFile.read(from: URL(fileURLWithPath: path), writtenBy: writer, strict: false)
        if let clients = report.clients {
            return .clients(clients.map { ComparedRun.Client(folder: $0.folder, name: $0.name, findings: $0.findings) })
        }
        guard let findings = report.findings else {
            throw SavedFileError.unreadable(
                .unexpectedJSON(
                    path: path, jsonPath: "findings",
                    reason: JSONInput.requiredKey + ReportFile.isItWrittenBy(writer)))
        }
        return .one(findings)
    }
}
