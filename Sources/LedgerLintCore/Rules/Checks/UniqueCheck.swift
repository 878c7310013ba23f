import LedgerLintText

/// `unique`: no two records share the field's value. One finding per repeated value, on its first record.
struct UniqueCheck: WholeSubjectCheck {
    enum Variable: String, CheckVariable {
        case value
        /// How many records share it.
        case count
        /// The `list` field of each of them, in record order.
        case list
    }

    /// The first record and the count of each value, and each record's value by its slot in the index (-1 for a
    /// record without one); the members of repeated values are listed only once all are seen, so a million
    /// distinct values cost 19 bytes each and no strings.
    struct Tally {
        var groups: KeyIndex
        var slots: [Int32]
        /// Points at earlier records to compare their values, updated in place.
        var other: RecordContext
    }

    let field: FieldReference
    let normalization: Normalization
    /// The field each finding lists for the records that share the value (`other` in rule files).
    let list: FieldReference?

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        // The listed field before `field`: a rule with both wrong is told about this one.
        list = try check.other.map { name throws(RuleError.Problem) in try context.resolve(name, at: "check.other") }
        field = try context.field(of: check)
        normalization = check.normalize ?? .none
    }

    var fields: [FieldReference] { [field] + (list.map { [$0] } ?? []) }

    static func describeOther(_ name: String, _ language: Language) -> String {
        LocalizedText(en: "listing \(name)", nb: "viser \(name)")[language]
    }

    func tally(forAtMost count: Int, _ records: RecordCursor) -> Tally {
        Tally(
            groups: KeyIndex(forAtMost: count, counting: true), slots: Array(repeating: -1, count: count),
            other: records.context())
    }

    func see(
        rows: UnsafeBufferPointer<Int>, pointing record: inout RecordContext, in tally: inout Tally, _ dataset: Dataset,
        _ records: RecordCursor
    ) {
        // Each key's hash, then the slot each starts at, read ahead, then each record seen with its hash. Records
        // without joins only, which are pointed at again for nothing.
        guard records.keys.isEmpty else { return seeEach(rows: rows, pointing: &record, in: &tally, dataset, records) }
        withUnsafeTemporaryAllocation(of: Int?.self, capacity: rows.count) { hashes in
            for (item, row) in rows.enumerated() {
                records.point(&record, at: row, in: dataset)
                hashes[item] = field.isPresent(dataset, record) ? normalization.keyHash(of: field, dataset, record) : nil
            }
            for item in rows.indices { if let hash = hashes[item] { tally.groups.readAhead(hash) } }
            for (item, row) in rows.enumerated() {
                guard let hash = hashes[item] else { continue }
                records.point(&record, at: row, in: dataset)
                see(record, hash: hash, in: &tally, dataset, records)
            }
        }
    }

    func see(_ record: RecordContext, in tally: inout Tally, _ dataset: Dataset, _ records: RecordCursor) {
        guard field.isPresent(dataset, record) else { return }
        see(record, hash: normalization.keyHash(of: field, dataset, record), in: &tally, dataset, records)
    }

    private func see(
        _ record: RecordContext, hash: Int, in tally: inout Tally, _ dataset: Dataset, _ records: RecordCursor
    ) {
        var probe = tally.groups.probe(hash)
        var slot: Int?
        while let row = tally.groups.nextCandidate(&probe) {
            records.point(&tally.other, at: row, in: dataset)
            if normalization.sameKey(of: field, dataset, record, tally.other) {
                slot = probe.slot
                break
            }
        }
        if let slot {
            tally.groups.countAnother(inSlot: slot)
        } else {
            slot = tally.groups.add(at: probe, row: record.index)
        }
        tally.slots[record.index] = Int32(slot!)
    }

    func failures(
        _ tally: Tally, _ dataset: Dataset, _ records: RecordCursor, language: Language
    ) -> [(row: Int, failure: CheckFailure<Variable>)] {
        var members: [Int32: [String]] = [:]
        var order: [Int32] = []
        var record = records.context()
        for (row, slot) in tally.slots.enumerated() where slot >= 0 && tally.groups.count(inSlot: Int(slot)) > 1 {
            records.point(&record, at: row, in: dataset)
            let listed = list.map { $0.read(dataset, record).text } ?? ""
            if members[slot] == nil { order.append(slot) }
            members[slot, default: []].append(listed)
        }
        return order.map { slot in
            let first = tally.groups.first(inSlot: Int(slot))
            records.point(&record, at: first, in: dataset)
            let failure = CheckFailure<Variable> {
                switch $0 {
                case .value: field.read(dataset, record).text
                case .count: String(tally.groups.count(inSlot: Int(slot)))
                case .list: (members[slot] ?? []).filter { !$0.isEmpty }.joined(separator: ", ")
                }
            }
            return (first, failure)
        }
    }
}
