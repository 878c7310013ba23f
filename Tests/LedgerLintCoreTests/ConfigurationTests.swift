import Foundation
import Testing
import LedgerLintTestSupport

@testable import LedgerLintCore
@testable import LedgerLintText

/// `ledgerlint.json`: what it changes, and that every mistake in it is named.
@Suite struct ConfigurationTests {
    let scratch = Scratch()

    func load(_ json: String) throws -> Configuration {
        let url = try scratch.folder("ConfigurationTests").appendingPathComponent("ledgerlint.json")
        try Data(json.utf8).write(to: url)
        return try Configuration.load(from: url)
    }

    func error(_ json: String) -> String {
        do {
            let configuration = try load(json)
            _ = try RuleSet.builtIn().configured(configuration)
            return "no error"
        } catch {
            return error.localizedDescription
        }
    }

    @Test func settingsChangeTheRuleSet() throws {
        let configuration = try load("""
            {
              "version": 1,
              "rules": {
                "product-code-orphan": "off",
                "customer-ehf-manual": "info",
                "customer-number-range": { "severity": "warning", "ranges": [[50000, 59999]] },
                "customer-email-missing": { "enabled": false }
              }
            }
            """)
        let rules = try RuleSet.builtIn().configured(configuration)
        let ids = rules.rules.map(\.id)
        #expect(!ids.contains("product-code-orphan"))
        #expect(!ids.contains("customer-email-missing"))
        #expect(rules.rule(id: "customer-ehf-manual")?.severity == .info)
        #expect(rules.rule(id: "customer-number-range")?.severity == .warning)
        #expect(rules.rules.count == 15)
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let url = try scratch.folder("ConfigurationTests").appendingPathComponent("ledgerlint.json")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(#"{"rules": {"product-code-orphan": "off"}}"#.utf8)).write(to: url)
        #expect(try Configuration.load(from: url).rules["product-code-orphan"]?.enabled == false)
    }

    @Test func narrowerRangesApplyInsidePowerOfficesSeries() throws {
        let configuration = try load(#"{"rules": {"customer-number-range": {"ranges": [[15000, 25000]]}}}"#)
        let rules = try RuleSet.builtIn().configured(configuration)
        let customers = ["14999", "15000", "19999", "20000"].map { AssistCustomer(customerNumber: $0, name: "X") }
        let findings = rules.evaluate(Dataset(Snapshot(assistCustomers: RecordTable(customers))), language: .en)
            .filter { $0.rule == "customer-number-range" }
        // 20000 is inside the user's range but outside PowerOffice's 10000–19999: creating it would still fail.
        #expect(findings.map(\.key) == ["14999", "20000"])
        // The message names the ranges as the configuration's, and where they lie outside PowerOffice's series; the
        // hint gives the numbers that pass.
        #expect(findings.first?.message.contains(
            "outside the configured customer numbers 15000–25000 inside PowerOffice's customer number series (10000–19999)") == true,
            "\(findings.first?.message ?? "")")
        #expect(findings.first?.hint.contains("inside 15000–19999") == true)
    }

