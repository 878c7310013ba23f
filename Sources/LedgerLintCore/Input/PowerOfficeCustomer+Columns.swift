import LedgerLintJSON

// The million-row path, written out. A tenant has a million customers, and reading a field through its key path
// costs some sixty nanoseconds: the scanner's decoding of each field and the table's storing of each customer
// would take over a second longer through `fields`. So the scanner reads a customer as a `ScannedRow`, field number
// for field number as `fields` has them, and a row (of a customer from the scanner or of a whole record) stores
// itself column for column; `RecordFieldTests` holds both to the key-path ways that `fields` gives, on every field
// and kind of value.

extension PowerOfficeCustomer {
    /// A customer as `JSONScanner` reads it on its way into a table: its texts are the bytes where they lie in
    /// the file (`ScannedText`), so no string is made for them; only a text with escapes is decoded. A row is
    /// valid only while the scanner is at its record (its bytes may be let go of after): `ScannedRows` stores it at
    /// once, and it never leaves the thread that scanned it, whatever `Sendable` says.
    struct ScannedRow: JSONScannableRecord, @unchecked Sendable {
        typealias Store = ScannedRows
        static let jsonFields = JSONFieldTable(PowerOfficeCustomer.fields.map(\.name))

        var id: Int64?
        var number: Int64?
        var name = TextCell.string(nil)
        var legalName = TextCell.string(nil)
        var isPerson: Bool?
        var organizationNumber = TextCell.string(nil)
        var emailAddress = TextCell.string(nil)
        var invoiceEmailAddress = TextCell.string(nil)
        var invoiceDeliveryType = TextCell.string(nil)
        var isActive: Bool?
        var isArchived: Bool?

        init() {}

        /// The row of a customer's values.
        init(_ customer: PowerOfficeCustomer) {
            (id, number, isPerson, isActive, isArchived) = (
                customer.Id, customer.Number, customer.IsPerson, customer.IsActive, customer.IsArchived
            )
            (name, legalName, organizationNumber) = (
                .string(customer.Name), .string(customer.LegalName), .string(customer.OrganizationNumber)
            )
            (emailAddress, invoiceEmailAddress, invoiceDeliveryType) = (
                .string(customer.EmailAddress), .string(customer.InvoiceEmailAddress), .string(customer.InvoiceDeliveryType)
            )
        }

        mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
            switch field {
            case 0: id = try scanner.int64()
            case 1: number = try scanner.int64()
            case 2: name = TextCell(try scanner.text(field: field))
            case 3: legalName = TextCell(try scanner.text(field: field))
            case 4: isPerson = try scanner.bool()
            case 5: organizationNumber = TextCell(try scanner.text(field: field))
            case 6: emailAddress = TextCell(try scanner.text(field: field))
            case 7: invoiceEmailAddress = TextCell(try scanner.text(field: field))
            case 8: invoiceDeliveryType = TextCell(try scanner.text(field: field))
            case 9: isActive = try scanner.bool()
            case 10: isArchived = try scanner.bool()
            default: try scanner.skipValue()
            }
        }

        /// Stores the row, a value for each column of `PowerOfficeCustomer.layout` in order.
        func append(to table: inout RecordTable<PowerOfficeCustomer>) {
            table.append(0, id)
            table.append(1, number)
            table.append(2, name)
            table.append(3, legalName, sameAs: name)
            table.append(4, isPerson)
            table.append(5, organizationNumber)
            table.append(6, emailAddress)
            table.append(7, invoiceEmailAddress, sameAs: emailAddress)
            table.append(8, invoiceDeliveryType)
            table.append(9, isActive)
            table.append(10, isArchived)
            table.endRecord()
        }
    }

    /// Where the scanner puts the customers of a file: their table, each row stored as it is read.
    struct ScannedRows: JSONRecordStore {
        var table: RecordTable<PowerOfficeCustomer>

        var count: Int { table.count }
        func keptFields(of fields: JSONFieldTable) -> UInt64 { table.keptFields(of: fields) }
        mutating func append(_ row: ScannedRow) { row.append(to: &table) }
        mutating func reserveCapacity(_ count: Int) { table.reserveCapacity(count) }
        mutating func appendStore(_ other: Self) { table.append(contentsOf: other.table) }
    }

    /// Stored as its row with the strings for texts: the one list of the columns in order.
    public func append(to table: inout RecordTable<PowerOfficeCustomer>) { ScannedRow(self).append(to: &table) }
}
