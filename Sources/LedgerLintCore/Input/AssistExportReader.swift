import Foundation
import LedgerLintText
import LedgerLintJSON

/// Reads Assist's customer and product-group exports, as CSV (saved from Excel or by hand) or JSON.
///
/// `file` is the path the records' `SourceLocation`s and the errors name; `SnapshotReader` passes the path
/// relative to the snapshot folder (`assist/customers.csv`) and puts the folder in front of it in errors.
/// Accepted headers, values and encodings: `docs/snapshot-format.md`.
public enum AssistExportReader {
    /// Reads a customer CSV export.
    ///
    /// Values are trimmed and empty cells are `nil`; the customer number stays text, because a customer number
    /// that is not a whole number is a finding, not an input error.
    ///
    /// - Throws: `InputError` for bytes that are not text, malformed CSV, a missing required column, or a
    ///   send method or export flag the reader does not know.
    public static func customers(csv: Data, file: String) throws -> RecordTable<AssistCustomer> {
        try csv.withUnsafeBytes { try customers(csv: $0, file: file, mapped: nil) }
    }

    /// The same, over bytes that may be a mapped file whose pages the reader lets go of as it passes them.
    ///
    /// The file is read in one pass that makes strings only for the cells a customer keeps. Errors come in the
    /// order reading the whole table first would give them: a CSV syntax error anywhere, then a missing column,
    /// then the first bad value.
    static func customers(
        csv bytes: UnsafeRawBufferPointer, file: String, mapped: MappedFile?, keeping fields: FieldSelection = .all
    ) throws -> RecordTable<AssistCustomer> {
        try CSVScanner.withScanner(over: bytes, path: file, mapped: mapped) { scanner in
            var header: [String] = []
            var headerLine = 1
            while let line = try scanner.nextRecord() {
                guard let names = scanner.headerNames() else { continue }
                header = names
                headerLine = line
                break
            }
            var pending: (any Error)?
            var columns: ColumnMap<CustomerColumn>?
            do {
                columns = try ColumnMap(
                    header: header, headerLine: headerLine, columns: CustomerColumn.self, path: file)
            } catch {
                pending = error
            }
            var customers = RecordTable<AssistCustomer>(keeping: fields)
            var reader = columns.map { CustomerRowReader(file: file, columns: $0) }
            var nextRelease = MappedFile.window
            while let line = try scanner.nextRecord() {
                if scanner.isBlank { continue }
                try scanner.checkWidth(header.count, line: line)
                guard pending == nil, reader != nil else { continue }
                do {
                    try reader?.append(scanner, line: line, to: &customers)
                } catch {
                    pending = error
                }
                if customers.count == 1024 {
                    // Rows are much alike: size the table once rather than doubling it (and briefly holding two
                    // copies) as it grows.
                    customers.reserveCapacity(Int(Double(scanner.count) / Double(scanner.index) * 1024 * 1.02) + 16)
                }
                if scanner.index >= nextRelease {
                    scanner.release?(scanner.index)
                    nextRelease = scanner.index + MappedFile.window
                }
            }
            if let pending { throw pending }
            return customers
        }
    }

    /// Reads a customer JSON export: a bare array of objects with the camelCase keys of `AssistCustomerJSON`.
    ///
    /// The customers are scanned one at a time into their table (`AssistCustomerJSONTable`); the errors are those
    /// of decoding the whole array through a tree (`decodeArray`): a syntax error anywhere, then the first value
    /// of the wrong type, then the first send method Assist does not have.
    public static func customers(
        json: Data, file: String, keeping fields: FieldSelection = .all
    ) throws -> RecordTable<AssistCustomer> {
        try json.withUnsafeBytes { try customers(json: $0, file: file, mapped: nil, keeping: fields) }
    }

    /// The same, over bytes that may be a mapped file whose pages the reader lets go of as it passes them.
    ///
    /// UTF-8 (with or without a byte-order mark) is scanned where it lies. Anything else, and a file the scanner
    /// finds no valid JSON in (it may be Windows-1252 text), is decoded as every input is (`TextDecoding`) and the
    /// text scanned: the way that says what is wrong, as the tree's reading would.
    static func customers(
        json bytes: UnsafeRawBufferPointer, file: String, mapped: MappedFile?, keeping fields: FieldSelection = .all
    ) throws -> RecordTable<AssistCustomer> {
        let mark = TextDecoding.mark(of: bytes)
        if mark != .utf16LE && mark != .utf16BE {
            let offset = mark == .utf8BOM ? 3 : 0
            do {
                return try scanCustomers(
                    UnsafeRawBufferPointer(rebasing: bytes[offset...]), file: file,
                    release: mapped.map { mapped in
                        let pager = mapped.pager(from: offset)
                        return { pager($0 + offset) }
                    }, keeping: fields)
            } catch JSONError.malformedJSON {
                // Decoded below, which reads it as the tree's way does.
            }
        }
        return try InputError.converting {
            var text = try TextDecoding.decode(Data(bytes), path: file)
            return try text.withUTF8 { utf8 in
                try scanCustomers(UnsafeRawBufferPointer(utf8), file: file, release: nil, keeping: fields)
            }
        }
    }

