import Foundation

/// Problems with `ledgerlint.json`, a baseline file, or a suppression: the run stops (exit 2) rather than gate on
/// a configuration it misread. Every case names the file and the key.
public enum ConfigurationError: LocalizedError, Sendable, Hashable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: String)
    case unknownKey(path: String, key: String, allowed: [String])
    case badValue(path: String, key: String, reason: String)
    /// `known`: the rule ids there are, for a "did you mean".
    case unknownRule(path: String, key: String, id: String, known: [String])
    case unsupportedVersion(path: String, version: Int)

    public var errorDescription: String? {
        switch self {
        case .notFound(let path):
            return "\(path): no such file"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .malformedJSON(let path, let line, let column, let reason):
            let position = [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
            return "\(path)\(position): not valid JSON: \(reason)"
        case .unknownKey(let path, let key, let allowed):
            let name = String(key.split(separator: ".").last ?? Substring(key))
            return "\(path): unknown key '\(key.excerpt)'" + Suggestion.didYouMean(name, in: allowed)
                + " (allowed here: \(allowed.joined(separator: ", ")))"
        case .badValue(let path, let key, let reason):
            return "\(path): at \(key): \(reason)"
        case .unknownRule(let path, let key, let id, let known):
            let close = Suggestion.didYouMean(id, in: known)
            return "\(path): at \(key): no rule with id '\(id.excerpt)'"
                + (close.isEmpty ? " (run 'ledgerlint rules' for the list)" : close)
        case .unsupportedVersion(let path, let version):
            return "\(path): version \(version) is not supported; this ledgerlint reads version 1"
        }
    }
}

extension ConfigurationError {
    /// The bytes of a configuration or baseline file (`InputFile`: regular files only), with its problems as
    /// this domain's errors naming `path`.
    static func reading(_ url: URL, path: String) throws(ConfigurationError) -> Data {
        do {
            return try InputFile.read(url.path)
        } catch {
            throw error.isMissing ? .notFound(path: path) : .unreadable(path: path, reason: error.reason)
        }
    }
}
