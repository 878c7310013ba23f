/// Everything read from both systems, as the readers delivered it.
///
/// Optional inputs that were not given are `nil` here; `Dataset` turns them into the defaults the rules see.
public struct Snapshot: Sendable, Hashable, Codable {
    public var assistCustomers: [AssistCustomer]
    /// `nil` when no product-group export was given (the rules then assume groups 1, 2, 3 and 99).
    public var assistProductGroups: [AssistProductGroup]?
    public var customers: [PowerOfficeCustomer]
    public var products: [PowerOfficeProduct]
    public var productGroups: [PowerOfficeProductGroup]?
    public var accounts: [PowerOfficeAccount]
    /// `nil` when the snapshot has no `SubLedgerNumberSeries.json`.
    public var numberSeries: [PowerOfficeNumberSeries]?

    public init(
        assistCustomers: [AssistCustomer] = [], assistProductGroups: [AssistProductGroup]? = nil,
        customers: [PowerOfficeCustomer] = [], products: [PowerOfficeProduct] = [],
        productGroups: [PowerOfficeProductGroup]? = nil, accounts: [PowerOfficeAccount] = [],
        numberSeries: [PowerOfficeNumberSeries]? = nil
    ) {
        self.assistCustomers = assistCustomers
        self.assistProductGroups = assistProductGroups
        self.customers = customers
        self.products = products
        self.productGroups = productGroups
        self.accounts = accounts
        self.numberSeries = numberSeries
    }
}
