import Foundation
import LedgerLintText
import LedgerLintJSON

/// Problems with `ledgerlint.json` or a suppression in it: the run stops (exit 2) rather than gate on
/// a configuration it misread. Every case names the file and the key.
///
/// A file that cannot be read, is not JSON or holds a bad value is said in `JSONError`'s words, as an input file
/// or a baseline is.
public enum ConfigurationError: LocalizedMessageError, Sendable, Hashable {
    case notFound(path: String)
    case unreadable(path: String, reason: LocalizedText)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: LocalizedText)
    case unknownKey(path: String, key: String, allowed: [String])
    /// `key` is a JSON path, empty for the top level.
    case badValue(path: String, key: String, reason: LocalizedText)
    /// `known`: the rule ids there are, for a "did you mean".
    case unknownRule(path: String, key: String, id: String, known: [String])
    case unsupportedVersion(path: String, version: Int)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .notFound(let path):
            return (LocalizedText(verbatim: "\(path): ") + InputFile.noSuchFile)[language]
        case .unreadable(let path, let reason):
            return JSONError.unreadable(path: path, reason: reason).message(language)
        case .malformedJSON(let path, let line, let column, let reason):
            return JSONError.malformedJSON(path: path, line: line, column: column, reason: reason).message(language)
        case .unknownKey(let path, let key, let allowed):
            let name = String(key.split(separator: ".").last ?? Substring(key))
            let list = allowed.joined(separator: ", ")
            return (LocalizedText(
                en: "\(path): unknown key '\(key.excerpt)'", nb: "\(path): ukjent nøkkel '\(key.excerpt)'")
                + Suggestion.didYouMean(name, in: allowed)
                + LocalizedText(en: " (allowed here: \(list))", nb: " (tillatt her: \(list))"))[language]
        case .badValue(let path, let key, let reason):
            return JSONError.unexpectedJSON(path: path, jsonPath: key, reason: reason).message(language)
        case .unknownRule(let path, let key, let id, let known):
            let close = Suggestion.didYouMean(id, in: known)
            let list = LocalizedText(
                en: " (run 'ledgerlint rules' for the list)", nb: " (kjør 'ledgerlint rules' for å se listen)")
            return (LocalizedText(
                en: "\(path): at \(key): no rule with id '\(id.excerpt)'",
                nb: "\(path): i \(key): ingen regel med id-en '\(id.excerpt)'") + (close.en.isEmpty ? list : close))[language]
        case .unsupportedVersion(let path, let version):
            return FileVersion.unsupported(version, path: path)[language]
        }
    }
}

extension ConfigurationError {
    /// The bytes of a configuration file (`InputFile`: regular files only), with its problems as
    /// this domain's errors naming `path`.
    static func reading(_ url: URL, path: String) throws(ConfigurationError) -> Data {
        do {
            return try InputFile.read(url.path)
        } catch {
            throw error.isMissing ? .notFound(path: path) : .unreadable(path: path, reason: error.reason)
        }
    }
}
