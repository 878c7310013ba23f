import Testing
@testable import LedgerLintCore

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
