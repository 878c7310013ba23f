/// The PowerOffice Go side of a snapshot, as read from `poweroffice/` or fetched from the API.
///
/// Optional inputs that were not given are `nil`; `Dataset` supplies the defaults.
public struct PowerOfficeData: Sendable, Hashable, Codable {
    public var customers: RecordTable<PowerOfficeCustomer>
    public var products: [PowerOfficeProduct]
    /// `nil` when the snapshot has no `ProductGroups.json`.
    public var productGroups: [PowerOfficeProductGroup]?
    public var accounts: [PowerOfficeAccount]
    /// `nil` when the snapshot has no `SubLedgerNumberSeries.json` (the rules then assume 10000–19999).
    public var numberSeries: [PowerOfficeNumberSeries]?

    public init(
        customers: RecordTable<PowerOfficeCustomer> = [], products: [PowerOfficeProduct] = [],
        productGroups: [PowerOfficeProductGroup]? = nil, accounts: [PowerOfficeAccount] = [],
        numberSeries: [PowerOfficeNumberSeries]? = nil
    ) {
        self.customers = customers
        self.products = products
        self.productGroups = productGroups
        self.accounts = accounts
        self.numberSeries = numberSeries
    }
}
