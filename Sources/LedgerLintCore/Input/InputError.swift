import Foundation
import LedgerLintText
import LedgerLintJSON

/// Problems that stop a run because an input file cannot be read as what it should be.
///
/// The JSON and text cases are `JSONError`'s (`init(_:)`), and are said in its words.
///
/// Problems *in* the data (a customer number outside the series) are findings, not errors. Every case names the
/// file, and where the format has them, the line and column or JSON path, and quotes the offending value.
public enum InputError: LocalizedMessageError, Sendable, Hashable {
    case snapshotNotFound(path: String)
    case fileMissing(path: String, expected: LocalizedText)
    /// Two files that hold the same data in different formats, such as `customers.csv` and `customers.json`.
    case conflictingFiles(path: String, other: String)
    case unreadable(path: String, reason: LocalizedText)
    /// `line` is the line of the first NUL byte.
    case notText(path: String, line: Int)
    case malformedCSV(path: String, line: Int, reason: LocalizedText)
    case missingColumn(path: String, column: String, found: [String])
    /// `expected` reads after "is not" (`a whole number (an account number) or empty`).
    case badValue(path: String, line: Int, column: String, value: String, expected: LocalizedText)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: LocalizedText)
    /// `jsonPath` is empty for the top level.
    case unexpectedJSON(path: String, jsonPath: String, reason: LocalizedText)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .snapshotNotFound(let path):
            return LocalizedText(
                en: "\(path): no snapshot folder here (expected a folder with assist/ and poweroffice/ inside)",
                nb: "\(path): ingen uttrekksmappe her (det skal være en mappe med assist/ og poweroffice/ i)")[language]
        case .fileMissing(let path, let expected):
            return LocalizedText(en: "\(path): missing; \(expected.en)", nb: "\(path): mangler; \(expected.nb)")[language]
        case .conflictingFiles(let path, let other):
            return LocalizedText(
                en: "\(path): \(other) exists too; keep only one of them (the CSV or the JSON export)",
                nb: "\(path): \(other) finnes også; behold bare én av dem (CSV- eller JSON-eksporten)")[language]
        case .malformedCSV(let path, let line, let reason):
            return LocalizedText(
                en: "\(path):\(line): not valid CSV: \(reason.en)", nb: "\(path):\(line): ikke gyldig CSV: \(reason.nb)")[language]
        case .missingColumn(let path, let column, let found):
            // At most 20 names, each cut short: a header can be a whole file that is no CSV.
            let shown = found.prefix(20).map { "'\($0.excerpt)'" }.joined(separator: ", ")
            let more = found.count > 20 ? LocalizedText(en: ", … (\(found.count) columns)", nb: ", … (\(found.count) kolonner)") : nil
            let header =
                found.isEmpty
                ? LocalizedText(en: "no header", nb: "ingen overskriftsrad")
                : LocalizedText(en: "the header has \(shown)", nb: "overskriftsraden har \(shown)") + (more ?? .init(verbatim: ""))
            let hint =
                found.count == 1
                ? LocalizedText(
                    en: " (one column only: is this a CSV file separated by ';', ',' or tab?)",
                    nb: " (bare én kolonne: er dette en CSV-fil delt med ';', ',' eller tabulator?)")
                : LocalizedText(verbatim: "")
            return (LocalizedText(
                en: "\(path):1: missing required column '\(column)'; ",
                nb: "\(path):1: mangler den påkrevde kolonnen '\(column)'; ") + header + hint)[language]
        case .badValue(let path, let line, let column, let value, let expected):
            return LocalizedText(
                en: "\(path):\(line): column '\(column.excerpt)': '\(value.excerpt)' is not \(expected.en)",
                nb: "\(path):\(line): kolonnen '\(column.excerpt)': '\(value.excerpt)' er ikke \(expected.nb)")[language]
        case .unreadable(let path, let reason): return JSONError.unreadable(path: path, reason: reason).message(language)
        case .notText(let path, let line): return JSONError.notText(path: path, line: line).message(language)
        case .malformedJSON(let path, let line, let column, let reason):
            return JSONError.malformedJSON(path: path, line: line, column: column, reason: reason).message(language)
        case .unexpectedJSON(let path, let jsonPath, let reason):
            return JSONError.unexpectedJSON(path: path, jsonPath: jsonPath, reason: reason).message(language)
        }
    }
}

extension InputError {
    /// A problem `LedgerLintJSON` found, as the input error it is.
    public init(_ error: JSONError) {
        switch error {
        case .notText(let path, let line): self = .notText(path: path, line: line)
        case .unreadable(let path, let reason): self = .unreadable(path: path, reason: reason)
        case .malformedJSON(let path, let line, let column, let reason):
            self = .malformedJSON(path: path, line: line, column: column, reason: reason)
        case .unexpectedJSON(let path, let jsonPath, let reason):
            self = .unexpectedJSON(path: path, jsonPath: jsonPath, reason: reason)
        }
    }

    /// Runs `body`, throwing what `LedgerLintJSON` finds in it as the input error it is (`init(_:)`).
    static func converting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as JSONError {
            throw InputError(error)
        }
    }

    /// The same error with `transform` applied to every path in it.
    ///
    /// Readers name files relative to the snapshot folder; `SnapshotReader` puts the folder in front.
    func mappingPaths(_ transform: (String) -> String) -> InputError {
        switch self {
        case .snapshotNotFound(let path): .snapshotNotFound(path: transform(path))
        case .fileMissing(let path, let expected): .fileMissing(path: transform(path), expected: expected)
        case .conflictingFiles(let path, let other): .conflictingFiles(path: transform(path), other: transform(other))
        case .unreadable(let path, let reason): .unreadable(path: transform(path), reason: reason)
        case .notText(let path, let line): .notText(path: transform(path), line: line)
        case .malformedCSV(let path, let line, let reason): .malformedCSV(path: transform(path), line: line, reason: reason)
        case .missingColumn(let path, let column, let found):
            .missingColumn(path: transform(path), column: column, found: found)
        case .badValue(let path, let line, let column, let value, let expected):
            .badValue(path: transform(path), line: line, column: column, value: value, expected: expected)
        case .malformedJSON(let path, let line, let column, let reason):
            .malformedJSON(path: transform(path), line: line, column: column, reason: reason)
        case .unexpectedJSON(let path, let jsonPath, let reason):
            .unexpectedJSON(path: transform(path), jsonPath: jsonPath, reason: reason)
        }
    }
}
