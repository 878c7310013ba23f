import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LedgerLintTestSupport
@testable import LedgerLintCore
@testable import LedgerLintText

/// Tests for `TextReporter`, `JSONReporter`, `JUnitReporter` and `OutputFormat.reporter(color:)`.
///
/// Golden files live in `Fixtures/Golden`, named after the test that uses them; re-record with
/// `LEDGERLINT_RECORD=1 swift test --filter ReporterTests` and review the diff. The formats are documented in
/// `docs/output-formats.md`.
@Suite struct ReporterTests {
    // MARK: Golden files

    @Test(arguments: Language.allCases)
    func text(language: Language) {
        let output = TextReporter(color: false).render(Sample.report(language))
        golden.assertText(output, matches: "text-\(language.rawValue).txt")
    }

    @Test func textWithColor() {
        let output = TextReporter(color: true).render(Sample.report(.en))
        golden.assertText(output, matches: "text-color-en.txt")
    }

    @Test func json() {
        let output = JSONReporter().render(Sample.report(.en))
        golden.assertJSON(output, matches: "json.json")
        #expect(output.hasSuffix("}\n"))
    }

    @Test(arguments: Language.allCases)
    func junit(language: Language) {
        let output = JUnitReporter().render(Sample.report(language))
        golden.assertText(output, matches: "junit-\(language.rawValue).xml")
    }

    // MARK: Text

    @Test(arguments: [
        (Language.en, [Severity](), "No findings."),
        (.nb, [], "Ingen funn."),
        (.en, [.error], "1 error, 0 warnings, 0 info"),
        (.en, [.error, .error, .warning, .info, .info], "2 errors, 1 warning, 2 info"),
        (.en, [.warning, .warning, .info], "0 errors, 2 warnings, 1 info"),
        (.nb, [.error], "1 feil, 0 advarsler, 0 info"),
        (.nb, [.error, .error, .warning, .info, .info], "2 feil, 1 advarsel, 2 info"),
        (.nb, [.warning, .warning, .info], "0 feil, 2 advarsler, 1 info"),
    ])
    func textLastLine(language: Language, severities: [Severity], expected: String) {
        let findings = severities.enumerated().map { index, severity in
            Sample.finding(rule: "r", severity: severity, key: "\(index)")
        }
        let report = Report(findings: findings, rules: [], language: language, snapshot: "s")
        let output = TextReporter(color: false).render(report)
        #expect(output.hasSuffix("\n"))
        #expect(output.split(separator: "\n").last.map(String.init) == expected)
    }

