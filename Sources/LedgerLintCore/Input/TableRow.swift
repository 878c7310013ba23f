import LedgerLintJSON

/// A record of a type stored as columns, as the JSON scanner decodes it: its values by field number, held in
/// place, so that a million customers go from bytes to columns with no struct and no key path in between.
///
/// Which kind each field is, and which text it shares, comes from the type's `layout` (its `fields`); the
/// `RecordTable` it goes into stores each value in its column (`RecordTable.append(_:)`).
package struct TableRow<Record: RowScannedRecord>: JSONScannableRecord {
    package typealias Store = RecordTable<Record>

    private(set) var values = FieldSlots()

    package init() {}

    package static var jsonFields: JSONFieldTable { Record.jsonFields }

    @inline(__always)
    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        let column = Record.layout[field]
        switch column.kind {
        case .integer: values[field] = FieldValue(try scanner.int64())
        case .flag: values[field] = FieldValue(try scanner.bool())
        case .text, .vocabulary:
            let other = column.sharesWith.flatMap { values[$0].string }
            values[field] = FieldValue(try scanner.string(field: field, sameAs: other))
        }
    }
}

/// A type stored as columns whose JSON is scanned into rows (`TableRow`): the PowerOffice customers.
package protocol RowScannedRecord: TabularRecord, DescribedRecord {
    /// The JSON field names, which are the columns' names: stored, because the scanner asks for it per record.
    static var jsonFields: JSONFieldTable { get }
}

/// Up to sixteen field values, by number, held inline: no allocation per record.
struct FieldSlots: Sendable {
    static let capacity = 16
    private var storage: (
        FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue,
        FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue, FieldValue
    ) = (.null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null, .null)

    subscript(index: Int) -> FieldValue {
        get {
            precondition(index >= 0 && index < Self.capacity, "field \(index) of at most \(Self.capacity)")
            return withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index * MemoryLayout<FieldValue>.stride, as: FieldValue.self) }
        }
        set {
            precondition(index >= 0 && index < Self.capacity, "field \(index) of at most \(Self.capacity)")
            withUnsafeMutablePointer(to: &storage) { tuple in
                UnsafeMutableRawPointer(tuple).assumingMemoryBound(to: FieldValue.self)[index] = newValue
            }
        }
    }
}

extension FieldValue {
    /// The text a text field holds (`nil` for any other value).
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number a whole-number field holds.
    var int64: Int64? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The flag a flag field holds.
    var flag: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }
}
