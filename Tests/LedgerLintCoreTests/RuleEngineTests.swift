import Foundation
import Testing

@testable import LedgerLintCore

/// The engine's pieces that the rule examples do not pin down on their own: templates, the validators and derived
/// facts. How evaluation grows with the data is measured, not tested: `benchmarks/run.sh` prints it.
@Suite struct RuleEngineTests {
    static let scope = FieldScope(subject: .assistCustomers, joins: [])

    func render(_ source: String, _ customer: AssistCustomer, variables: [String: String] = [:]) throws -> String {
        let template = try Template(source) { name throws(TemplateProblem) in
            variables[name] != nil ? .variable(name) : .field(try Self.scope.resolve(name))
        }
        let dataset = Dataset(Snapshot(assistCustomers: [customer]))
        return template.render(dataset, RecordContext(index: 0, joined: []), variables: variables, missing: "–")
    }

    @Test func templatesFillFieldsFallBackAndEscapeBraces() throws {
        let named = AssistCustomer(customerNumber: "10001", name: "Fjord Bygg AS")
        let anonymous = AssistCustomer(customerNumber: "10002", name: nil)
        #expect(try render("{name} ({customerNumber})", named) == "Fjord Bygg AS (10001)")
        #expect(try render("{name|customerNumber}", anonymous) == "10002")
        #expect(try render("{name}", anonymous) == "–")
        #expect(try render("{{literal}} {value}", named, variables: ["value": "x"]) == "{literal} x")
    }

    @Test func templateErrorsExplainThemselves() {
        #expect(throws: TemplateProblem.self) { try render("{name", AssistCustomer(customerNumber: nil, name: nil)) }
        #expect(throws: TemplateProblem.self) { try render("{}", AssistCustomer(customerNumber: nil, name: nil)) }
        #expect(throws: TemplateProblem.self) { try render("{nope}", AssistCustomer(customerNumber: nil, name: nil)) }
    }

    @Test(arguments: [
        ("974760673", true), ("974 760 673", true), ("923609016", true), ("987654325", true),
        ("974760674", false), ("97476067", false), ("9747606731", false), ("", false), ("NO974760673", false),
        ("974-760-673", false),
        // Remainder 1 gives check digit 10: never valid.
        ("100000000", false),
    ])
    func organizationNumbers(_ number: String, _ valid: Bool) {
        #expect(OrganizationNumber.isValid(number) == valid)
    }

    @Test(arguments: [
        ("post@fjordbygg.no", true), ("ola.nordmann+faktura@firma.co.uk", true), ("post@bærum.no", true),
        ("faktura@", false), ("@firma.no", false), ("post@firma", false), ("post@@firma.no", false),
        ("post firma@firma.no", false), ("post@firma..no", false), (".post@firma.no", false), ("post@-firma.no", false),
        ("post@firma.n0", false),
    ])
    func emailAddresses(_ address: String, _ valid: Bool) {
        #expect(EmailAddress.isValid(address) == valid)
    }

    @Test func derivedFacts() {
        let dataset = Dataset(Snapshot(
            assistCustomers: [
                AssistCustomer(customerNumber: "1", name: "A"), AssistCustomer(customerNumber: "2", name: "B", export: false),
            ],
            powerOffice: PowerOfficeData(
            products: [
                PowerOfficeProduct(Code: "A-1", ProductGroupId: 7, StandardSalesAccount: 3100),
                PowerOfficeProduct(Code: "A-2", ProductGroupId: 7),
                PowerOfficeProduct(Code: "A-3", ProductGroupCode: "G8"),
                PowerOfficeProduct(Code: "A-4"),
            ],
            productGroups: [
                PowerOfficeProductGroup(Id: 7, Code: "G7", StandardSalesAccount: 3000),
                PowerOfficeProductGroup(Id: 8, Code: "G8", StandardSalesAccount: 3200),
            ],
            numberSeries: [
                PowerOfficeNumberSeries(SubLedgerNumberSeriesType: "Supplier", FromInclusive: 20000, ToInclusive: 29999),
                PowerOfficeNumberSeries(SubLedgerNumberSeriesType: "Customer", FromInclusive: 50000, ToInclusive: 59999),
                PowerOfficeNumberSeries(SubLedgerNumberSeriesType: "Customer", FromInclusive: 10000, ToInclusive: 19999),
            ])))
        #expect(dataset.assistCustomers.map(\.name) == ["A"], "only exported customers are checked")
        #expect(dataset.effectiveSalesAccounts == [3100, 3000, 3200, nil])
        #expect(dataset.customerNumberSeries == [10000...19999, 50000...59999])
        #expect(dataset.assistProductGroups.map(\.number) == [1, 2, 3, 99])
        #expect(dataset.productGroupsAssumed)
    }

    @Test func withoutNumberSeriesTheDefaultSeriesApplies() {
        #expect(Dataset(Snapshot()).customerNumberSeries == [10000...19999])
        let suppliersOnly = Snapshot(powerOffice: PowerOfficeData(numberSeries: [
            PowerOfficeNumberSeries(SubLedgerNumberSeriesType: "Supplier", FromInclusive: 20000, ToInclusive: 29999)
        ]))
        #expect(Dataset(suppliersOnly).customerNumberSeries == [10000...19999])
    }
}
