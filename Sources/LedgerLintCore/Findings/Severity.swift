import LedgerLintText

/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, NamedCases, Comparable {
    case info
    case warning
    case error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The severity as a word for people: `error`, or `feil` in Norwegian (docs/glossary.md). Files and options
    /// (`--fail-on`, rule files) name severities by `rawValue`, in English.
    public var word: LocalizedText {
        switch self {
        case .error: LocalizedText(en: "error", nb: "feil")
        case .warning: LocalizedText(en: "warning", nb: "advarsel")
        case .info: LocalizedText(en: "info", nb: "info")
        }
    }

    /// The word for more than one: `errors`, `advarsler`.
    public var plural: LocalizedText {
        switch self {
        case .error: LocalizedText(en: "errors", nb: "feil")
        case .warning: LocalizedText(en: "warnings", nb: "advarsler")
        case .info: LocalizedText(en: "info", nb: "info")
        }
    }
}
