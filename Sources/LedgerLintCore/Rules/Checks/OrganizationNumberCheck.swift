import LedgerLintText

/// `organization-number`: a Norwegian organisation number (9 digits, MOD11). An absent value fails.
struct OrganizationNumberCheck: RecordCheck {
    enum Variable: String, CheckVariable {
        case value
    }

    let field: FieldReference

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
    }

    var fields: [FieldReference] { [field] }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let value = field.read(dataset, record)
        if OrganizationNumber.isValid(value.text) { return nil }
        return CheckFailure {
            switch $0 {
            case .value: value.text
            }
        }
    }
}
