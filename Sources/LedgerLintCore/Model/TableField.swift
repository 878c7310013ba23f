/// A column of one of the dataset's customer tables, which the rules read a million times: in place, without an
/// accessor's closure, and a text's bytes without building a `String` (`withUTF8(_:_:_:)`).
enum TableField: Sendable {
    case assistCustomers(column: Int)
    case powerOfficeCustomers(column: Int)

    /// How the column stores its values.
    var kind: TableColumn.Kind {
        switch self {
        case .assistCustomers(let column): AssistCustomer.layout[column].kind
        case .powerOfficeCustomers(let column): PowerOfficeCustomer.layout[column].kind
        }
    }

    /// The value in `row`, as the rules see it.
    @inline(__always)
    func value(_ dataset: Dataset, _ row: Int) -> FieldValue {
        switch self {
        case .assistCustomers(let column): dataset.assistCustomers.value(column, row)
        case .powerOfficeCustomers(let column): dataset.customers.value(column, row)
        }
    }

    /// The whole number in `row` of a whole-number column.
    @inline(__always)
    func integer(_ dataset: Dataset, _ row: Int) -> Int64? {
        switch self {
        case .assistCustomers(let column): dataset.assistCustomers.integer(column, row)
        case .powerOfficeCustomers(let column): dataset.customers.integer(column, row)
        }
    }

    /// The UTF-8 bytes in `row` of a text or vocabulary column, `nil` when absent (`RecordTable.withUTF8(_:_:_:)`).
    @inline(__always)
    func withUTF8<Result>(_ dataset: Dataset, _ row: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        switch self {
        case .assistCustomers(let column): dataset.assistCustomers.withUTF8(column, row, body)
        case .powerOfficeCustomers(let column): dataset.customers.withUTF8(column, row, body)
        }
    }
}
