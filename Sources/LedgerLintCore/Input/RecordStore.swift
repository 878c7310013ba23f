/// Where a reader puts the records it decodes: an array, or a `RecordTable` for the record types a tenant has a
/// million of. Readers create it with the fields the run reads (`FieldSelection`), which an array ignores.
protocol RecordStore<Record>: Sequence where Element == Record {
    associatedtype Record
    init(keeping selection: FieldSelection)
    var count: Int { get }
    mutating func append(_ record: Record)
    mutating func reserveCapacity(_ count: Int)
    /// Appends the records of another store of the same fields (a piece of the same file).
    mutating func appendStore(_ other: Self)
}

extension Array: RecordStore {
    typealias Record = Element
    init(keeping selection: FieldSelection) { self.init() }
    mutating func appendStore(_ other: Self) { append(contentsOf: other) }
}

extension RecordTable: RecordStore {
    mutating func appendStore(_ other: Self) { append(contentsOf: other) }
}
