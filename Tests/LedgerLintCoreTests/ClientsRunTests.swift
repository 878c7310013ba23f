import Foundation
import LedgerLintTestSupport
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// A check of many clients (`ClientsRun`, `ClientsReport`): each client checked exactly as its folder alone, the
/// roll-up, failed clients, the configuration looked for per client, the baseline of many clients, and every
/// format's golden file (`Fixtures/Golden/clients/`) for `examples/bureau` and a client that could not be checked.
@Suite struct ClientsRunTests {
    static let bureau = FixPlanTests.root.appendingPathComponent("examples/bureau")
    let scratch = Scratch()

    static func options(_ folder: URL, language: Language = .en) throws -> CheckRun.Options {
        CheckRun.Options(
            snapshot: "", rules: try RuleSet.builtIn(), language: language, today: "2026-12-01",
            checkedAt: ReportTime.parse("2026-12-01T06:30:00Z"), workingDirectory: folder)
    }

    static func run(
        _ folder: URL, language: Language = .en, baseline: String? = nil, writeBaseline: Bool = false
    ) async throws -> (report: ClientsReport, failures: [(folder: String, error: any Error)], baseline: ClientsBaseline?) {
        let run = ClientsRun(
            .init(
                folder: folder.path, clients: try ClientsRun.clientFolders(in: folder),
                check: try options(folder, language: language), baselinePath: baseline, writeBaseline: writeBaseline))
        let (outcome, report) = try await run.report()
        #expect(outcome.rollUp == report.rollUp, "the roll-up built client by client is the one of every client")
        return (report, outcome.failures, outcome.baseline)
    }

    /// A copy of `examples/bureau` to change.
    func bureauCopy() throws -> URL {
        let copy = scratch.url("bureau")
        try FileManager.default.copyItem(at: Self.bureau, to: copy)
        return copy
    }

    @Test func aFolderOfClientsIsToldFromASnapshot() throws {
        #expect(ClientsRun.holdsClients(Self.bureau))
        #expect(!ClientsRun.holdsClients(FixPlanTests.demo))
        #expect(!ClientsRun.holdsClients(FixPlanTests.root.appendingPathComponent("docs")))
        let copy = try bureauCopy()
        // A fetch's staging folder, and a folder that is no snapshot, are not clients.
        try FileManager.default.createDirectory(
            at: copy.appendingPathComponent(".fjordlys.staging/poweroffice"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("reports"), withIntermediateDirectories: true)
        #expect(try ClientsRun.clientFolders(in: copy).map(\.folder) == ["fjordlys", "havbris"])
    }

    @Test func eachClientIsCheckedExactlyAsItsFolderAlone() async throws {
        let outcome = try await Self.run(Self.bureau)
        #expect(outcome.failures.isEmpty)
        #expect(outcome.report.clients.map(\.name) == ["Fjordlys Regnskap AS", "Havbris Eiendom AS"])
        for client in outcome.report.clients {
            var options = try Self.options(Self.bureau)
            options.snapshot = Self.bureau.appendingPathComponent(client.folder).path
            let alone = try await CheckRun(options).run().report
            #expect(client.report == alone, "\(client.folder)")
        }
        let counts = outcome.report.rollUp.rows.map { [$0.found?.error, $0.found?.warning, $0.found?.info] }
        #expect(counts == [[13, 4, 1], [2, 0, 3]])
        #expect(outcome.report.summary.total == 23)
        #expect(outcome.report.rollUp.totalLine == "2 clients: 15 errors, 4 warnings, 4 info")
    }

    @Test func aClientThatCannotBeReadIsReportedAndTheOthersAreChecked() async throws {
        let copy = try bureauCopy()
        // Fetched, but no Assist export yet.
        let broken = copy.appendingPathComponent("nordlys/poweroffice")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        let outcome = try await Self.run(copy)
        #expect(outcome.report.clients.map(\.folder) == ["fjordlys", "havbris", "nordlys"])
        #expect(outcome.report.clients.compactMap(\.report).count == 2)
        #expect(outcome.failures.map(\.folder) == ["nordlys"])
        #expect(outcome.failures.first?.error is InputError)
        let reason = try #require(outcome.report.clients.first { $0.report == nil }?.result.failure)
        #expect(reason.contains("nordlys"))
        #expect(outcome.report.rollUp.totalLine.hasSuffix("; 1 could not be checked"))
    }

    @Test func aClientsOwnConfigurationComesFirstThenTheFoldersThenTheDefaults() async throws {
        let copy = try bureauCopy()
        let off = #"{"rules": {"product-code-orphan": {"enabled": false}}}"#
        let warn = #"{"rules": {"customer-email-missing": {"severity": "warning"}}}"#
        try Data(off.utf8).write(to: copy.appendingPathComponent("ledgerlint.json"))
        try Data(warn.utf8).write(to: copy.appendingPathComponent("havbris/ledgerlint.json"))
        let outcome = try await Self.run(copy)
        let fjordlys = try #require(outcome.report.clients[0].report)
        let havbris = try #require(outcome.report.clients[1].report)
        // fjordlys has none of its own: the folder's turns the orphan rule off.
        #expect(!fjordlys.findings.contains { $0.rule == "product-code-orphan" })
        // havbris has its own, which replaces the folder's: orphans are back, and the missing e-mail is a warning.
        #expect(havbris.findings.filter { $0.rule == "product-code-orphan" }.count == 3)
        #expect(havbris.findings.first { $0.rule == "customer-email-missing" }?.severity == .warning)
    }

    @Test func theBaselineOfManyClientsCountsOnlyWhatIsNewPerClient() async throws {
        let copy = try bureauCopy()
        let written = try #require(try await Self.run(copy, writeBaseline: true).baseline)
        #expect(written.clients.map(\.folder) == ["fjordlys", "havbris"])
        #expect(written.clients.map(\.entries.count) == [18, 5])
        let file = scratch.url("baseline", extension: "json")
        try written.encoded().write(to: file)

        // A new problem at havbris, and a client new to the bureau, which the baseline does not name.
        let customers = copy.appendingPathComponent("havbris/assist/customers.csv")
        let text = try String(contentsOf: customers, encoding: .utf8)
        try Data((text + "10009;Ny Kunde AS;;ny@kunde;E-post;Ja\r\n").utf8).write(to: customers)
        try FileManager.default.copyItem(
            at: copy.appendingPathComponent("havbris"), to: copy.appendingPathComponent("kystlys"))

        let outcome = try await Self.run(copy, baseline: file.path)
        let rows = outcome.report.rollUp.rows
        #expect(rows.map(\.folder) == ["fjordlys", "havbris", "kystlys"])
        #expect(rows.map(\.new) == [0, 1, 6])
        #expect(rows.map { $0.found?.total } == [18, 6, 6])
        #expect(outcome.report.rollUp.totalLine == "3 clients: 19 errors, 4 warnings, 7 info; 7 new")
    }

    @Test func oneClientsBaselineIsNotTakenForABureausOrTheOtherWayRound() async throws {
        let single = scratch.url("single", extension: "json")
        try Baseline(findings: []).encoded().write(to: single)
        await #expect {
            _ = try await Self.run(Self.bureau, baseline: single.path)
        } throws: { error in
            (error as? SavedFileError)?.message(.en).contains("written by --write-baseline of a check of many clients")
                == true
        }
        let many = scratch.url("many", extension: "json")
        try ClientsBaseline([]).encoded().write(to: many)
        #expect(throws: SavedFileError.self) { try Baseline.load(from: many) }
    }

