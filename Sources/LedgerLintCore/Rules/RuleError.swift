import Foundation
import LedgerLintText
import LedgerLintJSON

/// Problems with a rule file: the run stops, because a rule set that cannot be read cannot be trusted.
///
/// Every case names the file and, where it has one, the JSON path or line and column of the problem.
public enum RuleError: LocalizedMessageError, Sendable, Hashable {
    case notFound(path: String)
    case unreadable(path: String, reason: LocalizedText)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: LocalizedText)
    /// `jsonPath` is empty for the top level.
    case invalid(path: String, jsonPath: String, reason: LocalizedText)
    case duplicateID(id: String, paths: [String])
    case noRules(path: String)
    case unknownRule(id: String, known: [String])
    /// An `in-ranges` rule's own ranges lie wholly outside the series it narrows (`model`, named with its ranges).
    case rangesOutsideModel(id: String, source: String, ranges: String, model: LocalizedText)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .notFound(let path):
            return LocalizedText(
                en: "\(path): no such rule file or folder", nb: "\(path): ingen regelfil eller regelmappe her")[language]
        case .unreadable(let path, let reason):
            return LocalizedText(
                en: "\(path): cannot read rule file: \(reason.en)", nb: "\(path): regelfilen kan ikke leses: \(reason.nb)")[language]
        case .malformedJSON(let path, let line, let column, let reason):
            let position = JSONError.position(line: line, column: column)
            return LocalizedText(
                en: "\(path)\(position): rule file is not valid JSON: \(reason.en)",
                nb: "\(path)\(position): regelfilen er ikke gyldig JSON: \(reason.nb)")[language]
        case .invalid(let path, let jsonPath, let reason):
            return JSONError.unexpectedJSON(path: path, jsonPath: jsonPath, reason: reason).message(language)
        case .duplicateID(let id, let paths):
            let paths = paths.joined(separator: ", ")
            return LocalizedText(
                en: "rule id '\(id)' is defined more than once: \(paths)",
                nb: "regel-id-en '\(id)' er definert mer enn én gang: \(paths)")[language]
        case .noRules(let path):
            return LocalizedText(
                en: "\(path): contains no rule files (*.json)", nb: "\(path): inneholder ingen regelfiler (*.json)")[language]
        case .unknownRule(let id, let known):
            let close = Suggestion.didYouMean(id, in: known)
            let text = LocalizedText(en: "no rule with id '\(id.excerpt)'", nb: "ingen regel med id-en '\(id.excerpt)'")
            let list = LocalizedText(
                en: "; run 'ledgerlint rules' for the list", nb: "; kjør 'ledgerlint rules' for å se listen")
            return (text + (close.en.isEmpty ? list : close))[language]
        case .rangesOutsideModel(let id, let source, let ranges, let model):
            return LocalizedText(
                en: "\(source): rule \(id): the ranges \(ranges) lie wholly outside \(model.en), so every record "
                    + "would fail it. Give ranges inside those series, or add a series that covers them in PowerOffice "
                    + "(Innstillinger > Reskontro > Nummerserier)",
                nb: "\(source): regel \(id): områdene \(ranges) ligger helt utenfor \(model.nb), så hver post ville gi "
                    + "funn. Oppgi områder innenfor disse seriene, eller legg til en serie som dekker dem i PowerOffice "
                    + "(Innstillinger > Reskontro > Nummerserier)")[language]
        }
    }
}

extension RuleError {
    /// A problem inside one rule, before the file it came from is known.
    struct Problem: Error, Sendable {
        var path: String
        var reason: LocalizedText
    }
}
