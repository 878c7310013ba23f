import LedgerLintText

/// The ranges of `in-ranges` checks: resolved once per dataset, named in messages for where they come from, and
/// checked against the data before any rule runs.
extension InRangesCheck {
    /// The check with ranges that come from the model resolved for one dataset, so that evaluation does not
    /// resolve (or intersect, or name, or write out) them again for every record.
    func resolved(in dataset: Dataset) -> InRangesCheck {
        InRangesCheck(field: field, ranges: .resolved(Self.resolve(ranges, in: dataset)))
    }

    /// The numbers a check accepts in a dataset, and how a message names them: the configuration's ranges are
    /// called the configuration's, not PowerOffice's (`{series}`).
    static func resolve(_ ranges: Ranges, in dataset: Dataset) -> Resolution {
        switch ranges {
        case .resolved(let resolution):
            return resolution
        case .fixed(let fixed):
            let text = list(fixed.sorted { $0.lowerBound < $1.lowerBound })
            return Resolution(
                fixed, name: LocalizedText(en: "the configured ranges \(text)", nb: "de konfigurerte områdene \(text)"))
        case .model(let source):
            let series = source.ranges(in: dataset)
            return Resolution(series, name: source.name(of: series))
        case .both(let fixed, let source):
            let series = source.ranges(in: dataset)
            let inside = intersection(fixed, series)
            let configured = fixed.sorted { $0.lowerBound < $1.lowerBound }
            let numbers = source.numbers
            let own = LocalizedText(
                en: "the configured \(numbers.en) \(list(configured))",
                nb: "de konfigurerte \(numbers.nb) \(list(configured))")
            guard inside != configured else { return Resolution(inside, name: own) }
            // Partly outside the model's series: say both, since a number in the configured part outside the
            // series fails too.
            let model = source.name(of: series)
            return Resolution(
                inside, name: LocalizedText(en: "\(own.en) inside \(model.en)", nb: "\(own.nb) innenfor \(model.nb)"))
        }
    }

    /// Why the check's ranges cannot be used with a dataset: configured ranges that lie wholly outside the model's
    /// series, so that every record would fail for the configuration's sake (`DatasetLimitedCheck`).
    func rangesProblem(in dataset: Dataset) -> (configured: String, model: LocalizedText)? {
        guard case .both(let fixed, let source) = ranges else { return nil }
        let series = source.ranges(in: dataset)
        guard Self.intersection(fixed, series).isEmpty else { return nil }
        return (Self.list(fixed.sorted { $0.lowerBound < $1.lowerBound }), source.name(of: series))
    }

    /// The numbers inside one of `lhs` and one of `rhs`, as sorted ranges.
    static func intersection(_ lhs: [ClosedRange<Int64>], _ rhs: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var result: [ClosedRange<Int64>] = []
        for left in lhs {
            for right in rhs where left.overlaps(right) {
                result.append(max(left.lowerBound, right.lowerBound)...min(left.upperBound, right.upperBound))
            }
        }
        return result.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// `10000–19999, 30000–39999`, or `none` (a model with no series).
    static func describe(_ ranges: [ClosedRange<Int64>]) -> LocalizedText {
        ranges.isEmpty ? LocalizedText(en: "none", nb: "ingen") : LocalizedText(verbatim: list(ranges))
    }

    /// `10000–19999, 30000–39999`: ranges that are there, which need no words.
    static func list(_ ranges: [ClosedRange<Int64>]) -> String {
        ranges.map { "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
    }
}

extension InRangesCheck.Resolution {
    /// `ranges`, named `name`, and written out once for every message that shows them.
    convenience init(_ ranges: [ClosedRange<Int64>], name: LocalizedText) {
        self.init(ranges: ranges, name: name, text: InRangesCheck.describe(ranges))
    }
}

extension RangeSource {
    /// The ranges this source gives in a dataset.
    func ranges(in dataset: Dataset) -> [ClosedRange<Int64>] {
        switch self {
        case .customerNumberSeries: dataset.customerNumberSeries
        }
    }

    /// How messages name the source's ranges: `PowerOffice's customer number series (10000–19999)`.
    func name(of ranges: [ClosedRange<Int64>]) -> LocalizedText {
        let text = InRangesCheck.describe(ranges)
        switch self {
        case .customerNumberSeries:
            return LocalizedText(
                en: "PowerOffice's customer number series (\(text.en))",
                nb: ranges.count == 1
                    ? "kundenummerserien i PowerOffice (\(text.nb))" : "kundenummerseriene i PowerOffice (\(text.nb))")
        }
    }

    /// What the numbers are, for configured ranges inside the source's: `customer numbers`.
    var numbers: LocalizedText {
        switch self {
        case .customerNumberSeries: LocalizedText(en: "customer numbers", nb: "kundenumrene")
        }
    }
}
