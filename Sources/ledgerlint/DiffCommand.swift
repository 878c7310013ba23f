import Foundation
import LedgerLintCore
import LedgerLintText

/// `ledgerlint diff OLD NEW`: what changed between two runs, each a JSON report of `check` or a snapshot folder
/// (checked first, as `check` would with the same `--rules` and `--config`); fails on new findings.
struct DiffCommand {
    var old: String
    var new: String
    var format: DiffReporter.Format
    var failOn: FailThreshold
    var common: CommonOptions
    var configPath: String?
    var environment: [String: String]

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.diff)
        format = try arguments.choice("--format", as: DiffReporter.Format.self) ?? .text
        failOn = try arguments.choice("--fail-on", as: FailThreshold.self) ?? .error
        configPath = try arguments.value("--config")
        common = try CommonOptions(&arguments, environment: environment)
        let positionals = try arguments.positionals()
        guard positionals.count == 2 else { throw UsageError.twoRunsNeeded(given: positionals) }
        (old, new) = (positionals[0], positionals[1])
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        let options = CheckRun.Options(
            snapshot: "", rules: common.rules, language: common.language, configPath: configPath,
            today: CheckCommand.today(Date(), environment: environment))
        let diff = try FindingDiff(
            old: try await CheckRun.compared(at: old, checking: options),
            new: try await CheckRun.compared(at: new, checking: options), oldName: old, newName: new)
        Console.output(DiffReporter.render(diff, format: format, language: common.language))
        return diff.new.contains { failOn.counts($0.severity) } ? .findings : .clean
    }
}