    @Test func extraRuleFilesAreRelativeToTheConfiguration() throws {
        let folder = try scratch.folder("ConfigurationTests")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        let rule = try String(contentsOf: RuleFiles.folder.appendingPathComponent("customer-email-missing.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"customer-email-missing\"", with: "\"customer-name-missing\"")
            .replacingOccurrences(of: "\"field\": \"email\"", with: "\"field\": \"name\"")
        try Data(rule.utf8).write(to: folder.appendingPathComponent("more/customer-name-missing.json"))
        let url = folder.appendingPathComponent("ledgerlint.json")
        try Data(#"{"ruleFiles": ["more"]}"#.utf8).write(to: url)
        let rules = try RuleSet.builtIn().configured(try Configuration.load(from: url))
        #expect(rules.rule(id: "customer-name-missing") != nil)
        #expect(rules.rules.count == 18)
    }

    @Test(arguments: [
        (#"{"rule": {}}"#, ["unknown key 'rule'", "rules"]),
        (#"{"rules": {"customer-number-range": {"severty": "info"}}}"#, ["unknown key 'rules.customer-number-range.severty'"]),
        (#"{"rules": {"customer-number-range": "fatal"}}"#, ["rules.customer-number-range", "'fatal'"]),
        (#"{"rules": {"customer-number-rang": "off"}}"#, ["rules.customer-number-rang", "no rule with id"]),
        (#"{"rules": {"customer-email-missing": {"ranges": [[1, 2]]}}}"#, ["rules.customer-email-missing.ranges", "takes no 'ranges'"]),
        (#"{"rules": {"customer-number-range": {"ranges": [[2, 1]]}}}"#, ["rules.customer-number-range.ranges[0]"]),
        (#"{"rules": {"customer-number-range": {"ranges": [["a", 1]]}}}"#, ["rules.customer-number-range.ranges[0][0]", "whole number"]),
        (#"{"suppressions": [{"rule": "x", "key": "1"}]}"#, ["suppressions[0].reason", "required"]),
        (#"{"suppressions": [{"rule": "x", "key": "1", "reason": " "}]}"#, ["suppressions[0].reason", "empty"]),
        (#"{"suppressions": [{"rule": "x", "key": "1", "reason": "r", "expires": "2027-02-30"}]}"#, ["suppressions[0].expires", "2027-02-30"]),
        (#"{"suppressions": [{"rule": "x", "key": "1", "reason": "r", "until": "2027-01-01"}]}"#, ["suppressions[0].until"]),
        (#"{"version": 2}"#, ["version 2"]),
        ("{\n  \"rules\": {,}\n}", ["ledgerlint.json:2:"]),
    ])
    func mistakesNameTheKey(json: String, expected: [String]) {
        let message = error(json)
        #expect(message.contains("ledgerlint.json"), "\(message)")
        for part in expected {
            #expect(message.contains(part), "'\(part)' not in: \(message)")
        }
    }
}

@Suite struct SuppressionTests {
    static let findings = [
        Finding(rule: "customer-number-range", severity: .error, message: "m", hint: "h", system: .assist, entity: .customer, key: "5020"),
        Finding(rule: "customer-number-range", severity: .error, message: "m", hint: "h", system: .assist, entity: .customer, key: "5021"),
        Finding(rule: "product-code-orphan", severity: .info, message: "m", hint: "h", system: .poweroffice, entity: .product, key: "A-7"),
    ]

    @Test func suppressedFindingsKeepTheirReason() {
        let result = SuppressionResult(
            applying: [Suppression(rule: "customer-number-range", key: "5020", reason: "moved by hand", expires: "2026-12-31")],
            to: Self.findings, today: "2026-12-31")
        #expect(result.kept.map(\.key) == ["5021", "A-7"])
        #expect(result.suppressed.map(\.finding.key) == ["5020"])
        #expect(result.suppressed.first?.reason == "moved by hand")
        #expect(result.expired.isEmpty && result.unused.isEmpty)
    }

    @Test func anExpiredSuppressionStopsWorkingAndSaysSo() {
        let entry = Suppression(rule: "customer-number-range", key: "5020", reason: "r", expires: "2026-11-28")
        let result = SuppressionResult(applying: [entry], to: Self.findings, today: "2026-11-29")
        #expect(result.kept.count == 3)
        #expect(result.expired == [entry])
        #expect(result.unused.isEmpty, "an expired entry is reported as expired, not unused")
    }

    @Test func aSuppressionThatMatchesNothingIsUnused() {
        let entry = Suppression(rule: "customer-number-range", key: "9999", reason: "r")
        let wrongSystem = Suppression(rule: "product-code-orphan", key: "A-7", reason: "r", system: .assist)
        let result = SuppressionResult(applying: [entry, wrongSystem], to: Self.findings, today: "2026-11-29")
        #expect(result.unused == [entry, wrongSystem])
        #expect(result.kept.count == 3)
    }
}

@Suite struct BaselineTests {
    let scratch = Scratch()

    static func finding(_ rule: String, _ key: String, message: String = "m") -> Finding {
        Finding(rule: rule, severity: .error, message: message, hint: "h", system: .assist, entity: .customer, key: key)
    }

    @Test func onlyNewFindingsCountAndFixedOnesAreListed() {
        let baseline = Baseline(findings: [Self.finding("a", "1"), Self.finding("a", "2"), Self.finding("b", "1")])
        let (new, comparison) = baseline.compare([Self.finding("a", "1", message: "other words"), Self.finding("a", "3"), Self.finding("b", "1")])
        #expect(new.map(\.key) == ["3"])
        #expect(comparison.unchanged.count == 2, "matched by identity, not message text")
        #expect(comparison.fixed == [BaselineEntry(rule: "a", system: .assist, entity: .customer, key: "2")])
    }

    @Test func repeatedIdentitiesMatchAsOftenAsTheyOccur() {
        let baseline = Baseline(findings: [Self.finding("a", "Kari")])
        let (new, _) = baseline.compare([Self.finding("a", "Kari"), Self.finding("a", "Kari")])
        #expect(new.count == 1)
    }

    @Test func roundTripsThroughItsFile() throws {
        let baseline = Baseline(findings: [Self.finding("b", "2"), Self.finding("a", "1")])
        let url = scratch.url("baseline", extension: "json")
        try baseline.encoded().write(to: url)
        let read = try Baseline.load(from: url)
        #expect(read == baseline)
        #expect(read.entries.map(\.rule) == ["a", "b"], "entries are sorted for stable diffs")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains("\"m\""), "no message text in a baseline")
    }

    @Test func aBaselineWithAByteOrderMarkIsRead() throws {
        let baseline = Baseline(findings: [Self.finding("a", "1")])
        let url = scratch.url("baseline", extension: "json")
        try (Data([0xEF, 0xBB, 0xBF]) + baseline.encoded()).write(to: url)
        #expect(try Baseline.load(from: url) == baseline)
    }

    @Test func aMisspeltKeyInABaselineIsNamed() throws {
        let url = scratch.url("baseline", extension: "json")
        try Data(#"{"version": 1, "tool": "ledgerlint", "entries": [{"rule": "a", "sytem": "assist", "entity": "customer", "key": "1"}]}"#.utf8).write(to: url)
        #expect(throws: SavedFileError.self) { try Baseline.load(from: url) }
        do {
            _ = try Baseline.load(from: url)
        } catch {
            #expect(error.localizedDescription.contains("at entries[0]: unknown key 'sytem'; did you mean 'system'?"), "\(error.localizedDescription)")
        }
    }

    @Test func aFileThatIsNoBaselineIsRefused() throws {
        let url = scratch.url("baseline", extension: "json")
        try Data(#"{"findings": []}"#.utf8).write(to: url)
        #expect(throws: SavedFileError.self) { try Baseline.load(from: url) }
    }
}
