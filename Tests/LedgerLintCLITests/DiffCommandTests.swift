import Foundation
import LedgerLintTestSupport
import Testing

/// `ledgerlint diff OLD NEW` as a user runs it: a report against a changed snapshot, the exit codes, what is refused.
@Suite struct DiffCommandTests {
    let scratch = Scratch()

    /// The demo's report, and a copy of the demo in which customer 5020 got a number in the series and 10003 a
    /// valid e-mail address (two fixed), and 10001 lost its e-mail address (new).
    func reportAndChangedDemo() throws -> (report: URL, changed: URL) {
        let report = scratch.url("demo-report", extension: "json")
        let run = try ledgerlint("check", CommandLineTests.demo, "--format", "json", "--output", report.path)
        #expect(run.status == 1, "\(run.stderr)")
        let changed = try scratch.copy(of: CommandLineTests.demo, as: "demo-changed")
        let customers = changed.appendingPathComponent("assist/customers.csv")
        let text = try String(contentsOf: customers, encoding: .utf8)
            .replacingOccurrences(of: "5020;Lia", with: "10015;Lia")
            .replacingOccurrences(of: "solstrand@kafe", with: "post@solstrandkafe.no")
            .replacingOccurrences(of: "974760673;post@fjordbyen-bakeri.no", with: "974760673;")
        try Data(text.utf8).write(to: customers)
        return (report, changed)
    }

    @Test func aNewErrorFailsAndTheChangeIsSaid() throws {
        let (report, changed) = try reportAndChangedDemo()
        let run = try ledgerlint("diff", report.path, changed.path, "--lang", "en")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("+1 new −2 fixed 16 unchanged\n"))
        #expect(run.stdout.contains(
            "New findings:\nerror[customer-email-missing] Assist customer 10001: Fjordbyen Bakeri AS has no e-mail address"))
        #expect(run.stdout.contains("Fixed findings:\nerror[customer-email-invalid] Assist customer 10003: "))
        #expect(run.stdout.contains("\nerror[customer-number-range] Assist customer 5020: "))
        #expect(run.stderr.isEmpty)
    }

    @Test func backwardsNothingIsNewAndInNorwegianTheJSONHasTheCounts() throws {
        let (report, changed) = try reportAndChangedDemo()
        let run = try ledgerlint("diff", changed.path, report.path, "--format", "json", environment: ["LANG": "nb_NO.UTF-8"])
        // The other way round the new error is fixed; 5020's finding comes back, and it is an error.
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["unchanged"] as? Int == 16)
        #expect((object["new"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["customer-email-invalid", "customer-number-range"])
        let quiet = try ledgerlint("diff", changed.path, report.path, "--fail-on", "never", "--lang", "nb")
        #expect(quiet.status == 0)
        #expect(quiet.stdout.hasPrefix("+2 nye −1 rettet 16 uendret\n"))
    }

    /// `examples/bureau`'s report, and a copy in which havbris's customer 10004 got an e-mail address (fixed),
    /// fjordlys's 10001 lost its own (new), and a third client came in.
    @Test func runsOfManyClientsAreComparedClientByClient() throws {
        let report = scratch.url("bureau-report", extension: "json")
        let run = try ledgerlint("check", CommandLineTests.bureau, "--format", "json", "--output", report.path)
        #expect(run.status == 1, "\(run.stderr)")
        let changed = try scratch.copy(of: CommandLineTests.bureau, as: "bureau-changed")
        func change(_ path: String, _ old: String, _ new: String) throws {
            let file = changed.appendingPathComponent(path)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
        }
        try change("havbris/assist/customers.csv", "10004;Haugen Rør AS;;;", "10004;Haugen Rør AS;;post@haugen.no;")
        try change("fjordlys/assist/customers.csv", "974760673;post@fjordbyen-bakeri.no", "974760673;")
        try FileManager.default.copyItem(
            at: changed.appendingPathComponent("havbris"), to: changed.appendingPathComponent("kystlys"))

        let diff = try ledgerlint("diff", report.path, changed.path, "--lang", "en")
        #expect(diff.status == 1, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("""
            +5 new −1 fixed 22 unchanged

            client       new   fixed  unchanged
            fjordlys      +1      −0         18
            havbris       +0      −1          4
            kystlys       +4      −0          0  (new client: not in OLD)

            """), "\(diff.stdout)")
        #expect(diff.stdout.contains("New findings:\nfjordlys: error[customer-email-missing] Assist customer 10001: "))
        #expect(diff.stdout.contains("Fixed findings:\nhavbris: error[customer-email-missing] Assist customer 10004: "))

        let json = try ledgerlint("diff", report.path, changed.path, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let byClient = try #require(object["byClient"] as? [String: [String: Any]])
        #expect(byClient["kystlys"]?["status"] as? String == "onlyInNew")
        #expect((object["fixed"] as? [[String: Any]])?.map { $0["client"] as? String } == ["havbris"])

        let mixed = try ledgerlint("diff", report.path, CommandLineTests.demo, "--lang", "en")
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("is a check of one snapshot and \(report.path) of many clients"))
        let missing = try ledgerlint("diff", report.path, "yesterday", "--lang", "en")
        #expect(missing.status == 2)
        #expect(missing.stderr == "ledgerlint: yesterday: no such report or snapshot folder\n")
    }

    @Test func otherThanTwoRunsIsAUsageError() throws {
        let run = try ledgerlint("diff", CommandLineTests.demo, "--lang", "en")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("ledgerlint: diff compares two runs, OLD and NEW (JSON reports of check, or snapshot folders), got 1: "))
    }
}