    /// Scans the UTF-8 JSON `bytes` into a table of customers.
    ///
    /// - Throws: `JSONError.malformedJSON` as it is, for the caller to decide on; every other error as `InputError`.
    private static func scanCustomers(
        _ bytes: UnsafeRawBufferPointer, file: String, release: ((Int) -> Void)?, keeping fields: FieldSelection
    ) throws -> RecordTable<AssistCustomer> {
        var scanner = JSONScanner(bytes, path: file)
        scanner.release = release
        let store: AssistCustomerJSONTable
        do {
            store = try scanner.recordArray(
                of: AssistCustomerJSON.self, into: AssistCustomerJSONTable(file: file, keeping: fields),
                notAnArray: { JSONInput.Expected.found(Self.expectedArray, $0.summary) })
        } catch .malformedJSON(let path, let line, let column, let reason) {
            throw JSONError.malformedJSON(path: path, line: line, column: column, reason: reason)
        } catch {
            throw InputError(error)
        }
        if let error = store.firstError { throw error }
        return store.table
    }

    private static let expectedArray = LocalizedText(en: "expected an array of records", nb: "skal være en liste med poster")

    /// Reads a product-group CSV export.
    ///
    /// - Throws: `InputError.badValue` for a product group that is not a whole number or a sales account that
    ///   is neither a whole number nor empty, besides the errors of `customers(csv:file:)`.
    public static func productGroups(csv: Data, file: String) throws -> [AssistProductGroup] {
        let table = try csv.withUnsafeBytes { bytes in
            try CSVScanner.withScanner(over: bytes, path: file) { scanner in try CSVTable.parse(&scanner) }
        }
        let columns = try ColumnMap(table: table, columns: ProductGroupColumn.self, path: file)
        return try table.rows.map { row in
            let numberCell = columns.cell(.productGroup, in: row)
            guard let number = numberCell.flatMap({ Int($0.value) }) else {
                throw InputError.badValue(
                    path: file, line: row.line, column: columns.header(of: .productGroup),
                    value: numberCell?.value ?? "", expected: Expected.productGroupNumber)
            }
            var salesAccount: Int?
            if let (raw, header) = columns.cell(.salesAccount, in: row) {
                guard let account = Int(raw) else {
                    throw InputError.badValue(
                        path: file, line: row.line, column: header, value: raw,
                        expected: Expected.accountNumber)
                }
                salesAccount = account
            }
            return AssistProductGroup(
                number: number, name: columns.cell(.name, in: row)?.value, salesAccount: salesAccount,
                location: SourceLocation(file: file, line: row.line))
        }
    }

    /// Reads a product-group JSON export: a bare array of objects with the keys of `AssistProductGroupJSON`.
    public static func productGroups(json: Data, file: String) throws -> [AssistProductGroup] {
        try decodeArray(AssistProductGroupJSON.self, json: json, file: file).enumerated().map { index, group in
            group.group(at: SourceLocation(file: file, record: index + 1))
        }
    }

    /// The whole-tree way: the file parsed into a `JSONInput.Value`, decoded through `Decodable`. For product groups,
    /// and in tests the reference the scanned customers are held to.
    static func decodeArray<Record: Decodable>(
        _ type: Record.Type, json: Data, file: String
    ) throws -> [Record] {
        try InputError.converting {
            let value = try JSONInput.parse(TextDecoding.decode(json, path: file), path: file)
            guard case .array = value else {
                throw InputError.unexpectedJSON(
                    path: file, jsonPath: "", reason: JSONInput.Expected.found(Self.expectedArray, value.summary))
            }
            return try JSONInput.decode([Record].self, from: value, path: file)
        }
    }
}

