import Foundation

extension CheckRun {
    /// A run for `diff` to compare: a JSON report of `check --format json`, read back, or a snapshot folder, checked
    /// now with `options` (`options.snapshot` is replaced by the folder).
    ///
    /// - Throws: `SavedFileError` for a report that cannot be read; what `CheckRun` throws for a folder.
    public static func findings(at path: String, checking options: Options) async throws -> [Finding] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            var options = options
            options.snapshot = path
            return try await CheckRun(options).run().report.findings
        }
        return try ReportFile.read(from: URL(fileURLWithPath: path), writtenBy: "check --format json", strict: false)
            .findings
    }
}
