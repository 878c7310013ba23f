/// A constant a field is compared with (`equals` and `notEquals` conditions, `equals` checks with `value`),
/// prepared once to be compared with the field's bytes as `FieldValue.same` compares values: a text field's value
/// builds no string when both are ASCII.
///
/// A class with only `let` properties, as `CompiledCondition` is: a condition's test hands its value on for every
/// record, and a copy of the struct retained its text, bytes and value each time.
final class ExpectedValue: Sendable {
    let value: FieldValue
    private let isPresent: Bool
    private let integer: Int64?
    private let trimmed: String
    /// `trimmed`'s bytes when ASCII; else texts are compared as strings (canonical equivalence).
    private let asciiTrimmed: [UInt8]?

    init(_ value: FieldValue) {
        self.value = value
        isPresent = value.isPresent
        integer = value.integer
        trimmed = String(value.text.trimmedSpaces)
        asciiTrimmed = UTF8Text.isASCII(trimmed.utf8) ? Array(trimmed.utf8) : nil
    }

    /// `FieldValue.same(field's value, value)`.
    ///
    /// Read as text: a whole number's text is its number again, and a flag's (`true`) compares as
    /// `FieldValue.same` compares flags, by that text.
    func isSame(asValueOf field: FieldReference, _ dataset: Dataset, _ record: RecordContext) -> Bool {
        field.withUTF8(dataset, record) { bytes in
            let bytes = bytes ?? FieldReference.noBytes
            let present = UTF8Text.hasContent(bytes)
            if !present || !isPresent { return present == isPresent }
            if let integer, let number = UTF8Text.integer(bytes) { return number == integer }
            let text = UTF8Text.trimmed(bytes)
            if let asciiTrimmed, UTF8Text.isASCII(text) { return text.elementsEqual(asciiTrimmed) }
            return String(decoding: text, as: UTF8.self) == trimmed
        }
    }
}
