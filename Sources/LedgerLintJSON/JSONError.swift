import LedgerLintText

/// Why a file is not the JSON, or the text, it should be: what `LedgerLintJSON` throws.
///
/// Every case names the file and, where the format has them, the line and column or the JSON path, and quotes the
/// offending value. The linter's `InputError` carries these same cases (and says them with this type's words), so
/// a JSON problem reads the same wherever it is found.
public enum JSONError: LocalizedMessageError, Sendable, Hashable {
    /// The bytes are not text: a NUL byte (or character), as in an `.xlsx` saved under a `.json` or `.csv` name;
    /// `line` is the line of the first (`TextDecoding.line(at:in:)`).
    case notText(path: String, line: Int)
    case unreadable(path: String, reason: LocalizedText)
    case malformedJSON(path: String, line: Int?, column: Int?, reason: LocalizedText)
    /// `jsonPath` is empty for the top level.
    case unexpectedJSON(path: String, jsonPath: String, reason: LocalizedText)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .unreadable(let path, let reason):
            return LocalizedText(en: "\(path): cannot be read: \(reason.en)", nb: "\(path): kan ikke leses: \(reason.nb)")[language]
        case .notText(let path, let line):
            return LocalizedText(
                en: "\(path):\(line): not a text file (this line has a NUL byte: binary data); expected CSV or JSON",
                nb: "\(path):\(line): ikke en tekstfil (denne linjen har en NUL-byte: binære data); den skal være CSV eller JSON"
            )[language]
        case .malformedJSON(let path, let line, let column, let reason):
            let position = Self.position(line: line, column: column)
            return LocalizedText(
                en: "\(path)\(position): not valid JSON: \(reason.en)",
                nb: "\(path)\(position): ikke gyldig JSON: \(reason.nb)")[language]
        case .unexpectedJSON(let path, let jsonPath, let reason):
            return "\(path): \(JSONInput.at(jsonPath, language)): \(reason[language])"
        }
    }

    /// What follows the path in a `malformedJSON` message: `:line:column`, `:line`, or nothing where neither is
    /// known. Other domains that say a JSON syntax error in their own words point at the place the same way.
    package static func position(line: Int?, column: Int?) -> String {
        [line.map { ":\($0)" }, column.map { ":\($0)" }].compactMap { $0 }.joined()
    }
}
