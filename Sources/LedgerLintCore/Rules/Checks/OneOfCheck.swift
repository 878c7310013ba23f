import LedgerLintText

/// `one-of`: the value is one of a list, ignoring letter case.
struct OneOfCheck: FieldCheck {
    enum Variable: String, CheckVariable {
        case value
        /// The allowed values.
        case values
    }

    let field: FieldReference
    let values: [FieldValue]
    /// `values` lower-cased once, not for every record.
    let allowed: Set<String>

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        guard let values = check.values, !values.isEmpty else {
            throw RuleError.Problem(
                path: "check.values",
                reason: LocalizedText(
                    en: "a 'one-of' check needs a non-empty 'values' list",
                    nb: "en 'one-of'-kontroll må ha en 'values'-liste som ikke er tom"))
        }
        self.values = values
        allowed = Set(values.map { $0.text.lowercased() })
        field = try context.field(of: check)
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let value = field.read(dataset, record)
        if allowed.contains(value.text.lowercased()) { return nil }
        return CheckFailure {
            switch $0 {
            case .value: field.display(value, language)
            case .values: values.map { field.display($0, language) }.joined(separator: ", ")
            }
        }
    }
}
