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
        let conditions: [CompiledCondition]
        /// Identifies the index this join needs, so rules that join the same way share one.
        let indexKey: JoinIndexKey
    }

    let rule: Rule
    let joins: [Join]
    let conditions: [CompiledCondition]
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
                throw RuleError.Problem(path: "\(path).name", reason: "a join name is a plain word such as 'product'")
            }
            guard !joins.contains(where: { $0.name == join.name }) else {
                throw RuleError.Problem(path: "\(path).name", reason: "two joins are named '\(join.name)'")
            }
            let targetScope = FieldScope(subject: join.subject, joins: [])
            let key = try Self.template(join.key, at: "\(path).key", variables: []) { name throws(TemplateProblem) in try ownScope.resolve(name) }
            let on = try Self.template(join.on, at: "\(path).on", variables: []) { name throws(TemplateProblem) in try targetScope.resolve(name) }
            var conditions: [CompiledCondition] = []
            for (conditionIndex, condition) in (join.where ?? []).enumerated() {
                do {
                    conditions.append(try CompiledCondition(condition, scope: targetScope))
                } catch {
                    throw RuleError.Problem(path: "\(path).where[\(conditionIndex)]", reason: error.reason)
                }
            }
            joins.append(
                Join(
                    name: join.name, subject: join.subject, key: key, on: on, conditions: conditions,
                    indexKey: JoinIndexKey(subject: join.subject, on: join.on, conditions: join.where ?? [])))
        }
        self.joins = joins

        let scope = FieldScope(subject: rule.subject, joins: joins.map { ($0.name, $0.subject) })
        var conditions: [CompiledCondition] = []
        for (index, condition) in (rule.where ?? []).enumerated() {
            do {
                conditions.append(try CompiledCondition(condition, scope: scope))
            } catch {
                throw RuleError.Problem(path: "where[\(index)]", reason: error.reason)
            }
        }
        self.conditions = conditions
        check = try CompiledCheck(rule.check, scope: scope, joinNames: joins.map(\.name))

        let variables = CompiledCheck.variables(of: rule.check.kind)
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
                    let offered = variables.isEmpty ? "" : "; this check also offers \(variables.map { "{\($0)}" }.joined(separator: ", "))"
                    throw TemplateProblem(reason: "placeholder {\(name)}: \(error.reason)\(offered)")
                }
            }
        } catch {
            throw RuleError.Problem(path: path, reason: error.reason)
        }
    }

    /// The findings of this rule on a dataset.
    func evaluate(_ dataset: Dataset, language: Language, indexes: JoinIndexes) -> [Finding] {
        let joinIndexes = joins.map { indexes.index(for: $0, in: dataset) }
        let check = self.check.resolved(in: dataset)
        var findings: [Finding] = []
        // `unique`: the first record and the count of each value; the members of repeated values are listed in a
        // second pass, so a million distinct values cost one dictionary entry each and no arrays.
        var groups: [String: (first: Int, count: Int)] = [:]
        var uniqueRecords: [(index: Int, value: String)] = []
        if case .unique = check {
            groups.reserveCapacity(rule.subject.count(in: dataset))
            uniqueRecords.reserveCapacity(rule.subject.count(in: dataset))
        }

        // One context, updated in place: no allocation per record.
        var record = RecordContext(index: 0, joined: Array(repeating: nil, count: joins.count))
        for index in 0..<rule.subject.count(in: dataset) {
            record.index = index
            for position in joins.indices {
                let key = joins[position].key.renderKey(dataset, RecordContext(index: index, joined: []))
                record.joined[position] = key.isEmpty ? nil : joinIndexes[position][key]
            }
            guard conditions.allSatisfy({ $0.holds(dataset, record) }) else { continue }

            if case .unique(let field, let normalization, _) = check {
                let value = field.read(dataset, record)
                guard value.isPresent else { continue }
                let normalized = CompiledCheck.normalized(value, normalization)
                if let group = groups[normalized] {
                    groups[normalized] = (group.first, group.count + 1)
                } else {
                    groups[normalized] = (index, 1)
                }
                uniqueRecords.append((index, normalized))
            } else if let variables = check.failure(dataset, record) {
                findings.append(finding(dataset, record, variables: variables, language: language))
            }
        }

        if case .unique(let field, _, let list) = check {
            findings += duplicates(
                of: field, listing: list, records: uniqueRecords, groups: groups, dataset: dataset, language: language)
        }
        return findings
    }

    /// One finding per repeated value, on its first record, listing every record's `list` field in record order.
    private func duplicates(
        of field: FieldReference, listing list: FieldReference?, records: [(index: Int, value: String)],
        groups: [String: (first: Int, count: Int)], dataset: Dataset, language: Language
    ) -> [Finding] {
        var members: [String: [String]] = [:]
        var order: [String] = []
        for (index, value) in records {
            guard let group = groups[value], group.count > 1 else { continue }
            let listed = list.map { $0.read(dataset, RecordContext(index: index, joined: [])).text } ?? ""
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(listed)
        }
        return order.compactMap { value in
            guard let group = groups[value] else { return nil }
            let first = RecordContext(index: group.first, joined: [])
            let variables = [
                "value": field.read(dataset, first).text,
                "count": String(group.count),
                "list": (members[value] ?? []).filter { !$0.isEmpty }.joined(separator: ", "),
            ]
            return finding(dataset, first, variables: variables, language: language)
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
            message: message.render(dataset, record, variables: variables, missing: "–"),
            hint: hint.render(dataset, record, variables: variables, missing: "–"),
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

/// Join indexes built once per evaluation and shared by the rules that join the same way.
final class JoinIndexes: @unchecked Sendable {
    // Guarded by `lock`; rules may be evaluated concurrently.
    private var built: [JoinIndexKey: [String: Int]] = [:]
    private let lock = NSLock()

    func index(for join: CompiledRule.Join, in dataset: Dataset) -> [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        if let index = built[join.indexKey] { return index }
        var index: [String: Int] = [:]
        index.reserveCapacity(join.subject.count(in: dataset))
        for position in 0..<join.subject.count(in: dataset) {
            let record = RecordContext(index: position, joined: [])
            guard join.conditions.allSatisfy({ $0.holds(dataset, record) }) else { continue }
            let key = join.on.renderKey(dataset, record)
            if !key.isEmpty, index[key] == nil { index[key] = position }
        }
        built[join.indexKey] = index
        return index
    }
}

import Foundation
