import LedgerLintJSON

// How `JSONScanner` decodes each PowerOffice DTO: from its `fields` (`RecordField`), in declaration order, which
// decides which type error is reported. `JSONScannerTests` checks the fields against the types' properties.

/// A PowerOffice DTO as the snapshot reader scans it: into an array, or into a `RecordTable` that keeps only the
/// fields the run reads.
protocol PowerOfficeRecord: JSONScannableRecord, DescribedRecord where Store: RecordStore {}

extension PowerOfficeRecord {
    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        try scanFieldThroughKeyPath(field, from: &scanner)
    }

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
    package typealias Store = RecordTable<PowerOfficeCustomer>
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeProduct: PowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeProductGroup: PowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeAccount: PowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeNumberSeries: PowerOfficeRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}
