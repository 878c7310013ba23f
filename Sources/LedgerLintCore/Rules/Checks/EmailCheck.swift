import LedgerLintText

/// `email`: every address in the field is well formed.
struct EmailCheck: FieldCheck {
    enum Variable: String, CheckVariable {
        case value
        /// The first bad address (the whole value when it holds none).
        case invalid
    }

    let field: FieldReference
    /// Characters that separate several addresses in one field.
    let separators: String

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
        separators = check.separators ?? ";,"
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let value = field.read(dataset, record)
        guard value.isPresent else { return nil }
        let addresses = EmailAddress.split(value.text, separators: separators)
        let invalid: String
        if let first = addresses.first(where: { !EmailAddress.isValid($0) }) {
            invalid = String(first)
        } else if addresses.isEmpty {
            invalid = value.text
        } else {
            return nil
        }
        return CheckFailure {
            switch $0 {
            case .value: value.text
            case .invalid: invalid
            }
        }
    }
}
