// How the customers of both systems are stored as columns (`RecordTable`): from their `fields`, which a new
// property needs a line in. `RecordTableTests` fails when a record does not come back from its table as it went in.

extension AssistCustomer: TabularRecord, DescribedRecord {
    public static let subject = Subject.assistCustomers

    /// The fields rules may name, then the table's own columns (where the customer was read).
    public static let fields: [RecordField<Self>] = [
        .text("customerNumber", \.customerNumber), .text("name", \.name),
        .text("organizationNumber", \.organizationNumber), .text("email", \.email),
        .text("sendMethod", \.storedSendMethod, vocabulary: true), .flag("export", \.storedExport),
        .text("location.file", \.storedLocationFile, vocabulary: true),
        .integer("location.line", \.storedLocationPosition),
    ]

    public static let layout = TableColumn.layout(of: fields)
    /// `export` decides which customers are checked at all (`Dataset`).
    public static let alwaysStored: Set<String> = ["export", "location.file", "location.line"]
    /// The columns rules may name.
    static let ruleFields = layout.map(\.name).filter { !$0.hasPrefix("location.") }
    static let exportColumn = RecordTable<Self>.column(named: "export")
    static let locationFileColumn = RecordTable<Self>.column(named: "location.file")
    static let locationLineColumn = RecordTable<Self>.column(named: "location.line")

    public init() { self.init(customerNumber: nil, name: nil) }

    /// The send method by the name a table stores; no name is Assist's default, e-mail.
    var storedSendMethod: String? {
        get { sendMethod.rawValue }
        set { sendMethod = newValue.flatMap(SendMethod.init(rawValue:)) ?? .email }
    }

    /// Whether the customer is exported; no value is Assist's default, yes.
    var storedExport: Bool? {
        get { export }
        set { export = newValue ?? true }
    }

    /// The file the customer was read from. Set before `storedLocationPosition` (`fields` order).
    var storedLocationFile: String? {
        get { location?.file }
        set { location = newValue.map { SourceLocation(file: $0) } }
    }

    /// A location has a line (CSV) or a record number (JSON), never both, so one column holds either: a line as
    /// itself, a record number negated. A column more would cost 8 bytes a customer for what CSV never has.
    var storedLocationPosition: Int64? {
        get { Self.storedPosition(of: location) }
        set { location = location.map { Self.location(file: $0.file, storedPosition: newValue) } }
    }

    /// The position `storedLocationPosition` stores for a location.
    static func storedPosition(of location: SourceLocation?) -> Int64? {
        location.flatMap { location in location.line.map(Int64.init) ?? location.record.map { -Int64($0) } }
    }

    /// The location a file and a stored position (`storedLocationPosition`) name.
    static func location(file: String, storedPosition position: Int64?) -> SourceLocation {
        guard let position, let number = Int(exactly: position.magnitude) else { return SourceLocation(file: file) }
        return position < 0 ? SourceLocation(file: file, record: number) : SourceLocation(file: file, line: number)
    }
}

extension RecordTable<AssistCustomer> {
    /// Where the customer in `row` came from, without building the rest of it.
    func location(at row: Int) -> SourceLocation? {
        text(AssistCustomer.locationFileColumn, row).map { file in
            AssistCustomer.location(file: file, storedPosition: integer(AssistCustomer.locationLineColumn, row))
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
