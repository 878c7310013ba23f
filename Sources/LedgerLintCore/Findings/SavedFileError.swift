import Foundation
import LedgerLintText
import LedgerLintJSON

/// Problems with a file LedgerLint wrote and reads back (a `--baseline`, a JSON report given to `diff`): the run
/// stops (exit 2) rather than compare against a file it misread. Such a file is read by the same strict JSON reader
/// as every file a user writes, so what is wrong inside it is that reader's `JSONError`.
public enum SavedFileError: LocalizedMessageError, Sendable, Hashable {
    case notFound(path: String)
    /// The file cannot be read, is not JSON, or is not shaped like a baseline.
    case unreadable(JSONError)
    case unsupportedVersion(path: String, version: Int)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .notFound(let path):
            (LocalizedText(verbatim: "\(path): ") + InputFile.noSuchFile)[language]
        case .unreadable(let error):
            error.message(language)
        case .unsupportedVersion(let path, let version):
            FileVersion.unsupported(version, path: path)[language]
        }
    }
}
