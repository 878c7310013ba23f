import Foundation
import LedgerLintCore
import Testing
@testable import LedgerLintText

/// `CheckRun` as a library user calls it, against the binary: the same snapshot gives the same report.
@Suite struct CheckRunTests {
    static let demo = CommandLineTests.demo

    @Test("a check of examples/demo through CheckRun finds what `ledgerlint check` finds", arguments: [Language.en, .nb])
    func sameFindingsAsTheBinary(language: Language) async throws {
        let check = try CheckRun(
            CheckRun.Options(snapshot: Self.demo, rules: try RuleSet.builtIn(), language: language, today: "2026-12-01"))
        var phases: [String] = []
        let outcome = try await check.run(phase: { phases.append($0) })
        #expect(outcome.report.findings.count == 18)
        #expect(outcome.warnings.isEmpty)
        #expect(outcome.baseline == nil)
        #expect(phases.first == "read configuration" && phases.count == 4, "\(phases)")

        let binary = try ledgerlint(
            "check", Self.demo, "--format", "json", "--lang", language.rawValue,
            environment: ["LEDGERLINT_TODAY": "2026-12-01"])
        #expect(binary.status == 1)
        #expect(OutputFormat.json.reporter(color: false).render(outcome.report) == binary.stdout)
    }

    @Test("inputs name every file of the snapshot, so that no report can be written over one")
    func inputsNameTheSnapshotFiles() throws {
        let check = try CheckRun(CheckRun.Options(snapshot: "examples/demo", rules: try RuleSet.builtIn(), today: "2026-12-01"))
        #expect(check.inputs.contains("examples/demo/assist/customers.csv"))
        #expect(check.inputs.contains("examples/demo/poweroffice/Customers.json"))
        #expect(check.inputs.contains("examples/demo/manifest.json"))
    }

    @Test("writeBaseline gives the baseline of the findings instead of writing it")
    func baselineAsAValue() async throws {
        let check = try CheckRun(
            CheckRun.Options(snapshot: Self.demo, rules: try RuleSet.builtIn(), writeBaseline: true, today: "2026-12-01"))
        let outcome = try await check.run()
        #expect(outcome.baseline == Baseline(findings: outcome.report.findings))
    }
}
