import LedgerLintJSON

/// Where a reader puts the records it decodes: an array, or a `RecordTable` for the record types a tenant has a
/// million of. Readers create it with the fields the run reads (`FieldSelection`), which an array ignores.
protocol RecordStore<Element>: JSONRecordStore, Sequence {
    init(keeping selection: FieldSelection)
}

extension Array: RecordStore {
    init(keeping selection: FieldSelection) { self.init() }
}

extension RecordTable: JSONRecordStore where Record: RowScannedRecord {
    package typealias Scanned = TableRow<Record>

    /// Appends a scanned row: each value to its column, a text that repeats the one it shares with stored once.
    package mutating func append(_ row: TableRow<Record>) {
        for (column, spec) in Record.layout.enumerated() {
            let value = row.values[column]
            switch spec.kind {
            case .integer: append(column, value.int64)
            case .flag: append(column, value.flag)
            case .text, .vocabulary: append(column, value.string, sameAs: spec.sharesWith.flatMap { row.values[$0].string })
            }
        }
        endRecord()
    }

    package mutating func appendStore(_ other: Self) { append(contentsOf: other) }

    package func keptFields(of table: JSONFieldTable) -> UInt64 {
        var kept: UInt64 = 0
        for (field, name) in table.names.enumerated() where storesColumn(named: name) {
            kept |= 1 << UInt64(field)
        }
        return kept
    }
}

extension RecordTable: RecordStore where Record: RowScannedRecord {}
