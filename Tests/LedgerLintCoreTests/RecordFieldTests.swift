import Testing
@testable import LedgerLintCore
@testable import LedgerLintJSON

/// Each DTO's `fields` is the one description of it that the scanner, the rules and the tables read, so it must
/// name each property, in declaration order, with the key path of that property.
@Suite struct RecordFieldTests {
    /// The properties of `record` that are set, by name.
    static func setProperties(_ record: Any) -> [String] {
        Mirror(reflecting: record).children.compactMap { child in
            let isNil = (child.value as? any OptionalProtocol)?.isNone ?? false
            return isNil ? nil : child.label
        }
    }

    static func check<Record: DescribedRecord>(_ type: Record.Type) {
        let labels = Mirror(reflecting: Record()).children.compactMap(\.label)
        #expect(Record.fields.map(\.name) == labels, "\(Record.self): every property, in declaration order")
        for field in Record.fields {
            var record = Record()
            switch field.value {
            case .integer(let path): record[keyPath: path] = 7
            case .text(let path): record[keyPath: path] = "x"
            case .flag(let path): record[keyPath: path] = true
            }
            #expect(setProperties(record) == [field.name], "\(Record.self).\(field.name) writes its own property")
            #expect(field.fieldValue(in: record) != .null)
        }
        for field in Record.fields {
            if let other = field.sharesWith {
                #expect(Record.fields.contains { $0.name == other && $0.storage == .text }, "\(field.name) shares with a text")
            }
        }
    }

    @Test func everyDTOIsDescribedByItsOwnProperties() {
        Self.check(PowerOfficeCustomer.self)
        Self.check(PowerOfficeProduct.self)
        Self.check(PowerOfficeProductGroup.self)
        Self.check(PowerOfficeAccount.self)
        Self.check(PowerOfficeNumberSeries.self)
    }

    /// Values of every kind, right and wrong for each field.
    static let jsonValues = ["7", "-12", "\"x\"", "\"\"", "true", "false", "null", "1.5", "{}", "[1]", "\"a\\u00e6\""]

