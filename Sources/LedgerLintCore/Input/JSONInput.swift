import Foundation

/// JSON input files parsed by LedgerLint itself, so that errors can say where they are.
///
/// Foundation's `JSONDecoder` on Linux reports a syntax error as just "not valid JSON", with no position, and a
/// number that does not fit its field (`1.5` for an account number) the same way, with no path. Snapshot files
/// are large and edited by hand, so this parser reports line and column for syntax errors, and
/// `JSONInput+Decoder.swift` decodes the parsed value with the JSON path (`[3].Number`) and the value found.
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
            case .number(let text): return text
            case .string(let text):
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                return "\"\(shown)\""
            case .array(let items): return "an array of \(items.count) item\(items.count == 1 ? "" : "s")"
            case .object(let members):
                let keys = members.keys.sorted().prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
                return members.isEmpty ? "an empty object" : "an object with keys \(keys)\(members.count > 5 ? ", …" : "")"
            }
        }
    }

    /// Parses `text` as one JSON value.
    ///
    /// - Throws: `InputError.malformedJSON` with the 1-based line and column (in characters) of the problem.
    static func parse(_ text: String, path: String) throws -> Value {
        var parser = Parser(bytes: Array(text.utf8), path: path)
        return try parser.parseDocument()
    }

    /// The 1-based line and column of a UTF-8 offset in `bytes`, counting columns in Unicode scalars.
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

extension JSONInput {
    /// A recursive-descent parser over UTF-8 bytes, strict to RFC 8259.
    private struct Parser {
        let bytes: [UInt8]
        let path: String
        var index = 0
        var depth = 0

        /// Deeper nesting than any snapshot needs; the limit keeps hostile input from exhausting the stack.
        static let maximumDepth = 512

        init(bytes: [UInt8], path: String) {
            self.bytes = bytes
            self.path = path
        }

        mutating func parseDocument() throws -> Value {
            skipWhitespace()
            guard index < bytes.count else { throw failure("the file is empty; expected a JSON value") }
            let value = try parseValue()
            skipWhitespace()
            guard index == bytes.count else {
                throw failure("unexpected \(describeCurrent()) after the end of the JSON value")
            }
            return value
        }

        private mutating func parseValue() throws -> Value {
            guard index < bytes.count else { throw failure("unexpected end of file; expected a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"): return try parseLiteral("null", .null)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"):
                throw failure("unexpected \(describeCurrent()); expected a value (text must be in double quotes; "
                    + "true, false and null are lowercase)")
            default: throw failure("unexpected \(describeCurrent()); expected a value")
            }
        }

