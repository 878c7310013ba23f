import LedgerLintText

/// A fix plan that cannot be made as asked: nothing is written (exit 2).
public enum FixPlanError: LocalizedMessageError, Sendable, Hashable {
    /// `--series` names numbers outside every customer number series PowerOffice has.
    case seriesOutside(requested: ClosedRange<Int64>, available: [ClosedRange<Int64>])
    /// The plan's folder exists and holds files.
    case folderNotEmpty(path: String)
    /// Writing the plan's files failed.
    case writeFailed(path: String, reason: LocalizedText)

    /// One of every case, for the test that every message is in both languages.
    static let samples: [FixPlanError] = [
        .seriesOutside(requested: 50000...59999, available: [10000...19999]),
        .folderNotEmpty(path: "plan"),
        .writeFailed(path: "plan", reason: LocalizedText(en: "disk full", nb: "disken er full")),
    ]

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .seriesOutside(let requested, let available):
            let series = available.map(FixPlanWords.range).joined(separator: ", ")
            return LocalizedText(
                en: "--series \(FixPlanWords.range(requested)) is not inside a customer number series in PowerOffice "
                    + "(it has \(series)); add that series first under Innstillinger > Reskontro > Nummerserier, "
                    + "then fetch again",
                nb: "--series \(FixPlanWords.range(requested)) ligger ikke innenfor en kundenummerserie i PowerOffice "
                    + "(den har \(series)); legg til serien først under Innstillinger > Reskontro > Nummerserier, "
                    + "og hent på nytt")[language]
        case .folderNotEmpty(let path):
            return LocalizedText(
                en: "\(path): the plan's folder is not empty; name a new or empty folder with --out",
                nb: "\(path): mappen for planen er ikke tom; oppgi en ny eller tom mappe med --out")[language]
        case .writeFailed(let path, let reason):
            return LocalizedText(
                en: "\(path): cannot write the plan: \(reason.en); nothing was written",
                nb: "\(path): kan ikke skrive planen: \(reason.nb); ingenting ble skrevet")[language]
        }
    }
}
