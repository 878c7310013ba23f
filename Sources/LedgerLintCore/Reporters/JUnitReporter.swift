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
        var total = Suite(name: JUnitReporter.suiteName, tests: 0, failures: 0, errors: 0)

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let prefix = JUnitReporter.suiteName + "." + client.folder
            let suite: Suite
            switch client.result {
            case .checked(let single):
                suite = reporter.suite(single, name: client.folder, prefix: prefix, client: client.name)
            case .failed(let reason):
                let name = ClientsRollUp.couldNotBeChecked[rollUp.language]
                let error =
                    "    <testcase classname=\"\(JUnitReporter.escaped(prefix))\" name=\"\(JUnitReporter.escaped(name))\">\n"
                    + "      <error type=\"unreadable\" message=\"\(JUnitReporter.escaped(reason))\"/>\n"
                    + "    </testcase>\n"
                suite = Suite(
                    name: client.folder, properties: [("ledgerlint.client", client.name)], tests: 1, failures: 0,
                    errors: 1, cases: .lines(error))
            }
            total.add(suite)
            var document = TextDocument(capacity: suite.capacity)
            JUnitReporter.append(suite, to: &document)
            return [.text(document.text)]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            [.text(JUnitReporter.opening(total)), .parts, .text(JUnitReporter.closing)]
        }
    }

    /// One suite's cases: a failing case per finding, a passing one per rule without findings.
    func suite(_ report: Report, name: String, prefix: String, client: String? = nil) -> Suite {
        // The cases' names in turn (a repeat's number depends on the cases before it), then the cases on every core.
        var usedNames: Set<CaseName> = []
        usedNames.reserveCapacity(report.findings.count + report.rules.count)
        let names = report.findings.map { finding in
            Self.uniqueName("\(finding.entity.rawValue) \(finding.key)", rule: finding.rule, used: &usedNames)
        }
        let rulesWithFindings = Set(report.findings.map(\.rule))
        var passing = ""
        var passingCount = 0
        for rule in report.rules where !rulesWithFindings.contains(rule.id) {
            let classname = prefix + "." + rule.id
            let name = Self.uniqueName(rule.id, rule: rule.id, used: &usedNames)
            passing += "    <testcase classname=\"\(Self.escaped(classname))\" name=\"\(Self.escaped(name))\"/>\n"
            passingCount += 1
        }
        var properties = client.map { [("ledgerlint.client", $0)] } ?? []
        if let filter = report.filterSentence {
            // A filtered run must not pass for a whole audit: the suite says so, and where each key was found.
            properties += [("ledgerlint.filter", filter)] + report.lookups.map { ("ledgerlint.key", $0.note) }
        }
        return Suite(
            name: name, properties: properties, tests: report.findings.count + passingCount,
            failures: report.findings.count, errors: 0,
            cases: .findings(report, prefix: prefix, names: names, passing: passing))
    }

    /// A failing case for each of `report`'s findings, named `names`, made on every core.
    static func writeFailing(_ report: Report, prefix: String, names: [String], into document: inout TextDocument) {
        let language = report.language
        let folder = TextReporter.LocationFolder(report.snapshot)
        document.append(concurrently: report.findings.count) { index, document in
            let finding = report.findings[index]
            let attribute = MarkupText.xmlAttribute
            let content = MarkupText.xmlContent
            document.append("    <testcase classname=\"")
            // Escaped a part at a time, as the whole would be: escaping goes a character at a time.
            attribute.escape(prefix, into: &document)
            document.append(byte: UInt8(ascii: "."))
            attribute.escape(finding.rule, into: &document)
            document.append("\" name=\"")
            attribute.escape(names[index], into: &document)
            document.append("\">\n      <failure type=\"")
            document.append(finding.severity.rawValue)
            document.append("\" message=\"")
            attribute.escape(finding.message, into: &document)
            document.append("\">")
            TextReporter.writeBlock(
                for: finding, language: language, style: TextReporter.Style(enabled: false), folder: folder
            ) { content.escape($0, into: &document) }
            document.append("</failure>\n    </testcase>\n")
        }
    }

    /// Room for one failing case, most of which take 500–700 bytes: more is never touched, so costs nothing.
    static let roomPerCase = 1024

    /// A `<testsuite>`: its counts and its lines.
    struct Suite {
        var name: String
        /// `ledgerlint.client` (the client's name, in a check of many clients), `ledgerlint.filter` and
        /// `ledgerlint.key` (a `--key` run), as name and value.
        var properties: [(String, String)] = []
        var tests: Int
        var failures: Int
        var errors: Int
        var cases = Cases.lines("")

        /// The suite's test cases: written when the suite is, straight into the document.
        enum Cases {
            /// A failing case per finding of the report, named `names`; then `passing`, the passing cases' lines.
            case findings(Report, prefix: String, names: [String], passing: String)
            /// Lines, each ending in a newline.
            case lines(String)
        }

        /// Room for the suite's lines.
        var capacity: Int {
            switch cases {
            case .findings(let report, _, _, let passing): 4096 + report.findings.count * roomPerCase + passing.utf8.count
            case .lines(let lines): 4096 + lines.utf8.count
            }
        }

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
        var total = Suite(name: suiteName, tests: 0, failures: 0, errors: 0)
        for suite in suites { total.add(suite) }
        var document = TextDocument(capacity: suites.reduce(4096) { $0 + $1.capacity })
        document.append(opening(total))
        for suite in suites { append(suite, to: &document) }
        document.append(closing)
        return document
    }

    /// The document's first lines, with the counts of every suite.
    static func opening(_ total: Suite) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(suiteName)\" \(total.counts)>\n"
    }

    static let closing = "</testsuites>\n"

    /// A `<testsuite>`, its properties and its cases, each line ending in a newline.
    static func append(_ suite: Suite, to document: inout TextDocument) {
        document.append("  <testsuite name=\"\(escaped(suite.name))\" \(suite.counts) skipped=\"0\">\n")
        if !suite.properties.isEmpty {
            document.append("    <properties>\n")
            for (name, value) in suite.properties {
                document.append("      <property name=\"\(name)\" value=\"\(escaped(value))\"/>\n")
            }
            document.append("    </properties>\n")
        }
        switch suite.cases {
        case .findings(let report, let prefix, let names, let passing):
            writeFailing(report, prefix: prefix, names: names, into: &document)
            document.append(passing)
        case .lines(let lines):
            document.append(lines)
        }
        document.append("  </testsuite>\n")
    }

    /// `name`, or `name (2)`, `name (3)`, … : the first not yet used within the rule's classname.
    static func uniqueName(_ name: String, rule: String, used: inout Set<CaseName>) -> String {
        var candidate = name
        var number = 1
        while !used.insert(CaseName(rule: rule, name: candidate)).inserted {
            number += 1
            candidate = "\(name) (\(number))"
        }
        return candidate
    }

    /// What GitLab identifies a test case by, classname and name, within one suite: its classname is the suite's
    /// prefix and the rule.
    struct CaseName: Hashable {
        var rule: String
        var name: String
    }

    /// Escapes text for XML 1.0 content or a double-quoted attribute (`MarkupText.xml`).
    static func escaped(_ text: String, inAttribute: Bool = true) -> String {
        MarkupText.xml(inAttribute: inAttribute).escaped(text)
    }
}
