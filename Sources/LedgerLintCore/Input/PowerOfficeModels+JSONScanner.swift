import LedgerLintJSON

// How `JSONScanner` decodes each PowerOffice DTO: from its `fields` (`RecordField`), in declaration order, which
// decides which type error is reported; the customers through a row of their own (`PowerOfficeCustomer+Columns`).
// `JSONScannerTests` checks the fields against the types' properties.

/// A PowerOffice DTO as the snapshot reader scans it: into an array, or into a `RecordTable` that keeps only the
/// fields the run reads.
protocol PowerOfficeRecord: DescribedRecord {
    /// Where the records of a file go.
    associatedtype Store: RecordStore where Store.Record == Self
    /// What `JSONScanner` reads each record as: the record itself, or a type that fills the store with less work
    /// (the customers' `PowerOfficeCustomer.ScannedRow`).
    associatedtype Scanned: JSONScannableRecord
    /// An empty store for the scanner, keeping `selection`.
    static func scannedStore(keeping selection: FieldSelection) -> Scanned.Store
    /// The records of a store the scanner filled.
    static func records(of scanned: Scanned.Store) -> Store
}

/// A DTO the scanner reads as itself, each field through its key path.
protocol SelfScannedPowerOfficeRecord: PowerOfficeRecord, JSONScannableRecord where Scanned == Self {}

extension SelfScannedPowerOfficeRecord {
    static func scannedStore(keeping selection: FieldSelection) -> Store { Store(keeping: selection) }
    static func records(of scanned: Store) -> Store { scanned }

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        try scanFieldThroughKeyPath(field, from: &scanner)
    }
}

extension DescribedRecord {
    /// Decodes field number `field` of `fields` through its key path. Texts of fields the run does not keep are
    /// checked but not made (`string(field:)`); a text that usually repeats another (`sharesWith`) shares its string.
    mutating func scanFieldThroughKeyPath(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch Self.fields[field].value {
        case .integer(let path): self[keyPath: path] = try scanner.int64()
        case .flag(let path): self[keyPath: path] = try scanner.bool()
        case .text(let path): self[keyPath: path] = try scanner.string(field: field, sameAs: sharedText(of: field))
        }
    }
}

extension PowerOfficeCustomer: PowerOfficeRecord {
    /// Stored as columns: a tenant has a million of them.
    typealias Store = RecordTable<PowerOfficeCustomer>
    typealias Scanned = ScannedRow

    static func scannedStore(keeping selection: FieldSelection) -> ScannedRows {
        ScannedRows(table: RecordTable(keeping: selection))
    }

    static func records(of scanned: ScannedRows) -> Store { scanned.table }
}

extension PowerOfficeProduct: SelfScannedPowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeProductGroup: SelfScannedPowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeAccount: SelfScannedPowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeNumberSeries: SelfScannedPowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}
