import Testing

@testable import LedgerLintCore

/// The paths of a snapshot, as `docs/snapshot-format.md` lists them.
@Suite struct SnapshotLayoutTests {
    @Test("every file a check reads or looks for")
    func allFiles() {
        #expect(
            SnapshotLayout.all == [
                "assist/customers.csv", "assist/customers.json", "assist/product-groups.csv",
                "assist/product-groups.json", "poweroffice/Customers.json", "poweroffice/Products.json",
                "poweroffice/ProductGroups.json", "poweroffice/GeneralLedgerAccounts.json",
                "poweroffice/SubLedgerNumberSeries.json", "manifest.json",
            ])
    }

    @Test("PowerOffice findings point at the file their kind of record is read from", arguments: [
        (Entity.customer, "poweroffice/Customers.json"), (.product, "poweroffice/Products.json"),
        (.productGroup, "poweroffice/ProductGroups.json"), (.account, "poweroffice/GeneralLedgerAccounts.json"),
    ])
    func findingFiles(entity: Entity, file: String) {
        #expect(SnapshotLayout.powerOffice(SnapshotLayout.resource(holding: entity)) == file)
        #expect(Finding.conventionalFile(system: .poweroffice, entity: entity) == file)
        #expect(Finding.conventionalFile(system: .assist, entity: entity) == nil)
    }
}
