import Foundation
import LedgerLintText
import LedgerLintJSON

/// A rule resolved against its subject: fields, joins, templates and check checked once, at load time, so that a
/// rule file with a typo fails before any data is read and evaluation does no name look-ups.
struct CompiledRule: Sendable {
    struct Join: Sendable {
        let name: String
        let subject: Subject
        /// Rendered on the rule's record.
        let key: Template
        /// Rendered on each record of `subject`.
        let on: Template
        let conditions: ConditionList
        /// Identifies the index this join needs, so rules that join the same way share one.
        let indexKey: JoinIndexKey
    }

    let rule: Rule
    let joins: [Join]
    let conditions: ConditionList
    let check: CompiledCheck
    let key: Template
    let message: (en: Template, nb: Template)
    let hint: (en: Template, nb: Template)

    init(_ rule: Rule) throws(RuleError.Problem) {
        self.rule = rule
        let ownScope = FieldScope(subject: rule.subject, joins: [])
        var joins: [Join] = []
        for (index, join) in (rule.joins ?? []).enumerated() {
            let path = "joins[\(index)]"
            guard !join.name.isEmpty, !join.name.contains(".") else {
                throw RuleError.Problem(
                    path: "\(path).name",
                    reason: LocalizedText(
                        en: "a join name is a plain word such as 'product'",
                        nb: "navnet på en kobling er et enkelt ord, for eksempel 'product'"))
            }
            guard !joins.contains(where: { $0.name == join.name }) else {
                throw RuleError.Problem(
                    path: "\(path).name",
                    reason: LocalizedText(
                        en: "two joins are named '\(join.name)'", nb: "to koblinger heter '\(join.name)'"))
            }
            let targetScope = FieldScope(subject: join.subject, joins: [])
            let key = try Self.template(join.key, at: "\(path).key", variables: []) { name throws(TemplateProblem) in try ownScope.resolve(name) }
            let on = try Self.template(join.on, at: "\(path).on", variables: []) { name throws(TemplateProblem) in try targetScope.resolve(name) }
            let conditions = ConditionList(try Self.conditions(join.where, in: targetScope, at: "\(path).where"))
            joins.append(
                Join(
                    name: join.name, subject: join.subject, key: key, on: on, conditions: conditions,
                    indexKey: JoinIndexKey(subject: join.subject, on: join.on, conditions: join.where ?? [])))
        }
        self.joins = joins

        let scope = FieldScope(subject: rule.subject, joins: joins.map { ($0.name, $0.subject) })
        conditions = ConditionList(try Self.conditions(rule.where, in: scope, at: "where"))
        check = try CompiledCheck(rule.check, in: CheckContext(scope: scope, joinNames: joins.map(\.name)))

        let variables = rule.check.kind.implementation.variables
        let resolve = { (name: String) throws(TemplateProblem) -> FieldReference in try scope.resolve(name) }
        key = try Self.template(rule.key, at: "key", variables: variables, resolve: resolve)
        message = (
            try Self.template(rule.message.en, at: "message.en", variables: variables, resolve: resolve),
            try Self.template(rule.message.nb, at: "message.nb", variables: variables, resolve: resolve)
        )
        hint = (
            try Self.template(rule.hint.en, at: "hint.en", variables: variables, resolve: resolve),
            try Self.template(rule.hint.nb, at: "hint.nb", variables: variables, resolve: resolve)
        )
    }

    /// A `where` list compiled in `scope`; a problem is said at its condition, `path[index]`.
    private static func conditions(
        _ conditions: [Condition]?, in scope: FieldScope, at path: String
    ) throws(RuleError.Problem) -> [CompiledCondition] {
        var compiled: [CompiledCondition] = []
        for (index, condition) in (conditions ?? []).enumerated() {
            do {
                compiled.append(try CompiledCondition(condition, scope: scope))
            } catch {
                throw RuleError.Problem(path: "\(path)[\(index)]", reason: error.reason)
            }
        }
        return compiled
    }

    private static func template(
        _ source: String, at path: String, variables: [String],
        resolve: (String) throws(TemplateProblem) -> FieldReference
    ) throws(RuleError.Problem) -> Template {
        do throws(TemplateProblem) {
            return try Template(source) { name throws(TemplateProblem) in
                if variables.contains(name) { return .variable(name) }
                do throws(TemplateProblem) {
                    return .field(try resolve(name))
                } catch {
                    let list = variables.map { "{\($0)}" }.joined(separator: ", ")
                    let offered =
                        variables.isEmpty
                        ? LocalizedText(verbatim: "")
                        : LocalizedText(en: "; this check also offers \(list)", nb: "; denne kontrollen gir også \(list)")
                    throw TemplateProblem(
                        reason: LocalizedText(en: "placeholder {\(name)}: ", nb: "plassholderen {\(name)}: ") + error.reason
                            + offered)
                }
            }
        } catch {
            throw RuleError.Problem(path: path, reason: error.reason)
        }
    }

