import LedgerLintText

/// `organization-number`: a Norwegian organisation number (9 digits, MOD11). An absent value fails.
struct OrganizationNumberCheck: PlainFieldCheck {
    enum Variable: String, CheckVariable {
        case value
    }

    let field: FieldReference

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