    /// Headlines say each subject once, in words: a product group by its number with PowerOffice's code for it,
    /// a record with neither number nor name by where it is.
    @Test(arguments: [
        (Entity.productGroup, "A-4", nil as LedgerLintCore.SourceLocation?, Language.en, "Assist product group 4 (A-4)"),
        (.productGroup, "A-4", nil, .nb, "Assist-produktgruppe 4 (A-4)"),
        (.customer, "10004", nil, .en, "Assist customer 10004"),
        (.customer, "", SourceLocation(file: "assist/customers.json", record: 3), .en,
         "Assist customer record 3 of assist/customers.json"),
        (.customer, "", SourceLocation(file: "assist/customers.json", record: 3), .nb,
         "Assist-kunde post 3 i assist/customers.json"),
        (.customer, "", SourceLocation(file: "assist/customers.csv", line: 8), .en,
         "Assist customer on line 8 of assist/customers.csv"),
        (.customer, "", nil, .nb, "Assist-kunde ikke oppgitt"),
    ])
    func headlinesNameTheirSubjectOnce(
        entity: Entity, key: String, location: LedgerLintCore.SourceLocation?, language: Language, expected: String
    ) {
        let finding = Finding(
            rule: "r", severity: .error, message: "m", hint: "", system: .assist, entity: entity, key: key,
            location: location)
        #expect(TextReporter.block(for: finding, language: language).hasPrefix(
            "\(Severity.error.word[language])[r] \(expected): m"))
    }

    @Test func aJSONRecordIsLocatedByItsPlaceInTheArray() {
        let location = SourceLocation(file: "assist/customers.json", record: 3)
        #expect(TextReporter.locationText(location, in: "snap") == "snap/assist/customers.json, record 3")
        #expect(TextReporter.locationText(location, in: "snap", language: .nb) == "snap/assist/customers.json, post 3")
    }

    @Test func textReplacesControlCharactersAndIndentsContinuationLines() {
        let finding = Sample.finding(rule: "r", severity: .error, key: "1\u{1B}[31m", message: "first\r\nsecond")
        let report = Report(findings: [finding], rules: [], language: .en, snapshot: "s")
        let output = TextReporter(color: false).render(report)
        #expect(!output.contains("\u{1B}"))
        #expect(output.hasPrefix("error[r] Assist customer 1\u{FFFD}[31m: first\n  second\n"))
    }

    @Test func textWithoutColorHasNoEscapes() {
        #expect(!TextReporter(color: false).render(Sample.report(.en)).contains("\u{1B}"))
        #expect(TextReporter(color: true).render(Sample.report(.en)).contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    // MARK: JSON

    @Test func jsonOmitsUnknownLocationAndKeepsReportOrder() throws {
        let report = Sample.report(.en)
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(JSONReporter().render(report).utf8)) as? [String: Any]
        )
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["key"] as? String } == report.findings.map(\.key))
        #expect(findings.map { $0["location"] == nil } == report.findings.map { $0.location == nil })
        let fileOnly = try #require(findings.first { $0["key"] as? String == "12001" })
        #expect((fileOnly["location"] as? [String: Any])?.keys.sorted() == ["file"])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["error": 3, "warning": 1, "info": 1, "total": 5])
        #expect(object["version"] as? Int == 1)
    }

    // MARK: JUnit

    @Test(arguments: Language.allCases)
    func junitParsesWithConsistentCounts(language: Language) throws {
        let report = Sample.report(language)
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let testcases = try document.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
        let failures = testcases.filter { !$0.elements(forName: "failure").isEmpty }
        let rulesWithoutFindings = report.rules.filter { rule in !report.findings.contains { $0.rule == rule.id } }

        #expect(failures.count == report.findings.count)
        #expect(testcases.count == report.findings.count + rulesWithoutFindings.count)
        for path in ["/testsuites", "/testsuites/testsuite"] {
            let element = try #require(try document.nodes(forXPath: path).first as? XMLElement)
            #expect(element.attribute(forName: "tests")?.stringValue == "\(testcases.count)")
            #expect(element.attribute(forName: "failures")?.stringValue == "\(failures.count)")
            #expect(element.attribute(forName: "errors")?.stringValue == "0")
        }

        let identities = testcases.map {
            "\($0.attribute(forName: "classname")?.stringValue ?? "") \($0.attribute(forName: "name")?.stringValue ?? "")"
        }
        #expect(Set(identities).count == identities.count)
        // Messages with `& < > " '` and æøå come back exactly, so escaping is lossless.
        let messages = failures.compactMap { $0.elements(forName: "failure").first?.attribute(forName: "message")?.stringValue }
        #expect(messages == report.findings.map(\.message))
        let types = failures.compactMap { $0.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue }
        #expect(types == report.findings.map(\.severity.rawValue))
    }

    @Test func junitNumbersRepeatedNamesDeterministically() throws {
        // A key that already looks like a disambiguated name must not collide with a generated one.
        let findings = ["5000", "5000", "5000 (2)", "5000"].enumerated().map { line, key in
            Sample.finding(rule: "r", severity: .error, key: key, location: .init(file: "c.csv", line: line + 1))
        }
        let report = Report(findings: findings, rules: [Sample.rule("r", .error)], language: .en, snapshot: "s")
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let names = try document.nodes(forXPath: "//testcase/@name").compactMap(\.stringValue)
        // Report order puts the three `5000` before `5000 (2)`, whose own name is then taken.
        #expect(names == ["customer 5000", "customer 5000 (2)", "customer 5000 (3)", "customer 5000 (2) (2)"])
    }

    @Test func junitReplacesCharactersIllegalInXML() throws {
        let finding = Sample.finding(rule: "r", severity: .error, key: "1\u{0B}", message: "a\u{01}b\u{1B}c\td\ne")
        let report = Report(findings: [finding], rules: [], language: .en, snapshot: "s")
        let document = try XMLDocument(data: Data(JUnitReporter().render(report).utf8))
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "a\u{FFFD}b\u{FFFD}c\td\ne")
        #expect(try document.nodes(forXPath: "//testcase/@name").first?.stringValue == "customer 1\u{FFFD}")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;"),
        ("æøå ÆØÅ", "æøå ÆØÅ"),
        ("tab\tnew\nline\r", "tab&#9;new&#10;line&#13;"),
        ("nul\u{0}esc\u{1B}\u{FFFF}", "nul\u{FFFD}esc\u{FFFD}\u{FFFD}"),
    ])
    func xmlAttributeEscaping(input: String, expected: String) {
        #expect(JUnitReporter.escaped(input) == expected)
    }

    @Test func emptyReports() throws {
        let empty = Report(findings: [], rules: [Sample.rule("r", .error)], language: .nb, snapshot: "s")
        #expect(TextReporter(color: true).render(empty) == "Ingen funn.\n")
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(JSONReporter().render(empty).utf8)) as? [String: Any]
        )
        #expect((json["findings"] as? [Any])?.isEmpty == true)
        #expect(JUnitReporter().render(empty).contains(
            "<testsuites name=\"ledgerlint\" tests=\"1\" failures=\"0\" errors=\"0\">"
        ))
    }

    // MARK: OutputFormat

    @Test func outputFormatPicksReporter() {
        #expect((OutputFormat.text.reporter(color: true) as? TextReporter)?.color == true)
        #expect((OutputFormat.text.reporter(color: false) as? TextReporter)?.color == false)
        #expect(OutputFormat.json.reporter(color: true) is JSONReporter)
        #expect(OutputFormat.junit.reporter(color: true) is JUnitReporter)
    }
}

