import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText
@testable import LedgerLintJSON

/// `CSVScanner` and `AssistExportReader` must read exports exactly as the oracle below (`ReferenceCSV`) does: the
/// same tables, customers and product groups, and the same errors, in the same order of precedence. The oracle is
/// the CSV parser `CSVScanner` replaced, kept as it was, with its own reading of the columns from the docs.
/// Hand-written cases for the corners, and thousands of random and mutated files in UTF-8, Windows-1252 and UTF-16.
@Suite struct CSVScannerTests {
    static let file = "assist/customers.csv"

    static func customers(_ bytes: [UInt8]) -> ReadOutcome<[AssistCustomer]> {
        ReadOutcome { Array(try AssistExportReader.customers(csv: Data(bytes), file: file)) }
    }

    static func referenceCustomers(_ bytes: [UInt8]) -> ReadOutcome<[AssistCustomer]> {
        ReadOutcome { try ReferenceCSV.customers(Data(bytes), file: file) }
    }

    static func groups(_ bytes: [UInt8]) -> ReadOutcome<[AssistProductGroup]> {
        ReadOutcome { try AssistExportReader.productGroups(csv: Data(bytes), file: file) }
    }

    static func referenceGroups(_ bytes: [UInt8]) -> ReadOutcome<[AssistProductGroup]> {
        ReadOutcome { try ReferenceCSV.productGroups(Data(bytes), file: file) }
    }

    // MARK: Corners

    static let cases: [String] = [
        "", "\n\n", "Kundenummer;Navn;E-post\r\n", "Kundenummer;Navn;E-post\r\n10001;A;a@b.no",
        "Kundenummer;Navn;E-post\n10001;A;a@b.no\n10002;\"B; C\";\"x\"\"y\"\n",
        "Kundenummer;Navn;E-post\n1;2;3;4\n", "Kundenummer;Navn\n1;2\n", "Kundenummer;Navn;E-post;Epost\n",
        "Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a;Brevdue\n2;B;b;Fax\n",
        "Kundenummer;Navn;E-post;Eksporteres\n1;A;a;kanskje\n2;B;b;Ja;extra\n",
        "Kundenummer;Navn;E-post;Eksporteres\n1;A;a;kanskje\n2;\"B;b\n",
        "Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a; ehf \n2;B;b;E-POST\n3;C;c;\n",
        "Kundenummer;Navn\n1;2\n3;\"open\n", "Kundenummer;Navn;E-post\n1;Hans \"Fisk\" AS;x\n",
        "Kundenummer;Navn;E-post\n1;\"x\"y;z\n", "Kundenummer;Navn;E-post\r1;\"two\r\nlines\";x\r",
        "  ;  \nKundenummer,Navn,E-post\n,,\n 1 , \"A, B\" , a@b.no \n",
        "Kundenummer\tNavn\tE-post\n1\t\u{A0}Ås\u{A0}\t\u{2003}e@x.no\u{200B}\n",
        "\u{FEFF}Kundenummer;Navn;E-post\n1;Ø;ø@x.no\n", "Kundenummer;Navn;E-post\n1;\u{301}x;y\n",
        "Kundenummer;Navn;E-post;Organisasjonsnummer\n1;A;b;923 609 016\n;;;\n\n2;B\n",
        "Produktgruppe;Navn;Salgskonto\n1;Varer;3000\n2;Tjenester;\nA-2;X;1\n",
        "Produktgruppe;Navn;Salgskonto\n1;Varer;3000,5\n", "Produktgruppe;Navn\n1;Varer\n",
    ]

