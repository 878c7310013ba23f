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

    public func render(_ report: Report) -> String {
        var failing: [String] = []
        var usedNames: Set<String> = []
        for finding in report.findings {
            let classname = Self.classname(finding.rule)
            let name = Self.uniqueName("\(finding.entity.rawValue) \(finding.key)", classname: classname, used: &usedNames)
            let body = TextReporter.block(for: finding, language: report.language, snapshot: report.snapshot)
            failing.append(
                "    <testcase classname=\"\(Self.escaped(classname))\" name=\"\(Self.escaped(name))\">\n"
                    + "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escaped(finding.message))\">"
                    + Self.escaped(body, inAttribute: false) + "</failure>\n"
                    + "    </testcase>"
            )
        }

        let rulesWithFindings = Set(report.findings.map(\.rule))
        var passing: [String] = []
        for rule in report.rules where !rulesWithFindings.contains(rule.id) {
            let classname = Self.classname(rule.id)
            let name = Self.uniqueName(rule.id, classname: classname, used: &usedNames)
            passing.append("    <testcase classname=\"\(Self.escaped(classname))\" name=\"\(Self.escaped(name))\"/>")
        }

        let tests = failing.count + passing.count
        let failures = failing.count
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"\(Self.suiteName)\" \(counts)>",
            "  <testsuite name=\"\(Self.suiteName)\" \(counts) skipped=\"0\">",
        ]
        if let filter = report.filterSentence {
            // A filtered run must not pass for a whole audit: the suite says so, and where each key was found.
            lines.append("    <properties>")
            for (name, value) in [("ledgerlint.filter", filter)] + report.lookups.map({ ("ledgerlint.key", $0.note) }) {
                lines.append("      <property name=\"\(name)\" value=\"\(Self.escaped(value))\"/>")
            }
            lines.append("    </properties>")
        }
        lines += failing
        lines += passing
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func classname(_ rule: String) -> String { "\(suiteName).\(rule)" }

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
