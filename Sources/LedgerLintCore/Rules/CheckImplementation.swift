import LedgerLintText

/// The code of one check kind: how it reads its options, which fields it reads, which placeholders it fills, and
/// (as a `RecordCheck` or a `WholeSubjectCheck`) how it judges records.
///
/// A kind is tied to its `CheckKind` case in `CheckKind.implementation`; "Adding a check kind" in
/// `docs/rule-format.md` lists every file a new one touches.
protocol CheckImplementation: Sendable {
    /// The placeholders the kind fills for messages and hints. Templates may name these and no others, and every
    /// failure gives each of them a value (`CheckFailure`), so what a kind offers and what it fills are one list.
    associatedtype Variable: CheckVariable

    /// Compiles a rule's check with its fields resolved; a problem names the option that is wrong.
    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem)

    /// The fields the check reads.
    var fields: [FieldReference] { get }

    /// The check with what depends on the dataset worked out once, so that judging a record does not do it again.
    func resolved(in dataset: Dataset) -> Self

    /// The check compiled for the engine, which runs per-record and whole-subject kinds differently.
    static func compile(_ check: Check, in context: CheckContext) throws(RuleError.Problem) -> CompiledCheck

    /// The names of the placeholders, in the order error messages list them.
    static var variables: [String] { get }

    /// How `explain` and the rule catalogue show the field the `other` option names, which kinds read differently.
    static func describeOther(_ name: String, _ language: Language) -> String
}

extension CheckImplementation {
    func resolved(in dataset: Dataset) -> Self { self }

    static var variables: [String] { Variable.allCases.map(\.name) }

    /// `= name`: the field compared with.
    static func describeOther(_ name: String, _ language: Language) -> String { "= \(name)" }
}

/// A kind that judges each record on its own, as most do.
protocol RecordCheck: CheckImplementation {
    /// Nil when the record passes, else the value of each placeholder, in `language`.
    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>?
}

extension RecordCheck {
    static func compile(_ check: Check, in context: CheckContext) throws(RuleError.Problem) -> CompiledCheck {
        .perRecord(try Self(check, in: context))
    }
}

/// A kind whose options can rule out a whole dataset before any record is judged: `in-ranges` ranges configured
/// wholly outside the series they narrow, so that every record would fail for the configuration's sake.
/// `RuleSet.checkRanges(against:)` stops such a run (`RuleError.rangesOutsideModel`) rather than report every record.
protocol DatasetLimitedCheck: CheckImplementation {
    /// The configured ranges and the series they miss, or `nil` when the check can judge `dataset`.
    func rangesProblem(in dataset: Dataset) -> (configured: String, model: LocalizedText)?
}

/// A kind that judges one field, the check's `field`, and reads no other.
protocol FieldCheck: RecordCheck {
    var field: FieldReference { get }
}

extension FieldCheck {
    var fields: [FieldReference] { [field] }
}

/// A `FieldCheck` with no options of its own (`required`, `integer`): compiled from its field alone.
protocol PlainFieldCheck: FieldCheck {
    init(field: FieldReference)
}

extension PlainFieldCheck {
    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        self.init(field: try context.field(of: check))
    }
}

/// A kind that judges the records of a subject together (`unique`): it sees every record that meets the rule's
/// conditions, in order, and then names the ones its findings are on.
protocol WholeSubjectCheck: CheckImplementation {
    /// What the check keeps of the records it has seen.
    associatedtype Tally

    /// An empty tally for a subject of `count` records.
    func tally(forAtMost count: Int, _ records: RecordCursor) -> Tally

    /// Takes in one record that meets the rule's conditions.
    func see(_ record: RecordContext, in tally: inout Tally, _ dataset: Dataset, _ records: RecordCursor)

