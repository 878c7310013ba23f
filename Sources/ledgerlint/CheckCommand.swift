import Foundation
import LedgerLintCore

/// `ledgerlint check <snapshot>`: read both systems, run the rules, write the report.
struct CheckCommand {
    var snapshot: String
    var format: OutputFormat
    var output: String?
    var failOn: FailThreshold
    var common: CommonOptions
    var environment: [String: String]

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        if arguments.flag("--help") || arguments.flag("-h") { throw HelpRequested(text: Usage.check) }
        format = try arguments.choice("--format", as: OutputFormat.self) ?? .text
        output = try arguments.value("--output")
        failOn = try arguments.choice("--fail-on", as: FailThreshold.self) ?? .error
        common = try CommonOptions(&arguments, environment: environment)
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let snapshot = positionals.first else {
            throw UsageError(
                positionals.isEmpty
                    ? "check needs a snapshot folder, for example: ledgerlint check examples/demo"
                    : "check takes one snapshot folder, got \(positionals.count): \(positionals.joined(separator: " "))")
        }
        self.snapshot = snapshot
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        var clock = PhaseClock(enabled: environment["LEDGERLINT_TIMINGS"] != nil)
        let data = try SnapshotReader.read(at: URL(fileURLWithPath: snapshot))
        clock.lap("read snapshot")
        let dataset = Dataset(data)
        clock.lap("derive model")
        let findings = common.rules.evaluate(dataset, language: common.language)
        clock.lap("evaluate \(common.rules.rules.count) rules (\(findings.count) findings)")
        let report = Report(findings: findings, rules: common.rules.rules, language: common.language, snapshot: snapshot)
        let color = format == .text && output == nil && Console.colorAllowed(environment: environment)
        try Console.write(format.reporter(color: color).render(report), to: output)
        clock.lap("write \(format.rawValue) report")
        return failOn.isMet(by: report.summary) ? .findings : .clean
    }
}
