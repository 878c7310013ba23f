/// The result of comparing a run with a baseline: what was already known, and what has been fixed since.
public struct BaselineComparison: Sendable, Hashable, Codable {
    /// Findings present in the baseline too: not shown or counted.
    public var unchanged: [Finding]
    /// Baseline entries no longer found: fixed since the baseline was written.
    public var fixed: [BaselineEntry]

    public init(unchanged: [Finding], fixed: [BaselineEntry]) {
        self.unchanged = unchanged
        self.fixed = fixed
    }
}
