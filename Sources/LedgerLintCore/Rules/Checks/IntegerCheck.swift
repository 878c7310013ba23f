import LedgerLintText

/// `integer`: a present value is a whole number that fits in 64 bits.
struct IntegerCheck: PlainFieldCheck {
    enum Variable: String, CheckVariable {
        case value
        /// Why it is not a whole number (`notWholeReason`).
        case reason
    }

    let field: FieldReference

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let fails = field.withUTF8(dataset, record) { bytes in
            bytes.map { UTF8Text.hasContent($0) && UTF8Text.integer($0) == nil } ?? false
        }
        guard fails else { return nil }
        let value = field.read(dataset, record)
        return CheckFailure {
            switch $0 {
            case .value: value.text
            case .reason: Self.notWholeReason(value.text)[language]
            }
        }
    }

    /// Why a value is not a whole number, as the `integer` check's `{reason}`: in a clause after "which"
    /// (`som` in Norwegian, so the negation comes first there).
    ///
    /// A number too large for 64 bits (PowerOffice's customer numbers are `int64`) says so, however it is written:
    /// twenty digits in a CSV cell, or `1e400` in JSON, which the readers keep as written.
    static func notWholeReason(_ text: String) -> LocalizedText {
        let trimmed = text.trimmedSpaces
        let isNumeral = trimmed.utf8.first.map { (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D } == true
            && trimmed.utf8.allSatisfy { (0x30...0x39).contains($0) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains($0) }
        if isNumeral, let number = Double(trimmed), number.isInfinite || (number.rounded() == number && abs(number) >= 0x1p63) {
            return LocalizedText(
                en: "is too large: whole numbers here go up to \(Int64.max)",
                nb: "er for stort: heltall her kan være høyst \(Int64.max)")
        }
        return LocalizedText(en: "is not a whole number", nb: "ikke er et heltall")
    }
}