    // MARK: Golden files

    /// `examples/bureau` as if checked from the repository's root, and a third client that could not be checked.
    static func sample(_ language: Language) async throws -> ClientsReport {
        var report = try await run(bureau, language: language).report
        report.folder = "examples/bureau"
        for index in report.clients.indices {
            guard var single = report.clients[index].report else { continue }
            single.snapshot = "examples/bureau/" + report.clients[index].folder
            report.clients[index].result = .checked(single)
        }
        let reason = InputError.fileMissing(
            path: "examples/bureau/nordlys/assist/customers.csv",
            expected: LocalizedText(en: "the Assist customer export", nb: "Assist-kundeeksporten"))
        report.clients.append(
            .init(name: "Nordlys AS", folder: "nordlys", result: .failed(reason: reason.message(language))))
        return report
    }

    static let formats: [(format: OutputFormat, fileExtension: String)] = [
        (.text, "txt"), (.json, "json"), (.junit, "xml"), (.sarif, "json"), (.github, "txt"), (.markdown, "md"),
        (.html, "html"), (.csv, "csv"),
    ]

    @Test(arguments: formats, Language.allCases)
    func everyFormatMatchesItsGoldenFile(_ format: (format: OutputFormat, fileExtension: String), language: Language)
        async throws
    {
        let output = format.format.reporter(color: false).render(try await Self.sample(language))
        let name = "clients/\(format.format.rawValue)-\(language.rawValue).\(format.fileExtension)"
        switch format.format {
        case .html: golden.assertHTML(output, matches: name, css: HTMLReporter.css, javaScript: HTMLReporter.script)
        case .json, .sarif: golden.assertJSON(output, matches: name)
        default: golden.assertText(output, matches: name)
        }
    }

    @Test func theSARIFOfManyClientsIsValidAndKeepsEachClientInItsOwnCategory() async throws {
        let output = SarifReporter().render(try await Self.sample(.en))
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
        let errors = try ReportFormatTests.sarifSchema().errors(in: value)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let runs = try #require(log["runs"] as? [[String: Any]])
        let ids = runs.compactMap { ($0["automationDetails"] as? [String: Any])?["id"] as? String }
        #expect(ids == ["ledgerlint/fjordlys/", "ledgerlint/havbris/", "ledgerlint/nordlys/"])
        #expect(runs.map { ($0["results"] as? [Any])?.count } == [18, 5, 0])
    }

    @Test func theJSONOfManyClientsHoldsEachClientsFindingsAsItsOwnReportDoes() async throws {
        let report = try await Self.sample(.en)
        let output = JSONReporter().render(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let clients = try #require(document["clients"] as? [[String: Any]])
        for (client, record) in zip(report.clients, clients) {
            #expect(record["folder"] as? String == client.folder)
            guard let single = client.report else {
                #expect(record["error"] is String)
                #expect(record["findings"] == nil)
                continue
            }
            let alone = try #require(
                try JSONSerialization.jsonObject(with: Data(JSONReporter().render(single).utf8)) as? [String: Any])
            #expect(NSArray(array: record["findings"] as? [Any] ?? []) == NSArray(array: alone["findings"] as? [Any] ?? []))
        }
        #expect((document["summary"] as? [String: Any])?["total"] as? Int == 23)
    }

    @Test func junitSuitesAreOnePerClientNamedByFolder() async throws {
        let output = JUnitReporter().render(try await Self.sample(.en))
        let suites = output.components(separatedBy: "<testsuite name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(suites == ["fjordlys", "havbris", "nordlys"])
        #expect(output.contains("classname=\"ledgerlint.havbris.customer-email-missing\""))
        #expect(output.contains("<error type=\"unreadable\""))
    }
}
