import Foundation
import Testing

/// `check --key`: a filtered report says it is filtered and where each key was found, in every format and both
/// languages, and the exit code stays that of the findings.
@Suite struct KeyOptionTests {
    static let demo = CommandLineTests.demo

    /// The sentence each key must get, in each language.
    static let notes: [(key: String, language: String, note: String)] = [
        ("10008", "en", "not exported (Eksporteres = Nei), so not checked; not in PowerOffice."),
        ("10008", "nb", "eksporteres ikke (Eksporteres = Nei) og kontrolleres derfor ikke; finnes ikke i PowerOffice."),
        ("99999", "en", "99999: not found in the Assist export nor in PowerOffice."),
        ("99999", "nb", "99999: finnes verken i Assist-eksporten eller i PowerOffice."),
    ]

    static let filtered = ["en": "Filtered by --key: only findings about", "nb": "Filtrert med --key: bare funn om"]

    @Test(arguments: ["text", "json", "junit", "sarif", "github", "markdown", "html", "csv"])
    func everyFormatSaysWhereTheKeyWasFound(format: String) throws {
        for language in ["en", "nb"] {
            let run = try ledgerlint(
                "check", Self.demo, "--key", "10008", "--key", "99999", "--format", format, "--lang", language)
            #expect(run.status == 0, "no findings for either key: \(run.stderr)")
            // Markup formats escape quotes and apostrophes; the sentences compared here have none.
            // JSON and SARIF say it with a `filter` object rather than a sentence.
            let filtered = ["json", "sarif"].contains(format) ? #""filter" : {"# : Self.filtered[language]!
            #expect(run.stdout.contains(filtered), "\(format) \(language) does not say it is filtered")
            for note in Self.notes where note.language == language {
                #expect(run.stdout.contains(note.note), "\(format) \(language) lacks: \(note.note)\n\(run.stdout)")
            }
        }
    }

    @Test func theExitCodeStaysThatOfTheFindings() throws {
        #expect(try ledgerlint("check", Self.demo, "--key", "10004").status == 1)
        #expect(try ledgerlint("check", Self.demo, "--key", "10004", "--fail-on", "never").status == 0)
        #expect(try ledgerlint("check", Self.demo, "--key", "10008").status == 0)
    }

    @Test func theJSONReportCarriesTheFilterAndALookupPerKey() throws {
        let run = try ledgerlint("check", Self.demo, "--key", "10008", "--key", "a-4", "--format", "json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let filter = try #require(document["filter"] as? [String: Any])
        #expect(filter["keys"] as? [String] == ["10008", "a-4"])
        let lookups = try #require(document["lookups"] as? [[String: Any]])
        #expect(lookups.map { $0["key"] as? String } == ["10008", "a-4"])
        #expect(lookups[0]["foundIn"] as? [String] == ["assist"])
        #expect(lookups[0]["exported"] as? Bool == false)
        #expect(lookups[1]["foundIn"] as? [String] == ["assist", "poweroffice"])
        #expect(lookups[1]["exported"] is NSNull, "exported is null for a key that names no Assist customer")
        #expect((lookups[1]["note"] as? String)?.hasPrefix("a-4: in the Assist export as product group 4") == true)
        let keys = (document["findings"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(keys == ["A-4", "A-4"])
    }

    @Test func anUnfilteredReportHasNoFilterOrLookups() throws {
        let run = try ledgerlint("check", Self.demo, "--format", "json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["filter"] == nil && document["lookups"] == nil)
        #expect(!run.stdout.contains("--key"))
    }

    @Test(arguments: ["", "  "])
    func anEmptyKeyIsAUsageError(key: String) throws {
        let run = try ledgerlint("check", Self.demo, "--key", key)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--key needs a value"))
    }
}
