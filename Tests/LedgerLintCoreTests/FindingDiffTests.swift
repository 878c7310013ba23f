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
        let checked = try await CheckRun.compared(at: demo.path, checking: options)
        let report = try await CheckRun(CheckRun.Options(snapshot: demo.path, rules: try RuleSet.builtIn(), today: "2026-12-01"))
            .run().report
        let file = scratch.url("report", extension: "json")
        try Data(JSONReporter().render(report).utf8).write(to: file)
        let read = try await CheckRun.compared(at: file.path, checking: options)
        #expect(read == checked)
        #expect(read == .one(report.findings))
        #expect(report.findings.count == 18)
    }

    @Test func aReportOfManyClientsIsReadBackAndAFolderOfClientsIsCheckedFirst() async throws {
        let options = try ClientsRunTests.options(ClientsRunTests.bureau)
        let checked = try await CheckRun.compared(at: ClientsRunTests.bureau.path, checking: options)
        let report = try await ClientsRunTests.sample(.en)
        let file = scratch.url("report", extension: "json")
        try Data(JSONReporter().render(report).utf8).write(to: file)
        let read = try await CheckRun.compared(at: file.path, checking: options)
        guard case .clients(let clients) = read, case .clients(let folders) = checked else {
            Issue.record("not read as many clients: \(read), \(checked)")
            return
        }
        #expect(clients.map(\.folder) == ["fjordlys", "havbris", "nordlys"])
        #expect(clients.map { $0.findings?.count } == [18, 5, nil])
        // The same findings, whichever way they came; paths aside, which the sample gives as from the root.
        #expect(clients.prefix(2).map { $0.findings?.map(\.key) } == folders.map { $0.findings?.map(\.key) })
    }

    /// Two runs of many clients: one fixed and one new at fjordlys, havbris unchanged, nordlys could not be checked
    /// in NEW, sorlys could not be checked in OLD, kystlys new to the bureau, and vestlys gone from it.
    static var clientsDiff: FindingDiff {
        get throws {
            let old = ComparedRun.clients([
                .init(folder: "fjordlys", name: "Fjordlys Regnskap AS", findings: Array(Self.old.prefix(2))),
                .init(folder: "havbris", name: "Havbris Eiendom AS", findings: [Self.old[2]]),
                .init(folder: "nordlys", name: "Nordlys AS", findings: [Self.old[3]]),
                .init(folder: "sorlys", name: "Sørlys AS", findings: nil),
                .init(folder: "vestlys", name: "Vestlys AS", findings: [Self.old[0]]),
            ])
            let new = ComparedRun.clients([
                .init(folder: "fjordlys", name: "Fjordlys Regnskap AS", findings: [Self.new[0], Self.new[2]]),
                .init(folder: "havbris", name: "Havbris Eiendom AS", findings: [Self.old[2]]),
                .init(folder: "kystlys", name: "Kystlys AS", findings: [Self.new[1]]),
                .init(folder: "nordlys", name: "Nordlys AS", findings: nil),
                .init(folder: "sorlys", name: "Sørlys AS", findings: [Self.new[1]]),
            ])
            return try FindingDiff(old: old, new: new, oldName: "old.json", newName: "clients")
        }
    }

    @Test func runsOfManyClientsAreComparedClientByClient() throws {
        let diff = try Self.clientsDiff
        #expect(diff.clients.map(\.folder) == ["fjordlys", "havbris", "kystlys", "nordlys", "sorlys", "vestlys"])
        #expect(diff.clients.map(\.status) == [.compared, .compared, .onlyInNew, .failedInNew, .failedInOld, .onlyInOld])
        #expect(diff.clients.map { $0.diff.map { [$0.new.count, $0.fixed.count, $0.unchanged.count] } }
            == [[1, 1, 1], [0, 0, 1], [1, 0, 0], nil, nil, nil])
        #expect(DiffReporter.headline(diff, .en) == "+2 new −1 fixed 2 unchanged")
        #expect(throws: DiffError.oneAgainstMany(one: "demo", many: "clients")) {
            try FindingDiff(old: .one([]), new: .clients([]), oldName: "demo", newName: "clients")
        }
    }

    @Test(arguments: DiffReporter.Format.allCases, [Language.en, .nb])
    func everyFormatOfManyClientsMatchesItsGoldenFile(format: DiffReporter.Format, language: Language) throws {
        let name = "diff-clients-\(language.rawValue).\(format == .markdown ? "md" : format.rawValue == "text" ? "txt" : "json")"
        golden.assertText(DiffReporter.render(try Self.clientsDiff, format: format, language: language), matches: name)
    }

    @Test func aFileThatIsNoReportIsRefusedSayingWhatItShouldBe() async throws {
        let file = scratch.url("baseline", extension: "json")
        try Baseline(findings: Self.old).encoded().write(to: file)
        let options = CheckRun.Options(snapshot: "", rules: try RuleSet.builtIn(), today: "2026-12-01")
        do {
            _ = try await CheckRun.compared(at: file.path, checking: options)
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
            _ = try await CheckRun.compared(at: file.path, checking: options)
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
