// The million-row path, written out: an Assist export of a million customers is appended to its table a customer
// at a time, and through `fields` each field would be read through a key path. This follows `fields` column for
// column; `RecordFieldTests` holds it to the key-path way.

extension AssistCustomer {
    public func append(to table: inout RecordTable<AssistCustomer>) {
        Self.append(
            to: &table, customerNumber: .string(customerNumber), name: .string(name),
            organizationNumber: .string(organizationNumber), email: .string(email), sendMethod: sendMethod,
            export: export, location: location)
    }

    /// Appends a customer given by its cells, which an export's reader hands on where they lie, as bytes, rather
    /// than as the strings of an `AssistCustomer` (`CSVScanner.textCell(_:)`).
    static func append(
        to table: inout RecordTable<AssistCustomer>, customerNumber: TextCell, name: TextCell,
        organizationNumber: TextCell, email: TextCell, sendMethod: SendMethod, export: Bool, location: SourceLocation?
    ) {
        table.append(0, customerNumber)
        table.append(1, name)
        table.append(2, organizationNumber)
        table.append(3, email)
        table.append(4, sendMethod.rawValue)
        table.append(5, export)
        table.append(6, location?.file)
        table.append(7, storedPosition(of: location))
        table.endRecord()
    }
}
