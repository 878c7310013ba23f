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

    /// Parses `text`, naming `path` in errors.
    ///
    /// - Throws: `InputError.malformedCSV` for a quoted field that is never closed (naming the line it started
    ///   on), a quote inside an unquoted field, text after a closing quote, or a row with more fields than the
    ///   header.
    static func parse(_ text: String, path: String) throws -> CSVTable {
        try Array(text.utf8).withUnsafeBytes { bytes in
            var scanner = CSVScanner(bytes, path: path, encoding: .utf8)
            return try parse(&scanner)
        }
    }

    /// Reads every record of `scanner` into a table. The readers of large exports use `CSVScanner` directly
    /// instead, to make strings only for the cells they keep.
    static func parse(_ scanner: inout CSVScanner) throws(InputError) -> CSVTable {
        var header: [String]?
        var headerLine = 1
        var rows: [Row] = []
        while let line = try scanner.nextRecord() {
            guard let header else {
                if let names = scanner.headerNames() {
                    header = names
                    headerLine = line
                }
                continue
            }
            if scanner.isBlank { continue }
            try scanner.checkWidth(header.count, line: line)
            let fields = scanner.fields.map { scanner.string($0) }
            rows.append(Row(line: line, fields: fields + Array(repeating: "", count: header.count - fields.count)))
        }
        return CSVTable(
            delimiter: Unicode.Scalar(scanner.delimiter), header: header ?? [], headerLine: headerLine, rows: rows)
    }

    /// How a separator is named in messages.
    static func delimiterName(_ delimiter: Unicode.Scalar) -> String {
        delimiter == "\t" ? "tab" : "'\(Character(delimiter))'"
    }
}
