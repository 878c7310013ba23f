import Foundation
import Testing
import LedgerLintTestSupport
@testable import LedgerLintCore
@testable import LedgerLintText
@testable import PowerOfficeGo

/// Tests for `SarifReporter`, `GitHubReporter`, `MarkdownReporter`, `HTMLReporter`, `CSVReporter`, and the
/// `suppressed` and `baseline` fields of `JSONReporter`.
///
/// Golden files live in `Fixtures/Golden` (`<format>-<language>.<ext>`); re-record with
/// `LEDGERLINT_RECORD=1 swift test --filter ReportFormatTests` and review the diff. SARIF output is validated
/// against the official schema, vendored as `Fixtures/sarif-schema-2.1.0.json`. The formats are documented in
/// `docs/output-formats.md`.
@Suite struct ReportFormatTests {
    // MARK: Golden files

    @Test(arguments: Language.allCases)
    func sarif(language: Language) {
        let output = SarifReporter().render(FormatSample.report(language))
        golden.assertJSON(output, matches: "sarif-\(language.rawValue).json")
        #expect(output.hasSuffix("}\n"))
    }

    /// The formats compared with their golden files as text, and those files' extension.
    static let textFormats: [(format: OutputFormat, fileExtension: String)] = [
        (.github, "txt"), (.markdown, "md"), (.html, "html"), (.csv, "csv"),
    ]

    @Test(arguments: textFormats, Language.allCases)
    func textFormat(_ text: (format: OutputFormat, fileExtension: String), language: Language) {
        let output = text.format.reporter(color: false).render(FormatSample.report(language))
        let name = "\(text.format.rawValue)-\(language.rawValue).\(text.fileExtension)"
        if text.format == .html {
            golden.assertHTML(output, matches: name, css: HTMLReporter.css, javaScript: HTMLReporter.script)
        } else {
            golden.assertText(output, matches: name)
        }
    }

    @Test func jsonWithSuppressedAndBaseline() {
        golden.assertJSON(JSONReporter().render(FormatSample.report(.en)), matches: "json-suppressed-baseline.json")
    }

    // MARK: SARIF

    static let sarifSchemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sarif-schema-2.1.0.json")

    static func sarifSchema() throws -> JSONSchemaSubset {
        try JSONSchemaSubset(contentsOf: sarifSchemaURL)
    }

    /// Reports to validate, by name (so that test logs stay short).
    static let sarifReports: [String: Report] = [
        "sample-en": FormatSample.report(.en),
        "sample-nb": FormatSample.report(.nb),
        "empty": Report(findings: [], rules: [], language: .en, snapshot: "."),
        // An Assist finding without a location has only a logical location.
        "no-location": Report(findings: [Sample.finding(rule: "r", severity: .info, key: "1")], rules: [], language: .nb, snapshot: "s"),
    ]