/// The fixed report behind the golden files: every severity, a location with and without a line, a finding with
/// XML-special characters and æøå, two findings of one rule with the same key, and rules without findings.
enum Sample {
    static func report(_ language: Language) -> Report {
        // The two findings of one rule with the same key, on two lines of the export.
        let outsideSeries = { (line: Int) in
            finding(
                rule: "customer-number-range", severity: .error, key: "5000",
                message: LocalizedText(
                    en: "Customer number 5000 is outside PowerOffice's customer number series (10000–19999).",
                    nb: "Kundenummer 5000 er utenfor kundenummerserien i PowerOffice (10000–19999)."
                )[language],
                hint: LocalizedText(
                    en: "Give the customer a number in the series, or add a series for customers from Assist.",
                    nb: "Gi kunden et nummer i serien, eller legg til en nummerserie for kunder fra Assist."
                )[language],
                location: .init(file: "assist/customers.csv", line: line)
            )
        }
        let findings = [
            outsideSeries(7),
            outsideSeries(12),
            finding(
                rule: "product-sales-account", severity: .error, system: .poweroffice, entity: .product,
                key: "A-7 \"Tøy & sko\" <Særtilbud>",
                message: LocalizedText(
                    en: "Product 'A-7' \"Tøy & sko\" <Særtilbud> uses sales account 3000; Assist's group 7 uses 3010.",
                    nb: "Produktet 'A-7' \"Tøy & sko\" <Særtilbud> bruker salgskonto 3000; Assists gruppe 7 bruker 3010."
                )[language],
                hint: LocalizedText(
                    en: "Set the product's standard sales account to 3010 in PowerOffice.",
                    nb: "Sett standard salgskonto for produktet til 3010 i PowerOffice."
                )[language]
            ),
            finding(
                rule: "customer-email", severity: .warning, key: "12001",
                message: LocalizedText(
                    en: "E-mail address \"ola@nordmann\" is not valid.",
                    nb: "E-postadressen \"ola@nordmann\" er ikke gyldig."
                )[language],
                hint: LocalizedText(
                    en: "Invoices are sent by e-mail; correct the address in Assist.",
                    nb: "Fakturaer sendes på e-post; rett adressen i Assist."
                )[language],
                location: .init(file: "assist/customers.json")
            ),
            finding(
                rule: "customer-send-method", severity: .info, system: .poweroffice, key: "10042",
                message: LocalizedText(
                    en: "Customer 10042 gets e-mail as send method, not EHF.",
                    nb: "Kunde 10042 får e-post som sendingsmetode, ikke EHF."
                )[language],
                hint: LocalizedText(
                    en: "Change the send method by hand in PowerOffice after the customer is created.",
                    nb: "Endre sendingsmetoden for hånd i PowerOffice etter at kunden er opprettet."
                )[language]
            ),
        ]
        let rules = [
            rule("customer-number-range", .error),
            rule("organization-number", .error),
            rule("product-sales-account", .error),
            rule("product-group-exists", .error),
            rule("customer-email", .warning),
            rule("customer-send-method", .info),
        ]
        return Report(findings: findings, rules: rules, language: language, snapshot: "examples/demo")
    }

    static func finding(
        rule: String, severity: Severity, system: System = .assist, entity: Entity = .customer, key: String,
        message: String = "Message.", hint: String = "Hint.", location: LedgerLintCore.SourceLocation? = nil
    ) -> Finding {
        Finding(
            rule: rule, severity: severity, message: message, hint: hint,
            system: system, entity: entity, key: key, location: location
        )
    }

    /// A rule with the given id and severity; the reporters read nothing else, so the rest is filler.
    static func rule(_ id: String, _ severity: Severity) -> Rule {
        let text = LocalizedText(en: id, nb: id)
        return Rule(
            id: id, name: text, severity: severity, subject: .assistCustomers, check: Check(kind: .required),
            key: "{customerNumber}", message: text, hint: text, description: text, rationale: text,
            examples: .init(pass: [], fail: [])
        )
    }
}