extension AssistExportReader {
    /// What a cell of an Assist export should hold, for `InputError.badValue` (after "is not").
    enum Expected {
        static let productGroupNumber = LocalizedText(
            en: "a whole number (the product group number is required)",
            nb: "et heltall (produktgruppenummeret er påkrevd)")
        static let accountNumber = LocalizedText(
            en: "a whole number (an account number) or empty", nb: "et heltall (et kontonummer) eller tomt")
        static let sendMethod = LocalizedText(
            en: "a send method (E-post, EHF, eFaktura or Papir; empty means E-post)",
            nb: "en sendingsmetode (E-post, EHF, eFaktura eller Papir; tomt betyr E-post)")
        static let yesOrNo = LocalizedText(
            en: "yes or no (Ja/Nei, yes/no, true/false or 1/0; empty means Ja)",
            nb: "ja eller nei (Ja/Nei, yes/no, true/false eller 1/0; tomt betyr Ja)")
    }
}

// MARK: - Columns

/// A column the reader knows, with the header spellings that mean it.
protocol AssistColumn: CaseIterable, Hashable, Sendable {
    /// Normalised spellings (see `normalizedHeader`); the first is the one messages name.
    var spellings: [String] { get }
    /// How messages name the column: Assist's Norwegian header, then the English one.
    var displayName: String { get }
    var isRequired: Bool { get }
}

/// The customer export's columns.
enum CustomerColumn: AssistColumn {
    case customerNumber, name, email, organizationNumber, sendMethod, export

    var spellings: [String] {
        switch self {
        case .customerNumber: ["kundenummer", "customernumber", "kundenr", "customerno"]
        case .name: ["navn", "name", "kundenavn", "customername"]
        case .email: ["epost", "email", "epostadresse", "emailaddress"]
        case .organizationNumber:
            ["organisasjonsnummer", "organizationnumber", "organisationnumber", "orgnr", "organisasjonsnr"]
        case .sendMethod: ["sendingsmetode", "sendmethod", "fakturametode", "invoicedeliverytype"]
        case .export: ["eksporteres", "export", "eksport"]
        }
    }

    var displayName: String {
        switch self {
        case .customerNumber: "Kundenummer (customer_number)"
        case .name: "Navn (name)"
        case .email: "E-post (email)"
        case .organizationNumber: "Organisasjonsnummer (organization_number)"
        case .sendMethod: "Sendingsmetode (send_method)"
        case .export: "Eksporteres (export)"
        }
    }

    var isRequired: Bool {
        switch self {
        case .customerNumber, .name, .email: true
        case .organizationNumber, .sendMethod, .export: false
        }
    }
}

/// The product-group export's columns; all are required.
enum ProductGroupColumn: AssistColumn {
    case productGroup, name, salesAccount

    var spellings: [String] {
        switch self {
        case .productGroup: ["produktgruppe", "productgroup", "produktgruppenummer", "productgroupnumber"]
        case .name: ["navn", "name"]
        case .salesAccount: ["salgskonto", "salesaccount", "standardsalgskonto", "standardsalesaccount"]
        }
    }

    var displayName: String {
        switch self {
        case .productGroup: "Produktgruppe (product_group)"
        case .name: "Navn (name)"
        case .salesAccount: "Salgskonto (sales_account)"
        }
    }

    var isRequired: Bool { true }
}

/// Where each known column is in a table's header.
struct ColumnMap<Column: AssistColumn> {
    private var indices: [Column: Int] = [:]
    private let header: [String]

