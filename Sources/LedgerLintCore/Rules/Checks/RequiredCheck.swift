import LedgerLintText

/// `required`: the field has a value.
struct RequiredCheck: PlainFieldCheck {
    typealias Variable = NoVariable

    let field: FieldReference

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<NoVariable>? {
        field.isPresent(dataset, record) ? nil : .failed
    }
}
