import Foundation
import LedgerLintCore
import LedgerLintText

/// `ledgerlint fix-plan <snapshot> --out DIR`: asks `CheckRun` for the check and the plan that fixes its findings,
/// writes the plan's files, prints the dry run's summary and maps the result to an exit code.
struct FixPlanCommand {
    var snapshot: String
    var out: String
    var series: ClosedRange<Int64>?
    var format: Format
    var failOn: FailThreshold
    var common: CommonOptions
    var configPath: String?
    var live: PowerOfficeOptions?
    var environment: [String: String]

    /// What the summary on stdout is written as.
    enum Format: String, CaseIterable {
        case text
        case json
    }

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.fixPlan)
        format = try arguments.choice("--format", as: Format.self) ?? .text
        failOn = try arguments.choice("--fail-on", as: FailThreshold.self) ?? .error
        configPath = try arguments.value("--config")
        let out = try arguments.value("--out")
        series = try arguments.value("--series").map(Self.series)
        live = try PowerOfficeOptions.live(&arguments)
        common = try CommonOptions(&arguments, environment: environment)
        snapshot = try arguments.snapshot()
        // After every option is read, so that a misspelt `--out` is named as such.
        guard let out else { throw UsageError.planFolderMissing }
        self.out = out
        self.environment = environment
    }

    /// `50000-59999` (spaces, and an en dash for the hyphen, allowed).
    static func series(_ text: String) throws(UsageError) -> ClosedRange<Int64> {
        let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Int64(parts[0].trimmingCharacters(in: .whitespaces)),
            let to = Int64(parts[1].trimmingCharacters(in: .whitespaces)), from >= 0, from <= to
        else { throw .notASeries(value: text) }
        return from...to
    }

    func run() async throws -> ExitCode {
        if ClientsRun.holdsClients(URL(fileURLWithPath: snapshot, isDirectory: true)) {
            throw UsageError.planNeedsOneClient(folder: snapshot)
        }
        let now = Date()
        let check = try CheckRun(
            CheckRun.Options(
                snapshot: snapshot, rules: common.rules, language: common.language, configPath: configPath,
                today: CheckCommand.today(now, environment: environment)))
        try OutputFiles(targets: [.init(option: "--out \(out)", path: out)])
            .check(against: check.inputs + [live?.credentialsFile].compactMap { $0 })
        let liveSource: CheckRun.LiveSource? = live.map { live in
            let environment = environment
            return {
                Interrupts.handle()
                return try await live.fetch(environment: environment)
            }
        }
        let plan = try await check.fixPlan(requestedSeries: series, live: liveSource)
        try FixPlanWriter.write(try FixPlanFiles.render(plan), to: URL(fileURLWithPath: out))
        Console.diagnostic(
            LocalizedText(
                en: "wrote the plan to \(out): \(FixPlanFiles.steps) to work through, \(FixPlanFiles.plan) and the imports",
                nb: "skrev planen til \(out): \(FixPlanFiles.steps) å gå gjennom, \(FixPlanFiles.plan) og importfilene"))

        switch format {
        case .text: Console.output(FixPlanSteps.summaryLine(plan) + "\n")
        case .json: Console.output(String(decoding: try FixPlanFiles.summaryDocument(plan), as: UTF8.self))
        }
        guard plan.dryRun.new.isEmpty else {
            for finding in plan.dryRun.new {
                Console.diagnostic(
                    LocalizedText(
                        en: "the plan causes a new finding, so it is wrong: [\(finding.rule)] \(finding.message)",
                        nb: "planen gir et nytt funn, så den er feil: [\(finding.rule)] \(finding.message)"))
            }
            return .findings
        }
        return plan.fixesAll(atOrAbove: failOn) ? .clean : .findings
    }
}
