/// Points record contexts at rows of a rule's subject, with the record each of the rule's joins finds for the row.
///
/// A loop points one context again and again, updated in place, so that judging allocates nothing per record.
struct RecordCursor {
    /// Each join's key, rendered on the rule's record.
    let keys: [Template]
    /// Each join's index of its subject.
    let indexes: [JoinIndex]

    /// A context to point with `point(_:at:in:)`.
    func context() -> RecordContext {
        RecordContext(index: 0, joined: Array(repeating: nil, count: keys.count))
    }

    /// Points `record` at the record in `row`, with the record each join finds for it.
    func point(_ record: inout RecordContext, at row: Int, in dataset: Dataset) {
        record.index = row
        for position in keys.indices {
            record.joined[position] = indexes[position].row(for: keys[position], at: row, in: dataset)
        }
    }
}
