// A table of a type described by its `fields` (`RecordField`): its layout and the way to and from a row come
// from them. The PowerOffice customers' append is written out for speed (`PowerOfficeCustomer+Columns.swift`).

extension TableColumn {
    /// The columns that store `fields`, in their order.
    public static func layout<Record>(of fields: [RecordField<Record>]) -> [Spec] {
        fields.map { field in
            Spec(field.name, field.storage, sharesWith: field.sharesWith.flatMap { name in fields.firstIndex { $0.name == name } })
        }
    }
}

extension TabularRecord where Self: DescribedRecord {
    public func append(to table: inout RecordTable<Self>) { appendThroughKeyPaths(to: &table) }

    /// Appends the fields in `fields` order, one column each, reading each through its key path.
    func appendThroughKeyPaths(to table: inout RecordTable<Self>) {
        for (column, field) in Self.fields.enumerated() {
            switch field.value {
            case .integer(let path): table.append(column, self[keyPath: path])
            case .flag(let path): table.append(column, self[keyPath: path])
            case .text(let path): table.append(column, self[keyPath: path], sameAs: sharedText(of: column))
            }
        }
        table.endRecord()
    }

    public init(row: Int, of table: RecordTable<Self>) {
        self.init()
        for (column, field) in Self.fields.enumerated() {
            switch field.value {
            case .integer(let path): self[keyPath: path] = table.integer(column, row)
            case .flag(let path): self[keyPath: path] = table.flag(column, row)
            case .text(let path): self[keyPath: path] = table.text(column, row)
            }
        }
    }
}
