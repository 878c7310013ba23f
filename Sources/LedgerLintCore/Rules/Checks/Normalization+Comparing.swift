/// How `equals` and `unique` compare values under `normalize`.
extension Normalization {
    /// A value as this normalization makes it comparable: two values are the same when their keys are equal.
    func key(_ value: FieldValue) -> String {
        switch self {
        case .none:
            if let number = value.integer { return String(number) }
            return String(value.text.trimmedSpaces)
        case .digits:
            let text = value.text
            if text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return text }
            return String(decoding: text.utf8.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
        case .caseInsensitive: return value.text.trimmedSpaces.lowercased()
        }
    }

    /// The UTF-8 bytes of `key(field.read(dataset, record))`, for `KeyText`. A customer table's text is made a key
    /// where it lies, without a `String`, under `none` and `digits`.
    @inline(__always)
    func withKeyUTF8<Result>(
        of field: FieldReference, _ dataset: Dataset, _ record: RecordContext,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard field.tableHoldsText, self != .caseInsensitive else {
            var key = key(field.read(dataset, record))
            return key.withUTF8(body)
        }
        return field.withUTF8(dataset, record) { bytes in
            let bytes = bytes ?? FieldReference.noBytes
            if self == .digits { return UTF8Text.withDigits(of: bytes, body) }
            if let number = UTF8Text.integer(bytes) { return UTF8Text.withDecimal(number, body) }
            return body(UnsafeBufferPointer(rebasing: UTF8Text.trimmed(bytes)))
        }
    }

    /// The hash of the record's key (`KeyText.hash(_:)`), as `unique` groups by it.
    func keyHash(of field: FieldReference, _ dataset: Dataset, _ record: RecordContext) -> Int {
        withKeyUTF8(of: field, dataset, record) { KeyText.hash($0) }
    }

    /// Whether two records' keys are the same (`KeyText.same(_:_:)`).
    func sameKey(of field: FieldReference, _ dataset: Dataset, _ record: RecordContext, _ other: RecordContext) -> Bool {
        withKeyUTF8(of: field, dataset, record) { key in
            withKeyUTF8(of: field, dataset, other) { KeyText.same(key, $0) }
        }
    }

    /// Whether two texts' bytes have the same digits (`key` under `.digits`), compared where they lie.
    static func sameDigits(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        var left = lhs.makeIterator()
        var right = rhs.makeIterator()
        while true {
            let digit = nextDigit(&left)
            guard digit == nextDigit(&right) else { return false }
            if digit == nil { return true }
        }
    }

    private static func nextDigit(_ bytes: inout UnsafeBufferPointer<UInt8>.Iterator) -> UInt8? {
        while let byte = bytes.next() {
            if (0x30...0x39).contains(byte) { return byte }
        }
        return nil
    }

    /// Whether two values are the same; without normalization as conditions compare them (`FieldValue.same`).
    func equal(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool {
        if self == .none { return FieldValue.same(lhs, rhs) }
        return key(lhs) == key(rhs)
    }
}
