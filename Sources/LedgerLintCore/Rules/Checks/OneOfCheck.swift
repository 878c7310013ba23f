import LedgerLintText

/// `one-of`: the value is one of a list, ignoring letter case.
struct OneOfCheck: FieldCheck {
    enum Variable: String, CheckVariable {
        case value
        /// The allowed values.
        case values
    }

    let field: FieldReference
    /// The allowed values lower-cased once, not for every record.
    let allowed: LowercasedValues
    /// `{values}` in each language, made once rather than for every finding.
    private let valuesText: LocalizedText

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        guard let values = check.values, !values.isEmpty else {
            throw RuleError.Problem(
                path: "check.values",
                reason: LocalizedText(
                    en: "a 'one-of' check needs a non-empty 'values' list",
                    nb: "en 'one-of'-kontroll må ha en 'values'-liste som ikke er tom"))
        }
        allowed = LowercasedValues(values)
        let field = try context.field(of: check)
        self.field = field
        valuesText = LocalizedText(
            en: values.map { field.display($0, .en) }.joined(separator: ", "),
            nb: values.map { field.display($0, .nb) }.joined(separator: ", "))
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        if allowed.contains(valueOf: field, dataset, record) { return nil }
        let value = field.read(dataset, record)
        return CheckFailure {
            switch $0 {
            case .value: field.display(value, language)
            case .values: valuesText[language]
            }
        }
    }
}
