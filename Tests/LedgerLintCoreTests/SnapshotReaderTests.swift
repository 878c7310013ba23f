import Foundation
import Testing

@testable import LedgerLintCore

@Suite struct SnapshotReaderTests {
    static func fixture(_ name: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent("SnapshotReaderTests/\(name)")
    }

    /// A snapshot written to a fresh temporary folder, removed when the test ends.
    final class TemporarySnapshot {
        let base: URL
        /// The snapshot folder as a user would give it: relative to `base`.
        let folder: URL

        init(_ files: [String: String]) throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent(
                "SnapshotReaderTests-\(UUID())", isDirectory: true)
            folder = URL(fileURLWithPath: "snap", relativeTo: base)
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        deinit { try? FileManager.default.removeItem(at: base) }
    }

    static let requiredFiles: [String: String] = [
        "assist/customers.csv": "Kundenummer;Navn;E-post\n10001;A;a@b.no\n",
        "poweroffice/Customers.json": "[]",
        "poweroffice/Products.json": "[]",
        "poweroffice/GeneralLedgerAccounts.json": "[]",
    ]

    @Test func completeSnapshot() throws {
        let snapshot = try SnapshotReader.read(at: Self.fixture("complete"))
        #expect(snapshot.assistCustomers.map(\.name) == ["Blåbær AS", "Utenfor Serie AS"])
        #expect(snapshot.assistCustomers.map(\.location) == [
            SourceLocation(file: "assist/customers.csv", line: 2), SourceLocation(file: "assist/customers.csv", line: 3),
        ])
        #expect(snapshot.assistCustomers.first?.sendMethod == .ehf)
        #expect(snapshot.assistProductGroups?.map(\.salesAccount) == [3000, 3010])
        #expect(
            snapshot.powerOffice.customers.first
                == PowerOfficeCustomer(
                    Id: 501, Number: 10001, Name: "Blåbær AS", IsPerson: false, OrganizationNumber: "923609016",
                    EmailAddress: "post@blabaer.no", InvoiceDeliveryType: "EHF", IsActive: true, IsArchived: false))
        #expect(snapshot.powerOffice.customers.last == PowerOfficeCustomer(Id: 502))
        #expect(snapshot.powerOffice.products.map(\.Code) == ["A-1", "A-2"])
        #expect(snapshot.powerOffice.products.map(\.StandardSalesAccount) == [3000, nil])
        #expect(snapshot.powerOffice.productGroups?.first?.StandardSalesAccount == 3010)
        #expect(snapshot.powerOffice.accounts.map(\.AccountNo) == [3000, 3010])
        #expect(snapshot.powerOffice.numberSeries?.map(\.SubLedgerNumberSeriesType) == ["Customer", "Supplier"])
        #expect(Dataset(snapshot).effectiveSalesAccounts == [3000, 3010])
    }

    @Test func optionalFilesMissingAreNil() throws {
        let snapshot = try SnapshotReader.read(at: Self.fixture("minimal"))
        #expect(snapshot.assistCustomers.map(\.name) == ["Kun JSON AS"])
        #expect(snapshot.assistCustomers.first?.location == SourceLocation(file: "assist/customers.json", record: 1))
        #expect(snapshot.assistProductGroups == nil)
        #expect(snapshot.powerOffice.productGroups == nil)
        #expect(snapshot.powerOffice.numberSeries == nil)
        #expect(snapshot.powerOffice.customers.isEmpty)
        #expect(snapshot.powerOffice.products.map(\.Code) == ["A-1"])
        let dataset = Dataset(snapshot)
        #expect(dataset.productGroupsAssumed)
        #expect(dataset.customerNumberSeries == [Dataset.defaultCustomerSeries])
    }

    @Test func readPowerOfficeAlone() throws {
        let data = try SnapshotReader.readPowerOffice(at: Self.fixture("complete"))
        #expect(data.customers.count == 2)
        #expect(data.numberSeries?.count == 2)
    }

    @Test func missingFolder() throws {
        let folder = URL(fileURLWithPath: "no/such/snapshot")
        #expect(throws: InputError.snapshotNotFound(path: "no/such/snapshot")) { try SnapshotReader.read(at: folder) }
    }

    @Test func folderWithoutAssistOrPowerOffice() throws {
        let temporary = try TemporarySnapshot(["notes.txt": "hello"])
        #expect(throws: InputError.snapshotNotFound(path: "snap")) { try SnapshotReader.read(at: temporary.folder) }
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// Changes to `requiredFiles`; `nil` removes the file.
        var changes: [String: String?]
        var message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "assist customers missing", changes: ["assist/customers.csv": nil],
            message: "snap/assist/customers.csv: missing; expected Assist's customer export here (or as customers.json)"),
        ErrorCase(
            name: "PowerOffice products missing", changes: ["poweroffice/Products.json": nil],
            message: "snap/poweroffice/Products.json: missing; expected the JSON array PowerOffice Go v2 returns for "
                + "GET /Products"),
        ErrorCase(
            name: "CSV and JSON customers both", changes: ["assist/customers.json": "[]"],
            message: "snap/assist/customers.csv: snap/assist/customers.json exists too; keep only one of them "
                + "(the CSV or the JSON export)"),
        ErrorCase(
            name: "product groups CSV and JSON both",
            changes: ["assist/product-groups.csv": "Produktgruppe;Navn;Salgskonto\n", "assist/product-groups.json": "[]"],
            message: "snap/assist/product-groups.csv: snap/assist/product-groups.json exists too; keep only one of "
                + "them (the CSV or the JSON export)"),
        ErrorCase(
            name: "v1 data wrapper", changes: ["poweroffice/Customers.json": "{\"data\": [], \"success\": true}"],
            message: "snap/poweroffice/Customers.json: at the top level: expected a bare JSON array as the PowerOffice "
                + "Go v2 API returns it, found an object with keys \"data\", \"success\" (this looks like a v1 "
                + "response; snapshots hold v2 responses)"),
        ErrorCase(
            name: "JSON syntax error", changes: ["poweroffice/GeneralLedgerAccounts.json": "[\n  {\"AccountNo\": 3000}\n  {\"AccountNo\": 3010}\n]"],
            message: "snap/poweroffice/GeneralLedgerAccounts.json:3:3: not valid JSON: unexpected '{' in an array; "
                + "expected ',' or ']'"),
        ErrorCase(
            name: "unterminated JSON array",
            changes: ["poweroffice/Products.json": "[\n  {\"Code\": \"A-1\"},\n"],
            message: "snap/poweroffice/Products.json:3:1: not valid JSON: unexpected end of file: the array opened "
                + "with '[' at line 1, column 1 is never closed"),
        ErrorCase(
            name: "wrong type at a JSON path",
            changes: ["poweroffice/Customers.json": "[{\"Number\": 10001}, {\"Number\": 10002}, {\"Name\": \"X\"}, {\"Number\": \"10004\"}]"],
            message: "snap/poweroffice/Customers.json: at [3].Number: expected a whole number, found \"10004\""),
        ErrorCase(
            name: "fraction for an account number",
            changes: ["poweroffice/Products.json": "[{\"Code\": \"A-1\", \"StandardSalesAccount\": 3000.5}]"],
            message: "snap/poweroffice/Products.json: at [0].StandardSalesAccount: expected a whole number, found 3000.5"),
        ErrorCase(
            name: "reader errors name the folder", changes: ["assist/customers.csv": "Kundenummer;Navn\n1;A\n"],
            message: "snap/assist/customers.csv:1: missing required column 'E-post (email)'; the header has "
                + "'Kundenummer', 'Navn'"),
        ErrorCase(
            name: "binary file", changes: ["poweroffice/Customers.json": "[\u{0}]"],
            message: "snap/poweroffice/Customers.json:1: not a text file (this line has a NUL byte: binary data); expected CSV or JSON"),
        ErrorCase(
            name: "binary bytes in the export, on the line they are", changes: ["assist/customers.csv": "Kundenummer;Navn;E-post\r\n1;A;a@b.no\r\n2;B\u{0};\r\n"],
            message: "snap/assist/customers.csv:3: not a text file (this line has a NUL byte: binary data); expected CSV or JSON"),
    ]

    @Test(arguments: errorCases)
    func inputErrors(_ testCase: ErrorCase) throws {
        var files = Self.requiredFiles
        for (path, text) in testCase.changes { files[path] = text }
        let temporary = try TemporarySnapshot(files)
        let error = #expect(throws: InputError.self) { try SnapshotReader.read(at: temporary.folder) }
        #expect(error?.errorDescription == testCase.message)
    }

    @Test func emptyPowerOfficeFileIsAnEmptyArray() throws {
        var files = Self.requiredFiles
        files["poweroffice/Customers.json"] = ""
        files["poweroffice/ProductGroups.json"] = "\n"
        let temporary = try TemporarySnapshot(files)
        let snapshot = try SnapshotReader.read(at: temporary.folder)
        #expect(snapshot.powerOffice.customers.isEmpty)
        #expect(snapshot.powerOffice.productGroups == [])
    }

    @Test func absoluteFolderIsNamedAsGiven() throws {
        let temporary = try TemporarySnapshot(Self.requiredFiles.filter { $0.key != "poweroffice/Products.json" })
        let absolute = URL(fileURLWithPath: temporary.folder.path)
        let error = #expect(throws: InputError.self) { try SnapshotReader.read(at: absolute) }
        #expect(error?.errorDescription?.hasPrefix(absolute.path + "/poweroffice/Products.json: missing") == true)
    }
}
