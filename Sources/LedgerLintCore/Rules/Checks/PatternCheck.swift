import LedgerLintText

/// `pattern`: a present value matches a regular expression as a whole.
struct PatternCheck: FieldCheck {
    enum Variable: String, CheckVariable {
        case value
    }

    let field: FieldReference
    let regex: Regex

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        guard let pattern = check.pattern else {
            throw RuleError.Problem(
                path: "check.pattern",
                reason: LocalizedText(en: "a 'pattern' check needs 'pattern'", nb: "en 'pattern'-kontroll må ha 'pattern'"))
        }
        field = try context.field(of: check)
        do { regex = try Regex(wholeMatch: pattern) } catch { throw RuleError.Problem(path: "check.pattern", reason: error.reason) }
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        let value = field.read(dataset, record)
        guard value.isPresent, !regex.matches(value.text) else { return nil }
        return CheckFailure {
            switch $0 {
            case .value: value.text
            }
        }
    }
}
