import LedgerLintText

/// `equals`: the field equals another field of the record, or a constant.
struct EqualsCheck: RecordCheck {
    enum Variable: String, CheckVariable {
        case value
        /// The comparand's value.
        case expected
    }

    enum Comparand: Sendable {
        /// `other` in rule files.
        case field(FieldReference)
        /// `value` in rule files.
        case constant(ExpectedValue)
    }

    let field: FieldReference
    let comparand: Comparand
    let normalization: Normalization
    /// `comparand`'s field, looked at for every record without copying the comparand out (and releasing it after).
    private let otherField: Unmanaged<FieldReference>?

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
        switch (check.other, check.value) {
        case (let other?, nil):
            comparand = .field(try context.resolve(other, at: "check.other"))
        case (nil, let value?):
            comparand = .constant(ExpectedValue(value))
        default:
            throw RuleError.Problem(
                path: "check",
                reason: LocalizedText(
                    en: "an 'equals' check needs exactly one of 'other' and 'value'",
                    nb: "en 'equals'-kontroll må ha nøyaktig én av 'other' og 'value'"))
        }
        normalization = check.normalize ?? .none
        if case .field(let other) = comparand { otherField = Unmanaged.passUnretained(other) } else { otherField = nil }
    }

    var fields: [FieldReference] {
        switch comparand {
        case .field(let other): [field, other]
        case .constant: [field]
        }
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        if isEqual(dataset, record) { return nil }
        let value = field.read(dataset, record)
        let expected: FieldValue
        switch comparand {
        case .field(let other): expected = other.read(dataset, record)
        case .constant(let constant): expected = constant.value
        }
        return CheckFailure {
            switch $0 {
            case .value: field.display(value, language)
            case .expected: field.display(expected, language)
            }
        }
    }

    /// `normalization.equal(value, comparand)`, on the fields' bytes where that is the same: digits, and a constant
    /// compared as conditions compare it.
    private func isEqual(_ dataset: Dataset, _ record: RecordContext) -> Bool {
        // On the comparand alone, not on a tuple with the normalization, which copies the comparand at every record.
        switch comparand {
        case .field:
            // Through `otherField` (set with the comparand, which keeps it alive), not the enum's payload bound
            // here, which was retained and released at every record.
            return otherField!._withUnsafeGuaranteedRef { other in
                guard normalization == .digits else {
                    return normalization.equal(field.read(dataset, record), other.read(dataset, record))
                }
                return field.withUTF8(dataset, record) { value in
                    other.withUTF8(dataset, record) { expected in
                        Normalization.sameDigits(value ?? FieldReference.noBytes, expected ?? FieldReference.noBytes)
                    }
                }
            }
        case .constant(let constant):
            guard normalization == .none else { return normalization.equal(field.read(dataset, record), constant.value) }
            return constant.isSame(asValueOf: field, dataset, record)
        }
    }
}
