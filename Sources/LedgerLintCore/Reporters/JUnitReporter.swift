import Foundation
import LedgerLintJSON
import LedgerLintText

/// The CI report: JUnit XML that GitLab's and Jenkins' test views load.
///
/// Every finding is a failing test case and every rule that ran without findings is one passing test case, so a
/// CI page shows both what is wrong and what was checked. All cases sit in one `<testsuite>`: GitLab ignores
/// suite names and groups by `classname`, Jenkins derives package and class from `classname`, so
/// `classname="ledgerlint.<rule>"` already gives one group per rule in both, and one suite keeps the counts in one
/// place. Test case names are built from `entity` and `key` only (never from the localised message), so they stay
/// equal across runs and languages and CI can tell new failures from old ones; GitLab keeps only the first of
/// two cases with the same classname and name, so repeats get ` (2)`, ` (3)`, … in report order.
/// The mapping is documented in `docs/output-formats.md`.
public struct JUnitReporter: Reporter {
    static let suiteName = "ledgerlint"

    public init() {}

    public func render(_ report: Report) -> String { Self.document([suite(report)]).text }

    public func renderData(_ report: Report) -> Data { Self.document([suite(report)]).data() }

    private func suite(_ report: Report) -> Suite { suite(report, name: Self.suiteName, prefix: Self.suiteName) }

    /// One `<testsuite>` per client, named after the client's folder (unique in the run, and stable across runs,
    /// unlike a name PowerOffice may change), with `classname="ledgerlint.<folder>.<rule>"`, so that GitLab, which
    /// groups by classname across suites, keeps the clients apart too. A client that could not be checked is one
    /// test case with an `<error>`.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// Each client's suite as it comes; the totals of every suite at the top, once all are known.
    struct Clients: ClientsRenderer {
        let reporter: JUnitReporter
        var total = Suite(name: JUnitReporter.suiteName, tests: 0, failures: 0, errors: 0, body: [])

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let prefix = JUnitReporter.suiteName + "." + client.folder
            let suite: Suite
            switch client.result {
            case .checked(let single):
                suite = reporter.suite(single, name: client.folder, prefix: prefix, client: client.name)
            case .failed(let reason):
                let name = ClientsRollUp.couldNotBeChecked[rollUp.language]
                let lines = [
                    "    <testcase classname=\"\(JUnitReporter.escaped(prefix))\" name=\"\(JUnitReporter.escaped(name))\">",
                    "      <error type=\"unreadable\" message=\"\(JUnitReporter.escaped(reason))\"/>",
                    "    </testcase>",
                ]
                suite = Suite(
                    name: client.folder, properties: [("ledgerlint.client", client.name)], tests: 1, failures: 0,
                    errors: 1, body: lines)
            }
            total.add(suite)
            return [.text(JUnitReporter.lines(of: suite).map { $0 + "\n" }.joined())]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            [.text(JUnitReporter.opening(total).map { $0 + "\n" }.joined()), .parts, .text(JUnitReporter.closing + "\n")]
        }
    }

    /// One suite's cases: a failing case per finding, a passing one per rule without findings.
    func suite(_ report: Report, name: String, prefix: String, client: String? = nil) -> Suite {
        // The cases' names in turn (a repeat's number depends on the cases before it), then the cases on every core.
        var usedNames: Set<String> = []
        let names = report.findings.map { finding in
            Self.uniqueName(
                "\(finding.entity.rawValue) \(finding.key)", classname: prefix + "." + finding.rule, used: &usedNames)
        }
        let failing = concurrentlyMapped(report.findings.count) { index in
            let finding = report.findings[index]
            let classname = prefix + "." + finding.rule
            let body = TextReporter.block(for: finding, language: report.language, snapshot: report.snapshot)
            return "    <testcase classname=\"\(Self.escaped(classname))\" name=\"\(Self.escaped(names[index]))\">\n"
                + "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escaped(finding.message))\">"
                + Self.escaped(body, inAttribute: false) + "</failure>\n"
                + "    </testcase>"
        }

        let rulesWithFindings = Set(report.findings.map(\.rule))
        var passing: [String] = []
        for rule in report.rules where !rulesWithFindings.contains(rule.id) {
            let classname = prefix + "." + rule.id
            let name = Self.uniqueName(rule.id, classname: classname, used: &usedNames)
            passing.append("    <testcase classname=\"\(Self.escaped(classname))\" name=\"\(Self.escaped(name))\"/>")
        }
        var properties = client.map { [("ledgerlint.client", $0)] } ?? []
        if let filter = report.filterSentence {
            // A filtered run must not pass for a whole audit: the suite says so, and where each key was found.
            properties += [("ledgerlint.filter", filter)] + report.lookups.map { ("ledgerlint.key", $0.note) }
        }
        return Suite(
            name: name, properties: properties, tests: failing.count + passing.count, failures: failing.count,
            errors: 0, body: failing + passing)
    }

    /// A `<testsuite>`: its counts and its lines.
    struct Suite {
        var name: String
        /// `ledgerlint.client` (the client's name, in a check of many clients), `ledgerlint.filter` and
        /// `ledgerlint.key` (a `--key` run), as name and value.
        var properties: [(String, String)] = []
        var tests: Int
        var failures: Int
        var errors: Int
        var body: [String]

        var counts: String { "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\"" }

        /// Adds the counts of `suite`.
        mutating func add(_ suite: Suite) {
            tests += suite.tests
            failures += suite.failures
            errors += suite.errors
        }
    }

    /// The document: `<testsuites>` with the counts over every suite.
    static func document(_ suites: [Suite]) -> TextDocument {
        var total = Suite(name: suiteName, tests: 0, failures: 0, errors: 0, body: [])
        for suite in suites { total.add(suite) }
        let lines = opening(total) + suites.flatMap(lines(of:)) + [closing]
        var document = TextDocument(capacity: TextDocument.capacity(lines, separator: 1))
        document.append(lines, separator: "\n")
        document.append("\n")
        return document
    }

    /// The document's first lines, with the counts of every suite.
    static func opening(_ total: Suite) -> [String] {
        ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuites name=\"\(suiteName)\" \(total.counts)>"]
    }

    static let closing = "</testsuites>"

    /// A `<testsuite>`, its properties and its cases.
    static func lines(of suite: Suite) -> [String] {
        var lines = ["  <testsuite name=\"\(escaped(suite.name))\" \(suite.counts) skipped=\"0\">"]
        if !suite.properties.isEmpty {
            lines.append("    <properties>")
            for (name, value) in suite.properties {
                lines.append("      <property name=\"\(name)\" value=\"\(escaped(value))\"/>")
            }
            lines.append("    </properties>")
        }
        lines += suite.body
        lines.append("  </testsuite>")
        return lines
    }


    /// `name`, or `name (2)`, `name (3)`, … : the first not yet used within `classname`.
    static func uniqueName(_ name: String, classname: String, used: inout Set<String>) -> String {
        var candidate = name
        var number = 1
        // Keyed by classname and name together, the pair GitLab identifies a test case by.
        while !used.insert(classname + "\u{0}" + candidate).inserted {
            number += 1
            candidate = "\(name) (\(number))"
        }
        return candidate
    }

    /// Escapes text for XML 1.0 content or a double-quoted attribute (`MarkupText.xml`).
    static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        MarkupText.xml(inAttribute: inAttribute).escaped(text)
    }
}
