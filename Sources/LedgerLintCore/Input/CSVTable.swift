/// A CSV file split into a header and rows, each row knowing the line it starts on.
///
/// Written for what Excel saves on Norwegian Windows (`;`, CRLF, quoted fields that contain `;`, `""` or line
/// breaks) and for hand-made exports (`,` or tab, LF). The separator is whichever of `;`, tab and `,` occurs most
/// often outside quotes in the header line, `;` winning ties. Fields are returned as written, untrimmed; the
/// readers decide what they mean. Format: `docs/snapshot-format.md`.
struct CSVTable: Sendable, Hashable {
    /// One data row.
    struct Row: Sendable, Hashable {
        /// The 1-based physical line the row starts on (the header is line 1 unless blank lines precede it).
        var line: Int
        /// The fields, padded with empty strings to the header's width when the row has fewer.
        var fields: [String]
    }

    var delimiter: Unicode.Scalar
    /// The header's fields, as written.
    var header: [String]
    /// The line the header is on.
    var headerLine: Int
    /// The data rows; rows that are blank or consist only of separators are left out.
    var rows: [Row]

    /// Separators tried, in the order that breaks ties.
    static let delimiters: [Unicode.Scalar] = [";", "\t", ","]

    /// Parses `text`, naming `path` in errors.
    ///
    /// - Throws: `InputError.malformedCSV` for a quoted field that is never closed (naming the line it started
    ///   on), a quote inside an unquoted field, text after a closing quote, or a row with more fields than the
    ///   header.
    static func parse(_ text: String, path: String) throws -> CSVTable {
        let scalars = Array(text.unicodeScalars)
        let delimiter = detectDelimiter(scalars)
        var parser = Parser(scalars: scalars, delimiter: delimiter, path: path)
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        while let (line, fields) = try parser.nextRecord() {
            guard let header else {
                // A BOM that survived decoding (e.g. UTF-8 BOM inside a UTF-16 file) is not part of the name.
                var names = fields
                if let first = names.first, first.unicodeScalars.first == "\u{FEFF}" {
                    names[0] = String(first.unicodeScalars.dropFirst())
                }
                if isBlank(names) { continue }
                header = names
                headerLine = line
                continue
            }
            if isBlank(fields) { continue }
            if fields.count > header.count {
                throw InputError.malformedCSV(
                    path: path, line: line,
                    reason: "the row has \(fields.count) fields but the header has \(header.count) "
                        + (header.count == 1 ? "column " : "columns ")
                        + "(is a field with a \(delimiterName(delimiter)) in it missing its quotes?)")
            }
            rows.append(Row(line: line, fields: fields + Array(repeating: "", count: header.count - fields.count)))
        }
        return CSVTable(delimiter: delimiter, header: header ?? [], headerLine: headerLine, rows: rows)
    }

    /// The separator used in the first non-blank line, counting only occurrences outside quotes.
    static func detectDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        var sawContent = false
        for scalar in scalars {
            if scalar == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && (scalar == "\n" || scalar == "\r") {
                if sawContent { break }
            } else if !inQuotes && delimiters.contains(scalar) {
                counts[scalar, default: 0] += 1
            }
            if scalar != "\n" && scalar != "\r" { sawContent = true }
        }
        // `max(by:)` keeps the first of equal elements, so the order of `delimiters` breaks ties.
        return delimiters.max { counts[$0, default: 0] < counts[$1, default: 0] } ?? ";"
    }

    /// How a separator is named in messages.
    static func delimiterName(_ delimiter: Unicode.Scalar) -> String {
        delimiter == "\t" ? "tab" : "'\(Character(delimiter))'"
    }

    private static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
    }
}

extension CSVTable {
    /// A single pass over the text that yields one record at a time and counts physical lines, treating CRLF,
    /// LF and a lone CR each as one line break.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        let delimiter: Unicode.Scalar
        let path: String
        var index = 0
        var line = 1

        init(scalars: [Unicode.Scalar], delimiter: Unicode.Scalar, path: String) {
            self.scalars = scalars
            self.delimiter = delimiter
            self.path = path
        }

        /// The next record with the line it starts on, or `nil` at the end of the text.
        mutating func nextRecord() throws -> (line: Int, fields: [String])? {
            guard index < scalars.count else { return nil }
            let startLine = line
            var fields: [String] = []
            while true {
                let (field, ended) = try nextField()
                fields.append(field)
                if ended { return (startLine, fields) }
            }
        }

        /// Reads one field and the separator or line break after it; `ended` is true when the record ends.
        private mutating func nextField() throws -> (field: String, ended: Bool) {
            var field = String.UnicodeScalarView()
            let fieldLine = line
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == delimiter {
                    index += 1
                    return (String(field), false)
                }
                if scalar == "\n" || scalar == "\r" {
                    consumeLineBreak()
                    return (String(field), true)
                }
                if scalar == "\"" {
                    // Spaces before an opening quote are tolerated (`a, "b"`); anything else is a stray quote.
                    guard field.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                        throw InputError.malformedCSV(
                            path: path, line: line,
                            reason: "a quote (\") inside the unquoted field '\(String(field))\"…'; a field that "
                                + "contains quotes must itself be in quotes, with each quote doubled (\"\")")
                    }
                    return try quotedField(startLine: fieldLine)
                }
                field.append(scalar)
                index += 1
            }
            return (String(field), true)
        }

        /// Reads a quoted field; `index` is at the opening quote.
        private mutating func quotedField(startLine: Int) throws -> (field: String, ended: Bool) {
            var field = String.UnicodeScalarView()
            index += 1
            while true {
                guard index < scalars.count else {
                    throw InputError.malformedCSV(
                        path: path, line: startLine,
                        reason: "the quoted field that starts on this line is never closed (unterminated \")")
                }
                let scalar = scalars[index]
                if scalar == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                if scalar == "\n" || scalar == "\r" {
                    // Keep the break inside the field as a plain LF, whatever the file used.
                    consumeLineBreak()
                    field.append("\n")
                    continue
                }
                field.append(scalar)
                index += 1
            }
            // After the closing quote: optional spaces, then a separator, a line break or the end.
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == delimiter {
                    index += 1
                    return (String(field), false)
                }
                if scalar == "\n" || scalar == "\r" {
                    consumeLineBreak()
                    return (String(field), true)
                }
                guard scalar == " " || scalar == "\t" else {
                    throw InputError.malformedCSV(
                        path: path, line: line,
                        reason: "text after the closing quote of the field \"\(String(field))\"; a quote inside "
                            + "a quoted field must be doubled (\"\")")
                }
                index += 1
            }
            return (String(field), true)
        }

        private mutating func consumeLineBreak() {
            if scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" {
                index += 2
            } else {
                index += 1
            }
            line += 1
        }
    }
}
