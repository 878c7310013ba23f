/// Points record contexts at rows of a rule's subject, with the record each of the rule's joins finds for the row.
///
/// A loop points one context again and again, updated in place, so that judging allocates nothing per record.
struct RecordCursor {
    /// Each join's key, rendered on the rule's record.
    let keys: [Template]
    /// Each join's index of its subject.
    let indexes: [JoinIndex]
    /// The same, looked at without retaining them for every record (`keys` and `indexes` keep them alive), as
    /// `ConditionList` does its conditions.
    private let unretained: [(key: Unmanaged<Template>, index: Unmanaged<JoinIndex>)]

    init(keys: [Template], indexes: [JoinIndex]) {
        self.keys = keys
        self.indexes = indexes
        unretained = zip(keys, indexes).map { (Unmanaged.passUnretained($0), Unmanaged.passUnretained($1)) }
    }

    /// A context to point with `point(_:at:in:)`.
    func context() -> RecordContext {
        RecordContext(index: 0, joined: Array(repeating: nil, count: keys.count))
    }

    /// Points `record` at the record in `row`, with the record each join finds for it.
    ///
    /// Both systems tend to list records in the same order (by customer number), so the record a join finds is
    /// usually the one after the record it found for the row before: that one is tried first, by comparing its key
    /// (`JoinIndex.isFirst(_:withKeyOf:at:in:)`), which reads the records in order rather than a random slot of the
    /// index for each. Where the order is not alike, the guesses soon stop (after 8 wrong ones in a row, then one
    /// try in 256 rows), so they cost a compare now and then.
    func point(_ record: inout RecordContext, at row: Int, in dataset: Dataset) {
        record.index = row
        for position in unretained.indices {
            let (key, index) = unretained[position]
            index._withUnsafeGuaranteedRef { index in
                key._withUnsafeGuaranteedRef { key in
                    Self.point(&record, position, index, key, at: row, in: dataset)
                }
            }
        }
    }

    /// Points join `position` of `record`.
    private static func point(
        _ record: inout RecordContext, _ position: Int, _ index: JoinIndex, _ key: Template, at row: Int,
        in dataset: Dataset
    ) {
        if let previous = record.joined[position], record.missedGuesses < 8 || row & 255 == 0 {
            if index.isFirst(previous + 1, withKeyOf: key, at: row, in: dataset) {
                record.joined[position] = previous + 1
                record.missedGuesses = 0
                return
            }
            record.missedGuesses += 1
        }
        record.joined[position] = index.row(for: key, at: row, in: dataset)
    }
}