    /// Every field the rule reads, of its own subject and of the ones it joins.
    var fieldsRead: [FieldReference] {
        var fields = joins.flatMap { join in join.key.fields + join.on.fields + join.conditions.all.map(\.field) }
        fields += conditions.all.map(\.field) + check.fields + key.fields
        fields += message.en.fields + message.nb.fields + hint.en.fields + hint.nb.fields
        return fields
    }

    /// A rough measure of the work of judging `dataset`: a pass over the rule's records, one more for a kind that
    /// tallies them together, and for each join a pass over the records it indexes and a look-up per record.
    /// `RuleSet.evaluate` starts the largest rules first, so that no large one is left running alone at the end.
    ///
    /// A record of a subject kept as an array of records (products, accounts, product groups) counts 16: its
    /// fields are read through key paths, and `product-code-orphan` alone took 40 ms for 50 000 products where a
    /// customer rule takes 20–80 ms for a million customers. Counted as 1, it was started last and ran alone.
    func estimatedWork(in dataset: Dataset) -> Int {
        func records(_ subject: Subject) -> Int { subject.count(in: dataset) * (subject.isTable ? 1 : 16) }
        let own = records(rule.subject)
        var work = own
        if case .wholeSubject = check { work += own }
        for join in joins { work += records(join.subject) + own }
        return work
    }

    /// The findings of this rule on a dataset.
    func evaluate(_ dataset: Dataset, language: Language, indexes: JoinIndexes) -> [Finding] {
        var findings: [Finding] = []
        judge(dataset, language: language, indexes: indexes) { record, variables in
            findings.append(finding(dataset, record, variables: variables, language: language))
        }
        return findings
    }

    /// Judges the rule's records: `failed` gets each failure, with the record its finding is on and the value of each
    /// of the check's placeholders, in `language`.
    ///
    /// The loops over the records make no closures: one that captured `dataset` would copy it, retaining every table
    /// in it, at each record, and the threads evaluating other rules retain the same ones.
    func judge(
        _ dataset: Dataset, language: Language, indexes: JoinIndexes,
        failed: (RecordContext, [String: String]) -> Void
    ) {
        let records = RecordCursor(keys: joins.map(\.key), indexes: joins.map { indexes.index(for: $0, in: dataset) })
        switch check.resolved(in: dataset) {
        case .perRecord(let check): judgeEach(check, dataset, records, language: language, failed: failed)
        case .wholeSubject(let check): judgeTogether(check, dataset, records, language: language, failed: failed)
        }
    }

    /// Each record on its own. Generic, so that the check's kind is opened once per rule, not at every record. (It
    /// runs unspecialised, called on the opened existential; a specialised copy per kind measured no faster.)
    private func judgeEach<Kind: RecordCheck>(
        _ check: Kind, _ dataset: Dataset, _ records: RecordCursor, language: Language,
        failed: (RecordContext, [String: String]) -> Void
    ) {
        var record = records.context()
        for index in 0..<rule.subject.count(in: dataset) {
            records.point(&record, at: index, in: dataset)
            guard conditions.allHold(dataset, record) else { continue }
            if let failure = check.failure(dataset, record, language: language) { failed(record, failure.values) }
        }
    }

    /// All records together: the check sees each that meets the conditions, then names the failures.
    private func judgeTogether<Kind: WholeSubjectCheck>(
        _ check: Kind, _ dataset: Dataset, _ records: RecordCursor, language: Language,
        failed: (RecordContext, [String: String]) -> Void
    ) {
        let count = rule.subject.count(in: dataset)
        var tally = check.tally(forAtMost: count, records)
        var record = records.context()
        // The check sees a stretch of the records that meet the conditions at a time (and may read ahead for them).
        // Records with joins one at a time: pointing one again would look its joins up again.
        let stretch = records.keys.isEmpty ? JoinIndex.stretch : 1
        withUnsafeTemporaryAllocation(of: Int.self, capacity: stretch) { rows in
            for start in stride(from: 0, to: count, by: stretch) {
                var waiting = 0
                for index in start..<min(start + stretch, count) {
                    records.point(&record, at: index, in: dataset)
                    guard conditions.allHold(dataset, record) else { continue }
                    rows[waiting] = index
                    waiting += 1
                }
                check.see(
                    rows: UnsafeBufferPointer(rebasing: rows[0..<waiting]), pointing: &record, in: &tally, dataset,
                    records)
            }
        }
        for failure in check.failures(tally, dataset, records, language: language) {
            records.point(&record, at: failure.row, in: dataset)
            failed(record, failure.failure.values)
        }
    }

