/// New customer numbers, in ascending order inside one customer number series, never one already used and never
/// the same twice.
public struct NumberAllocator: Sendable, Hashable {
    /// One of PowerOffice's customer number series, as the plan chooses among them.
    public struct Series: Sendable, Hashable {
        public var range: ClosedRange<Int64>
        public var name: String?
        public var isDefault: Bool

        public init(range: ClosedRange<Int64>, name: String? = nil, isDefault: Bool) {
            self.range = range
            self.name = name
            self.isDefault = isDefault
        }
    }

    public let series: ClosedRange<Int64>
    private var used: Set<Int64>
    private var next: Int64?

    /// - Parameter used: every number already taken, in Assist (exported or not) and in PowerOffice.
    public init(series: ClosedRange<Int64>, used: Set<Int64>) {
        self.series = series
        self.used = used
        next = series.lowerBound
    }

    /// The lowest number of the series not yet used or handed out; `nil` when the series is full.
    public mutating func take() -> Int64? {
        while let candidate = next {
            next = candidate < series.upperBound ? candidate + 1 : nil
            if used.insert(candidate).inserted { return candidate }
        }
        return nil
    }

    /// How many numbers of `range` are not in `used`.
    public static func free(in range: ClosedRange<Int64>, used: Set<Int64>) -> Int64 {
        // Counted without `range.count`, which traps for a series wider than Int64 (a snapshot may say anything).
        let (span, overflow) = range.upperBound.subtractingReportingOverflow(range.lowerBound)
        let size = overflow || span == .max ? Int64.max : span + 1
        return size - Int64(used.lazy.filter(range.contains).count)
    }

    /// The series new numbers come from: `requested` (`--series`), which must lie inside one of `available`; else
    /// the non-default series with the most free numbers; else the default series with the most (the first on a tie).
    public static func choose(
        requested: ClosedRange<Int64>?, available: [Series], used: Set<Int64>
    ) throws(FixPlanError) -> ClosedRange<Int64> {
        if let requested {
            guard available.contains(where: { $0.range.contains(requested.lowerBound) && $0.range.contains(requested.upperBound) })
            else {
                throw .seriesOutside(requested: requested, available: available.map(\.range))
            }
            return requested
        }
        let pool = available.contains { !$0.isDefault } ? available.filter { !$0.isDefault } : available
        var best: (range: ClosedRange<Int64>, free: Int64)? = nil
        for series in pool {
            let free = free(in: series.range, used: used)
            if best == nil || free > best!.free { best = (series.range, free) }
        }
        return best?.range ?? Dataset.defaultCustomerSeries
    }
}
