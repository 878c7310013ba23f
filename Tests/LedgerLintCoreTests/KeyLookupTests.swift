import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// `--key`: which findings a key selects, and where it says the key was found.
@Suite struct KeyLookupTests {
    static let demo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/demo")

    /// The demo read as a check reads it with `--key`: only the fields the rules and the lookup need.
    static func demoSnapshot() throws -> (Snapshot, [Finding]) {
        let rules = try RuleSet.builtIn()
        let snapshot = try SnapshotReader.read(at: demo, keeping: rules.fieldsRead.adding(KeyFilter.fieldsRead))
        return (snapshot, rules.evaluate(Dataset(snapshot), language: .en))
    }

    static func lookup(_ key: String, language: Language = .en) throws -> (KeyLookup, [Finding]) {
        let (snapshot, findings) = try demoSnapshot()
        let filter = KeyFilter(keys: [key])
        let selected = findings.filter(filter.selects)
        let lookups = filter.lookups(filter.matches(in: snapshot), findings: selected, folder: "demo", language: language)
        return (try #require(lookups.first), selected)
    }

    @Test func aCustomerAssistDoesNotExportIsFoundAndSaidNotChecked() throws {
        let (lookup, findings) = try Self.lookup("10008")
        #expect(findings.isEmpty)
        #expect(lookup.foundIn == [.assist])
        #expect(lookup.exported == false)
        #expect(lookup.matches.first?.location == SourceLocation(file: "assist/customers.csv", line: 12))
        #expect(
            lookup.note
                == "10008: in the Assist export as customer 10008 Gammel Kunde AS (demo/assist/customers.csv:12), "
                + "not exported (Eksporteres = Nei), so not checked; not in PowerOffice.")
        let (norwegian, _) = try Self.lookup("10008", language: .nb)
        #expect(norwegian.note.contains("eksporteres ikke (Eksporteres = Nei) og kontrolleres derfor ikke"))
    }

    @Test func aKeyInNeitherSystemSaysSo() throws {
        let (lookup, findings) = try Self.lookup("99999")
        #expect(findings.isEmpty)
        #expect(lookup.foundIn.isEmpty)
        #expect(lookup.exported == nil)
        #expect(lookup.note == "99999: not found in the Assist export nor in PowerOffice.")
        let (norwegian, _) = try Self.lookup("99999", language: .nb)
        #expect(norwegian.note == "99999: finnes verken i Assist-eksporten eller i PowerOffice.")
    }

    @Test func anExportedCustomerCountsItsFindings() throws {
        let (lookup, findings) = try Self.lookup("10004")
        #expect(Set(findings.map(\.rule)) == ["customer-email-missing", "organization-number-invalid"])
        #expect(lookup.exported == true)
        #expect(lookup.findings == 2)
        #expect(lookup.note.hasSuffix("not in PowerOffice yet (the export creates it); 2 findings."))
    }

    @Test(arguments: ["4", "A-4", "a-4", " a-4 "])
    func productGroupsAndCodesMatchBothWays(key: String) throws {
        let (lookup, findings) = try Self.lookup(key)
        #expect(Set(findings.map(\.rule)) == ["product-code-archived", "sales-account-not-income"])
        #expect(lookup.foundIn == [.assist, .poweroffice])
        #expect(lookup.matches.map(\.entity) == [.productGroup, .product])
        #expect(lookup.matches.last?.resource == "Products")
        #expect(lookup.matches.last?.id != nil)
    }

    @Test func namesMatchWithoutRegardToCase() throws {
        let (lookup, findings) = try Self.lookup("nygård maling")
        #expect(findings.map(\.rule) == ["customer-number-missing"])
        #expect(lookup.matches.map(\.name) == ["Nygård Maling"])
    }

    @Test func everyHolderOfADuplicatedNumberIsListed() throws {
        let (lookup, _) = try Self.lookup("10006")
        #expect(lookup.matches.map(\.location?.line) == [9, 10])
    }

    @Test func aPowerOfficeCustomerIsNamedByResourceAndId() throws {
        let (lookup, findings) = try Self.lookup("10020")
        #expect(findings.map(\.rule) == ["customer-ehf-organization-number"])
        #expect(lookup.foundIn == [.poweroffice])
        let match = try #require(lookup.matches.first)
        #expect(match.resource == "Customers" && match.id != nil && match.name == "Torget Handel AS")
        #expect(lookup.note.contains("in PowerOffice as customer 10020 Torget Handel AS (Customers, Id "))
    }

    @Test func repeatedKeysAreAskedOnce() {
        #expect(KeyFilter(keys: ["10004", "10004", "4"]).keys == ["10004", "4"])
    }
}
