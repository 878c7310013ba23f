/// One field of a record type: the name the API, the rule files and the JSON scanner use, and where its value
/// lives in the record.
///
/// A record type's `fields` (`DescribedRecord`) is the one description of it. The JSON scanner's field table and
/// decoder, the rule engine's field look-up and, for the customers, which are stored as columns, the table layout
/// and the way back from a row all derive from it.
public struct RecordField<Record>: Sendable {
    public enum Value: Sendable {
        case integer(any WritableKeyPath<Record, Int64?> & Sendable)
        case text(any WritableKeyPath<Record, String?> & Sendable)
        case flag(any WritableKeyPath<Record, Bool?> & Sendable)
    }

    public let name: String
    public let value: Value
    /// How a table stores it: a text from a small vocabulary (`InvoiceDeliveryType`) as a number per value.
    public let storage: TableColumn.Kind
    /// A text field whose value this one's often is in the same record (`LegalName` and `Name`): then the text is
    /// made once by the JSON scanner and stored once by a table.
    public let sharesWith: String?

    public static func integer(_ name: String, _ path: any WritableKeyPath<Record, Int64?> & Sendable) -> Self {
        Self(name: name, value: .integer(path), storage: .integer, sharesWith: nil)
    }

    public static func text(
        _ name: String, _ path: any WritableKeyPath<Record, String?> & Sendable, vocabulary: Bool = false,
        sharesWith other: String? = nil
    ) -> Self {
        Self(name: name, value: .text(path), storage: vocabulary ? .vocabulary : .text, sharesWith: other)
    }

    public static func flag(_ name: String, _ path: any WritableKeyPath<Record, Bool?> & Sendable) -> Self {
        Self(name: name, value: .flag(path), storage: .flag, sharesWith: nil)
    }

    /// The field's value in `record`, as the rules see it.
    public func fieldValue(in record: Record) -> FieldValue {
        switch value {
        case .integer(let path): FieldValue(record[keyPath: path])
        case .text(let path): FieldValue(record[keyPath: path])
        case .flag(let path): FieldValue(record[keyPath: path])
        }
    }
}

/// A record type described field by field (`RecordField`): the PowerOffice DTOs and the Assist records.
public protocol DescribedRecord: Sendable {
    /// A record with every field absent.
    init()
    /// The fields, in the order the type declares its properties: the order its synthesized `Decodable`
    /// conformance decodes them in, which decides which type error is reported first.
    static var fields: [RecordField<Self>] { get }
}

extension DescribedRecord {
    /// The text that field number `field` usually repeats in this record (`RecordField.sharesWith`), if any.
    func sharedText(of field: Int) -> String? {
        guard let name = Self.fields[field].sharesWith,
            case .text(let path)? = Self.fields.first(where: { $0.name == name })?.value
        else { return nil }
        return self[keyPath: path]
    }
}
