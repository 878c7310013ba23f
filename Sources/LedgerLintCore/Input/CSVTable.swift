import LedgerLintText

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
    static func delimiterName(_ delimiter: Unicode.Scalar) -> LocalizedText {
        delimiter == "\t" ? LocalizedText(en: "tab", nb: "tabulator") : LocalizedText(verbatim: "'\(Character(delimiter))'")
    }
}

extension CSVTable {
    /// Why text is not valid CSV, in both languages: the reasons of `InputError.malformedCSV`.
    enum Reason {
        static let unclosedQuote = LocalizedText(
            en: "the quoted field that starts on this line is never closed (unterminated \")",
            nb: "feltet i anførselstegn som begynner på denne linjen, blir aldri avsluttet (mangler avsluttende \")")

        static func tooManyFields(_ fields: Int, columns: Int, delimiter: Unicode.Scalar) -> LocalizedText {
            let name = delimiterName(delimiter)
            return LocalizedText(
                en: "the row has \(fields) fields but the header has \(columns) \(columns == 1 ? "column" : "columns") "
                    + "(is a field with a \(name.en) in it missing its quotes?)",
                nb: "raden har \(fields) felt, men overskriftsraden har \(columns) \(columns == 1 ? "kolonne" : "kolonner") "
                    + "(mangler et felt med \(name.nb) i seg anførselstegn?)")
        }

        /// `before`: the field up to the quote.
        static func quoteInUnquotedField(_ before: String) -> LocalizedText {
            LocalizedText(
                en: "a quote (\") inside the unquoted field '\(before.excerpt)\"…'; a field that contains quotes must "
                    + "itself be in quotes, with each quote doubled (\"\")",
                nb: "et anførselstegn (\") inne i feltet '\(before.excerpt)\"…', som ikke står i anførselstegn; et felt "
                    + "som inneholder anførselstegn, må selv stå i anførselstegn, med hvert anførselstegn doblet (\"\")")
        }

        static func textAfterClosingQuote(_ field: String) -> LocalizedText {
            LocalizedText(
                en: "text after the closing quote of the field \"\(field.excerpt)\"; a quote inside a quoted field must "
                    + "be doubled (\"\")",
                nb: "tekst etter det avsluttende anførselstegnet i feltet \"\(field.excerpt)\"; et anførselstegn inne i "
                    + "et felt i anførselstegn må dobles (\"\")")
        }
    }
}
