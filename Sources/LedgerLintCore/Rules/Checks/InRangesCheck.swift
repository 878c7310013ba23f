import LedgerLintText

/// `in-ranges`: a whole number lies in one of the ranges, given by the rule, taken from the model, or both.
struct InRangesCheck: FieldCheck, DatasetLimitedCheck {
    enum Variable: String, CheckVariable {
        case value
        /// `10000–19999, …`
        case ranges
        /// The ranges named for where they come from (`InRangesCheck+Ranges.swift`).
        case series
    }

    /// The ranges as the rule (or configuration) gives them, and as one dataset resolves them.
    enum Ranges: Sendable {
        case fixed([ClosedRange<Int64>])
        case model(RangeSource)
        /// Inside both: a narrower range of the user's within the model's series.
        case both([ClosedRange<Int64>], RangeSource)
        /// Resolved for one dataset (`InRangesCheck+Ranges.swift`).
        case resolved(Resolution)
    }

    /// The numbers a check accepts in one dataset, with what its messages fill in.
    ///
    /// A class, not a struct: every record's number is judged against it, and a copy of the struct retained and
    /// released its three buffers at each record.
    final class Resolution: Sendable {
        let ranges: [ClosedRange<Int64>]
        /// The ranges named for where they come from (`{series}`).
        let name: LocalizedText
        /// The ranges as `{ranges}` shows them.
        let text: LocalizedText

        init(ranges: [ClosedRange<Int64>], name: LocalizedText, text: LocalizedText) {
            self.ranges = ranges
            self.name = name
            self.text = text
        }
    }

    let field: FieldReference
    let ranges: Ranges

    init(field: FieldReference, ranges: Ranges) {
        self.field = field
        self.ranges = ranges
    }

    init(_ check: Check, in context: CheckContext) throws(RuleError.Problem) {
        field = try context.field(of: check)
        switch (check.ranges, check.rangesFrom) {
        case (let ranges?, let source):
            var closed: [ClosedRange<Int64>] = []
            for (index, pair) in ranges.enumerated() {
                guard pair.count == 2, pair[0] <= pair[1] else {
                    throw RuleError.Problem(
                        path: "check.ranges[\(index)]",
                        reason: LocalizedText(
                            en: "a range is [from, to] with from ≤ to, found \(pair)",
                            nb: "et område er [fra, til] med fra ≤ til, men er \(pair)"))
                }
                closed.append(pair[0]...pair[1])
            }
            guard !closed.isEmpty else {
                throw RuleError.Problem(
                    path: "check.ranges",
                    reason: LocalizedText(en: "give at least one range", nb: "oppgi minst ett område"))
            }
            self.ranges = source.map { .both(closed, $0) } ?? .fixed(closed)
        case (nil, let source?):
            self.ranges = .model(source)
        default:
            throw RuleError.Problem(
                path: "check",
                reason: LocalizedText(
                    en: "an 'in-ranges' check needs 'ranges', 'rangesFrom' or both",
                    nb: "en 'in-ranges'-kontroll må ha 'ranges', 'rangesFrom' eller begge"))
        }
    }

    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> CheckFailure<Variable>? {
        guard let number = field.integer(dataset, record) else { return nil }
        let resolved = Self.resolve(ranges, in: dataset)
        if resolved.ranges.contains(where: { $0.contains(number) }) { return nil }
        return CheckFailure {
            switch $0 {
            case .value: String(number)
            case .ranges: resolved.text[language]
            case .series: resolved.name[language]
            }
        }
    }
}