    @Test("the customer's written-out row decodes and stores what its fields' key paths do, for every field and value")
    func customerScanningFollowsTheFields() throws {
        for selection in [FieldSelection.all, FieldSelection([.powerOfficeCustomers: ["Number", "LegalName", "InvoiceDeliveryType"]])] {
            for field in PowerOfficeCustomer.fields.indices {
                for json in Self.jsonValues + ["\"x\\u0000\"", "\"e\u{301}\""] {
                    // A record with its shared fields already set, so that sharing is exercised too.
                    var fast = PowerOfficeCustomer.ScannedRow()
                    fast.name = .string("x")
                    fast.emailAddress = .string("x")
                    var slow = PowerOfficeCustomer(Name: "x", EmailAddress: "x")
                    var (fastTable, slowTable) = (
                        RecordTable<PowerOfficeCustomer>(keeping: selection), RecordTable<PowerOfficeCustomer>(keeping: selection)
                    )
                    let fields = PowerOfficeCustomer.ScannedRow.jsonFields
                    let bytes = Array(json.utf8)
                    let (fastMismatch, slowMismatch) = try bytes.withUnsafeBytes { buffer in
                        var scanner = JSONScanner(buffer, path: "C.json")
                        scanner.keptFields = fastTable.keptFields(of: fields)
                        try fast.scanField(field, from: &scanner)
                        // Stored while the scanner's bytes are there, as `ScannedRows` stores a row.
                        fast.append(to: &fastTable)
                        let fastMismatch = scanner.mismatch
                        scanner = JSONScanner(buffer, path: "C.json")
                        scanner.keptFields = slowTable.keptFields(of: fields)
                        try slow.scanFieldThroughKeyPath(field, from: &scanner)
                        return (fastMismatch, scanner.mismatch)
                    }
                    slow.append(to: &slowTable)
                    let name = PowerOfficeCustomer.fields[field].name
                    for column in PowerOfficeCustomer.layout.indices {
                        #expect(
                            fastTable.value(column, 0) == slowTable.value(column, 0),
                            "\(name) from \(json): \(PowerOfficeCustomer.layout[column].name)")
                    }
                    #expect(fastMismatch == slowMismatch, "\(name) from \(json)")
                }
            }
        }
    }

    /// Appends `records` both ways, keeping `selection`, and expects the same value in every cell.
    static func expectSameStoring<Record: TabularRecord & DescribedRecord>(_ records: [Record], keeping selection: FieldSelection) {
        var fast = RecordTable<Record>(keeping: selection)
        var slow = RecordTable<Record>(keeping: selection)
        for record in records {
            record.append(to: &fast)
            record.appendThroughKeyPaths(to: &slow)
        }
        for column in Record.layout.indices {
            for row in records.indices {
                #expect(fast.value(column, row) == slow.value(column, row), "\(Record.self).\(Record.layout[column].name), row \(row)")
            }
        }
    }

    @Test("the customers' written-out table appends store what their fields' key paths store")
    func customerStoringFollowsTheFields() {
        let powerOffice = [
            PowerOfficeCustomer(),
            PowerOfficeCustomer(
                Id: 1, Number: 10001, Name: "Fjord AS", LegalName: "Fjord AS", IsPerson: false,
                OrganizationNumber: "987654321", EmailAddress: "a@b.no", InvoiceEmailAddress: "a@b.no",
                InvoiceDeliveryType: "EHF", IsActive: true, IsArchived: false),
            PowerOfficeCustomer(Id: 2, Name: "Ola", LegalName: "Ola Nordmann", EmailAddress: "o@n.no", InvoiceEmailAddress: "f@n.no"),
        ]
        let assist = [
            AssistCustomer(),
            AssistCustomer(
                customerNumber: "10001", name: "Fjord AS", organizationNumber: "987654321", email: "a@b.no",
                sendMethod: .ehf, export: false, location: SourceLocation(file: "assist/customers.csv", line: 2)),
            AssistCustomer(customerNumber: "x", name: nil, location: SourceLocation(file: "assist/customers.json", record: 3)),
        ]
        for selection in [
            FieldSelection.all,
            FieldSelection([.powerOfficeCustomers: ["Number", "LegalName", "InvoiceEmailAddress"], .assistCustomers: ["email"]]),
        ] {
            Self.expectSameStoring(powerOffice, keeping: selection)
            Self.expectSameStoring(assist, keeping: selection)
        }
        #expect(Array(RecordTable(assist)) == assist, "and each comes back as it went in")
    }

    @Test("the rules read an Assist product group's fields as they are")
    func productGroupFields() {
        let group = AssistProductGroup(number: 4, name: "Tjenester", salesAccount: 3010)
        let dataset = Dataset(Snapshot(assistProductGroups: [group]))
        let fields = Subject.assistProductGroups.fields
        #expect(Set(fields.keys) == ["number", "name", "salesAccount", "assumed"])
        #expect(fields["number"]?(dataset, 0) == .int(4))
        #expect(fields["name"]?(dataset, 0) == .string("Tjenester"))
        #expect(fields["salesAccount"]?(dataset, 0) == .int(3010))
        #expect(fields["assumed"]?(dataset, 0) == .bool(false))
        var written = AssistProductGroup()
        for field in AssistProductGroup.fields {
            if case .integer(let path) = field.value { written[keyPath: path] = 12 }
            if case .text(let path) = field.value { written[keyPath: path] = "x" }
        }
        #expect(written == AssistProductGroup(number: 12, name: "x", salesAccount: 12))
    }

    @Test func theCustomerTableIsLaidOutFromTheFields() {
        #expect(PowerOfficeCustomer.layout.map(\.name) == PowerOfficeCustomer.fields.map(\.name))
        let legalName = PowerOfficeCustomer.layout.first { $0.name == "LegalName" }
        #expect(legalName?.sharesWith == PowerOfficeCustomer.fields.firstIndex { $0.name == "Name" })
        #expect(PowerOfficeCustomer.layout.first { $0.name == "InvoiceDeliveryType" }?.kind == .vocabulary)
    }
}

private protocol OptionalProtocol {
    var isNone: Bool { get }
}

extension Optional: OptionalProtocol {
    var isNone: Bool { self == nil }
}
