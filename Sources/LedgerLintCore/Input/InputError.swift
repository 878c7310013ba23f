import Foundation

/// Problems that stop a run because an input file cannot be read as what it should be.
///
/// Problems *in* the data (a customer number outside the series) are findings, not errors. Every case names the
/// file, and where the format has them, the line and column or JSON path, and quotes the offending value.
public enum InputError: LocalizedError, Sendable, Hashable {
    case snapshotNotFound(path: String)
    case fileMissing(path: String, expected: String)
    /// Two files that hold the same data in different formats, such as `customers.csv` and `customers.json`.
    case conflictingFiles(path: String, other: String)
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
        case .conflictingFiles(let path, let other):
            return "\(path): \(other) exists too; keep only one of them (the CSV or the JSON export)"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read: \(reason)"
        case .notText(let path):
            return "\(path): not a text file (it contains binary data); expected CSV or JSON"
        case .malformedCSV(let path, let line, let reason):
            return "\(path):\(line): not valid CSV: \(reason)"
        case .missingColumn(let path, let column, let found):
            // At most 20 names, each cut short: a header can be a whole file that is no CSV.
            let shown = found.prefix(20).map { "'\($0.excerpt)'" } + (found.count > 20 ? ["… (\(found.count) columns)"] : [])
            let header = found.isEmpty ? "no header" : "the header has " + shown.joined(separator: ", ")
            let hint = found.count == 1 ? " (one column only: is this a CSV file separated by ';', ',' or tab?)" : ""
            return "\(path):1: missing required column '\(column)'; \(header)\(hint)"
        case .badValue(let path, let line, let column, let value, let expected):
            return "\(path):\(line): column '\(column.excerpt)': '\(value.excerpt)' is not \(expected)"
        case .malformedJSON(let path, let line, let column, let reason):
            let position = [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
            return "\(path)\(position): not valid JSON: \(reason)"
        case .unexpectedJSON(let path, let jsonPath, let reason):
            return "\(path): at \(jsonPath): \(reason)"
        }
    }
}

extension InputError {
    /// The same error with `transform` applied to every path in it.
    ///
    /// Readers name files relative to the snapshot folder; `SnapshotReader` puts the folder in front.
    func mappingPaths(_ transform: (String) -> String) -> InputError {
        switch self {
        case .snapshotNotFound(let path): .snapshotNotFound(path: transform(path))
        case .fileMissing(let path, let expected): .fileMissing(path: transform(path), expected: expected)
        case .conflictingFiles(let path, let other): .conflictingFiles(path: transform(path), other: transform(other))
        case .unreadable(let path, let reason): .unreadable(path: transform(path), reason: reason)
        case .notText(let path): .notText(path: transform(path))
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
