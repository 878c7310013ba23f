import LedgerLintText

/// `organization-number`: a Norwegian organisation number (9 digits, MOD11). An absent value fails.
struct OrganizationNumberCheck: PlainFieldCheck {
    enum Variable: String, CheckVariable {
        case value
    }

    let field: FieldReference

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        if field.withUTF8(dataset, record, { OrganizationNumber.isValid(utf8: $0 ?? FieldReference.noBytes) }) { return nil }
        let value = field.read(dataset, record)
        return CheckFailure {
            switch $0 {
            case .value: value.text
            }
        }
    }
}
