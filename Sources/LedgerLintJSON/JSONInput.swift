import Foundation
import LedgerLintText

/// JSON input files parsed by LedgerLint itself, so that errors can say where they are.
///
/// Foundation's `JSONDecoder` on Linux reports a syntax error as just "not valid JSON", with no position, and a
/// number that does not fit its field (`1.5` for an account number) the same way, with no path. Snapshot files
/// are large and edited by hand, so `JSONScanner` (the one JSON grammar in the project) reports line and column
/// for syntax errors; `parse` builds a tree with it for small files, and `JSONInput+Decoder.swift` decodes that
/// tree with the JSON path (`[3].Number`) and the value found.
package enum JSONInput {
    /// A parsed JSON value. Numbers keep their text so that whole numbers of any size are read exactly.
    package indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([String: Value])

        /// How a value is described in "found …" messages: short, and quoting text.
        package var summary: LocalizedText {
            switch self {
            case .null: return LocalizedText(verbatim: "null")
            case .bool(let flag): return LocalizedText(verbatim: flag ? "true" : "false")
            case .number(let text): return LocalizedText(verbatim: text.excerpt)
            case .string(let text):
                let shown = TerminalText.excerpt(text, limit: 40)
                return LocalizedText(verbatim: "\"\(shown)\"")
            case .array(let items):
                return LocalizedText(
                    en: "an array of \(items.count) item\(items.count == 1 ? "" : "s")",
                    nb: "en liste med \(items.count) element\(items.count == 1 ? "" : "er")")
            case .object(let members):
                let keys = members.keys.sorted().prefix(5).map { "\"\($0.excerpt)\"" }.joined(separator: ", ")
                    + (members.count > 5 ? ", …" : "")
                return members.isEmpty
                    ? LocalizedText(en: "an empty object", nb: "et tomt objekt")
                    : LocalizedText(en: "an object with keys \(keys)", nb: "et objekt med nøklene \(keys)")
            }
        }
    }

    /// What a JSON value should have been, in type errors: `expected a whole number`, followed by `found(_:_:)`.
    /// Shared by the tree decoder and `JSONScanner`, which report the same mistakes the same way.
    package enum Expected {
        package static let object = LocalizedText(en: "expected an object", nb: "skal være et objekt")
        package static let array = LocalizedText(en: "expected an array", nb: "skal være en liste")
        package static let bool = LocalizedText(en: "expected true or false", nb: "skal være true eller false")
        static let text = LocalizedText(en: "expected text in quotes", nb: "skal være tekst i anførselstegn")
        static let number = LocalizedText(en: "expected a number", nb: "skal være et tall")
        package static let wholeNumber = LocalizedText(en: "expected a whole number", nb: "skal være et heltall")
        static let wholeNumberZeroOrMore = LocalizedText(
            en: "expected a whole number, zero or more", nb: "skal være et heltall, null eller mer")

        static func wholeNumber(between lowest: String, and highest: String) -> LocalizedText {
            LocalizedText(
                en: "expected a whole number between \(lowest) and \(highest)",
                nb: "skal være et heltall mellom \(lowest) og \(highest)")
        }

        /// `expected a whole number, found 1.5`.
        package static func found(_ expected: LocalizedText, _ found: LocalizedText) -> LocalizedText {
            expected + LocalizedText(en: ", found ", nb: ", men er ") + found
        }
    }

    /// Parses the bytes of a JSON file a user wrote (`ledgerlint.json`, a rule file, a baseline), decoded as
    /// `TextDecoding` decodes every input: a byte-order mark is accepted, as editors on Windows write one.
    package static func parse(_ data: Data, path: String) throws -> Value {
        try parse(TextDecoding.decode(data, path: path), path: path)
    }

    /// Parses `text` as one JSON value.
    ///
    /// - Throws: `JSONError.malformedJSON` with the 1-based line and column (in characters) of the problem.
    package static func parse(_ text: String, path: String) throws -> Value {
        var text = text
        return try text.withUTF8 { bytes throws(JSONError) in
            var scanner = JSONScanner(UnsafeRawBufferPointer(bytes), path: path)
            scanner.skipWhitespace()
            guard !scanner.isAtEndAfterWhitespace() else {
                throw scanner.failure(JSONScanner.Reason.emptyFile)
            }
            let value = try scanner.tree()
            try scanner.expectEnd()
            return value
        }
    }

    /// 1-based line and column (in characters: UTF-8 continuation bytes do not count) of a byte offset.
    package static func position(of offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
