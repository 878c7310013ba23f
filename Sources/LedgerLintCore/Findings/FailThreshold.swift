/// The `--fail-on` level: the least severe finding that makes a run fail.
public enum FailThreshold: String, Sendable, Hashable, CaseIterable {
    case error
    case warning
    case info
    case never

    /// Whether findings with these counts fail the run.
    public func isMet(by summary: Summary) -> Bool {
        switch self {
        case .error: summary.error > 0
        case .warning: summary.error + summary.warning > 0
        case .info: summary.total > 0
        case .never: false
        }
    }

    /// Whether a finding of `severity` is at or above this level.
    public func counts(_ severity: Severity) -> Bool {
        switch self {
        case .error: severity == .error
        case .warning: severity != .info
        case .info: true
        case .never: false
        }
    }
}