    /// A header name reduced to what identifies it: lowercase, without spaces, `_`, `-` and `.`, so that
    /// `E-post`, `e_post` and `EPOST` are one name.
    static func normalizedHeader(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// - Throws: `InputError.missingColumn` for a required column that is not there (listing the header as
    ///   found), `InputError.malformedCSV` when two headers mean the same column.
    init(table: CSVTable, columns: Column.Type, path: String) throws {
        try self.init(header: table.header, headerLine: table.headerLine, columns: columns, path: path)
    }

    /// The same, from a header's cells as written and the line it is on.
    init(header names: [String], headerLine: Int, columns: Column.Type, path: String) throws {
        // A name longer than any spelling cannot be a known column: it is kept only as messages quote it, so that a
        // file that is no CSV (one header "cell" of 50 MB) costs no more than a short one.
        header = names.map { $0.utf8.count > 200 ? $0.excerpt : $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for (index, name) in header.enumerated() where name.utf8.count <= 200 {
            let normalized = Self.normalizedHeader(name)
            guard let column = Column.allCases.first(where: { $0.spellings.contains(normalized) }) else { continue }
            if let earlier = indices[column] {
                throw InputError.malformedCSV(
                    path: path, line: headerLine,
                    reason: LocalizedText(
                        en: "the columns '\(header[earlier].excerpt)' and '\(name.excerpt)' mean the same; keep one of them",
                        nb: "kolonnene '\(header[earlier].excerpt)' og '\(name.excerpt)' betyr det samme; behold bare én av dem"))
            }
            indices[column] = index
        }
        for column in Column.allCases where column.isRequired && indices[column] == nil {
            throw InputError.missingColumn(
                path: path, column: column.displayName, found: header)
        }
    }

    /// The trimmed cell of `column` in `row` with the column's header, or `nil` when the column is absent or the
    /// cell is empty.
    func cell(_ column: Column, in row: CSVTable.Row) -> (value: String, header: String)? {
        guard let index = indices[column], row.fields.indices.contains(index) else { return nil }
        let value = row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : (value, header[index])
    }

    /// Where `column` is in the header, when it is there.
    func position(of column: Column) -> Int? { indices[column] }

    /// The column's header as written in the file, or its display name when it is absent.
    func header(of column: Column) -> String {
        indices[column].map { header[$0] } ?? column.displayName
    }
}

/// Turns the cells of a customer row into an `AssistCustomer`, remembering what the send-method and export cells
/// it has seen mean: an export repeats a handful of spellings a million times, so most rows settle them by comparing
/// bytes, without making a string.
private struct CustomerRowReader {
    let file: String
    let columns: ColumnMap<CustomerColumn>
    private let number: Int?
    private let name: Int?
    private let organizationNumber: Int?
    private let email: Int?
    private let sendMethodColumn: Int?
    private let exportColumn: Int?
    private var sendMethods = SpellingMemo<SendMethod>()
    private var flags = SpellingMemo<Bool>()

    init(file: String, columns: ColumnMap<CustomerColumn>) {
        self.file = file
        self.columns = columns
        number = columns.position(of: .customerNumber)
        name = columns.position(of: .name)
        organizationNumber = columns.position(of: .organizationNumber)
        email = columns.position(of: .email)
        sendMethodColumn = columns.position(of: .sendMethod)
        exportColumn = columns.position(of: .export)
    }

    /// Appends the scanner's current record, its texts from their bytes where it can. What can fail is read
    /// first, so that a bad cell appends nothing.
    mutating func append(_ scanner: CSVScanner, line: Int, to table: inout RecordTable<AssistCustomer>) throws {
        var sendMethod = SendMethod.email
        if let field = cell(sendMethodColumn, scanner) {
            if let known = scanner.trimmedBytes(field).flatMap({ sendMethods[$0] }) {
                sendMethod = known
            } else if let raw = scanner.trimmed(field) {
                guard let method = SendMethod(exportValue: raw) else {
                    throw InputError.badValue(
                        path: file, line: line, column: columns.header(of: .sendMethod), value: raw,
                        expected: AssistExportReader.Expected.sendMethod)
                }
                scanner.trimmedBytes(field).map { sendMethods.remember($0, method) }
                sendMethod = method
            }
        }
        var export = true
        if let field = cell(exportColumn, scanner) {
            if let known = scanner.trimmedBytes(field).flatMap({ flags[$0] }) {
                export = known
            } else if let raw = scanner.trimmed(field) {
                guard let flag = LenientBool.parse(raw) else {
                    throw InputError.badValue(
                        path: file, line: line, column: columns.header(of: .export), value: raw,
                        expected: AssistExportReader.Expected.yesOrNo)
                }
                scanner.trimmedBytes(field).map { flags.remember($0, flag) }
                export = flag
            }
        }
        AssistCustomer.append(
            to: &table, customerNumber: text(number, scanner), name: text(name, scanner),
            organizationNumber: text(organizationNumber, scanner), email: text(email, scanner),
            sendMethod: sendMethod, export: export, location: SourceLocation(file: file, line: line))
    }

    /// The text of the cell at `position` (`CSVScanner.textCell(_:)`); absent when the column or the cell is.
    private func text(_ position: Int?, _ scanner: CSVScanner) -> TextCell {
        cell(position, scanner).map { scanner.textCell($0) } ?? .string(nil)
    }

    /// The cell at `position` of the current record; `nil` when the column is absent or the row is short.
    private func cell(_ position: Int?, _ scanner: CSVScanner) -> CSVScanner.Field? {
        guard let position, position < scanner.fields.count else { return nil }
        return scanner.fields[position]
    }
}

/// What a few cell spellings (by their trimmed bytes) mean.
private struct SpellingMemo<Value> {
    private var entries: [(bytes: [UInt8], value: Value)] = []

    subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        for entry in entries where entry.bytes.count == bytes.count {
            let same = entry.bytes.withUnsafeBufferPointer { stored in
                zip(stored.indices, stored).allSatisfy { bytes[$0] == $1 }
            }
            if same { return entry.value }
        }
        return nil
    }

    mutating func remember(_ bytes: UnsafeBufferPointer<UInt8>, _ value: Value) {
        if entries.count < 16 { entries.append((Array(bytes), value)) }
    }
}