    @Test(arguments: sarifReports.keys.sorted())
    func sarifIsValidAgainstTheOfficialSchema(name: String) throws {
        let report = try #require(Self.sarifReports[name])
        let schema = try Self.sarifSchema()
        let output = try JSONDecoder().decode(JSONValue.self, from: Data(SarifReporter().render(report).utf8))
        let errors = schema.errors(in: output)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    @Test func sarifSchemaIsTheOfficialOneAndFullyUnderstood() throws {
        let schema = try Self.sarifSchema()
        guard case .object(let root) = schema.root else {
            Issue.record("The schema is not an object")
            return
        }
        #expect(root["id"] == .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"))
        // Every keyword that constrains documents is one the validator checks; a new one would be skipped silently.
        #expect(schema.unsupportedKeywords.isEmpty, "\(schema.unsupportedKeywords.sorted())")
    }

    /// The validator must reject what the schema forbids, or a passing validation proves nothing.
    @Test(arguments: [
        ("/version", JSONValue.string("2.0.0"), "is not one of"),
        ("/runs/0/results/0/level", .string("info"), "is not one of"),
        ("/runs/0/results/0/baselineState", .string("known"), "is not one of"),
        ("/runs/0/results/0/message", .object([:]), "anyOf"),
        ("/runs/0/results/0/locations/0/physicalLocation/region/startLine", .number(0), "below the minimum"),
        ("/runs/0/results/0/ruleIndex", .string("0"), "expected integer"),
        ("/runs/0/tool/driver", .object(["version": .string("1")]), "missing required property \"name\""),
        ("/runs/0/results/S/suppressions/0/kind", .string("config"), "is not one of"),
        ("/runs/0/results/S/suppressions/0/status", .string("approved"), "is not one of"),
        ("/runs/0/extra", .bool(true), "is not allowed"),
        ("/runs/0/language", .string("norsk"), "does not match"),
    ])
    func sarifValidatorRejects(path: String, replacement: JSONValue, expected: String) throws {
        let schema = try Self.sarifSchema()
        let report = FormatSample.report(.en)
        let document = try JSONDecoder().decode(JSONValue.self, from: Data(SarifReporter().render(report).utf8))
        // `S`: the first suppressed result, which comes after the counted and the unchanged ones.
        let firstSuppressed = report.findings.count + (report.baseline?.unchanged.count ?? 0)
        let components = path.split(separator: "/").map { $0 == "S" ? "\(firstSuppressed)" : String($0) }
        let changed = document.setting(components, to: replacement)
        #expect(changed != document, "path \(path) does not exist")
        let errors = schema.errors(in: changed)
        #expect(errors.contains { $0.contains(expected) }, "\(errors)")
    }

    @Test func sarifRunDescribesEveryRuleAndPointsResultsAtThem() throws {
        let report = FormatSample.report(.nb)
        let log = try sarifObject(report)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(run["language"] as? String == "nb")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "ledgerlint")
        #expect(driver["version"] as? String == Tool.version)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == report.rules.map(\.id))
        #expect(rules.map { ($0["shortDescription"] as? [String: Any])?["text"] as? String } == report.rules.map(\.name.nb))
        #expect(rules.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String }
            == report.rules.map { SarifReporter.level($0.severity) })

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count + report.suppressed.count + (report.baseline?.unchanged.count ?? 0))
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let states = results.map { $0["baselineState"] as? String }
        #expect(states.filter { $0 == "new" }.count == report.findings.count)
        #expect(states.filter { $0 == "unchanged" }.count == report.baseline?.unchanged.count)

        let suppressed = results.compactMap { $0["suppressions"] as? [[String: Any]] }
        #expect(suppressed.count == report.suppressed.count)
        #expect(suppressed.map { $0.first?["justification"] as? String } == report.suppressed.map(\.reason))
        #expect(suppressed.allSatisfy { $0.first?["kind"] as? String == "external" && $0.first?["status"] as? String == "accepted" })
    }

    @Test func sarifWithoutBaselineHasNoBaselineState() throws {
        var report = FormatSample.report(.en)
        report.baseline = nil
        let run = try #require((try sarifObject(report)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.findings.count + report.suppressed.count)
        #expect(results.allSatisfy { $0["baselineState"] == nil })
    }

    @Test func sarifFingerprintsAreStableAcrossLanguagesAndUnique() throws {
        let english = try fingerprints(FormatSample.report(.en))
        let norwegian = try fingerprints(FormatSample.report(.nb))
        #expect(english == norwegian)
        #expect(Set(english).count == english.count)
        #expect(english.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }

    /// `SarifReporter.occurrences` counts each identity's results in turn, as a dictionary of the identities would:
    /// identities repeated near and far, differing only in rule, system, entity or key, and keys that are numbers
    /// alike (`7` and `007`).
    @Test(arguments: [0, 1, 2, 40, 5000])
    func sarifOccurrencesCountEachIdentityInTurn(count: Int) {
        var random: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
        func next(_ bound: Int) -> Int {
            random = random &* 6364136223846793005 &+ 1442695040888963407
            return Int((random >> 33) % UInt64(bound))
        }
        let findings = (0..<count).map { _ in
            Sample.finding(
                rule: ["r", "s"][next(2)], severity: .error, system: [.assist, .poweroffice][next(2)],
                entity: [.customer, .product][next(2)], key: ["7", "007", "A-1", "", "Nygård"][next(5)])
        }
        var seen: [String: Int] = [:]
        let expected = findings.map { finding in
            let identity = "\(finding.rule)|\(finding.system)|\(finding.entity)|\(finding.key)"
            seen[identity, default: 0] += 1
            return seen[identity] ?? 0
        }
        #expect(SarifReporter.occurrences(count) { SarifReporter.Identity(findings[$0]) } == expected)
    }

    @Test func sarifFingerprintRecipe() {
        // FNV-1a 64 test vectors.
        #expect(SarifReporter.fnv1a64("") == "cbf29ce484222325")
        #expect(SarifReporter.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(SarifReporter.fnv1a64("foobar") == "85944171f73967e8")
        let finding = Sample.finding(rule: "customer-number-range", severity: .error, key: "5000")
        #expect(SarifReporter.fingerprint(finding, occurrence: 1)
            == SarifReporter.fnv1a64("customer-number-range|assist|customer|1|5000"))
        #expect(SarifReporter.fingerprint(finding, occurrence: 1) != SarifReporter.fingerprint(finding, occurrence: 2))
        let other = Sample.finding(rule: "customer-name-differs", severity: .warning, system: .poweroffice, key: "Nygård | AS")
        #expect(SarifReporter.fingerprint(other, occurrence: 12)
            == SarifReporter.fnv1a64("customer-name-differs|poweroffice|customer|12|Nygård | AS"))
        #expect(SarifReporter.fnv1a64("\u{0}") == "af63bd4c8601b7df")
    }

    @Test(arguments: [
        ("examples/demo", "assist/customers.csv", "examples/demo/assist/customers.csv"),
        ("examples/demo/", "assist/customers.csv", "examples/demo/assist/customers.csv"),
        ("./snapshots/kunde 1", "assist/customers.csv", "snapshots/kunde%201/assist/customers.csv"),
        (".", "assist/customers.csv", "assist/customers.csv"),
        ("Kunder/Ærlig Øl & Bær #2 (100%)", "assist/customers.csv", "Kunder/%C3%86rlig%20%C3%98l%20%26%20B%C3%A6r%20%232%20%28100%25%29/assist/customers.csv"),
        ("C:\\data\\snap", "assist\\customers.csv", "C%3A/data/snap/assist/customers.csv"),
        ("/srv/snap", "assist/customers.csv", "/srv/snap/assist/customers.csv"),
    ])
    func sarifArtifactURI(snapshot: String, file: String, expected: String) throws {
        let finding = Sample.finding(rule: "r", severity: .error, key: "1", location: .init(file: file, line: 3))
        let path = try #require(finding.snapshotFile(in: snapshot))
        let uri = SarifReporter.uri(forPath: path)
        #expect(uri == expected)
        #expect(URL(string: uri) != nil)
        #expect(uri.removingPercentEncoding == path)
    }

    @Test(arguments: [
        (Entity.customer, "s/poweroffice/Customers.json"),
        (.product, "s/poweroffice/Products.json"),
        (.productGroup, "s/poweroffice/ProductGroups.json"),
        (.account, "s/poweroffice/GeneralLedgerAccounts.json"),
    ])
    func powerOfficeFindingsPointAtTheirFile(entity: Entity, expected: String) throws {
        let finding = Sample.finding(rule: "r", severity: .error, system: .poweroffice, entity: entity, key: "1")
        #expect(finding.snapshotFile(in: "s") == expected)
        let report = Report(findings: [finding], rules: [], language: .en, snapshot: "s")
        let run = try #require((try sarifObject(report)["runs"] as? [[String: Any]])?.first)
        let location = try #require(((run["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == expected)
        #expect(physical["region"] == nil)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "poweroffice/\(entity.rawValue)/1")
        #expect(logical["kind"] as? String == entity.rawValue)
    }

    // MARK: GitHub

    @Test(arguments: [
        ("plain æøå", "plain æøå", "plain æøå"),
        ("100% sure", "100%25 sure", "100%25 sure"),
        ("a\r\nb\nc\rd", "a%0D%0Ab%0Ac%0Dd", "a%0D%0Ab%0Ac%0Dd"),
        ("key: 1, 2", "key: 1, 2", "key%3A 1%2C 2"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
        ("%0A", "%250A", "%250A"),
        ("\u{1B}[31mRED\u{1B}[0m\tx\u{7F}\u{85}", "\u{FFFD}[31mRED\u{FFFD}[0m\tx\u{FFFD}\u{FFFD}", "\u{FFFD}[31mRED\u{FFFD}[0m\tx\u{FFFD}\u{FFFD}"),
    ])
    func githubEscaping(input: String, data: String, property: String) {
        #expect(GitHubReporter.escapedData(input) == data)
        #expect(GitHubReporter.escapedProperty(input) == property)
    }

    @Test func githubDataCannotStartAnotherCommand() {
        let finding = Sample.finding(
            rule: "r", severity: .warning, key: "1,title=x", message: "first\n::error file=x::injected",
            location: .init(file: "a, b:c.csv", line: 2)
        )
        let output = GitHubReporter().render(Report(findings: [finding], rules: [], language: .en, snapshot: "s"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines == [
            "::warning file=s/a%2C b%3Ac.csv,line=2,title=r%3A 1%2Ctitle=x::first%0A::error file=x::injected — Hint.",
            "ledgerlint: 0 errors, 1 warning, 0 info",
        ])
    }

    @Test(arguments: [
        // errors, warnings, infos → annotated errors, warnings, notices, and the closing notice's counts
        (3, 2, 1, 3, 2, 1, nil),
        (10, 10, 10, 10, 10, 10, nil),
        (25, 12, 3, 10, 10, 3, "15 errors, 2 warnings not annotated"),
        (11, 0, 12, 10, 0, 9, "1 error, 3 info not annotated"),
        (0, 0, 11, 0, 0, 9, "2 info not annotated"),
    ] as [(Int, Int, Int, Int, Int, Int, String?)])
    func githubAnnotatesAtMostTenPerType(
        errors: Int, warnings: Int, infos: Int, shownErrors: Int, shownWarnings: Int, shownNotices: Int, leftOut: String?
    ) {
        var findings: [Finding] = []
        for (severity, count) in [(Severity.error, errors), (.warning, warnings), (.info, infos)] {
            findings += (0..<count).map { Sample.finding(rule: "r-\(severity.rawValue)", severity: severity, key: "\($0)") }
        }
        let report = Report(findings: findings, rules: [], language: .en, snapshot: "s")
        let lines = GitHubReporter().render(report).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == shownErrors)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == shownWarnings)
        let notices = lines.filter { $0.hasPrefix("::notice ") && !$0.hasPrefix("::notice title=ledgerlint::") }
        #expect(notices.count == shownNotices)
        let closing = lines.filter { $0.hasPrefix("::notice title=ledgerlint::") }
        if let leftOut {
            #expect(closing.count == 1)
            #expect(closing.first?.contains(leftOut) == true, "\(closing)")
            #expect(closing.first?.contains("at most 10") == true)
            // Never more than 10 notices in all, the closing one included.
            #expect(notices.count + closing.count <= 10)
        } else {
            #expect(closing.isEmpty)
        }
        // Most severe first, and the summary last.
        let kinds = lines.compactMap { line in ["::error ", "::warning ", "::notice "].firstIndex { line.hasPrefix($0) } }
        #expect(kinds == kinds.sorted())
        #expect(lines.last == "ledgerlint: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(infos) info")
    }

    // MARK: CSV

    @Test(arguments: [
        ("plain", "plain"),
        ("Ærlig Øl på Å", "Ærlig Øl på Å"),
        ("a;b", "\"a;b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("a,b", "a,b"),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+47 22 33 44 55", "'+47 22 33 44 55"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("=A1;B1", "\"'=A1;B1\""),
        ("=\"x\"", "\"'=\"\"x\"\"\""),
        ("\rstart", "\"'\rstart\""),
        ("\"\"", "\"\"\"\"\"\""),
        ("ends \"", "\"ends \"\"\""),
        ("æ;ø\"å", "\"æ;ø\"\"å\""),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func csvCell(input: String, expected: String) {
        #expect(CSVReporter.cell(input) == expected)
    }

    @Test(arguments: Language.allCases)
    func csvIsExcelFriendlyAndRoundTrips(language: Language) throws {
        let report = FormatSample.report(language)
        let output = CSVReporter().render(report)
        let bytes = Array(output.utf8)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        // Every line break outside quoted cells is CRLF: strip the quoted parts and look.
        var outsideQuotes = ""
        var quoted = false
        for scalar in output.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted { outsideQuotes.unicodeScalars.append(scalar) }
        }
        #expect(outsideQuotes.hasSuffix("\r\n"))
        #expect(!outsideQuotes.replacingOccurrences(of: "\r\n", with: "").contains { $0 == "\n" || $0 == "\r" })

        // The project's own CSV reader (what Excel-saved exports go through) reads it back cell for cell.
        let table = try CSVTable.parse(String(output.unicodeScalars.dropFirst()), path: "report.csv")
        #expect(table.delimiter == ";")
        #expect(table.header == CSVReporter.header[language])
        let rows = report.findings.map { ($0, "") } + report.suppressed.map { ($0.finding, $0.reason) }
        #expect(table.rows.count == rows.count)
        for (row, (finding, reason)) in zip(table.rows, rows) {
            #expect(row.fields[1] == finding.rule)
            #expect(row.fields[4] == (["=", "+", "-", "@"].contains(finding.key.first) ? "'" + finding.key : finding.key))
            #expect(row.fields[5] == finding.message)
            #expect(row.fields[8] == (finding.location?.line.map(String.init) ?? ""))
            #expect(row.fields[9] == reason)
        }
    }

    // MARK: HTML

    @Test(arguments: Language.allCases)
    func htmlIsSelfContainedAndEscapesData(language: Language) {
        let report = FormatSample.report(language)
        let html = HTMLReporter().render(report)
        let lowercased = html.lowercased()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
        // Nothing from outside the page: no URLs at all, no linked assets, links only within the page.
        for forbidden in ["http://", "https://", "//", "<link", "<img", "<iframe", "<object", "<embed", "src=", "url(", "@import", "@font-face"] {
            #expect(!lowercased.contains(forbidden), "found \(forbidden)")
        }
        let hrefs = lowercased.components(separatedBy: "href=").dropFirst()
        #expect(!hrefs.isEmpty)
        #expect(hrefs.allSatisfy { $0.hasPrefix("\"#rule-") }, "a link out of the page")
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("Fjord &amp; Fjell &lt;Ærlig&gt; AS"))
        #expect(html.contains("<time datetime=\"2025-03-14T09:30:00Z\">"))
        // Each suppressed reason is shown, escaped.
        for entry in report.suppressed {
            #expect(html.contains(HTMLReporter.escapedText(entry.reason)))
        }
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test(arguments: [
        (Language.en, "<dt>Checked</dt><dd><time datetime=\"2026-12-01T09:30:00Z\">1 December 2026, 09:30 UTC</time></dd>",
            "<dt>Checked with</dt><dd>ledgerlint \(Tool.version)</dd>"),
        (.nb, "<dt>Kontrollert</dt><dd><time datetime=\"2026-12-01T09:30:00Z\">1. desember 2026 kl. 09:30 UTC</time></dd>",
            "<dt>Kontrollert med</dt><dd>ledgerlint \(Tool.version)</dd>"),
    ])
    func htmlHeaderShowsWhenAndWithWhatItWasChecked(language: Language, checked: String, tool: String) {
        let html = HTMLReporter().render(FormatSample.report(language))
        #expect(html.contains(checked))
        #expect(html.contains(tool))
        var unchecked = FormatSample.report(language)
        unchecked.checkedAt = nil
        #expect(!HTMLReporter().render(unchecked).contains("<dt>\(language == .en ? "Checked" : "Kontrollert")</dt>"))
    }

    @Test(arguments: Language.allCases)
    func htmlChartIsLabelledWithRuleNames(language: Language) throws {
        let report = FormatSample.report(language)
        let html = HTMLReporter().render(report)
        let chart = try #require(html.components(separatedBy: "<ol class=\"bars\">").dropFirst().first?
            .components(separatedBy: "</ol>").first)
        let groups = report.findingsByRule
        #expect(chart.components(separatedBy: "<li ").count - 1 == groups.count)
        for group in groups {
            let name = try #require(group.rule?.name[language])
            // A rule whose name is only its id (as `Sample.rule` makes them) is labelled with the id alone.
            let label = name == group.id ? "<code>\(group.id)</code>" : "\(HTMLReporter.escaped(name)) <code>\(group.id)</code>"
            #expect(chart.contains("<a class=\"label\" href=\"#rule-\(group.id)\">\(label)</a>"))
            #expect(html.contains("id=\"rule-\(group.id)\""), "the chart links to a section that exists")
        }
        #expect(groups.filter { $0.name(language) != $0.id }.count == 3)
        #expect(chart.contains(language == .en ? "Sales account differs from Assist&#39;s | group" : "Salgskonto avviker fra Assists | gruppe"))
        // Most findings first; the largest bar is full width.
        #expect(chart.contains("href=\"#rule-customer-number-range\""))
        #expect(chart.components(separatedBy: "<li ")[1].contains("#rule-customer-number-range"))
        #expect(chart.components(separatedBy: "<li ")[1].contains("style=\"width: 100%\""))
    }

    @Test(arguments: [
        (Language.en, "Search", "Show", "Error", "Warning", "Info", "Showing {shown} of {total} findings"),
        (.nb, "Søk", "Vis", "Feil", "Advarsel", "Info", "Viser {shown} av {total} funn"),
    ])
    func htmlHasSearchAndSeverityFilterThatAreHiddenWithoutJavaScript(
        language: Language, search: String, show: String, error: String, warning: String, info: String, showing: String
    ) throws {
        let report = FormatSample.report(language)
        let html = HTMLReporter().render(report)
        // Rendered hidden; only the script shows them, so a page without JavaScript has no dead controls.
        #expect(html.contains("<div class=\"filters\" role=\"search\" hidden>"))
        #expect(html.contains("<label class=\"search\">\(search) <input type=\"search\" "))
        #expect(html.contains("<legend>\(show)</legend>"))
        for (severity, label) in [(Severity.error, error), (.warning, warning), (.info, info)] {
            let count = report.summary.count(of: severity)
            #expect(html.contains("<input type=\"checkbox\" value=\"\(severity.rawValue)\" checked> \(label) (\(count))</label>"))
        }
        #expect(html.contains("data-template=\"\(showing)\""))
        // Every finding's row carries its severity for the filter; nothing else does.
        #expect(html.components(separatedBy: "<tr data-severity=").count - 1 == report.findings.count)
        for severity in Severity.allCases {
            #expect(html.components(separatedBy: "<tr data-severity=\"\(severity.rawValue)\"").count - 1 == report.summary.count(of: severity))
        }
        // One script, inline, exactly the reporter's own: no data is ever written into it.
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.count == 1)
        let script = try #require(scripts.first?.components(separatedBy: "</script>").first)
        #expect(script == ">" + HTMLReporter.script)
        // The Content-Security-Policy allows that script by its hash, and nothing from outside.
        let hash = Data(SHA256.hash(Array(HTMLReporter.script.utf8))).base64EncodedString()
        #expect(html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'sha256-\(hash)'; base-uri 'none'; form-action 'none'\">"
        ))
    }

    @Test func htmlFilterCheckboxOfAnAbsentSeverityIsDisabled() {
        let report = Report(
            findings: [Sample.finding(rule: "r", severity: .warning, key: "1")], rules: [Sample.rule("r", .warning)],
            language: .en, snapshot: "s")
        let html = HTMLReporter().render(report)
        #expect(html.contains("<input type=\"checkbox\" value=\"error\" checked disabled> Error (0)</label>"))
        #expect(html.contains("<input type=\"checkbox\" value=\"warning\" checked> Warning (1)</label>"))
    }

    @Test func htmlPrintsOnA4WithoutControls() {
        let html = HTMLReporter().render(FormatSample.report(.en))
        let print = html.components(separatedBy: "@media print").dropFirst().first ?? ""
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@bottom-right { content: counter(page) \" / \" counter(pages);"), "pages are numbered")
        #expect(print.contains(".filters .controls, .filters:not(.active) { display: none !important; }"))
        #expect(print.contains("tr, .card, .bars li, .meta { break-inside: avoid;"))
        #expect(print.contains("section.suppressed { break-before: page;"))
    }

    @Test func htmlWithoutFindings() {
        let report = Report(findings: [], rules: [Sample.rule("r", .error)], language: .nb, snapshot: "s")
        let html = HTMLReporter().render(report)
        #expect(html.contains("<p class=\"empty\">Ingen funn.</p>"))
        #expect(!html.contains("class=\"bars\""))
        #expect(!html.contains("class=\"filters\""))
        #expect(!html.contains("<script"))
        #expect(!html.contains("class=\"suppressed\""))
    }

    @Test(arguments: [
        ("2025-03-14T09:30:00Z", Language.en, "14 March 2025, 09:30 UTC"),
        ("2025-03-14T09:30:00Z", .nb, "14. mars 2025 kl. 09:30 UTC"),
        ("2025-12-31T23:05:00+02:00", .en, "31 December 2025, 21:05 UTC"),
        ("2026-01-01T00:59:00+01:00", .nb, "31. desember 2025 kl. 23:59 UTC"),
        ("2025-01-02T03:04:05.678Z", .nb, "2. januar 2025 kl. 03:04 UTC"),
        ("yesterday", .en, "yesterday"),
        ("2025-03-14", .en, "2025-03-14"),
    ])
    func htmlShowsTimesInUTC(text: String, language: Language, expected: String) {
        #expect(HTMLReporter.displayTime(text, language) == expected)
    }

    @Test func checkTimeIsOnlyInTheReportsAPersonReads() {
        var unchecked = FormatSample.report(.en)
        unchecked.checkedAt = nil
        let checked = FormatSample.report(.en)
        let reporters: [any Reporter] = [JSONReporter(), SarifReporter(), JUnitReporter(), CSVReporter(), GitHubReporter(), TextReporter(color: false)]
        for reporter in reporters {
            #expect(reporter.render(checked) == reporter.render(unchecked), "\(type(of: reporter)) shows the check time")
        }
        #expect(HTMLReporter().render(checked) != HTMLReporter().render(unchecked))
    }

    // MARK: Markdown

    @Test(arguments: Language.allCases)
    func markdownTablesKeepTheirColumnsAndDataStaysText(language: Language) {
        let markdown = MarkdownReporter().render(FormatSample.report(language))
        // Rows of one table (consecutive lines starting with `|`) all have as many column borders as its header;
        // data pipes are escaped as `\|` and do not count.
        var tables: [[Int]] = []
        var previousWasRow = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                previousWasRow = false
                continue
            }
            var borders = 0
            var escaped = false
            for character in line {
                if character == "|" && !escaped { borders += 1 }
                escaped = character == "\\" && !escaped
            }
            if previousWasRow { tables[tables.count - 1].append(borders) } else { tables.append([borders]) }
            previousWasRow = true
        }
        #expect(tables.map(\.count) == [6, FormatSample.report(language).findingsByRule.count + 2])
        #expect(tables.map { Set($0) } == [[3], [5]])
        #expect(markdown.contains("\\|"))
        // `<` from the data is always `\<`, so it is never HTML.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<script"))
        #expect(markdown.contains("\\<script\\>"))
    }

    @Test func markdownFoldsLongGroups() {
        let findings = (1...7).map { Sample.finding(rule: "r", severity: .warning, key: "\($0)") }
        let report = Report(findings: findings, rules: [Sample.rule("r", .warning), Sample.rule("quiet", .info)], language: .en, snapshot: "s")
        let markdown = MarkdownReporter().render(report)
        #expect(markdown.contains("<details>\n<summary>Show all 7</summary>\n\n- Assist customer **1**"))
        #expect(markdown.contains("\n\n</details>"))
        #expect(markdown.contains("1 other rule ran and found nothing."))
        let short = Report(findings: Array(findings.prefix(5)), rules: [], language: .en, snapshot: "s")
        #expect(!MarkdownReporter().render(short).contains("<details>"))
    }

    @Test(arguments: [
        ("plain æøå", "plain æøå"),
        ("a|b", "a\\|b"),
        ("<script>", "\\<script\\>"),
        ("*x* _y_ `z` [l](u) ~s~", "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~"),
        ("@team #12 $x$ & !", "\\@team \\#12 \\$x\\$ \\& \\!"),
        ("line\r\nbreak\nthird", "line<br>break<br>third"),
        ("- item", "\\- item"),
        ("1. item", "1\\. item"),
        ("=== x", "\\=== x"),
        ("a - b", "a - b"),
        ("back\\slash", "back\\\\slash"),
        ("a\u{7}b\u{7F}c\u{85}d\td\rx", "a\u{FFFD}b\u{FFFD}c\u{FFFD}d d<br>x"),
        ("12)", "12\\)"), ("7.", "7\\."), ("\r\n-x", "<br>-x"), ("\u{9F}é", "\u{FFFD}é"), ("\r", "<br>"),
        ("x\r\r\ny", "x<br><br>y"),
    ])
    func markdownEscaping(input: String, expected: String) {
        #expect(MarkdownReporter.escaped(input) == expected)
    }

    // MARK: JSON

    @Test func jsonListsSuppressedFindingsAndBaseline() throws {
        let report = FormatSample.report(.en)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(JSONReporter().render(report).utf8)) as? [String: Any]
        )
        #expect(object["version"] as? Int == 1)
        let suppressed = try #require(object["suppressed"] as? [[String: Any]])
        #expect(suppressed.map { $0["reason"] as? String } == report.suppressed.map(\.reason))
        #expect(suppressed.map { $0["expires"] as? String } == report.suppressed.map(\.expires))
        #expect(suppressed.map { $0["key"] as? String } == report.suppressed.map(\.finding.key))
        #expect(suppressed.map { $0["rule"] as? String } == report.suppressed.map(\.finding.rule))
        let baseline = try #require(object["baseline"] as? [String: Any])
        #expect(baseline["unchanged"] as? Int == 1)
        let fixed = try #require(baseline["fixed"] as? [[String: String]])
        #expect(fixed == [
            ["rule": "customer-number-range", "system": "assist", "entity": "customer", "key": "4000"],
            ["rule": "product-group-exists", "system": "poweroffice", "entity": "product", "key": "A-3"],
        ])

        let plain = try #require(
            JSONSerialization.jsonObject(with: Data(JSONReporter().render(Sample.report(.en)).utf8)) as? [String: Any]
        )
        #expect((plain["suppressed"] as? [Any])?.isEmpty == true)
        #expect(plain["baseline"] == nil)
    }

    // MARK: OutputFormat

    @Test func outputFormatPicksTheNewReporters() {
        #expect(OutputFormat.sarif.reporter(color: true) is SarifReporter)
        #expect(OutputFormat.github.reporter(color: true) is GitHubReporter)
        #expect(OutputFormat.markdown.reporter(color: true) is MarkdownReporter)
        #expect(OutputFormat.html.reporter(color: true) is HTMLReporter)
        #expect(OutputFormat.csv.reporter(color: true) is CSVReporter)
        #expect(OutputFormat(rawValue: "sarif") == .sarif)
    }

    // MARK: Helpers

    func sarifObject(_ report: Report) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(SarifReporter().render(report).utf8)) as? [String: Any])
    }

    func fingerprints(_ report: Report) throws -> [String] {
        let run = try #require((try sarifObject(report)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        return results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SarifReporter.fingerprintKey] }
    }
}