    /// Takes in a stretch of records that meet the rule's conditions, the rows in order, pointing `record` at each:
    /// `see` for each by default. A kind with a large tally reads ahead in it for all of them first, so that its
    /// memory is waited for once per stretch (`KeyIndex.readAhead`).
    func see(
        rows: UnsafeBufferPointer<Int>, pointing record: inout RecordContext, in tally: inout Tally, _ dataset: Dataset,
        _ records: RecordCursor)

    /// The failures once every record is seen: the row each finding is on and the value of each placeholder, in
    /// `language`.
    func failures(
        _ tally: Tally, _ dataset: Dataset, _ records: RecordCursor, language: Language
    ) -> [(row: Int, failure: CheckFailure<Variable>)]
}

extension WholeSubjectCheck {
    func see(
        rows: UnsafeBufferPointer<Int>, pointing record: inout RecordContext, in tally: inout Tally, _ dataset: Dataset,
        _ records: RecordCursor
    ) {
        seeEach(rows: rows, pointing: &record, in: &tally, dataset, records)
    }

    /// `see` for each of `rows`, pointing `record` at each unless it is there already.
    func seeEach(
        rows: UnsafeBufferPointer<Int>, pointing record: inout RecordContext, in tally: inout Tally, _ dataset: Dataset,
        _ records: RecordCursor
    ) {
        for row in rows {
            if record.index != row { records.point(&record, at: row, in: dataset) }
            see(record, in: &tally, dataset, records)
        }
    }

    static func compile(_ check: Check, in context: CheckContext) throws(RuleError.Problem) -> CompiledCheck {
        .wholeSubject(try Self(check, in: context))
    }
}

/// A placeholder a check kind fills (`{value}`): a case of the kind's `Variable` enum.
protocol CheckVariable: CaseIterable, Sendable {
    /// The name templates write in braces.
    var name: String { get }
}

extension CheckVariable where Self: RawRepresentable, RawValue == String {
    var name: String { rawValue }
}

/// The placeholders of a kind that fills none (`required`, `exists-in`).
enum NoVariable: CheckVariable {
    var name: String { switch self {} }
}

/// What a failing record fills in its rule's templates: a value for every placeholder of its kind.
///
/// It is made from a function of each of `Variable`'s cases, so the compiler checks that a kind fills exactly the
/// placeholders it declares: a new case is an unhandled case in the kind's switch.
struct CheckFailure<Variable: CheckVariable> {
    /// By placeholder name.
    let values: [String: String]

    init(_ value: (Variable) -> String) {
        let variables = Variable.allCases
        var values = [String: String](minimumCapacity: variables.count)
        for variable in variables { values[variable.name] = value(variable) }
        self.values = values
    }

    private init(values: [String: String]) { self.values = values }
}

extension CheckFailure where Variable == NoVariable {
    /// The failure of a kind without placeholders.
    static var failed: CheckFailure<NoVariable> { CheckFailure(values: [:]) }
}

/// What a check is compiled against: the fields of the rule's subject and joins, and the joins' names.
struct CheckContext {
    let scope: FieldScope
    let joinNames: [String]

    /// The check's `field`, which most kinds judge.
    func field(of check: Check) throws(RuleError.Problem) -> FieldReference {
        let name = try required(
            check.field, at: "check.field",
            else: LocalizedText(
                en: "a '\(check.kind.rawValue)' check needs 'field'", nb: "en '\(check.kind.rawValue)'-kontroll må ha 'field'"))
        return try resolve(name, at: "check.field")
    }

    /// An option the kind cannot do without, or the problem `reason` at its `path`.
    func required<Value>(_ option: Value?, at path: String, else reason: LocalizedText) throws(RuleError.Problem) -> Value {
        guard let option else { throw RuleError.Problem(path: path, reason: reason) }
        return option
    }

    /// A field an option names, a problem with it said at the option's `path`.
    func resolve(_ name: String, at path: String) throws(RuleError.Problem) -> FieldReference {
        do { return try scope.resolve(name) } catch { throw RuleError.Problem(path: path, reason: error.reason) }
    }
}
