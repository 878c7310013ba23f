import Foundation

/// JSON input files parsed by LedgerLint itself, so that errors can say where they are.
///
/// Foundation's `JSONDecoder` on Linux reports a syntax error as just "not valid JSON", with no position, and a
/// number that does not fit its field (`1.5` for an account number) the same way, with no path. Snapshot files
/// are large and edited by hand, so `JSONScanner` (the one JSON grammar in the project) reports line and column
/// for syntax errors; `parse` builds a tree with it for small files, and `JSONInput+Decoder.swift` decodes that
/// tree with the JSON path (`[3].Number`) and the value found.
enum JSONInput {
    /// A parsed JSON value. Numbers keep their text so that whole numbers of any size are read exactly.
    indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([String: Value])

        /// How a value is described in "found …" messages: short, and quoting text.
        var summary: String {
            switch self {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .number(let text): return text.excerpt
            case .string(let text):
                let shown = TerminalText.excerpt(text, limit: 40)
                return "\"\(shown)\""
            case .array(let items): return "an array of \(items.count) item\(items.count == 1 ? "" : "s")"
            case .object(let members):
                let keys = members.keys.sorted().prefix(5).map { "\"\($0.excerpt)\"" }.joined(separator: ", ")
                return members.isEmpty ? "an empty object" : "an object with keys \(keys)\(members.count > 5 ? ", …" : "")"
            }
        }
    }

    /// Parses the bytes of a JSON file a user wrote (`ledgerlint.json`, a rule file, a baseline), decoded as
    /// `TextDecoding` decodes every input: a byte-order mark is accepted, as editors on Windows write one.
    static func parse(_ data: Data, path: String) throws -> Value {
        try parse(TextDecoding.decode(data, path: path), path: path)
    }

    /// Parses `text` as one JSON value.
    ///
    /// - Throws: `InputError.malformedJSON` with the 1-based line and column (in characters) of the problem.
    static func parse(_ text: String, path: String) throws -> Value {
        var text = text
        return try text.withUTF8 { bytes throws(InputError) in
            var scanner = JSONScanner(UnsafeRawBufferPointer(bytes), path: path)
            scanner.skipWhitespace()
            guard !scanner.isAtEndAfterWhitespace() else {
                throw scanner.failure("the file is empty; expected a JSON value")
            }
            let value = try scanner.tree()
            try scanner.expectEnd()
            return value
        }
    }

    /// 1-based line and column (in characters: UTF-8 continuation bytes do not count) of a byte offset.
    static func position(of offset: Int, in bytes: some Collection<UInt8>) -> (line: Int, column: Int) {
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
