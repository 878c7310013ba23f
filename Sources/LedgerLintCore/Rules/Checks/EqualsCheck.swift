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
        case constant(FieldValue)
    }

    let field: FieldReference
    let comparand: Comparand
    let normalization: Normalization

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
        switch (check.other, check.value) {
        case (let other?, nil):
            comparand = .field(try context.resolve(other, at: "check.other"))
        case (nil, let value?):
            comparand = .constant(value)
        default:
            throw RuleError.Problem(
                path: "check",
                reason: LocalizedText(
                    en: "an 'equals' check needs exactly one of 'other' and 'value'",
                    nb: "en 'equals'-kontroll må ha nøyaktig én av 'other' og 'value'"))
        }
        normalization = check.normalize ?? .none
    }

    var fields: [FieldReference] {
        switch comparand {
        case .field(let other): [field, other]
        case .constant: [field]
        }
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let value = field.read(dataset, record)
        let expected: FieldValue
        switch comparand {
        case .field(let other): expected = other.read(dataset, record)
        case .constant(let constant): expected = constant
        }
        if normalization.equal(value, expected) { return nil }
        return CheckFailure {
            switch $0 {
            case .value: field.display(value, language)
            case .expected: field.display(expected, language)
            }
        }
    }
}
