import LedgerLintJSON

// How `JSONScanner` decodes each PowerOffice DTO: the fields in declaration order (the order the synthesized
// `Decodable` conformance decodes them, which decides which type error is reported), and one decoder per field.
// `JSONScannerTests.fieldTablesMatchTheModel` fails when a property is added to a DTO and not here.

/// A PowerOffice DTO as the snapshot reader scans it: into an array, or into a `RecordTable` that keeps only the
/// fields the run reads.
protocol PowerOfficeRecord: JSONScannableRecord where Store: RecordStore {}

extension PowerOfficeCustomer: PowerOfficeRecord {
    package typealias Store = RecordTable<PowerOfficeCustomer>

    package init() { self.init(Id: nil) }

    package static let jsonFields = JSONFieldTable([
        "Id", "Number", "Name", "LegalName", "IsPerson", "OrganizationNumber", "EmailAddress", "InvoiceEmailAddress",
        "InvoiceDeliveryType", "IsActive", "IsArchived",
    ])

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.int64()
        case 1: Number = try scanner.int64()
        // Texts of fields the run does not keep are checked but not made (`string(field:)`). The legal name is
        // usually the name, and the invoice address the address: share the string.
        case 2: Name = try scanner.string(field: field, sameAs: LegalName)
        case 3: LegalName = try scanner.string(field: field, sameAs: Name)
        case 4: IsPerson = try scanner.bool()
        case 5: OrganizationNumber = try scanner.string(field: field)
        case 6: EmailAddress = try scanner.string(field: field, sameAs: InvoiceEmailAddress)
        case 7: InvoiceEmailAddress = try scanner.string(field: field, sameAs: EmailAddress)
        case 8: InvoiceDeliveryType = try scanner.string(field: field)
        case 9: IsActive = try scanner.bool()
        case 10: IsArchived = try scanner.bool()
        default: try scanner.skipValue()
        }
    }
}

extension PowerOfficeProduct: PowerOfficeRecord {
    package init() { self.init(Id: nil) }

    package static let jsonFields = JSONFieldTable([
        "Id", "Code", "Name", "ProductType", "ProductGroupId", "ProductGroupCode", "IsArchived", "StandardSalesAccount",
    ])

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.int64()
        case 1: Code = try scanner.string()
        case 2: Name = try scanner.string()
        case 3: ProductType = try scanner.string()
        case 4: ProductGroupId = try scanner.int64()
        case 5: ProductGroupCode = try scanner.string()
        case 6: IsArchived = try scanner.bool()
        case 7: StandardSalesAccount = try scanner.int64()
        default: try scanner.skipValue()
        }
    }
}

extension PowerOfficeProductGroup: PowerOfficeRecord {
    package init() { self.init(Id: nil) }

    package static let jsonFields = JSONFieldTable(["Id", "Code", "Name", "IsArchived", "StandardSalesAccount"])

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.int64()
        case 1: Code = try scanner.string()
        case 2: Name = try scanner.string()
        case 3: IsArchived = try scanner.bool()
        case 4: StandardSalesAccount = try scanner.int64()
        default: try scanner.skipValue()
        }
    }
}

extension PowerOfficeAccount: PowerOfficeRecord {
    package init() { self.init(Id: nil) }

    package static let jsonFields = JSONFieldTable(["Id", "AccountNo", "Name", "IsActive", "GeneralLedgerAccountType"])

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.int64()
        case 1: AccountNo = try scanner.int64()
        case 2: Name = try scanner.string()
        case 3: IsActive = try scanner.bool()
        case 4: GeneralLedgerAccountType = try scanner.string()
        default: try scanner.skipValue()
        }
    }
}

extension PowerOfficeNumberSeries: PowerOfficeRecord {
    package init() { self.init(Id: nil) }

    package static let jsonFields = JSONFieldTable([
        "Id", "Name", "SubLedgerNumberSeriesType", "FromInclusive", "ToInclusive", "GeneralLedgerAccountNo",
        "IsDefault",
    ])

    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.string()
        case 1: Name = try scanner.string()
        case 2: SubLedgerNumberSeriesType = try scanner.string()
        case 3: FromInclusive = try scanner.int64()
        case 4: ToInclusive = try scanner.int64()
        case 5: GeneralLedgerAccountNo = try scanner.int64()
        case 6: IsDefault = try scanner.bool()
        default: try scanner.skipValue()
        }
    }
}
