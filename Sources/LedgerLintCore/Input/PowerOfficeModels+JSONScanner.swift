import LedgerLintJSON

// How `JSONScanner` decodes each PowerOffice DTO: from its `fields` (`RecordField`), in declaration order, which
// decides which type error is reported. `JSONScannerTests` checks the fields against the types' properties.

/// A PowerOffice DTO as the snapshot reader scans it: each record into itself, kept in an array, or for a type a
/// tenant has a million of, into a row of a `RecordTable` that keeps only the fields the run reads.
protocol PowerOfficeRecord: DescribedRecord {
    associatedtype Scanned: JSONScannableRecord = Self where Scanned.Store: RecordStore, Scanned.Store.Element == Self
}

/// A DTO scanned into itself: its fields through their key paths (a tenant has hundreds of these, not millions).
protocol SelfScannedRecord: PowerOfficeRecord, JSONScannableRecord where Scanned == Self {}

extension SelfScannedRecord {
    /// Decodes field number `field` of `fields` through its key path. Texts of fields the run does not keep are
    /// checked but not made (`string(field:)`); a text that usually repeats another (`sharesWith`) shares its string.
    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        let described = Self.fields[field]
        switch described.value {
        case .integer(let path): self[keyPath: path] = try scanner.int64()
        case .flag(let path): self[keyPath: path] = try scanner.bool()
        case .text(let path):
            let other = described.sharesWith.flatMap { name in
                Self.fields.first { $0.name == name }.flatMap { field -> String? in
                    guard case .text(let shared) = field.value else { return nil }
                    return self[keyPath: shared]
                }
            }
            self[keyPath: path] = try scanner.string(field: field, sameAs: other)
        }
    }
}

extension PowerOfficeCustomer: PowerOfficeRecord, RowScannedRecord {
    /// Scanned into rows of a table: a tenant has a million of them.
    typealias Scanned = TableRow<PowerOfficeCustomer>
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeProduct: SelfScannedRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeProductGroup: SelfScannedRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeAccount: SelfScannedRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}

extension PowerOfficeNumberSeries: SelfScannedRecord {
    package static let jsonFields = JSONFieldTable(fields.map(\.name))
}