/// The fixed report behind the golden files of `ReportFormatTests`: `Sample.report` (every severity, locations
/// with and without a line, XML-special characters, a repeated key) plus real rule names and descriptions, a
/// finding whose key, message and hint carry CSV, Markdown, HTML and formula characters, two suppressed findings,
/// a baseline comparison, snapshot metadata and a check time.
enum FormatSample {
    static func report(_ language: Language) -> Report {
        let base = Sample.report(language)
        let special = Sample.finding(
            rule: "organization-number", severity: .error, key: "=SUM(A1;A2)",
            message: LocalizedText(
                en: "Organisation number \"987 654 32\" of Ærlig Øl & Søt <script>alert('x')</script> has 8 digits; 100% | *wrong*,\nsee line 2.",
                nb: "Organisasjonsnummer \"987 654 32\" for Ærlig Øl & Søt <script>alert('x')</script> har 8 siffer; 100% | *feil*,\nse linje 2."
            )[language],
            hint: LocalizedText(
                en: "-Check it in Brønnøysundregistrene: [link](x) @support #1 $5 ~~x~~ _y_ `z`.",
                nb: "-Sjekk det i Brønnøysundregistrene: [lenke](x) @support #1 $5 ~~x~~ _y_ `z`."
            )[language],
            location: .init(file: "assist/customers.csv", line: 3)
        )
        let suppressed = [
            SuppressedFinding(
                finding: Sample.finding(
                    rule: "customer-send-method", severity: .info, system: .poweroffice, key: "10043",
                    message: LocalizedText(
                        en: "Customer 10043 gets e-mail as send method, not EHF.",
                        nb: "Kunde 10043 får e-post som sendingsmetode, ikke EHF."
                    )[language],
                    hint: LocalizedText(
                        en: "Change the send method by hand in PowerOffice.", nb: "Endre sendingsmetoden for hånd i PowerOffice."
                    )[language]
                ),
                reason: "Kunden har EHF-avtale; endres for hånd <b>etter</b> eksport", expires: "2025-12-31"
            ),
            SuppressedFinding(
                finding: Sample.finding(
                    rule: "product-sales-account", severity: .error, system: .poweroffice, entity: .product, key: "A-99",
                    message: LocalizedText(
                        en: "Product A-99 uses sales account 3000; Assist's group 99 uses 3020.",
                        nb: "Produktet A-99 bruker salgskonto 3000; Assists gruppe 99 bruker 3020."
                    )[language]
                ),
                reason: "Gruppe 99 brukes ikke lenger"
            ),
        ]
        let baseline = BaselineComparison(
            unchanged: [
                Sample.finding(
                    rule: "customer-email", severity: .warning, key: "12002",
                    message: LocalizedText(
                        en: "E-mail address \"kari@\" is not valid.", nb: "E-postadressen \"kari@\" er ikke gyldig."
                    )[language],
                    location: .init(file: "assist/customers.json")
                ),
            ],
            fixed: [
                BaselineEntry(rule: "product-group-exists", system: .poweroffice, entity: .product, key: "A-3"),
                BaselineEntry(rule: "customer-number-range", system: .assist, entity: .customer, key: "4000"),
            ]
        )
        return Report(
            findings: base.findings + [special], rules: base.rules.map(described), language: language,
            snapshot: base.snapshot, suppressed: suppressed, baseline: baseline,
            metadata: SnapshotManifest(client: "Fjord & Fjell <Ærlig> AS", fetchedAt: "2025-03-14T09:30:00Z", environment: "demo"),
            checkedAt: ReportTime.parse("2026-12-01T09:30:00Z")
        )
    }

