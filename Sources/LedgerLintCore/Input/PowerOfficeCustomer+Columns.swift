import LedgerLintJSON

// The million-row path, written out. A tenant has a million customers, and reading a field through its key path
// costs some sixty nanoseconds: the scanner's decoding of each field and the table's storing of each customer
// would take over a second longer through `fields`. So these two follow `fields` by hand, field number for field
// number; `RecordFieldTests` holds them to the key-path ways that `fields` gives, on every field and kind of value.

extension PowerOfficeCustomer {
    package mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
        switch field {
        case 0: Id = try scanner.int64()
        case 1: Number = try scanner.int64()
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

    public func append(to table: inout RecordTable<PowerOfficeCustomer>) {
        table.append(0, Id)
        table.append(1, Number)
        table.append(2, Name)
        table.append(3, LegalName, sameAs: Name)
        table.append(4, IsPerson)
        table.append(5, OrganizationNumber)
        table.append(6, EmailAddress)
        table.append(7, InvoiceEmailAddress, sameAs: EmailAddress)
        table.append(8, InvoiceDeliveryType)
        table.append(9, IsActive)
        table.append(10, IsArchived)
        table.endRecord()
    }
}
