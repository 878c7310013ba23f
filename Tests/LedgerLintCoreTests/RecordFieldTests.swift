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

    @Test("the customer's written-out decoder does what its fields' key paths do, for every field and value")
    func customerScanningFollowsTheFields() throws {
        for field in PowerOfficeCustomer.fields.indices {
            for json in Self.jsonValues {
                // A record with its shared fields already set, so that sharing is exercised too.
                let start = PowerOfficeCustomer(Name: "x", EmailAddress: "x")
                var (fast, slow) = (start, start)
                var bytes = Array(json.utf8)
                let (fastMismatch, slowMismatch) = try bytes.withUnsafeMutableBytes { buffer in
                    var scanner = JSONScanner(UnsafeRawBufferPointer(buffer), path: "C.json")
                    try fast.scanField(field, from: &scanner)
                    let fastMismatch = scanner.mismatch
                    scanner = JSONScanner(UnsafeRawBufferPointer(buffer), path: "C.json")
                    try slow.scanFieldThroughKeyPath(field, from: &scanner)
                    return (fastMismatch, scanner.mismatch)
                }
                let name = PowerOfficeCustomer.fields[field].name
                #expect(fast == slow, "\(name) from \(json)")
                #expect(fastMismatch == slowMismatch, "\(name) from \(json)")
            }
        }
    }

    @Test("the customer's written-out table append stores what its fields' key paths store")
    func customerStoringFollowsTheFields() {
        let customers = [
            PowerOfficeCustomer(),
            PowerOfficeCustomer(
                Id: 1, Number: 10001, Name: "Fjord AS", LegalName: "Fjord AS", IsPerson: false,
                OrganizationNumber: "987654321", EmailAddress: "a@b.no", InvoiceEmailAddress: "a@b.no",
                InvoiceDeliveryType: "EHF", IsActive: true, IsArchived: false),
            PowerOfficeCustomer(Id: 2, Name: "Ola", LegalName: "Ola Nordmann", EmailAddress: "o@n.no", InvoiceEmailAddress: "f@n.no"),
        ]
        for selection in [FieldSelection.all, FieldSelection([.powerOfficeCustomers: ["Number", "LegalName", "InvoiceEmailAddress"]])] {
            var fast = RecordTable<PowerOfficeCustomer>(keeping: selection)
            var slow = RecordTable<PowerOfficeCustomer>(keeping: selection)
            for customer in customers {
                customer.append(to: &fast)
                customer.appendThroughKeyPaths(to: &slow)
            }
            for column in PowerOfficeCustomer.layout.indices {
                for row in customers.indices {
                    #expect(fast.value(column, row) == slow.value(column, row), "\(PowerOfficeCustomer.layout[column].name), row \(row)")
                }
            }
        }
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