    /// `rule` with a name, description, rationale and hint worth showing; `Sample.rule` fills them with the id.
    static func described(_ rule: Rule) -> Rule {
        var rule = rule
        let texts: [String: (name: LocalizedText, description: LocalizedText)] = [
            "customer-number-range": (
                LocalizedText(en: "Customer number outside the series", nb: "Kundenummer utenfor nummerserien"),
                LocalizedText(
                    en: "PowerOffice only accepts customer numbers in its customer number series.",
                    nb: "PowerOffice godtar bare kundenumre i kundenummerserien."
                )
            ),
            "organization-number": (
                LocalizedText(en: "Invalid organisation number", nb: "Ugyldig organisasjonsnummer"),
                LocalizedText(
                    en: "Nine digits with a valid MOD11 check digit <i>or</i> nothing.",
                    nb: "Ni siffer med gyldig MOD11-kontrollsiffer <i>eller</i> ingenting."
                )
            ),
            "product-sales-account": (
                LocalizedText(en: "Sales account differs from Assist's | group", nb: "Salgskonto avviker fra Assists | gruppe"),
                LocalizedText(
                    en: "The product A-n must have the same sales account as Assist's group n.",
                    nb: "Produktet A-n må ha samme salgskonto som gruppe n i Assist."
                )
            ),
        ]
        if let text = texts[rule.id] {
            rule.name = text.name
            rule.description = text.description
            rule.rationale = LocalizedText(en: "Exports fail otherwise.", nb: "Ellers feiler eksporten.")
            rule.hint = LocalizedText(en: "Fix {field} in Assist.", nb: "Rett {field} i Assist.")
        }
        return rule
    }
}

extension JSONValue {
    /// This value with the value at `path` (object keys and array indices) replaced; unchanged if the path does
    /// not exist.
    func setting(_ path: [String], to replacement: JSONValue) -> JSONValue {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch self {
        case .object(var object):
            if let member = object[first] {
                object[first] = member.setting(rest, to: replacement)
            } else if rest.isEmpty {
                object[first] = replacement
            }
            return .object(object)
        case .array(var array):
            guard let index = Int(first), array.indices.contains(index) else { return self }
            array[index] = array[index].setting(rest, to: replacement)
            return .array(array)
        default:
            return self
        }
    }
}
