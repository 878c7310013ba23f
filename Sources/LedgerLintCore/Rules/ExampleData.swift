/// The data of a rule example: a tiny snapshot written inline in the rule file.
///
/// `assist` uses the Assist JSON export format (camelCase), `poweroffice` the snapshot file names and the v2
/// API's PascalCase fields, so an example reads like the files a user has.
public struct ExampleData: Sendable, Hashable, Codable {
    struct Assist: Sendable, Hashable, Codable {
        var customers: [AssistCustomerJSON]?
        var productGroups: [AssistProductGroupJSON]?
    }

    struct PowerOffice: Sendable, Hashable, Codable {
        var Customers: [PowerOfficeCustomer]?
        var Products: [PowerOfficeProduct]?
        var ProductGroups: [PowerOfficeProductGroup]?
        var GeneralLedgerAccounts: [PowerOfficeAccount]?
        var SubLedgerNumberSeries: [PowerOfficeNumberSeries]?
    }

    var assist: Assist?
    var poweroffice: PowerOffice?

    /// The example as a snapshot, read the way the snapshot readers read files.
    public func snapshot() throws -> Snapshot {
        let customers = try (assist?.customers ?? []).enumerated().map { index, record in
            try record.customer(at: nil, codingPath: "assist.customers[\(index)]")
        }
        return Snapshot(
            assistCustomers: RecordTable(customers),
            assistProductGroups: assist?.productGroups.map { $0.map { $0.group(at: nil) } },
            powerOffice: PowerOfficeData(
                customers: RecordTable(poweroffice?.Customers ?? []),
                products: poweroffice?.Products ?? [],
                productGroups: poweroffice?.ProductGroups,
                accounts: poweroffice?.GeneralLedgerAccounts ?? [],
                numberSeries: poweroffice?.SubLedgerNumberSeries))
    }
}
