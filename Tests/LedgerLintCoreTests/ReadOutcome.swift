@testable import LedgerLintCore
import LedgerLintJSON

/// What a reader made of an input: a value, an `InputError`, or an error of another kind (a bug). The differential
/// tests (`CSVScannerTests`, `JSONScannerTests`) compare a fast reader's outcome with a slow one's, errors included.
enum ReadOutcome<Value: Equatable>: Equatable, CustomStringConvertible {
    case value(Value)
    case failure(InputError)
    case otherError(String)

    init(_ read: () throws -> Value) {
        do {
            self = .value(try read())
        } catch let error as InputError {
            self = .failure(error)
        } catch let error as JSONError {
            // The reference readers call `LedgerLintJSON` directly; the readers say its errors as `InputError`s.
            self = .failure(InputError(error))
        } catch {
            self = .otherError("\(error)")
        }
    }

    /// The outcome with the error's texts as their English, to compare with an error written in English.
    var english: Self {
        guard case .failure(let error) = self else { return self }
        return .failure(error.english)
    }

    var description: String {
        switch self {
        case .value(let value): "\(value)"
        case .failure(let error): error.errorDescription ?? "\(error)"
        case .otherError(let text): "not an InputError: \(text)"
        }
    }
}
