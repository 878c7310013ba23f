import LedgerLintText

/// Something a check run says about its configuration without stopping: a suppression that no longer does anything.
public enum CheckWarning: Sendable, Hashable {
    /// The suppression's `expires` day has passed; the finding counts again.
    case suppressionExpired(configuration: String, suppression: String, expires: String)
    /// The suppression hid no finding.
    case suppressionUnused(configuration: String, suppression: String)

    /// The warning's line, without the `ledgerlint: ` in front.
    public var message: LocalizedText {
        switch self {
        case .suppressionExpired(let configuration, let suppression, let expires):
            return LocalizedText(
                en: "warning: \(configuration): the suppression of \(suppression) expired on \(expires) and no "
                    + "longer applies",
                nb: "advarsel: \(configuration): unntaket for \(suppression) gikk ut \(expires) og gjelder ikke "
                    + "lenger")
        case .suppressionUnused(let configuration, let suppression):
            return LocalizedText(
                en: "warning: \(configuration): the suppression of \(suppression) matched no finding; remove it "
                    + "if the problem is fixed",
                nb: "advarsel: \(configuration): unntaket for \(suppression) traff ingen funn; fjern det hvis "
                    + "problemet er rettet")
        }
    }

    /// The expired suppressions, then the unused ones, each in the configuration's order.
    static func warnings(about suppression: SuppressionResult, in configuration: Configuration) -> [CheckWarning] {
        suppression.expired.map {
            .suppressionExpired(configuration: configuration.path, suppression: $0.label, expires: $0.expires ?? "?")
        } + suppression.unused.map { .suppressionUnused(configuration: configuration.path, suppression: $0.label) }
    }
}