    private func finding(
        _ dataset: Dataset, _ record: RecordContext, variables: [String: String], language: Language
    ) -> Finding {
        let message = language == .nb ? self.message.nb : self.message.en
        let hint = language == .nb ? self.hint.nb : self.hint.en
        return Finding(
            rule: rule.id,
            severity: rule.severity,
            message: message.render(dataset, record, variables: variables, missing: LocalizedText.notGiven[language]),
            hint: hint.render(dataset, record, variables: variables, missing: LocalizedText.notGiven[language]),
            system: rule.subject.system,
            entity: rule.subject.entity,
            key: key.render(dataset, record, variables: variables, missing: ""),
            location: rule.subject.location(in: dataset, at: record.index))
    }
}

/// What identifies a join index: the target subject, the key rendered on it, and its filter.
struct JoinIndexKey: Hashable, Sendable {
    var subject: Subject
    var on: String
    var conditions: [Condition]
}

/// The records of a join's subject by the key the join renders on them (`on`): the first record with each key.
/// A class, as it is looked up for every record: a reference is handed on with one retain.
final class JoinIndex: Sendable {
    let keys: KeyIndex
    let on: Template
    /// A bit per record of the subject: set for the records in `keys`, each the first with its key.
    private let firsts: BitSet

    init(_ join: CompiledRule.Join, in dataset: Dataset) {
        let on = join.on
        self.on = on
        let count = join.subject.count(in: dataset)
        var keys = KeyIndex(forAtMost: count, counting: false)
        var firsts = BitSet(clear: count)
        // A stretch of records at a time: their keys' hashes, then a read of the slot each starts at, reads that
        // do not wait for each other (so that their cache misses overlap), then the inserts.
        withUnsafeTemporaryAllocation(of: (hash: Int, row: Int).self, capacity: JoinIndex.stretch) { pending in
            for start in stride(from: 0, to: count, by: JoinIndex.stretch) {
                var waiting = 0
                for position in start..<min(start + JoinIndex.stretch, count) {
                    let record = RecordContext(index: position, joined: [])
                    guard join.conditions.allHold(dataset, record),
                        let hash = on.keyHash(dataset, row: position)
                    else { continue }
                    pending[waiting] = (hash, position)
                    waiting += 1
                }
                for item in 0..<waiting { keys.readAhead(pending[item].hash) }
                for item in 0..<waiting {
                    let (hash, position) = pending[item]
                    var probe = keys.probe(hash)
                    if JoinIndex.find(&probe, keys, on, dataset, key: on, position) == nil {
                        keys.add(at: probe, row: position)
                        firsts.set(position)
                    }
                }
            }
        }
        self.keys = keys
        self.firsts = firsts
    }

    /// How many records' slots are read ahead at a time.
    static let stretch = 32

    /// Whether the record in `candidate` is the one `row(for:at:in:)` finds for `key` rendered on `row`: the first
    /// record with its key, and that key the same. A guess checked without hashing or looking in the index.
    @inline(__always)
    func isFirst(_ candidate: Int, withKeyOf key: Template, at row: Int, in dataset: Dataset) -> Bool {
        candidate < firsts.count && firsts[candidate] && on.sameKey(dataset, row: candidate, as: key, row)
    }

    /// The first record whose key is the same as `key` rendered on the record in `row` of its own subject.
    func row(for key: Template, at row: Int, in dataset: Dataset) -> Int? {
        guard let hash = key.keyHash(dataset, row: row) else { return nil }
        var probe = keys.probe(hash)
        return Self.find(&probe, keys, on, dataset, key: key, row)
    }

    private static func find(
        _ probe: inout KeyIndex.Probe, _ keys: KeyIndex, _ on: Template, _ dataset: Dataset, key: Template, _ row: Int
    ) -> Int? {
        while let candidate = keys.nextCandidate(&probe) {
            if on.sameKey(dataset, row: candidate, as: key, row) { return candidate }
        }
        return nil
    }
}

/// Join indexes built once per evaluation and shared by the rules that join the same way.
///
/// Built under the lock: a second rule that needs an index being built waits for it rather than building it again.
final class JoinIndexes: Sendable {
    // Rules may be evaluated concurrently.
    private let built = Locked<[JoinIndexKey: JoinIndex]>([:])

    func index(for join: CompiledRule.Join, in dataset: Dataset) -> JoinIndex {
        built.withLock { built in
            if let index = built[join.indexKey] { return index }
            let index = JoinIndex(join, in: dataset)
            built[join.indexKey] = index
            return index
        }
    }
}
