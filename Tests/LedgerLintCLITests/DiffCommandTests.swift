import Foundation
import LedgerLintTestSupport
import Testing

/// `ledgerlint diff OLD NEW` as a user runs it: a report against a changed snapshot, the exit codes, what is refused.
@Suite struct DiffCommandTests {
    let scratch = Scratch()

    /// The demo's report, and a copy of the demo in which customer 5020 got a number in the series (fixed) and
    /// 10001 lost its e-mail address (new).
    func reportAndChangedDemo() throws -> (report: URL, changed: URL) {
        let report = scratch.url("demo-report", extension: "json")
        let run = try ledgerlint("check", CommandLineTests.demo, "--format", "json", "--output", report.path)
        #expect(run.status == 1, "\(run.stderr)")
        let changed = try scratch.copy(of: CommandLineTests.demo, as: "demo-changed")
        let customers = changed.appendingPathComponent("assist/customers.csv")
        let text = try String(contentsOf: customers, encoding: .utf8)
            .replacingOccurrences(of: "5020;Lia", with: "10015;Lia")
            .replacingOccurrences(of: "974760673;post@fjordbyen-bakeri.no", with: "974760673;")
        try Data(text.utf8).write(to: customers)
        return (report, changed)
    }

    @Test func aNewErrorFailsAndTheChangeIsSaid() throws {
        let (report, changed) = try reportAndChangedDemo()
        let run = try ledgerlint("diff", report.path, changed.path, "--lang", "en")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("+1 new −1 fixed 17 unchanged\n"))
        #expect(run.stdout.contains(
            "New findings:\nerror[customer-email-missing] Assist customer 10001: Fjordbyen Bakeri AS has no e-mail address"))
        #expect(run.stdout.contains("Fixed findings:\nerror[customer-number-range] Assist customer 5020: "))
        #expect(run.stderr.isEmpty)
    }

    @Test func backwardsNothingIsNewAndInNorwegianTheJSONHasTheCounts() throws {
        let (report, changed) = try reportAndChangedDemo()
        let run = try ledgerlint("diff", changed.path, report.path, "--format", "json", environment: ["LANG": "nb_NO.UTF-8"])
        // The other way round the new error is fixed; 5020's finding comes back, and it is an error.
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["unchanged"] as? Int == 17)
        #expect((object["new"] as? [[String: Any]])?.first?["rule"] as? String == "customer-number-range")
        let quiet = try ledgerlint("diff", changed.path, report.path, "--fail-on", "never", "--lang", "nb")
        #expect(quiet.status == 0)
        #expect(quiet.stdout.hasPrefix("+1 nye −1 rettet 17 uendret\n"))
    }

    @Test func otherThanTwoRunsIsAUsageError() throws {
        let run = try ledgerlint("diff", CommandLineTests.demo, "--lang", "en")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("ledgerlint: diff compares two runs, OLD and NEW (JSON reports of check, or snapshot folders), got 1: "))
    }
}
