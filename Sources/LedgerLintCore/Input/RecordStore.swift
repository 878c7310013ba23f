import LedgerLintJSON

/// Where a reader puts the records it decodes: an array, or a `RecordTable` for the record types a tenant has a
/// million of. Readers create it with the fields the run reads (`FieldSelection`), which an array ignores. Its
/// elements are the records themselves.
protocol RecordStore<Record>: JSONRecordStore, Sequence where Element == Record {
    init(keeping selection: FieldSelection)
}

extension Array: RecordStore {
    init(keeping selection: FieldSelection) { self.init() }
}

extension RecordTable: JSONRecordStore {
    package mutating func appendStore(_ other: Self) { append(contentsOf: other) }

    package func keptFields(of table: JSONFieldTable) -> UInt64 {
        var kept: UInt64 = 0
        for (field, name) in table.names.enumerated() where storesColumn(named: name) {
            kept |= 1 << UInt64(field)
        }
        return kept
    }
}

extension RecordTable: RecordStore {}
