import Foundation

/// Problems with `ledgerlint.json`, a baseline file, or a suppression: the run stops (exit 2) rather than gate on
/// a configuration it misread. Every case names the file and the key.
public enum ConfigurationError: LocalizedError, Sendable, Hashable {
    case notFound(path: String)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: String)
    case unknownKey(path: String, key: String, allowed: [String])
    case badValue(path: String, key: String, reason: String)
    case unknownRule(path: String, key: String, id: String)
    case unsupportedVersion(path: String, version: Int)

    public var errorDescription: String? {
        switch self {
        case .notFound(let path):
            return "\(path): no such file"
        case .malformedJSON(let path, let line, let column, let reason):
            let position = [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
            return "\(path)\(position): not valid JSON: \(reason)"
        case .unknownKey(let path, let key, let allowed):
            return "\(path): unknown key '\(key)'; allowed here: \(allowed.joined(separator: ", "))"
        case .badValue(let path, let key, let reason):
            return "\(path): at \(key): \(reason)"
        case .unknownRule(let path, let key, let id):
            return "\(path): at \(key): no rule with id '\(id)' (run 'ledgerlint rules' for the list)"
        case .unsupportedVersion(let path, let version):
            return "\(path): version \(version) is not supported; this ledgerlint reads version 1"
        }
    }
}
