import LedgerLintText

/// One record being judged: its index in its subject, and the index of the record each join found (nil when the
/// join found none).
struct RecordContext: Sendable {
    var index: Int
    var joined: [Int?]
    /// How many times in a row `RecordCursor` guessed a joined record wrong for this context.
    var missedGuesses = 0
}

/// A field named in a rule, resolved once against the rule's subject and joins.
///
/// A class, not a struct: the rules read fields a million times, through templates, conditions and checks, and a
/// copy of a struct of these names, accessor and words retains and releases five of them where a copy of a
/// reference retains one.
final class FieldReference: Sendable {
    /// The name as the rule wrote it (`customerNumber`, `product.Code`).
    let name: String
    /// Which join the field belongs to; nil for the rule's own subject.
    let join: Int?
    /// The subject the field is read from (the join's for a joined field), and its name there (`Code`).
    let subject: Subject
    let field: String
    let accessor: Subject.Accessor
    /// The column the field is read from in place, for a customer table's field (`Subject.tableField(named:)`).
    let table: TableField?
    /// Whether `table` holds texts, whose bytes are read in place: its kind, looked up once.
    let tableHoldsText: Bool
    /// Whether `table` holds whole numbers.
    private let tableHoldsIntegers: Bool
    /// The words for this field's values in messages (`Subject.valueWords(of:)`), resolved once, not per finding.
    let words: [String: LocalizedText]

    init(name: String, join: Int?, subject: Subject, field: String, accessor: @escaping Subject.Accessor) {
        self.name = name
        self.join = join
        self.subject = subject
        self.field = field
        self.accessor = accessor
        table = subject.tableField(named: field)
        tableHoldsText = table.map { $0.kind == .text || $0.kind == .vocabulary } ?? false
        tableHoldsIntegers = table?.kind == .integer
        words = subject.valueWords(of: field)
    }

    /// `value` as a message in `language` shows it: the field's word for it when it has one, else as it is.
    func display(_ value: FieldValue, _ language: Language) -> String {
        let text = value.text
        guard !words.isEmpty else { return text }
        return words[text]?[language] ?? text
    }

    @inline(__always)
    func read(_ dataset: Dataset, _ record: RecordContext) -> FieldValue {
        guard let row = row(of: record) else { return .null }
        if let table { return table.value(dataset, row) }
        return accessor(dataset, row)
    }

    /// The row of the field's subject the field is read from for `record`: nil when its join found no record.
    @inline(__always)
    private func row(of record: RecordContext) -> Int? {
        guard let join else { return record.index }
        guard join < record.joined.count else { return nil }
        return record.joined[join]
    }

    /// The UTF-8 bytes of the value's text (`FieldValue.text`), `nil` when the value is `.null`. A customer
    /// table's text is read in place, building no `String`; any other value is read and its text made.
    @inline(__always)
    func withUTF8<Result>(_ dataset: Dataset, _ record: RecordContext, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        guard let row = row(of: record) else { return body(nil) }
        return withUTF8(dataset, row: row, body)
    }

    /// `withUTF8(_:_:_:)` of the field in `row` of its subject.
    @inline(__always)
    func withUTF8<Result>(_ dataset: Dataset, row: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        if tableHoldsText, let table { return table.withUTF8(dataset, row, body) }
        if tableHoldsIntegers, let table {
            // A whole number's text, as `FieldValue.text` writes it, without a string: most join keys are numbers.
            guard let number = table.integer(dataset, row) else { return body(nil) }
            return UTF8Text.withDecimal(number) { body($0) }
        }
        let value = table?.value(dataset, row) ?? accessor(dataset, row)
        if case .null = value { return body(nil) }
        var text = value.text
        return text.withUTF8 { body($0) }
    }

    /// The bytes of an absent value's text, which is empty.
    static var noBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: nil, count: 0) }

    /// Whether the value is present (`FieldValue.isPresent`), from its bytes.
    @inline(__always)
    func isPresent(_ dataset: Dataset, _ record: RecordContext) -> Bool {
        if table != nil, !tableHoldsText { return read(dataset, record).isPresent }
        return withUTF8(dataset, record) { bytes in bytes.map { UTF8Text.hasContent($0) } ?? false }
    }

    /// The value as a whole number (`FieldValue.integer`), from its bytes.
    @inline(__always)
    func integer(_ dataset: Dataset, _ record: RecordContext) -> Int64? {
        if table != nil, !tableHoldsText { return read(dataset, record).integer }
        return withUTF8(dataset, record) { bytes in bytes.flatMap { UTF8Text.integer($0) } }
    }
}

/// Resolves field names for one rule: its subject's fields, and `<join>.<field>` for each join.
struct FieldScope: Sendable {
    let subject: Subject
    let joins: [(name: String, subject: Subject)]

    func resolve(_ name: String) throws(TemplateProblem) -> FieldReference {
        if let accessor = subject.fields[name] {
            return FieldReference(name: name, join: nil, subject: subject, field: name, accessor: accessor)
        }
        if let dot = name.firstIndex(of: ".") {
            let prefix = String(name[..<dot])
            let field = String(name[name.index(after: dot)...])
            if let joinIndex = joins.firstIndex(where: { $0.name == prefix }) {
                let joinSubject = joins[joinIndex].subject
                guard let accessor = joinSubject.fields[field] else {
                    let fields = joinSubject.fieldNames.joined(separator: ", ")
                    throw TemplateProblem(
                        reason: LocalizedText(
                            en: "'\(field.excerpt)' is not a field of \(joinSubject.rawValue) (joined as '\(prefix)')",
                            nb: "'\(field.excerpt)' er ikke et felt i \(joinSubject.rawValue) (koblet som '\(prefix)')")
                            + Suggestion.didYouMean(field, in: joinSubject.fieldNames)
                            + LocalizedText(en: " (fields: \(fields))", nb: " (felt: \(fields))"))
                }
                return FieldReference(
                    name: name, join: joinIndex, subject: joinSubject, field: field, accessor: accessor)
            }
        }
        var known = subject.fieldNames
        known += joins.map { "\($0.name).<field>" }
        let fields = known.joined(separator: ", ")
        throw TemplateProblem(
            reason: LocalizedText(
                en: "'\(name.excerpt)' is not a field of \(subject.rawValue)",
                nb: "'\(name.excerpt)' er ikke et felt i \(subject.rawValue)")
                + Suggestion.didYouMean(name, in: subject.fieldNames + joins.flatMap { join in
                    join.subject.fieldNames.map { "\(join.name).\($0)" }
                })
                + LocalizedText(en: " (fields: \(fields))", nb: " (felt: \(fields))"))
    }
}

extension Subject {
    /// Field names, sorted, for error messages and docs.
    public var fieldNames: [String] { fields.keys.sorted() }
}