        private mutating func parseObject() throws -> Value {
            let start = index
            try enterContainer()
            defer { depth -= 1 }
            index += 1
            var members: [String: Value] = [:]
            skipWhitespace()
            if peek(UInt8(ascii: "}")) {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("object", "{", at: start) }
                guard bytes[index] == UInt8(ascii: "\"") else {
                    throw failure("unexpected \(describeCurrent()); expected a property name in double quotes")
                }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("object", "{", at: start) }
                guard bytes[index] == UInt8(ascii: ":") else {
                    throw failure("unexpected \(describeCurrent()) after the property name \"\(key)\"; expected ':'")
                }
                index += 1
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("object", "{", at: start) }
                members[key] = try parseValue()
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("object", "{", at: start) }
                switch bytes[index] {
                case UInt8(ascii: ","):
                    index += 1
                    skipWhitespace()
                    if peek(UInt8(ascii: "}")) { throw failure("a trailing comma before '}' is not allowed in JSON") }
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(members)
                default:
                    throw failure("unexpected \(describeCurrent()) in an object; expected ',' or '}'")
                }
            }
        }

        private mutating func parseArray() throws -> Value {
            let start = index
            try enterContainer()
            defer { depth -= 1 }
            index += 1
            var items: [Value] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("array", "[", at: start) }
                items.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw unclosed("array", "[", at: start) }
                switch bytes[index] {
                case UInt8(ascii: ","):
                    index += 1
                    skipWhitespace()
                    if peek(UInt8(ascii: "]")) { throw failure("a trailing comma before ']' is not allowed in JSON") }
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(items)
                default:
                    throw failure("unexpected \(describeCurrent()) in an array; expected ',' or ']'")
                }
            }
        }

        /// Reads a string; `index` is at the opening quote.
        private mutating func parseString() throws -> String {
            let start = index
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    try parseEscape(into: &content)
                case 0x0A, 0x0D:
                    throw failure("a line break inside a string (a string must end on the line it starts on; "
                        + "write \\n for a line break)")
                case ..<0x20:
                    throw failure("a control character inside a string; write it as an escape such as \\t")
                default:
                    content.append(byte)
                    index += 1
                }
            }
            throw failure("the string that starts here is never closed (missing \")", at: start)
        }

        /// Reads an escape sequence; `index` is at the backslash.
        private mutating func parseEscape(into content: inout [UInt8]) throws {
            let start = index
            index += 1
            guard index < bytes.count else { throw failure("unexpected end of file in an escape sequence") }
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let replacement = simple[bytes[index]] {
                content.append(replacement)
                index += 1
                return
            }
            guard bytes[index] == UInt8(ascii: "u") else {
                throw failure("'\\\(describeByte(bytes[index]))' is not a JSON escape", at: start)
            }
            index += 1
            var value = try hexQuad(escapeStart: start)
            if (0xD800...0xDBFF).contains(value), peek(UInt8(ascii: "\\")), index + 1 < bytes.count,
                bytes[index + 1] == UInt8(ascii: "u")
            {
                let resume = index
                index += 2
                let low = try hexQuad(escapeStart: resume)
                if (0xDC00...0xDFFF).contains(low) {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = resume
                }
            }
            // A lone surrogate cannot be represented in a Swift string; it becomes U+FFFD as in Foundation.
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            content.append(contentsOf: Array(String(Character(scalar)).utf8))
        }

        private mutating func hexQuad(escapeStart: Int) throws -> UInt32 {
            guard index + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
            else {
                throw failure("'\\u' must be followed by four hexadecimal digits", at: escapeStart)
            }
            index += 4
            return value
        }

        /// Reads a number per the JSON grammar and returns its text.
        private mutating func parseNumber() throws -> String {
            let start = index
            if peek(UInt8(ascii: "-")) { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("a '-' must be followed by a digit", at: start)
            }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) {
                    throw failure("a number must not start with 0 (leading zeros are not allowed in JSON; "
                        + "write it as text in quotes if the zeros matter)", at: start)
                }
            } else {
                skipDigits()
            }
            if peek(UInt8(ascii: ".")) {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw failure("a '.' in a number must be followed by a digit")
                }
                skipDigits()
            }
            if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
                index += 1
                if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else {
                    throw failure("an exponent in a number must have digits")
                }
                skipDigits()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        private mutating func parseLiteral(_ word: String, _ value: Value) throws -> Value {
            let expected = Array(word.utf8)
            guard bytes[index...].starts(with: expected) else {
                throw failure("unexpected \(describeCurrent()); expected a value (true, false and null are lowercase)")
            }
            index += expected.count
            return value
        }

        private mutating func enterContainer() throws {
            depth += 1
            guard depth <= Self.maximumDepth else {
                throw failure("nested more than \(Self.maximumDepth) levels deep")
            }
        }

        private mutating func skipWhitespace() {
            while index < bytes.count,
                [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index])
            {
                index += 1
            }
        }

        private mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        private func peek(_ byte: UInt8) -> Bool {
            index < bytes.count && bytes[index] == byte
        }

        /// The character at `index`, for messages.
        private func describeCurrent() -> String {
            guard index < bytes.count else { return "end of file" }
            var end = index + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let character = String(decoding: bytes[index..<end], as: UTF8.self)
            return "'\(character)'"
        }

        private func describeByte(_ byte: UInt8) -> String {
            byte < 0x80 ? String(UnicodeScalar(byte)) : "…"
        }

        private func unclosed(_ kind: String, _ opener: String, at start: Int) -> InputError {
            let (line, column) = JSONInput.position(of: start, in: bytes)
            return failure("unexpected end of file: the \(kind) opened with '\(opener)' at line \(line), column "
                + "\(column) is never closed")
        }

        private func failure(_ reason: String, at offset: Int? = nil) -> InputError {
            let (line, column) = JSONInput.position(of: offset ?? index, in: bytes)
            return InputError.malformedJSON(path: path, line: line, column: column, reason: reason)
        }
    }
}
