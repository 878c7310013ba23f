import Foundation
import LedgerLintCore
import LedgerLintText
import LedgerLintTestSupport
import Testing

/// `ledgerlint check DIR` where `DIR` holds a folder per client, as a bureau runs it: the roll-up, the exit codes,
/// a client that cannot be read, the baseline of many clients, and what is refused.
@Suite struct BureauCheckTests {
    let scratch = Scratch()

    @Test func everyClientIsCheckedAndTheRollUpCloses() throws {
        let run = try ledgerlint("check", CommandLineTests.bureau, "--lang", "en")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("== Fjordlys Regnskap AS (fjordlys) ==\n\n"))
        #expect(run.stdout.contains("\n== Havbris Eiendom AS (havbris) ==\n\n"))
        #expect(run.stdout.hasSuffix("""

            Client                Errors  Warnings  Info
            Fjordlys Regnskap AS      13         4     1
            Havbris Eiendom AS         2         0     3
            2 clients: 15 errors, 4 warnings, 4 info

            """), "\(run.stdout)")
        #expect(run.stderr.isEmpty, "no progress line when stderr is not a terminal: \(run.stderr)")
        #expect(try ledgerlint("check", CommandLineTests.bureau, "--fail-on", "never").status == 0)
    }

    @Test func aClientThatCannotBeReadFailsTheRunAtTheEndAndTheOthersAreReported() throws {
        let bureau = try scratch.copy(of: CommandLineTests.bureau, as: "bureau")
        try FileManager.default.removeItem(at: bureau.appendingPathComponent("havbris/assist/customers.csv"))
        let report = bureau.appendingPathComponent("report.json")
        let run = try ledgerlint("check", bureau.path, "--lang", "en", "--report", "json=\(report.path)")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.contains("== Havbris Eiendom AS (havbris) ==\n\ncould not be checked: "))
        #expect(run.stderr.hasPrefix("ledgerlint: havbris: could not be checked: "), "\(run.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let clients = try #require(object["clients"] as? [[String: Any]])
        #expect(clients.map { $0["folder"] as? String } == ["fjordlys", "havbris"])
        #expect((clients[0]["findings"] as? [Any])?.count == 18)
        #expect(clients[1]["error"] is String)
    }

    @Test func aBaselineOfManyClientsHidesWhatWasKnownAndTheRollUpCountsWhatIsNew() throws {
        let baseline = scratch.url("baseline", extension: "json")
        let written = try ledgerlint("check", CommandLineTests.bureau, "--write-baseline", baseline.path, "--lang", "en")
        #expect(written.status == 0)
        #expect(written.stderr == "ledgerlint: wrote a baseline of 23 findings of 2 clients to \(baseline.path)\n")
        let run = try ledgerlint("check", CommandLineTests.bureau, "--baseline", baseline.path, "--lang", "en")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("""
            Client                Errors  Warnings  Info  New
            Fjordlys Regnskap AS      13         4     1    0
            Havbris Eiendom AS         2         0     3    0
            2 clients: 15 errors, 4 warnings, 4 info; 0 new