    @Test(arguments: cases)
    func sameAsTheReferenceReader(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.customers(bytes) == Self.referenceCustomers(bytes))
        #expect(Self.groups(bytes) == Self.referenceGroups(bytes))
        let table = ReadOutcome { try CSVTable.parse(text, path: Self.file) }
        let reference = ReadOutcome { try ReferenceCSV.parse(text, path: Self.file) }
        #expect(table == reference)
    }

    @Test(arguments: [
        [0xEF, 0xBB, 0xBF] + Array("Kundenummer;Navn;E-post\n1;Å;x\n".utf8),
        [0xEF, 0xBB, 0xBF, 0x4B, 0xC5],  // a UTF-8 mark, then Windows-1252: unreadable
        Array("Kundenummer;Navn;E-post\n1;Bl".utf8) + [0xE5, 0x62, 0xE6, 0x72] + Array(";x\n".utf8),
        Array("Kundenummer;Navn;E-post\n1;A;x\n".utf8) + [0x00],  // NUL: not text
        Array("Kundenummer;Navn\n1;\"open".utf8) + [0x00],  // not text beats a CSV error
        [0xEF, 0xBB, 0xBF] + Array("Kundenummer;Navn\n1;A".utf8) + [0x00, 0xFF],  // unreadable beats not text
        Array("Kundenummer;Navn;E-post\n1;A;x\n2;".utf8) + [0xA0, 0x42, 0xA0] + Array(";y\n".utf8),
        [0xFF, 0xFE] + Array("Kundenummer;Navn;E-post\n1;Å;x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
        [0xFE, 0xFF] + Array("Kundenummer;Navn;E-post\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
        [0xFF, 0xFE, 0x41],
    ] as [[UInt8]])
    func encodingsAsTheReferenceReader(_ bytes: [UInt8]) {
        #expect(Self.customers(bytes) == Self.referenceCustomers(bytes))
    }

    @Test func aCSVErrorAnywhereBeatsAMissingColumnAndABadValue() {
        let missing = Array("Kundenummer;Navn\n1;A\n2;\"open\n".utf8)
        #expect(Self.customers(missing).english == .failure(.malformedCSV(
            path: Self.file, line: 3, reason: "the quoted field that starts on this line is never closed (unterminated \")")))
        let bad = Array("Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a;Fax\n2;B;b;E-post;x\n".utf8)
        #expect(Self.customers(bad).english == .failure(.malformedCSV(
            path: Self.file, line: 3,
            reason: "the row has 5 fields but the header has 4 columns (is a field with a ';' in it missing its quotes?)")))
    }

    @Test func readsLargeFilesInPlace() throws {
        let rows = (0..<60_000).map { "\(10_000 + $0);Blåbær \($0) AS;post\($0)@blabaer.no;EHF;Ja;\(String(repeating: "x", count: 300))" }
        let text = "Kundenummer;Navn;E-post;Sendingsmetode;Eksporteres;Notat\r\n" + rows.joined(separator: "\r\n")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("CSVScannerTests-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapped = try #require(MappedFile(path: url.path))
        let customers = try AssistExportReader.customers(csv: mapped.bytes, file: "c.csv", mapped: mapped)
        #expect(customers.count == 60_000)
        #expect(customers.last?.name == "Blåbær 59999 AS")
        #expect(customers.last?.location == SourceLocation(file: "c.csv", line: 60_001))
        #expect(customers.allSatisfy { $0.sendMethod == .ehf })
    }

    // MARK: Random and mutated files

    static let optionalHeaders = ["Organisasjonsnummer", "Sendingsmetode", "Eksporteres", "Telefon", "\"Navn; fullt\"", ""]
    /// Second spellings of a column, which make the header wrong.
    static let synonyms = [" e_post ", "Kundenr", "customer_number"]
    static let cells = [
        "10001", "", " ", "K-4", "Blåbær AS", "\"Fisk; og \"\"Vilt\"\"\"", "E-post", "EHF", "eFaktura", "Papir", "Ja",
        "Nei", " 1 ", "post@x.no", "\u{A0}Øst\u{A0}", "\"two\r\nlines\"", "€uro – ok", "\u{2003}\u{200B}", "\t", "\"\"",
        "\"a\"\"\"", "923 609 016",
    ]
    /// Cells that make a file wrong: a value no column takes, or broken quoting.
    static let badCells = ["Brevdue", "kanskje", "a\"b", "\"open", "\"x\" y"]

    static func file(_ random: inout JSONScannerTests.SplitMix64) -> [UInt8] {
        let separator = [";", ";", ",", "\t"].randomElement(using: &random) ?? ";"
        let newline = ["\n", "\r\n", "\r"].randomElement(using: &random) ?? "\n"
        var columns = Array(optionalHeaders.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
        for required in ["Kundenummer", "Navn", "E-post"] where Int.random(in: 0..<20, using: &random) > 0 {
            columns.insert(required, at: Int.random(in: 0...columns.count, using: &random))
        }
        if Int.random(in: 0..<10, using: &random) == 0 { columns.append(synonyms.randomElement(using: &random) ?? "") }
        var lines = [columns.joined(separator: separator)]
        for _ in 0..<Int.random(in: 0..<6, using: &random) {
            let width = Int.random(in: 0..<12, using: &random) == 0 ? columns.count + 1 : columns.count
            lines.append((0..<width).map { _ in
                (Int.random(in: 0..<25, using: &random) == 0 ? badCells : cells).randomElement(using: &random) ?? ""
            }.joined(separator: separator))
        }
        if Bool.random(using: &random) { lines.insert("", at: Int.random(in: 0...lines.count, using: &random)) }
        let text = lines.joined(separator: newline) + (Bool.random(using: &random) ? newline : "")
        switch Int.random(in: 0..<10, using: &random) {
        case 0...4: return Array(text.utf8)
        case 5: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 6: return [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default:
            // Windows-1252, as Excel saves it; characters it lacks as '?'.
            return text.unicodeScalars.map { scalar in
                switch scalar.value {
                case 0..<0x80, 0xA0...0xFF: UInt8(scalar.value)
                case 0x20AC: 0x80
                case 0x2013: 0x96
                default: UInt8(ascii: "?")
                }
            }
        }
    }

    static let interestingBytes: [UInt8] = Array(";,\t\"\r\n Ja".utf8) + [0x00, 0xA0, 0xC3, 0xE6, 0xE2, 0x80, 0x8B, 0xFF]

    @Test func randomAndMutatedFilesReadAsTheReferenceReadsThem() {
        var random = JSONScannerTests.SplitMix64(seed: 1252)
        var differences: [String] = []
        var read = 0
        for round in 0..<3000 {
            var bytes = Self.file(&random)
            if round % 3 != 0 {
                for _ in 0..<Int.random(in: 1...3, using: &random) where !bytes.isEmpty {
                    let position = Int.random(in: 0..<bytes.count, using: &random)
                    let byte = Self.interestingBytes.randomElement(using: &random) ?? 0x20
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes.remove(at: position)
                    case 1: bytes.insert(byte, at: position)
                    default: bytes[position] = byte
                    }
                }
            }
            let ours = Self.customers(bytes)
            if case .value = ours { read += 1 }
            let theirs = Self.referenceCustomers(bytes)
            if ours != theirs, differences.count < 5 {
                differences.append("round \(round): \(bytes)\n  scanner: \(ours)\n  reference: \(theirs)")
            }
            if Self.groups(bytes) != Self.referenceGroups(bytes), differences.count < 5 {
                differences.append("round \(round), product groups: \(bytes)")
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        #expect(read > 300 && read < 2700, "\(read) of 3000 read")
    }
}

/// The oracle's reading of Assist's columns, written from docs/snapshot-format.md and apart from the reader's
/// `ColumnMap`, `CustomerColumn`, `ProductGroupColumn`, `SendMethod(exportValue:)` and `LenientBool`: a mistake in
/// the reader's tables or its header matching then shows as a difference instead of being copied into the oracle.
/// Only the wording of errors is shared (`AssistExportReader.Expected`), since errors are compared whole.
extension ReferenceCSV {
    /// A column as the docs' table lists it: the header names it accepts, Norwegian first and English second (the
    /// two that name it in messages), and whether the header must have it.
    struct Column {
        var names: [String]
        var required: Bool

        var displayName: String { "\(names[0]) (\(names[1]))" }
        /// The English name, by which the readers below ask for the column's cells.
        var id: String { names[1] }
    }

    static let customerColumns = [
        Column(names: ["Kundenummer", "customer_number", "Kundenr", "customer_no"], required: true),
        Column(names: ["Navn", "name", "Kundenavn", "customer_name"], required: true),
        Column(names: ["E-post", "email", "E-postadresse", "email_address"], required: true),
        Column(
            names: ["Organisasjonsnummer", "organization_number", "organisation_number", "Orgnr", "Organisasjonsnr"],
            required: false),
        Column(names: ["Sendingsmetode", "send_method", "Fakturametode", "invoice_delivery_type"], required: false),
        Column(names: ["Eksporteres", "export", "Eksport"], required: false),
    ]

    static let productGroupColumns = [
        Column(names: ["Produktgruppe", "product_group", "Produktgruppenummer", "product_group_number"], required: true),
        Column(names: ["Navn", "name"], required: true),
        Column(names: ["Salgskonto", "sales_account", "Standard salgskonto", "standard_sales_account"], required: true),
    ]

    /// Send-method cells, lower-cased; an empty cell is e-mail.
    static let sendMethods: [String: SendMethod] = [
        "e-post": .email, "epost": .email, "email": .email, "e-mail": .email, "pdfbyemail": .email, "ehf": .ehf,
        "efaktura": .eFaktura, "e-faktura": .eFaktura, "papir": .print, "print": .print, "utskrift": .print,
    ]

    /// Export-flag cells, lower-cased; an empty cell is yes.
    static let exportFlags: [String: Bool] = [
        "ja": true, "j": true, "yes": true, "y": true, "true": true, "1": true, "sann": true,
        "nei": false, "n": false, "no": false, "false": false, "0": false, "usann": false,
    ]

    /// What makes two header names the same: case, spaces, tabs, `_`, `-` and `.` do not count.
    static func sameness(_ name: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in name.lowercased().unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "_" || scalar == "-" || scalar == "." { continue }
            kept.append(scalar)
        }
        return String(kept)
    }

    /// A table's rows with the cells of each known column, trimmed, empty ones left out, keyed by the column's `id`;
    /// and the header as written (trimmed), to name columns in errors.
    struct Located {
        var header: [String]
        var positions: [String: Int]

        func cell(_ id: String, _ row: Row) -> String? {
            guard let position = positions[id] else { return nil }
            let value = row.fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }

        func header(_ id: String) -> String { positions[id].map { header[$0] } ?? id }

        /// The cell in column `id` as `read` makes it, `nil` for an empty one; a cell `read` makes nothing of is a
        /// `badValue` expecting `expected`.
        func value<Value>(
            _ id: String, _ row: Row, file: String, expected: LocalizedText, _ read: (String) -> Value?
        ) throws -> Value? {
            guard let written = cell(id, row) else { return nil }
            guard let value = read(written) else {
                throw InputError.badValue(
                    path: file, line: row.line, column: header(id), value: written, expected: expected)
            }
            return value
        }
    }

    /// Finds `columns` in the table's header: two headers that mean one column are an error (at the second), then
    /// the first required column the header lacks, in the docs' order.
    static func locate(_ columns: [Column], in table: CSVTable, path: String) throws -> Located {
        // Messages quote a very long name cut short; such a name is never a column's.
        let header = table.header.map {
            $0.utf8.count > 200 ? $0.excerpt : $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var positions: [String: Int] = [:]
        for (position, written) in table.header.enumerated() where written.utf8.count <= 200 {
            let name = header[position]
            guard let column = columns.first(where: { $0.names.map(sameness).contains(sameness(name)) }) else {
                continue
            }
            if let earlier = positions[column.id] {
                throw InputError.malformedCSV(
                    path: path, line: table.headerLine,
                    reason: LocalizedText(
                        en: "the columns '\(header[earlier].excerpt)' and '\(name.excerpt)' mean the same; keep one of them",
                        nb: "kolonnene '\(header[earlier].excerpt)' og '\(name.excerpt)' betyr det samme; behold bare én av dem"))
            }
            positions[column.id] = position
        }
        if let absent = columns.first(where: { $0.required && positions[$0.id] == nil }) {
            throw InputError.missingColumn(path: path, column: absent.displayName, found: header)
        }
        return Located(header: header, positions: positions)
    }

    /// Customers from a CSV export: the whole table first, then its columns, then row by row.
    static func customers(_ csv: Data, file: String) throws -> [AssistCustomer] {
        let table = try parse(decode(csv, path: file), path: file)
        let columns = try locate(customerColumns, in: table, path: file)
        var customers: [AssistCustomer] = []
        for row in table.rows {
            let sendMethod = try columns.value(
                "send_method", row, file: file, expected: AssistExportReader.Expected.sendMethod
            ) { sendMethods[$0.lowercased()] } ?? .email
            let export = try columns.value(
                "export", row, file: file, expected: AssistExportReader.Expected.yesOrNo
            ) { exportFlags[$0.lowercased()] } ?? true
            customers.append(
                AssistCustomer(
                    customerNumber: columns.cell("customer_number", row), name: columns.cell("name", row),
                    organizationNumber: columns.cell("organization_number", row), email: columns.cell("email", row),
                    sendMethod: sendMethod, export: export, location: SourceLocation(file: file, line: row.line)))
        }
        return customers
    }

    /// Product groups from a CSV export, the same way.
    static func productGroups(_ csv: Data, file: String) throws -> [AssistProductGroup] {
        let table = try parse(decode(csv, path: file), path: file)
        let columns = try locate(productGroupColumns, in: table, path: file)
        var groups: [AssistProductGroup] = []
        for row in table.rows {
            let written = columns.cell("product_group", row)
            guard let number = written.flatMap({ Int($0) }) else {
                throw InputError.badValue(
                    path: file, line: row.line, column: columns.header("product_group"), value: written ?? "",
                    expected: AssistExportReader.Expected.productGroupNumber)
            }
            let salesAccount = try columns.value(
                "sales_account", row, file: file, expected: AssistExportReader.Expected.accountNumber
            ) { Int($0) }
            groups.append(
                AssistProductGroup(
                    number: number, name: columns.cell("name", row), salesAccount: salesAccount,
                    location: SourceLocation(file: file, line: row.line)))
        }
        return groups
    }
}

extension ReferenceCSV {
    /// `TextDecoding.decode` as it was, with its Windows-1252 table.
    static func decode(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        guard TextDecoding.detect(bytes) == .windows1252 else { return try TextDecoding.decode(data, path: path) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let high: [UInt32] = [
                0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
                0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
                0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
            ]
            let value: UInt32 = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        let text = String(scalars)
        if let line = TextDecoding.lineOfFirstNUL(in: text) { throw InputError.notText(path: path, line: line) }
        return text
    }
}

// The CSV reader as it was before `CSVScanner` (commit 9f1bbdd), kept verbatim as the oracle the new one is
// compared with: it decoded the whole file into a String, split it into an array of Unicode scalars and made a
// String of every cell.
enum ReferenceCSV {
    typealias Row = CSVTable.Row

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
                    reason: CSVTable.Reason.tooManyFields(fields.count, columns: header.count, delimiter: delimiter))
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

    private static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
    }
}

extension ReferenceCSV {
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
                if let ended = consumeFieldEnd() { return (String(field), ended) }
                let scalar = scalars[index]
                if scalar == "\"" {
                    // Spaces before an opening quote are tolerated (`a, "b"`); anything else is a stray quote.
                    guard field.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                        throw InputError.malformedCSV(
                            path: path, line: line,
                            reason: CSVTable.Reason.quoteInUnquotedField(String(field)))
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
                        reason: CSVTable.Reason.unclosedQuote)
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
                if let ended = consumeFieldEnd() { return (String(field), ended) }
                let scalar = scalars[index]
                guard scalar == " " || scalar == "\t" else {
                    throw InputError.malformedCSV(
                        path: path, line: line,
                        reason: CSVTable.Reason.textAfterClosingQuote(String(field)))
                }
                index += 1
            }
            return (String(field), true)
        }

        /// At a separator or a line break, consumes it and says whether the record ends there; `nil` elsewhere.
        private mutating func consumeFieldEnd() -> Bool? {
            let scalar = scalars[index]
            if scalar == delimiter {
                index += 1
                return false
            }
            if scalar == "\n" || scalar == "\r" {
                consumeLineBreak()
                return true
            }
            return nil
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
