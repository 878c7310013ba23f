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

    /// Whether two values are the same; without normalization as conditions compare them (`FieldValue.same`).
    func equal(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool {
        if self == .none { return FieldValue.same(lhs, rhs) }
        return key(lhs) == key(rhs)
    }
}
