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
