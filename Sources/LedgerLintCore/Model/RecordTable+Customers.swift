// How the customers of both systems are stored as columns (`RecordTable`). PowerOffice's come from their
// `fields`; a new property of an Assist customer needs a column here. `RecordTableTests` fails when a record does
// not come back from its table as it went in.

extension AssistCustomer: TabularRecord {
    public static let subject = Subject.assistCustomers

    /// The fields rules may name, then the table's own columns.
    enum Column: Int, CaseIterable {
        case customerNumber, name, organizationNumber, email, sendMethod, export, locationFile, locationLine

        var spec: TableColumn.Spec {
            switch self {
            case .customerNumber: .init("customerNumber", .text)
            case .name: .init("name", .text)
            case .organizationNumber: .init("organizationNumber", .text)
            case .email: .init("email", .text)
            case .sendMethod: .init("sendMethod", .vocabulary)
            case .export: .init("export", .flag)
            case .locationFile: .init("location.file", .vocabulary)
            case .locationLine: .init("location.line", .integer)
            }
        }
    }

    public static let layout = Column.allCases.map(\.spec)
    /// `export` decides which customers are checked at all (`Dataset`).
    public static let alwaysStored: Set<String> = ["export", "location.file", "location.line"]
    /// The columns rules may name.
    static let ruleFields = layout.map(\.name).filter { !$0.hasPrefix("location.") }

    public func append(to table: inout RecordTable<AssistCustomer>) {
        table.append(Column.customerNumber.rawValue, customerNumber)
        table.append(Column.name.rawValue, name)
        table.append(Column.organizationNumber.rawValue, organizationNumber)
        table.append(Column.email.rawValue, email)
        table.append(Column.sendMethod.rawValue, sendMethod.rawValue)
        table.append(Column.export.rawValue, export)
        table.append(Column.locationFile.rawValue, location?.file)
        table.append(Column.locationLine.rawValue, location.flatMap(Self.storedPosition))
        table.endRecord()
    }

    /// A location has a line (CSV) or a record number (JSON), never both, so one column holds either: a line as
    /// itself, a record number negated. A column more would cost 8 bytes a customer for what CSV never has.
    static func storedPosition(_ location: SourceLocation) -> Int64? {
        location.line.map(Int64.init) ?? location.record.map { -Int64($0) }
    }

    public init(row: Int, of table: RecordTable<AssistCustomer>) {
        self.init(
            customerNumber: table.text(Column.customerNumber.rawValue, row),
            name: table.text(Column.name.rawValue, row),
            organizationNumber: table.text(Column.organizationNumber.rawValue, row),
            email: table.text(Column.email.rawValue, row),
            sendMethod: table.text(Column.sendMethod.rawValue, row).flatMap(SendMethod.init(rawValue:)) ?? .email,
            export: table.flag(Column.export.rawValue, row) ?? true,
            location: table.location(at: row))
    }
}

extension RecordTable<AssistCustomer> {
    /// Where the customer in `row` came from, without building the rest of it.
    func location(at row: Int) -> SourceLocation? {
        let position = integer(AssistCustomer.Column.locationLine.rawValue, row).map(Int.init)
        return text(AssistCustomer.Column.locationFile.rawValue, row).map { file in
            guard let position, position < 0 else { return SourceLocation(file: file, line: position) }
            return SourceLocation(file: file, record: -position)
        }
    }
}

extension PowerOfficeCustomer: TabularRecord {
    public static let subject = Subject.powerOfficeCustomers
    /// The columns: the fields, as `fields` describes them.
    public static let layout = TableColumn.layout(of: fields)
    public static let alwaysStored: Set<String> = []
    static let ruleFields = layout.map(\.name)
}
