import Foundation
import LedgerLintCore
import Testing
import LedgerLintTestSupport

/// Runs the built `ledgerlint` binary the way a user does: arguments, environment, working directory, and what
/// comes out on stdout, stderr and as the exit code.
@Suite struct CommandLineTests {
    let scratch = Scratch()
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demo = packageRoot.appendingPathComponent("examples/demo").path
    static let bureau = packageRoot.appendingPathComponent("examples/bureau").path
    static let clean = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("clean").path

    @Test func demoPrintsFindingsAndFails() throws {
        let run = try ledgerlint("check", Self.demo, "--lang", "en")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[customer-number-range] Assist customer 5020:"))
        #expect(run.stdout.contains("  hint: "))
        #expect(run.stdout.hasSuffix("13 errors, 4 warnings, 1 info\n"))
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}["), "colour on a pipe")
    }

    @Test func everyDefaultRuleFiresOnTheDemo() throws {
        let run = try ledgerlint("check", Self.demo, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let fired = Set(findings.compactMap { $0["rule"] as? String })
        let listed = Set(try ledgerlint("rules").stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) })
        #expect(listed.count == 17)
        #expect(fired == listed, "rules that never fire on the demo: \(listed.subtracting(fired).sorted())")
    }

    @Test(arguments: [
        ("text", "demo-en.txt", "en"), ("text", "demo-nb.txt", "nb"), ("json", "demo.json", "en"), ("junit", "demo.xml", "en"),
        ("html", "demo-nb.html", "nb"),
    ])
    func demoGoldenOutput(format: String, golden: String, language: String) throws {
        // `LEDGERLINT_NOW` fixes the check time the HTML header shows; the other formats must not show it at all.
        let run = try ledgerlint(
            "check", "examples/demo", "--format", format, "--lang", language,
            environment: ["LEDGERLINT_NOW": "2026-12-01T09:30:00Z"], directory: Self.packageRoot.path)
        if format == "json" {
            goldenFiles.assertJSON(run.stdout, matches: golden)
        } else if format == "html" {
            goldenFiles.assertHTML(run.stdout, matches: golden, css: HTMLReporter.css, javaScript: HTMLReporter.script)
        } else {
            goldenFiles.assertText(run.stdout, matches: golden)
        }
    }

    @Test func theCheckTimeIsNowOrLEDGERLINT_NOW() throws {
        let fixed = try ledgerlint(
            "check", Self.demo, "--format", "html", "--lang", "en", environment: ["LEDGERLINT_NOW": "2026-12-01T10:30:00+01:00"])
        #expect(fixed.stdout.contains("<dt>Checked</dt><dd><time datetime=\"2026-12-01T09:30:00Z\">1 December 2026, 09:30 UTC</time></dd>"))
        let now = try ledgerlint("check", Self.demo, "--format", "html", "--lang", "nb")
        let checked = now.stdout.components(separatedBy: "<dt>Kontrollert</dt><dd><time datetime=\"").dropFirst().first ?? ""
        #expect(checked.range(of: #"^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ">\d{1,2}\. [a-z]+ 20\d\d kl\. \d\d:\d\d UTC</time>"#, options: .regularExpression) != nil, "\(checked.prefix(80))")
        let bad = try ledgerlint("check", Self.demo, "--format", "html", environment: ["LEDGERLINT_NOW": "yesterday"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("LEDGERLINT_NOW 'yesterday' is not an ISO 8601 time such as 2026-12-01T09:30:00Z"), "\(bad.stderr)")
    }

    @Test func languageComesFromLANGUnlessGiven() throws {
        let norwegian = try ledgerlint("check", Self.demo, environment: ["LANG": "nb_NO.UTF-8"])
        #expect(norwegian.stdout.contains("tips: "))
        #expect(norwegian.stdout.contains("13 feil"))
        let english = try ledgerlint("check", Self.demo, "--lang", "en", environment: ["LANG": "nb_NO.UTF-8"])
        #expect(english.stdout.contains("hint: "))
        let fallback = try ledgerlint("check", Self.demo, environment: ["LANG": "C.UTF-8"])
        #expect(fallback.stdout.contains("hint: "))
    }

    @Test(arguments: [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
    func failOnDecidesTheExitCode(level: String, status: Int32) throws {
        #expect(try ledgerlint("check", Self.demo, "--fail-on", level).status == status)
    }

    @Test func aCleanSnapshotExitsZero() throws {
        let run = try ledgerlint("check", Self.clean, "--lang", "en", "--fail-on", "info")
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "No findings.\n")
    }

    @Test func outputGoesToTheFileAndNothingToStdout() throws {
        let file = scratch.url("ledgerlint", extension: "xml")
        let run = try ledgerlint("check", Self.demo, "--format", "junit", "--output", file.path)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix("<?xml"))
    }

    @Test func builtInRulesWorkFromAnyDirectory() throws {
        let run = try ledgerlint("check", Self.demo, directory: "/")
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
    }

    struct BadCall: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var expected: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let badCalls: [BadCall] = [
        BadCall(arguments: [], expected: ["Usage"]),
        BadCall(arguments: ["lint"], expected: ["unknown command 'lint'"]),
        BadCall(arguments: ["check"], expected: ["needs a snapshot folder"]),
        BadCall(arguments: ["check", "/nonexistent/snapshot"], expected: ["/nonexistent/snapshot"]),
        BadCall(arguments: ["check", demo, "--format", "pdf"], expected: ["--format 'pdf'", "json"]),
        BadCall(arguments: ["check", demo, "--fail-on", "errors"], expected: ["--fail-on 'errors'"]),
        BadCall(arguments: ["check", demo, "--verbose"], expected: ["unknown option '--verbose'"]),
        BadCall(arguments: ["check", demo, "--environment", "demo"], expected: ["--environment goes with --live", "add --live"]),
        BadCall(arguments: ["check", demo, "--timeout", "5"], expected: ["--timeout goes with --live"]),
        BadCall(arguments: ["check", demo, "--output"], expected: ["--output needs a value"]),
        BadCall(arguments: ["check", demo, "--lang", "sv"], expected: ["--lang 'sv'"]),
        BadCall(arguments: ["check", demo, "--rules", "/nonexistent/rules"], expected: ["/nonexistent/rules"]),
        BadCall(arguments: ["check", demo, "--output", "/nonexistent/dir/report.txt"], expected: ["/nonexistent/dir/report.txt: cannot write the report: there is no folder /nonexistent/dir"]),
        BadCall(
            arguments: ["explain", "customer-number"],
            expected: [
                "no rule with id 'customer-number'; did you mean 'customer-number-range', 'customer-number-invalid' or "
                    + "'customer-number-missing'?",
            ]),
    ]

    @Test(arguments: badCalls)
    func usageAndInputErrorsExitTwoOnStderr(_ call: BadCall) throws {
        let run = try ledgerlint(call.arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "stdout carries the report only: \(run.stdout)")
        for part in call.expected {
            #expect(run.stderr.contains(part), "'\(part)' not in: \(run.stderr)")
        }
    }

    @Test func aBadRuleFileNamesTheFile() throws {
        let folder = try scratch.folder("ledgerlint-rules")
        try Data("{\"id\": \"x\",\n \"severity\": \"bad\"}".utf8).write(to: folder.appendingPathComponent("x.json"))
        let run = try ledgerlint("check", Self.demo, "--rules", folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("x.json"))
    }

    @Test func aBrokenCSVNamesFileAndLine() throws {
        let snapshot = scratch.url("ledgerlint-snap")
        try FileManager.default.copyItem(atPath: Self.clean, toPath: snapshot.path)
        try Data("customer_number,name,email\n10001,\"Fjord Bygg AS,post@x.no\n".utf8)
            .write(to: snapshot.appendingPathComponent("assist/customers.csv"))
        let run = try ledgerlint("check", snapshot.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("customers.csv:2"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func rulesAndExplainDescribeTheRuleSet() throws {
        let list = try ledgerlint("rules", "--lang", "nb")
        #expect(list.status == 0)
        #expect(list.stdout.contains("customer-number-range"))
        #expect(list.stdout.contains("Kundenummer utenfor kundenummerserien"))
        let explain = try ledgerlint("explain", "sales-account-mismatch", "--lang", "en")
        #expect(explain.status == 0)
        for part in ["Why:", "Hint:", "Examples that pass:", "Examples that fail:", "A-1"] {
            #expect(explain.stdout.contains(part), "'\(part)' missing")
        }
    }

    @Test func versionAndHelp() throws {
        #expect(try ledgerlint("--version").stdout.hasPrefix("ledgerlint "))
        let help = try ledgerlint("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("ledgerlint check <snapshot>"))
    }

    /// `ledgerlint 0.1.0 (1b5db2b)`: the commit is read from .git at build time; `(unknown commit)` outside git.
    @Test func versionNamesTheCommit() throws {
        let run = try ledgerlint("--version")
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let line = try #require(
            run.stdout.wholeMatch(of: /ledgerlint (\d+\.\d+\.\d+) \(([0-9a-f]{7}|unknown commit)\)\n/),
            "unexpected --version output: \(run.stdout)")
        let commit = String(line.output.2)
        guard FileManager.default.fileExists(atPath: Self.packageRoot.appendingPathComponent(".git").path) else {
            #expect(commit == "unknown commit")
            return
        }
        #expect(commit != "unknown commit", "built from a git checkout, so the commit should be known")
        // The same commit git itself names, when git is installed.
        if let git = Self.gitHead(), commit != "unknown commit" {
            #expect(git.hasPrefix(commit), "--version says \(commit), git says HEAD is \(git)")
        }
    }

    /// `git rev-parse HEAD` in the package, or nil when git is not there or fails.
    static func gitHead() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", packageRoot.path, "rev-parse", "HEAD"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
