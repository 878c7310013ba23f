import LedgerLintJSON
import LedgerLintText

// The million-row path for Assist's JSON export: `JSONScanner` decodes each customer straight from the bytes, as
// it does PowerOffice's customers, and the customers go into their table as they come. Through a `JSONInput.Value`
// tree a million customers took half a minute and over a gigabyte. `AssistExportReaderTests` holds this path to
// the tree's decoding (`Decodable`) on every kind of value and mistake.

extension AssistCustomerJSON: JSONScannableRecord {
    typealias Store = AssistCustomerJSONTable

    /// In the order the properties are declared, which is the order `Decodable` decodes them in.
    static let jsonFields = JSONFieldTable(["customerNumber", "name", "organizationNumber", "email", "sendMethod", "export"])

    mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: customerNumber = try Self.scan(&scanner, as: LenientText.init, expected: LenientText.expected)
        case 1: name = try Self.scan(&scanner, as: LenientText.init, expected: LenientText.expected)
        case 2: organizationNumber = try Self.scan(&scanner, as: LenientText.init, expected: LenientText.expected)
        case 3: email = try Self.scan(&scanner, as: LenientText.init, expected: LenientText.expected)
        case 4: sendMethod = try scanner.string()
        case 5: export = try Self.scan(&scanner, as: LenientBool.init, expected: LenientBool.expected)
        default: try scanner.skipValue()
        }
    }

    /// A field that takes more than one type of value: `nil` for `null`, and for a value `read` does not take
    /// (then the scanner has the mismatch, to report as the tree's decoding would).
    private static func scan<Value>(
        _ scanner: inout JSONScanner, as read: (JSONInput.Value) -> Value?, expected: LocalizedText
    ) throws(JSONError) -> Value? {
        let json = try scanner.summarize()
        if json == .null { return nil }
        guard let value = read(json) else {
            scanner.reject(json, expected: expected)
            return nil
        }
        return value
    }
}

/// Where the scanner puts Assist's JSON customers: made into `AssistCustomer`s as they come, into the table the
/// run keeps. A customer that cannot be made (a send method Assist does not have) is held as `firstError`, to be
/// thrown once the whole file has been read: the tree's way reports any type error in the file first.
///
/// A customer's location is its place in the file, so the file is read front to back in one piece, never in
/// pieces on several threads (`appendStore`).
struct AssistCustomerJSONTable: JSONRecordStore {
    typealias Record = AssistCustomerJSON

    private(set) var table: RecordTable<AssistCustomer>
    private(set) var firstError: (any Error)?
    /// The customers seen, made or not.
    private(set) var count = 0
    let file: String

    init(file: String, keeping fields: FieldSelection) {
        table = RecordTable(keeping: fields)
        self.file = file
    }

    /// Every field: the scanner makes the texts, which the conversion trims before the table keeps what it keeps.
    func keptFields(of table: JSONFieldTable) -> UInt64 { .max }

    mutating func append(_ record: AssistCustomerJSON) {
        defer { count += 1 }
        guard firstError == nil else { return }
        do {
            table.append(
                try record.customer(at: SourceLocation(file: file, record: count + 1), codingPath: "[\(count)]"))
        } catch {
            firstError = error
        }
    }

    mutating func reserveCapacity(_ count: Int) { table.reserveCapacity(count) }

    mutating func appendStore(_ other: Self) {
        preconditionFailure("Assist's JSON export is read in one piece: its customers are numbered from the start")
    }
}