            """), "\(run.stdout)")
        // One client's baseline is not a bureau's.
        let single = scratch.url("single", extension: "json")
        _ = try ledgerlint("check", CommandLineTests.demo, "--write-baseline", single.path)
        let refused = try ledgerlint("check", CommandLineTests.bureau, "--baseline", single.path, "--lang", "en")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("(is this a file written by --write-baseline of a check of many clients?)"))
    }

    @Test func whatLooksAtOneClientIsRefusedForMany() throws {
        let key = try ledgerlint("check", CommandLineTests.bureau, "--key", "10004", "--lang", "en")
        #expect(key.status == 2)
        #expect(key.stderr.hasPrefix("ledgerlint: --key explains one client's findings, and \(CommandLineTests.bureau) holds many"))
        let live = try ledgerlint("check", CommandLineTests.bureau, "--live", "--lang", "en")
        #expect(live.status == 2)
        #expect(live.stderr.hasPrefix("ledgerlint: --live on a folder of clients needs --clients FILE"))
        let snapshot = try ledgerlint(
            "check", CommandLineTests.demo, "--clients", CommandLineTests.bureau + "/clients.json", "--lang", "en")
        #expect(snapshot.status == 2)
        #expect(snapshot.stderr.hasPrefix("ledgerlint: --clients names the client folders of a bureau folder, and "))
        let plan = try ledgerlint("fix-plan", CommandLineTests.bureau, "--out", scratch.url("plan").path, "--lang", "en")
        #expect(plan.status == 2)
        #expect(plan.stderr.hasPrefix("ledgerlint: fix-plan plans the fixes of one client, and "), "\(plan.stderr)")
        // A report written over a client's export is refused before anything is read.
        let bureau = try scratch.copy(of: CommandLineTests.bureau, as: "bureau")
        let export = bureau.appendingPathComponent("havbris/assist/customers.csv")
        let before = try Data(contentsOf: export)
        let over = try ledgerlint("check", bureau.path, "--output", export.path, "--lang", "en")
        #expect(over.status == 2)
        #expect(over.stderr.contains("which this run reads"))
        #expect(try Data(contentsOf: export) == before)
    }

    /// The command line writes each client's part of every report as the client is checked and puts each report
    /// together at the end; that must give, byte for byte, what rendering every client's report at once gives.
    @Test(arguments: [Language.en, .nb])
    func reportsWrittenClientByClientAreTheReportsOfEveryClientAtOnce(language: Language) async throws {
        let bureau = try scratch.copy(of: CommandLineTests.bureau, as: "bureau")
        // A third client that cannot be checked: fetched, but no Assist export.
        try FileManager.default.createDirectory(
            at: bureau.appendingPathComponent("nordlys/poweroffice"), withIntermediateDirectories: true)
        let formats = OutputFormat.allCases
        let out = scratch.url("reports")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let reports = formats.dropFirst().flatMap { ["--report", "\($0.rawValue)=\(out.path)/\($0.rawValue)"] }
        let run = try ledgerlint(
            ["check", bureau.path, "--format", formats[0].rawValue, "--lang", language.rawValue] + reports,
            environment: ["LEDGERLINT_TODAY": "2026-12-01", "LEDGERLINT_NOW": "2026-12-01T06:30:00Z"])
        #expect(run.status == 2, "\(run.stderr)")

        let options = CheckRun.Options(
            snapshot: "", rules: try RuleSet.builtIn(), language: language, today: "2026-12-01",
            checkedAt: ReportTime.parse("2026-12-01T06:30:00Z"))
        let all = try await ClientsRun(
            .init(folder: bureau.path, clients: try ClientsRun.clientFolders(in: bureau), check: options)
        ).report().report
        #expect(all.clients.map(\.folder) == ["fjordlys", "havbris", "nordlys"])
        #expect(run.stdout == formats[0].reporter(color: false).render(all), "\(formats[0])")
        for format in formats.dropFirst() {
            // As bytes: reading the CSV as a string would drop its byte-order mark.
            let written = try Data(contentsOf: out.appendingPathComponent(format.rawValue))
            #expect(written == Data(format.reporter(color: false).render(all).utf8), "\(format)")
        }
        // Only the reports: no temporary file is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == formats.dropFirst().map(\.rawValue).sorted())
    }

    @Test func aReportThatCannotBeWrittenLeavesEveryOtherReportAsItWas() throws {
        let out = scratch.url("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let main = out.appendingPathComponent("report.txt")
        try Data("yesterday\n".utf8).write(to: main)
        let run = try ledgerlint(
            "check", CommandLineTests.bureau, "--output", main.path, "--report", "json=\(out.path)/report.json",
            "--report", "sarif=\(out.path)/missing/report.sarif", "--lang", "en")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("missing/report.sarif: cannot write the report: there is no folder"), "\(run.stderr)")
        #expect(try String(contentsOf: main, encoding: .utf8) == "yesterday\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["report.txt"])
    }
}
