@testable import LedgerLintCore
import LedgerLintTestSupport
@testable import LedgerLintText

extension InputError {
    /// The error with every text in it as its English: to compare with an error written with plain strings.
    var english: InputError {
        switch self {
        case .snapshotNotFound, .conflictingFiles, .notText, .missingColumn: self
        case .fileMissing(let path, let expected): .fileMissing(path: path, expected: .init(verbatim: expected.en))
        case .unreadable(let path, let reason): .unreadable(path: path, reason: .init(verbatim: reason.en))
        case .malformedCSV(let path, let line, let reason):
            .malformedCSV(path: path, line: line, reason: .init(verbatim: reason.en))
        case .badValue(let path, let line, let column, let value, let expected):
            .badValue(path: path, line: line, column: column, value: value, expected: .init(verbatim: expected.en))
        case .malformedJSON(let path, let line, let column, let reason):
            .malformedJSON(path: path, line: line, column: column, reason: .init(verbatim: reason.en))
        case .unexpectedJSON(let path, let jsonPath, let reason):
            .unexpectedJSON(path: path, jsonPath: jsonPath, reason: .init(verbatim: reason.en))
        }
    }
}
