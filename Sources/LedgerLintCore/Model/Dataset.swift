/// The snapshot with the facts the rules need derived once: defaults for missing inputs, the customer number
/// series, and each product's effective sales account.
///
/// A class, not a struct: the rules hand the model on for every field of every record they read, and a copy of a
/// struct of two `RecordTable`s retains and releases some thirty buffers, on every thread at once, where a copy of
/// a reference retains one.
public final class Dataset: Sendable {
    /// Exported Assist customers only: the ones the integration will create in PowerOffice.
    public let assistCustomers: RecordTable<AssistCustomer>
    public let assistProductGroups: [AssistProductGroup]
    /// Whether `assistProductGroups` are the assumed 1, 2, 3 and 99 rather than an export.
    public let productGroupsAssumed: Bool
    public let customers: RecordTable<PowerOfficeCustomer>
    public let products: [PowerOfficeProduct]
    public let productGroups: [PowerOfficeProductGroup]
    public let accounts: [PowerOfficeAccount]
    /// Inclusive ranges of PowerOffice's customer number series, sorted; 10000–19999 when the snapshot has no
    /// series of type Customer.
    public let customerNumberSeries: [ClosedRange<Int64>]
    /// For each product (same index): its own standard sales account, else its product group's.
    public let effectiveSalesAccounts: [Int64?]

    public static let defaultCustomerSeries: ClosedRange<Int64> = 10000...19999

    /// Takes the snapshot's arrays over rather than copying them (`consuming`): at a million customers a copy of
    /// each array is a hundred megabytes more at the peak.
    public init(_ snapshot: consuming Snapshot) {
        var exported = snapshot.assistCustomers
        snapshot.assistCustomers = []
        // In place: the table is no longer shared with the snapshot, so no second table is built. The flag is read
        // from its column, without building each customer.
        let export = AssistCustomer.exportColumn
        exported.keepRows(BitSet(count: exported.count) { exported.flag(export, $0) ?? true })
        assistCustomers = exported
        assistProductGroups = snapshot.assistProductGroups ?? AssistProductGroup.assumed
        productGroupsAssumed = snapshot.assistProductGroups == nil
        customers = snapshot.powerOffice.customers
        products = snapshot.powerOffice.products
        productGroups = snapshot.powerOffice.productGroups ?? []
        accounts = snapshot.powerOffice.accounts

        let series = (snapshot.powerOffice.numberSeries ?? []).compactMap(\.customerRange)
            .sorted { $0.lowerBound < $1.lowerBound }
        customerNumberSeries = series.isEmpty ? [Self.defaultCustomerSeries] : series

        var groupAccountByID: [Int64: Int64] = [:]
        var groupAccountByCode: [String: Int64] = [:]
        for group in productGroups {
            guard let account = group.StandardSalesAccount else { continue }
            if let id = group.Id { groupAccountByID[id] = account }
            if let code = group.Code { groupAccountByCode[code] = account }
        }
        effectiveSalesAccounts = products.map { product in
            if let own = product.StandardSalesAccount { return own }
            if let id = product.ProductGroupId, let account = groupAccountByID[id] { return account }
            if let code = product.ProductGroupCode, let account = groupAccountByCode[code] { return account }
            return nil
        }
    }
}
