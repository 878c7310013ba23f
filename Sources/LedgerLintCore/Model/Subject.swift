import LedgerLintText

/// What a rule iterates over: one kind of record in one system.
///
/// Each subject names its fields for the rule files. Field names are the export's camelCase names on the Assist
/// side and the API's PascalCase names on the PowerOffice side, plus facts the model derives
/// (`effectiveSalesAccount`).
public enum Subject: String, Sendable, Hashable, NamedCases {
    case assistCustomers = "assist.customers"
    case assistProductGroups = "assist.productGroups"
    case powerOfficeCustomers = "poweroffice.customers"
    case powerOfficeProducts = "poweroffice.products"
    case powerOfficeProductGroups = "poweroffice.productGroups"
    case powerOfficeAccounts = "poweroffice.accounts"

    public var system: System {
        switch self {
        case .assistCustomers, .assistProductGroups: .assist
        default: .poweroffice
        }
    }

    public var entity: Entity {
        switch self {
        case .assistCustomers, .powerOfficeCustomers: .customer
        case .assistProductGroups, .powerOfficeProductGroups: .productGroup
        case .powerOfficeProducts: .product
        case .powerOfficeAccounts: .account
        }
    }

    /// Reads one field of the record at an index.
    public typealias Accessor = @Sendable (Dataset, Int) -> FieldValue

    /// Number of records of this subject in a dataset.
    public func count(in dataset: Dataset) -> Int {
        switch self {
        case .assistCustomers: dataset.assistCustomers.count
        case .assistProductGroups: dataset.assistProductGroups.count
        case .powerOfficeCustomers: dataset.customers.count
        case .powerOfficeProducts: dataset.products.count
        case .powerOfficeProductGroups: dataset.productGroups.count
        case .powerOfficeAccounts: dataset.accounts.count
        }
    }

    /// Where a record came from, when the reader knew.
    public func location(in dataset: Dataset, at index: Int) -> SourceLocation? {
        switch self {
        case .assistCustomers: dataset.assistCustomers.location(at: index)
        case .assistProductGroups: dataset.assistProductGroups[index].location
        default: nil
        }
    }

    /// Words for the values of a field whose values are names from a fixed list, by value, for messages: what a
    /// check's `{value}` and `{values}` show in each language. Empty for other fields, whose values are shown as
    /// they are.
    ///
    /// PowerOffice names account types in English in its API (`Asset`); an English message shows that name, a
    /// Norwegian one the word a Norwegian accountant uses (`eiendel`).
    public func valueWords(of field: String) -> [String: LocalizedText] {
        switch (self, field) {
        case (.powerOfficeAccounts, "GeneralLedgerAccountType"):
            [
                "Asset": LocalizedText(en: "Asset", nb: "eiendel"),
                "Liability": LocalizedText(en: "Liability", nb: "gjeld"),
                "Equity": LocalizedText(en: "Equity", nb: "egenkapital"),
                "Income": LocalizedText(en: "Income", nb: "inntekt"),
                "Expense": LocalizedText(en: "Expense", nb: "kostnad"),
            ]
        default: [:]
        }
    }

    /// The fields rules may name, with how to read each.
    public var fields: [String: Accessor] {
        switch self {
        // The customers are read from their columns directly, making no record and copying no table: these are
        // read a million times.
        case .assistCustomers:
            Dictionary(uniqueKeysWithValues: AssistCustomer.ruleFields.map { name in
                let column = TableField.assistCustomers(column: RecordTable<AssistCustomer>.column(named: name))
                return (name, { column.value($0, $1) })
            })
        case .assistProductGroups:
            Self.fields(of: \.assistProductGroups)
                .merging(["assumed": { dataset, _ in .bool(dataset.productGroupsAssumed) }]) { $1 }
        case .powerOfficeCustomers:
            Dictionary(uniqueKeysWithValues: PowerOfficeCustomer.ruleFields.map { name in
                let column = TableField.powerOfficeCustomers(column: RecordTable<PowerOfficeCustomer>.column(named: name))
                return (name, { column.value($0, $1) })
            })
        case .powerOfficeProducts:
            Self.fields(of: \.products)
                .merging(["effectiveSalesAccount": { FieldValue($0.effectiveSalesAccounts[$1]) }]) { $1 }
        case .powerOfficeProductGroups:
            Self.fields(of: \.productGroups)
        case .powerOfficeAccounts:
            Self.fields(of: \.accounts)
        }
    }
}

extension Subject {
    /// Whether the dataset keeps the subject's records as a table (the customers), whose fields the rules read in
    /// place; the others are arrays of records, read through their fields' key paths.
    var isTable: Bool {
        switch self {
        case .assistCustomers, .powerOfficeCustomers: true
        case .assistProductGroups, .powerOfficeProducts, .powerOfficeProductGroups, .powerOfficeAccounts: false
        }
    }

    /// The column a field rules may name is stored in, for the subjects the dataset keeps as tables (the customers):
    /// read in place, through `TableField`, rather than through an accessor.
    func tableField(named name: String) -> TableField? {
        switch self {
        case .assistCustomers:
            AssistCustomer.ruleFields.contains(name)
                ? .assistCustomers(column: RecordTable<AssistCustomer>.column(named: name)) : nil
        case .powerOfficeCustomers:
            PowerOfficeCustomer.ruleFields.contains(name)
                ? .powerOfficeCustomers(column: RecordTable<PowerOfficeCustomer>.column(named: name)) : nil
        default:
            nil
        }
    }

    /// The fields of a subject the dataset keeps as an array, as its record type describes them (`RecordField`).
    private static func fields<Record: DescribedRecord>(
        of records: any KeyPath<Dataset, [Record]> & Sendable
    ) -> [String: Accessor] {
        Dictionary(uniqueKeysWithValues: Record.fields.map { field in
            (field.name, { @Sendable dataset, index in field.fieldValue(in: dataset[keyPath: records][index]) })
        })
    }
}
