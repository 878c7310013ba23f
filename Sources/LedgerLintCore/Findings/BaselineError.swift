import Foundation
import LedgerLintText
import LedgerLintJSON

/// Problems with a baseline file (`--baseline`): the run stops (exit 2) rather than gate against a baseline it
/// misread. A baseline is an input file of its own, read by the same strict JSON reader as every file a user
/// writes, so what is wrong inside it is that reader's `JSONError`.
public enum BaselineError: LocalizedMessageError, Sendable, Hashable {
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
