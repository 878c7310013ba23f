/// Counts of findings by severity.
public struct Summary: Sendable, Hashable, Codable {
    public var error: Int
    public var warning: Int
    public var info: Int

    public init(_ findings: some Sequence<Finding>) {
        var counts: [Severity: Int] = [:]
        for finding in findings { counts[finding.severity, default: 0] += 1 }
        error = counts[.error] ?? 0
        warning = counts[.warning] ?? 0
        info = counts[.info] ?? 0
    }

    public var total: Int { error + warning + info }

    /// The counts of both together.
    public static func + (lhs: Summary, rhs: Summary) -> Summary {
        var sum = lhs
        sum.error += rhs.error
        sum.warning += rhs.warning
        sum.info += rhs.info
        return sum
    }

    public func count(of severity: Severity) -> Int {
        switch severity {
        case .error: error
        case .warning: warning
        case .info: info
        }
    }
}
