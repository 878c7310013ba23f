import LedgerLintText

/// `required`: the field has a value.
struct RequiredCheck: RecordCheck {
    typealias Variable = NoVariable

    let field: FieldReference

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
    }

    var fields: [FieldReference] { [field] }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<NoVariable>? {
        field.read(dataset, record).isPresent ? nil : .failed
    }
}
