import LedgerLintText

/// `exists-in`: one of the rule's joins found a record.
struct ExistsInCheck: RecordCheck {
    typealias Variable = NoVariable

    /// The join's position among the rule's joins.
    let join: Int

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        let name = try context.required(
            check.join, at: "check.join",
            else: LocalizedText(
                en: "an 'exists-in' check names the join that must find a record",
                nb: "en 'exists-in'-kontroll navngir koblingen som må finne en post"))
        guard let index = context.joinNames.firstIndex(of: name) else {
            let joins = context.joinNames.joined(separator: ", ")
            throw RuleError.Problem(
                path: "check.join",
                reason: LocalizedText(
                    en: "no join named '\(name)' (joins: \(joins))", nb: "ingen kobling heter '\(name)' (koblinger: \(joins))"))
        }
        join = index
    }

    var fields: [FieldReference] { [] }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<NoVariable>? {
        record.joined[join] == nil ? .failed : nil
    }
}
