import Foundation
import LedgerLintTestSupport
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// `diff`: findings matched as a baseline matches them, and the change said as text, JSON and Markdown.
@Suite struct FindingDiffTests {
    let scratch = Scratch()

    static func finding(_ rule: String, _ key: String, _ message: String = "m", severity: Severity = .error) -> Finding {
        Finding(
            rule: rule, severity: severity, message: message, hint: "h", system: .assist, entity: .customer, key: key,
            location: SourceLocation(file: "assist/customers.csv", line: 2))
    }

    static let old = [
        finding("customer-number-range", "5020", "outside"), finding("customer-email-invalid", "10003"),
        finding("customer-ehf-manual", "10002", severity: .warning), finding("customer-ehf-manual", "10002", severity: .warning),
    ]
    static let new = [
        // The same finding in other words: unchanged.
        finding("customer-number-range", "5020", "utenfor serien"),
        finding("customer-ehf-manual", "10002", severity: .warning),
        finding("customer-email-missing", "10001", "no e-mail"),
    ]

    @Test func findingsAreMatchedByIdentityEachOccurrenceOnce() {
        let diff = FindingDiff(old: Self.old, new: Self.new)
        #expect(diff.new.map(\.key) == ["10001"])
        #expect(diff.fixed.map(\.rule) == ["customer-email-invalid", "customer-ehf-manual"])
        #expect(diff.unchanged.map(\.message) == ["utenfor serien", "m"])
        #expect(diff.byRule.map(\.rule) == ["customer-ehf-manual", "customer-email-invalid", "customer-email-missing", "customer-number-range"])
        #expect(diff.byRule.map { [$0.new, $0.fixed, $0.unchanged] } == [[0, 1, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1]])
    }

    @Test(arguments: DiffReporter.Format.allCases, [Language.en, .nb])
    func everyFormatMatchesItsGoldenFile(format: DiffReporter.Format, language: Language) {
        let diff = FindingDiff(old: Self.old, new: Self.new)
        let name = "diff-\(language.rawValue).\(format == .markdown ? "md" : format.rawValue == "text" ? "txt" : "json")"
        golden.assertText(DiffReporter.render(diff, format: format, language: language), matches: name)
    }

    @Test func aJSONReportIsReadBackAndASnapshotFolderIsCheckedFirst() async throws {
        let demo = FixPlanTests.demo
        let options = CheckRun.Options(snapshot: "", rules: try RuleSet.builtIn(), today: "2026-12-01")
        let checked = try await CheckRun.findings(at: demo.path, checking: options)
        let report = try await CheckRun(CheckRun.Options(snapshot: demo.path, rules: try RuleSet.builtIn(), today: "2026-12-01"))
            .run().report
        let file = scratch.url("report", extension: "json")
        try Data(JSONReporter().render(report).utf8).write(to: file)
        let read = try await CheckRun.findings(at: file.path, checking: options)
        #expect(read == checked)
        #expect(read.count == 18)
    }

    @Test func aFileThatIsNoReportIsRefusedSayingWhatItShouldBe() async throws {
        let file = scratch.url("baseline", extension: "json")
        try Baseline(findings: Self.old).encoded().write(to: file)
        let options = CheckRun.Options(snapshot: "", rules: try RuleSet.builtIn(), today: "2026-12-01")
        do {
            _ = try await CheckRun.findings(at: file.path, checking: options)
            Issue.record("a baseline was read as a report")
        } catch let error as SavedFileError {
            #expect(error.message(.en) == "\(file.path): at findings: required, but missing (is this a file written by check --format json?)")
        }
    }

    @Test func aFileThatIsNoJSONAtAllSaysWhatItShouldBeToo() async throws {
        let file = scratch.url("notes", extension: "md")
        try Data("# Notes\n".utf8).write(to: file)
        let options = CheckRun.Options(snapshot: "", rules: try RuleSet.builtIn(), today: "2026-12-01")
        do {
            _ = try await CheckRun.findings(at: file.path, checking: options)
            Issue.record("Markdown was read as a report")
        } catch let error as SavedFileError {
            #expect(
                error.message(.en)
                    == "\(file.path):1:1: not valid JSON: unexpected '#'; expected a value "
                    + "(is this a file written by check --format json?)")
            #expect(error.message(.nb).hasSuffix("(er dette en fil skrevet av check --format json?)"))
        }
    }
}
