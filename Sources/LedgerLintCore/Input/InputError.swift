import Foundation

/// Problems that stop a run because an input file cannot be read as what it should be.
///
/// Problems *in* the data (a customer number outside the series) are findings, not errors. Every case names the
/// file, and where the format has them, the line and column or JSON path, and quotes the offending value.
public enum InputError: LocalizedError, Sendable, Hashable {
    case snapshotNotFound(path: String)
    case fileMissing(path: String, expected: String)
    case unreadable(path: String, reason: String)
    case notText(path: String)
    case malformedCSV(path: String, line: Int, reason: String)
    case missingColumn(path: String, column: String, found: [String])
    case badValue(path: String, line: Int, column: String, value: String, expected: String)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: String)
    case unexpectedJSON(path: String, jsonPath: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .snapshotNotFound(let path):
            return "\(path): no snapshot folder here (expected a folder with assist/ and poweroffice/ inside)"
        case .fileMissing(let path, let expected):
            return "\(path): missing; \(expected)"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .notText(let path):
            return "\(path): not a text file (it contains binary data); expected CSV or JSON"
        case .malformedCSV(let path, let line, let reason):
            return "\(path):\(line): not valid CSV: \(reason)"
        case .missingColumn(let path, let column, let found):
            let header = found.isEmpty ? "no header" : "the header has " + found.map { "'\($0)'" }.joined(separator: ", ")
            return "\(path):1: missing required column '\(column)'; \(header)"
        case .badValue(let path, let line, let column, let value, let expected):
            return "\(path):\(line): column '\(column)': '\(value)' is not \(expected)"
        case .malformedJSON(let path, let line, let column, let reason):
            let position = [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
            return "\(path)\(position): not valid JSON: \(reason)"
        case .unexpectedJSON(let path, let jsonPath, let reason):
            return "\(path): at \(jsonPath): \(reason)"
        }
    }
}
