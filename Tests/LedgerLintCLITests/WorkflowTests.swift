import Foundation
import Testing
import LedgerLintTestSupport

/// The CI-gate and audit workflows end to end: configuration, suppressions, baselines, several reports, `--key`.
@Suite struct WorkflowTests {
    let scratch = Scratch()

    @Test func theSnapshotsConfigurationApplies() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try write(#"{"rules": {"product-code-orphan": "off", "customer-ehf-manual": "error"}}"#, to: "ledgerlint.json", in: snapshot)
        let run = try ledgerlint("check", snapshot.path, "--lang", "en")
        #expect(!run.stdout.contains("product-code-orphan"))
        #expect(run.stdout.contains("error[customer-ehf-manual]"))
        #expect(run.stdout.contains("15 errors, 2 warnings, 0 info"))
    }

    @Test func aBadConfigurationExitsTwoNamingTheKey() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        let config = try write(#"{"rules": {"customer-number-range": {"severity": "fatal"}}}"#, to: "custom.json", in: snapshot)
        let run = try ledgerlint("check", snapshot.path, "--config", config.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("custom.json"))
        #expect(run.stderr.contains("rules.customer-number-range.severity"))
        let missing = try ledgerlint("check", snapshot.path, "--config", "/nonexistent/ledgerlint.json")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/ledgerlint.json"))
    }

    @Test func suppressionsHideCountAndExpire() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try write("""
            {"suppressions": [
              {"rule": "customer-number-range", "key": "5020", "reason": "Lia is moved by hand", "expires": "2026-12-31"},
              {"rule": "customer-number-invalid", "key": "K-77", "reason": "old", "expires": "2026-01-31"},
              {"rule": "customer-number-missing", "key": "Nobody", "reason": "gone"}
            ]}
            """, to: "ledgerlint.json", in: snapshot)
        let run = try ledgerlint("check", snapshot.path, "--lang", "en", environment: ["LEDGERLINT_TODAY": "2026-11-29"])
        #expect(!run.stdout.contains("Assist customer 5020"))
        #expect(run.stdout.contains("customer-number-invalid"), "an expired suppression no longer hides")
        #expect(run.stdout.contains("12 errors, 4 warnings, 1 info"))
        #expect(run.stdout.contains("Not shown: 1 suppressed."))
        #expect(run.stderr.contains("customer-number-invalid K-77 expired on 2026-01-31"))
        #expect(run.stderr.contains("customer-number-missing Nobody matched no finding"))

        let json = try ledgerlint("check", snapshot.path, "--format", "json", environment: ["LEDGERLINT_TODAY": "2026-11-29"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let suppressed = try #require(object["suppressed"] as? [[String: Any]])
        #expect(suppressed.first?["reason"] as? String == "Lia is moved by hand")

        let later = try ledgerlint("check", snapshot.path, "--lang", "en", environment: ["LEDGERLINT_TODAY": "2027-01-01"])
        #expect(later.stdout.contains("Assist customer 5020"))
    }

    @Test func aSuppressionOfAMisspeltRuleStopsTheRun() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        try write(
            #"{"suppressions": [{"rule": "customer-number-rang", "key": "5020", "reason": "moved by hand"}]}"#,
            to: "ledgerlint.json", in: snapshot)
        let run = try ledgerlint("check", snapshot.path)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("ledgerlint.json: at suppressions[0].rule: no rule with id 'customer-number-rang'; did you mean 'customer-number-range'?"), "\(run.stderr)")
    }

    @Test func aBaselineGateFailsOnlyOnNewProblems() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        let baseline = snapshot.appendingPathComponent("baseline.json").path
        let recorded = try ledgerlint("check", snapshot.path, "--write-baseline", baseline)
        #expect(recorded.status == 0, "writing a baseline is not a gate")
        #expect(recorded.stderr.contains("wrote a baseline of 18 findings"))

        let same = try ledgerlint("check", snapshot.path, "--baseline", baseline, "--lang", "en", "--fail-on", "info")
        #expect(same.status == 0, "\(same.stdout)")
        #expect(same.stdout.contains("No findings."))
        #expect(same.stdout.contains("18 in the baseline"))

        // A new defect (a customer outside the series) and a fix (Lia's number corrected).
        let customers = snapshot.appendingPathComponent("assist/customers.csv")
        var text = try String(contentsOf: customers, encoding: .utf8)
        text = text.replacingOccurrences(of: "5020;Lia", with: "10020;Lia") + "7000;Ny Kunde AS;;ny@kunde.no;;Ja\r\n"
        try write(text, to: "assist/customers.csv", in: snapshot)
        let gate = try ledgerlint("check", snapshot.path, "--baseline", baseline, "--lang", "en")
        #expect(gate.status == 1)
        #expect(gate.stdout.contains("Assist customer 7000"))
        #expect(!gate.stdout.contains("Assist customer 10003"), "known problems stay hidden")
        #expect(gate.stdout.contains("1 error, 0 warnings, 0 info"))
        #expect(gate.stdout.contains("1 fixed since the baseline"))
    }

    @Test func severalReportsInOneRun() throws {
        let folder = try scratch.folder("ledgerlint-reports")
        let run = try ledgerlint(
            "check", CommandLineTests.demo, "--format", "json",
            "--report", "sarif=\(folder.path)/report.sarif", "--report", "junit=\(folder.path)/junit.xml",
            "--report", "html=\(folder.path)/report.html", "--report", "markdown=\(folder.path)/summary.md")
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("{"))
        for name in ["report.sarif", "junit.xml", "report.html", "summary.md"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size] as? Int) ?? 0
            #expect(size > 100, "\(name) was not written")
        }
        let bad = try ledgerlint("check", CommandLineTests.demo, "--report", "pdf=x.pdf")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--report 'pdf=x.pdf'"))
    }

    @Test func supportStaffCanAskAboutOneCustomer() throws {
        let run = try ledgerlint("check", CommandLineTests.demo, "--key", "10004", "--lang", "nb")
        #expect(run.status == 1)
        let headlines = run.stdout.split(separator: "\n").filter { $0.contains("[") && $0.contains("]") }
        #expect(headlines.count == 2, "\(run.stdout)")
        #expect(headlines.allSatisfy { $0.contains("10004") })
        #expect(run.stdout.contains("tips: "))
    }
}
