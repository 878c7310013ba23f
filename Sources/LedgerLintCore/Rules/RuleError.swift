import Foundation

/// Problems with a rule file: the run stops, because a rule set that cannot be read cannot be trusted.
///
/// Every case names the file and, where it has one, the JSON path or line and column of the problem.
public enum RuleError: LocalizedError, Sendable, Hashable {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: String)
    case invalid(path: String, jsonPath: String, reason: String)
    case duplicateID(id: String, paths: [String])
    case noRules(path: String)
    case unknownRule(id: String, known: [String])
    /// An `in-ranges` rule's own ranges lie wholly outside the series it narrows (`model`, named with its ranges).
    case rangesOutsideModel(id: String, source: String, ranges: String, model: String)

    public var errorDescription: String? {
        switch self {
        case .notFound(let path):
            return "\(path): no such rule file or folder"
        case .unreadable(let path, let reason):
            return "\(path): cannot read rule file: \(reason)"
        case .malformedJSON(let path, let line, let column, let reason):
            let position = [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
            return "\(path)\(position): rule file is not valid JSON: \(reason)"
        case .invalid(let path, let jsonPath, let reason):
            return "\(path): at \(jsonPath): \(reason)"
        case .duplicateID(let id, let paths):
            return "rule id '\(id)' is defined more than once: \(paths.joined(separator: ", "))"
        case .noRules(let path):
            return "\(path): contains no rule files (*.json)"
        case .unknownRule(let id, let known):
            let close = Suggestion.didYouMean(id, in: known)
            return "no rule with id '\(id.excerpt)'" + (close.isEmpty ? "; run 'ledgerlint rules' for the list" : close)
        case .rangesOutsideModel(let id, let source, let ranges, let model):
            return "\(source): rule \(id): the ranges \(ranges) lie wholly outside \(model), so every record "
                + "would fail it. Give ranges inside those series, or add a series that covers them in PowerOffice "
                + "(Innstillinger > Reskontro > Nummerserier)"
        }
    }
}

extension RuleError {
    /// A problem inside one rule, before the file it came from is known.
    struct Problem: Error, Sendable {
        var path: String
        var reason: String
    }
}
