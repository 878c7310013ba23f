import Foundation
import Testing
import LedgerLintTestSupport

@testable import LedgerLintCore
@testable import ledgerlint
@testable import LedgerLintText
@testable import LedgerLintJSON
@testable import PowerOfficeGo

/// Under `nb`, everything LedgerLint says is Norwegian: every error (one of each case, most made by reading input that
/// is wrong the way a user's is), the help pages, the rule files and what `rules` and `explain` print, and whole runs
/// of the binary. A text that exists in English only, or is English under `nb`, fails here.
@Suite struct NorwegianTests {
    let scratch = Scratch()

    // MARK: - Checking one text

    /// Fails when `nb` is empty, is `en`, or has English words in it (`EnglishWords`).
    static func expectNorwegian(
        en: String, nb: String, _ what: String, sameAllowed: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(!nb.isEmpty, "\(what): no Norwegian text", sourceLocation: sourceLocation)
        #expect(!en.isEmpty, "\(what): no English text", sourceLocation: sourceLocation)
        if !sameAllowed { #expect(nb != en, "\(what): the Norwegian is the English: \(nb)", sourceLocation: sourceLocation) }
        let english = EnglishWords.found(in: nb)
        #expect(english.isEmpty, "\(what): English words \(english) in: \(nb)", sourceLocation: sourceLocation)
    }

    static func expectNorwegian(_ error: some LocalizedMessageError, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectNorwegian(
            en: error.message(.en), nb: error.message(.nb), "\(caseName(error))", sourceLocation: sourceLocation)
        #expect(error.errorDescription == error.message(.en), "library users get English", sourceLocation: sourceLocation)
    }

    @Test func theCheckFindsEnglish() throws {
        #expect(EnglishWords.found(in: "the file is missing") == ["the", "file", "is", "missing"])
        #expect(EnglishWords.found(in: "filen mangler 'the file' --no-such-file i examples/the-file.csv").isEmpty)
        let rules = try RuleSet.builtIn().rules
        for english in [Usage.check.en, RuleCatalogue.list(rules, language: .en), InputError.snapshotNotFound(path: "x").message(.en)] {
            #expect(!EnglishWords.found(in: english).isEmpty, "\(english)")
        }
    }

    // MARK: - Every case of every error

    static let packageRoot = CommandLineTests.packageRoot

    /// The cases `enum name` declares in `file` (relative to the package), read from the source: a case added there
    /// without an example here fails the test that uses this.
    static func caseNames(of name: String, in file: String) throws -> Set<String> {
        let source = try String(contentsOf: packageRoot.appendingPathComponent(file), encoding: .utf8)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.contains("enum \(name)") }) else {
            Issue.record("no enum \(name) in \(file)")
            return []
        }
        var names: Set<String> = []
        for line in lines[(start + 1)...] {
            if line == "}" { break }
            let trimmed = line.drop { $0 == " " }
            // Only the enum's own `case` lines (four spaces in), not those of a `switch` inside it.
            guard line.hasPrefix("    case "), !line.hasPrefix("     "), !trimmed.contains(":") || trimmed.contains("(") else {
                continue
            }
            var outside = ""
            var depth = 0
            for character in trimmed.dropFirst("case ".count) {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 } else if depth == 0 { outside.append(character) }
            }
            for part in outside.split(separator: ",") {
                let name = part.trimmingCharacters(in: .whitespaces).prefix { $0.isLetter || $0.isNumber }
                if !name.isEmpty { names.insert(String(name)) }
            }
        }
        return names
    }

    /// The name of an enum value's case: `badValue` for `.badValue(…)`.
    static func caseName(_ value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? "\(value)"
    }

    /// Checks that `errors` have a case of every case `enum name` in `file` declares, and each is Norwegian.
    static func expectEveryCase<E: LocalizedMessageError>(
        _ errors: [E], of name: String, in file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let declared = try caseNames(of: name, in: file)
        #expect(!declared.isEmpty, sourceLocation: sourceLocation)
        let covered = Set(errors.map(caseName))
        #expect(
            declared.subtracting(covered).isEmpty,
            "cases of \(name) without an example: \(declared.subtracting(covered).sorted())", sourceLocation: sourceLocation)
        for error in errors { expectNorwegian(error, sourceLocation: sourceLocation) }
    }

    /// Runs `body`, which must throw an `E`, and collects it.
    static func thrown<E: Error>(_ type: E.Type, _ errors: inout [E], _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no \(E.self) was thrown")
        } catch let error as E {
            errors.append(error)
        } catch {
            Issue.record("expected \(E.self), got \(error)")
        }
    }

    /// JSON that is not valid JSON, one for each way the scanner can say so.
    static let brokenJSON: [String] = [
        "", "[1] x", "[1,]", #"{"a": 1,}"#, "[1 2]", #"{"a": 1 "b": 2}"#, "{a: 1}", "[", "{", "[1,", #"{"a":"#,
        #"{"a" 1}"#, "[True]", "[tru]", "[#]", #"["abc"#, "[\"a\nb\"]", "[\"a\u{01}\"]", #"["\"#, #"["\x"]"#,
        #"["\u12"]"#, "[-]", "[01]", "[1.]", "[1e]", String(repeating: "[", count: 600),
    ]

    @Test func everyInputErrorIsSaidInNorwegian() throws {
        var errors: [InputError] = []
        let read = { (folder: URL) throws in _ = try SnapshotReader.read(at: folder) }
        Self.thrown(InputError.self, &errors) { try read(URL(fileURLWithPath: "/nonexistent/snapshot")) }

        let empty = try scratch.folder("nb-empty")
        for part in ["assist", "poweroffice"] {
            try FileManager.default.createDirectory(at: empty.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        Self.thrown(InputError.self, &errors) { try read(empty) }
        try write("Kundenummer;Navn;E-post\n10001;A;a@b.no\n", to: "assist/customers.csv", in: empty)
        Self.thrown(InputError.self, &errors) { try read(empty) }  // no poweroffice/Customers.json
        try write("[]", to: "assist/customers.json", in: empty)
        Self.thrown(InputError.self, &errors) { try read(empty) }  // customers.csv and customers.json

        let folderAsFile = try scratch.folder("nb-folder")
        try FileManager.default.createDirectory(
            at: folderAsFile.appendingPathComponent("assist/customers.csv"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folderAsFile.appendingPathComponent("poweroffice"), withIntermediateDirectories: true)
        Self.thrown(InputError.self, &errors) { try read(folderAsFile) }
        Self.thrown(InputError.self, &errors) {
            _ = try InputError.converting {
                try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF, 0x41, 0xFF]), path: "assist/customers.csv")
            }
        }
        Self.thrown(InputError.self, &errors) {
            _ = try InputError.converting { try TextDecoding.decode(Data([0xFF, 0xFE, 0x41]), path: "assist/customers.csv") }
        }

        let csv = { (text: String) throws in
            _ = try AssistExportReader.customers(csv: Data(text.utf8), file: "assist/customers.csv")
        }
        for text in [
            "Kundenummer;Navn;E-post\n1;A;a@b.no\u{0}\n", "Kundenummer;Navn;E-post\n1;\"Open;a@b.no\n",
            "Kundenummer;Navn;E-post\n1;A;a@b.no;x\n", "Kundenummer;Navn;E-post\n1;A\"b;a@b.no\n",
            "Kundenummer;Navn;E-post\n1;\"A\"b;a@b.no\n", "Kundenummer;Navn;E-post;Email\n", "Kundenummer;Navn;Telefon\n",
            "Kundenummer|Navn|E-post\n", "", "Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a@b.no;Brevdue\n",
            "Kundenummer;Navn;E-post;Eksporteres\n1;A;a@b.no;kanskje\n",
        ] {
            Self.thrown(InputError.self, &errors) { try csv(text) }
        }
        for text in ["Produktgruppe;Navn;Salgskonto\nA-2;Tjenester;3010\n", "Produktgruppe;Navn;Salgskonto\n1;Varer;30OO\n"] {
            Self.thrown(InputError.self, &errors) {
                _ = try AssistExportReader.productGroups(csv: Data(text.utf8), file: "assist/product-groups.csv")
            }
        }

        for text in Self.brokenJSON {
            Self.thrown(InputError.self, &errors) { _ = try InputError.converting { try JSONInput.parse(text, path: "x.json") } }
        }
        for text in [
            #"{"customers": []}"#, #"[{"customerNumber": 1, "sendMethod": "Fax"}]"#, #"[{"export": "kanskje"}]"#,
            #"[{"customerNumber": {"a": 1}}]"#, "[7]",
        ] {
            Self.thrown(InputError.self, &errors) {
                _ = try AssistExportReader.customers(json: Data(text.utf8), file: "assist/customers.json")
            }
        }
        for text in [#"[{"name": "Uten nummer"}]"#, #"[{"productGroup": 1.5}]"#, #"[{"productGroup": true}]"#] {
            Self.thrown(InputError.self, &errors) {
                _ = try AssistExportReader.productGroups(json: Data(text.utf8), file: "assist/product-groups.json")
            }
        }
        for text in [#"{"data": [], "success": true}"#, #"[{"Number": "x"}]"#, #"[{"Name": 5}]"#, #"[{"IsActive": 1}]"#, "[1]"] {
            Self.thrown(InputError.self, &errors) {
                _ = try PowerOfficeSnapshotReader.records(of: PowerOfficeCustomer.self, json: Data(text.utf8), file: "C.json")
            }
        }
        try Self.expectEveryCase(errors, of: "InputError", in: "Sources/LedgerLintCore/Input/InputError.swift")
    }

    @Test func everyRuleErrorIsSaidInNorwegian() throws {
        var errors: [RuleError] = []
        Self.thrown(RuleError.self, &errors) { _ = try RuleSet.load(from: URL(fileURLWithPath: "/nonexistent/rules")) }
        let empty = try scratch.folder("nb-rules")
        Self.thrown(RuleError.self, &errors) { _ = try RuleSet.load(from: empty) }
        let folderAsFile = try scratch.folder("nb-rules")
        try FileManager.default.createDirectory(
            at: folderAsFile.appendingPathComponent("x.json"), withIntermediateDirectories: true)
        Self.thrown(RuleError.self, &errors) { _ = try RuleSet.load(from: folderAsFile) }

        let rule = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("rules/customer-number-range.json"), encoding: .utf8)
        let replacements: [(String, String)] = [
            (#""severity": "error""#, #""severity": "eror""#), (#""severity""#, #""severty""#), (#""where""#, #""wehre""#),
            (#""field": "customerNumber""#, #""field": "customerNmber""#), ("{name}", "{nmae}"), ("{name}", "{name"),
            (#""integer": true"#, #""integer": true, "present": true"#),
            (#""kind": "in-ranges""#, #""kind": "pattern", "pattern": "([""#), (#""kind": "in-ranges""#, #""kind": "pattern""#),
            (#""kind": "in-ranges""#, #""kind": "exists-in", "join": "x""#), (#""kind": "in-ranges""#, #""kind": "equals""#),
            (#""kind": "in-ranges""#, #""kind": "one-of""#),
            (#""rangesFrom": "customerNumberSeries""#, #""ranges": [[2, 1]]"#),
            (#""rangesFrom": "customerNumberSeries""#, #""ranges": []"#),
            (#""rangesFrom": "customerNumberSeries""#, #""normalize": "none""#),
            (#""id": "customer-number-range""#, #""id": "My Rule""#),
            (#""subject": "assist.customers""#, #""subject": "assist.orders""#),
        ]
        var broken = ["{", String(rule.dropLast(3))]
        for (old, new) in replacements {
            let changed = rule.replacingOccurrences(of: old, with: new)
            #expect(changed != rule, "\(old) is not in the rule file")
            broken.append(changed)
        }
        for (index, text) in broken.enumerated() {
            let file = try write(text, to: "rule-\(index).json", in: scratch.folder("nb-rule"))
            Self.thrown(RuleError.self, &errors) { _ = try RuleSet.load(from: file) }
        }
        let twice = try scratch.folder("nb-twice")
        for name in ["a.json", "b.json"] { try Data(rule.utf8).write(to: twice.appendingPathComponent(name)) }
        Self.thrown(RuleError.self, &errors) { _ = try RuleSet.load(from: twice) }

        let builtIn = try RuleSet.builtIn()
        errors.append(.unknownRule(id: "customer-number", known: builtIn.rules.map(\.id)))
        errors.append(.unknownRule(id: "zzz", known: builtIn.rules.map(\.id)))
        errors.append(
            .rangesOutsideModel(
                id: "customer-number-range", source: "ledgerlint.json", ranges: "1–99",
                model: RangeSource.customerNumberSeries.name(of: [10000...19999])))
        try Self.expectEveryCase(errors, of: "RuleError", in: "Sources/LedgerLintCore/Rules/RuleError.swift")
    }

    @Test func everyConfigurationErrorIsSaidInNorwegian() throws {
        var errors: [ConfigurationError] = []
        let folder = try scratch.folder("nb-config")
        Self.thrown(ConfigurationError.self, &errors) {
            _ = try Configuration.locate(explicit: "/nonexistent/ledgerlint.json", snapshot: folder, workingDirectory: folder)
        }
        Self.thrown(ConfigurationError.self, &errors) { _ = try Configuration.load(from: folder) }
        let texts = [
            "{", #"{"verison": 1}"#, #"{"version": 2}"#, #"{"version": "1"}"#, #"{"rules": []}"#,
            #"{"rules": {"customer-number-range": "fatal"}}"#, #"{"rules": {"customer-number-range": {"severity": "eror"}}}"#,
            #"{"rules": {"customer-number-range": {"enabled": "yes"}}}"#,
            #"{"rules": {"customer-number-range": {"ranges": [[2, 1]]}}}"#,
            #"{"rules": {"customer-number-range": {"ranges": []}}}"#, #"{"rules": {"customer-number-range": {"values": [1.5]}}}"#,
            #"{"rules": {"customer-number-range": {"values": [null]}}}"#, #"{"suppressions": [{"rule": "x", "key": "1"}]}"#,
            #"{"suppressions": [{"rule": "x", "key": "1", "reason": ""}]}"#,
            #"{"suppressions": [{"rule": "x", "key": "1", "reason": "r", "expires": "31.12.2027"}]}"#,
            #"{"suppressions": [{"rule": "x", "key": "1", "reason": "r", "system": "sap"}]}"#, #"{"ruleFiles": [1]}"#,
        ]
        for (index, text) in texts.enumerated() {
            let file = try write(text, to: "config-\(index).json", in: folder)
            Self.thrown(ConfigurationError.self, &errors) { _ = try Configuration.load(from: file) }
        }
        for text in [#"{"rules": {"customer-numbr-range": "off"}}"#, #"{"rules": {"customer-number-range": {"values": ["a"]}}}"#] {
            let file = try write(text, to: "config-rules.json", in: folder)
            let configuration = try Configuration.load(from: file)
            Self.thrown(ConfigurationError.self, &errors) { _ = try RuleSet.builtIn().configured(configuration) }
        }
        try Self.expectEveryCase(
            errors, of: "ConfigurationError", in: "Sources/LedgerLintCore/Config/ConfigurationError.swift")
    }

    @Test func everySavedFileErrorIsSaidInNorwegian() throws {
        var errors: [SavedFileError] = []
        let folder = try scratch.folder("nb-baseline")
        let file = folder.appendingPathComponent("baseline.json")
        Self.thrown(SavedFileError.self, &errors) { _ = try Baseline.load(from: file) }
        for text in [#"{"version": 1, "entries": 5}"#, #"{"version": 3, "tool": "ledgerlint", "entries": []}"#, "[1, 2"] {
            try Data(text.utf8).write(to: file)
            Self.thrown(SavedFileError.self, &errors) { _ = try Baseline.load(from: file) }
        }
        try Self.expectEveryCase(errors, of: "SavedFileError", in: "Sources/LedgerLintCore/Findings/SavedFileError.swift")
    }

    @Test func everyPowerOfficeErrorIsSaidInNorwegian() throws {
        var errors: [PowerOfficeError] = []
        let keys = [
            PowerOfficeCredentials.applicationKeyVariable: "a", PowerOfficeCredentials.clientKeyVariable: "c",
            PowerOfficeCredentials.subscriptionKeyVariable: "s",
        ]
        Self.thrown(PowerOfficeError.self, &errors) { _ = try PowerOfficeConfiguration.resolve(processEnvironment: [:]) }
        Self.thrown(PowerOfficeError.self, &errors) {
            _ = try PowerOfficeConfiguration.resolve(credentialsFile: "/nonexistent/keys.json", processEnvironment: [:])
        }
        let folder = try scratch.folder("nb-keys")
        for (name, text, mode) in [("open.json", "{}", 0o644), ("text.json", "keys", 0o600), ("empty.json", "{}", 0o600)] {
            let file = try write(text, to: name, in: folder)
            #expect(chmod(file.path, mode_t(mode)) == 0)
            Self.thrown(PowerOfficeError.self, &errors) {
                _ = try PowerOfficeConfiguration.resolve(credentialsFile: file.path, processEnvironment: [:])
            }
        }
        Self.thrown(PowerOfficeError.self, &errors) {
            _ = try PowerOfficeConfiguration.resolve(environmentOption: "prod", processEnvironment: keys)
        }
        Self.thrown(PowerOfficeError.self, &errors) {
            _ = try PowerOfficeConfiguration.resolve(
                processEnvironment: keys.merging([PowerOfficeConfiguration.apiURLVariable: "ftp://x"]) { $1 })
        }
        Self.thrown(PowerOfficeError.self, &errors) { _ = try PowerOfficeConfiguration.resolve(pageSize: 0, processEnvironment: keys) }
        Self.thrown(PowerOfficeError.self, &errors) {
            _ = try PowerOfficeConfiguration.resolve(pagesInFlight: 11, processEnvironment: keys)
        }
        Self.thrown(PowerOfficeError.self, &errors) {
            _ = try PowerOfficeConfiguration.resolve(requestTimeout: 0.5, processEnvironment: keys)
        }
        var pageProblem = LocalizedText(verbatim: "")
        do { _ = try JSONArrayPages.rows(in: Data(#"{"data": []}"#.utf8)) } catch { pageProblem = error.reason }
        let token = PowerOfficeTransport.Subject.accessToken
        errors += [
            .invalidClient(environment: .demo, tokenURL: "https://goapi.poweroffice.net/Demo/OAuth/Token"),
            .subscriptionKeyRejected(environment: .production, message: LocalizedText(verbatim: "Access denied")),
            .subscriptionKeyRejected(environment: .production, message: LocalizedText(verbatim: "")),
            .tokenRejected(status: 500, detail: LocalizedText(verbatim: "Internal Server Error")),
            .unauthorized(resource: "Customers"),
            .forbidden(resource: "Customers", privilege: "Customer", invalidPrivileges: ["Customer"], clientName: "Ås AS"),
            .forbidden(resource: "Customers", privilege: "Customer", invalidPrivileges: nil, clientName: nil),
            .forbidden(resource: "ClientIntegrationInformation", privilege: nil, invalidPrivileges: [], clientName: nil),
            .requestRejected(resource: "Products", status: 404, detail: LocalizedText(verbatim: "")),
            .retriesExhausted(
                resource: token, url: "https://goapi.poweroffice.net/OAuth/Token", attempts: 5,
                lastProblem: LocalizedText(verbatim: "HTTP 503")),
            .rateLimited(
                resource: "Customers", url: "https://goapi.poweroffice.net/v2/Customers", waited: .seconds(60),
                lastProblem: LocalizedText(verbatim: "HTTP 429")),
            .malformedResponse(resource: "Customers", page: 2, reason: pageProblem),
            .malformedResponse(resource: token, page: nil, reason: pageProblem),
            .pageRepeats(resource: "Customers", page: 3), .listChanged(resource: "Customers", pages: [3, 3]),
            .listChanged(resource: "Customers", pages: [3, 4]),
        ]
        try Self.expectEveryCase(errors, of: "PowerOfficeError", in: "Sources/PowerOfficeGo/PowerOfficeError.swift")
    }

    @Test func everyClientListErrorIsSaidInNorwegian() throws {
        var errors: [ClientListError] = []
        let folder = try scratch.folder("nb-clients")
        let load = { (url: URL) throws in _ = try ClientList.load(from: url) }
        Self.thrown(ClientListError.self, &errors) { try load(folder.appendingPathComponent("clients.json")) }
        // No unknown key among them: that message lists the keys allowed, `folder` among them, a key shown as it is
        // (like a rule file's `where`) but also an English word this test looks for.
        let texts = [
            "{", #"{"clients": []}"#, #"{"clients": [{"nmae": "A"}]}"#, #"{"clients": [{"name": 5}]}"#,
            #"{"clients": [{"name": "A", "folder": ".a"}]}"#, #"{"clients": [{"name": "A", "clientKeyEnv": "X", "clientKeyFile": "y"}]}"#,
            #"{"clients": [{"name": "A", "clientKeyEnv": "1 X"}]}"#, #"{"clients": [{"name": "★"}]}"#,
            #"{"clients": [{"name": "A"}, {"name": "A"}]}"#, #"{"clients": [{"name": "Ås AS"}, {"name": "as-as"}]}"#,
        ]
        for (index, text) in texts.enumerated() {
            let file = try write(text, to: "clients-\(index).json", in: folder)
            Self.thrown(ClientListError.self, &errors) { try load(file) }
        }
        let file = try write(
            #"{"clients": [{"name": "Ås AS", "clientKeyEnv": "PO_AS"}, {"name": "Bølge AS", "clientKeyFile": "b.key"}, {"name": "C"}]}"#,
            to: "clients.json", in: folder)
        let list = try ClientList.load(from: file)
        Self.thrown(ClientListError.self, &errors) { _ = try list.selecting(only: ["Bolge AS"]) }
        for client in list.clients {
            Self.thrown(ClientListError.self, &errors) { _ = try list.clientKey(of: client, environment: [:]) }
        }
        try Self.expectEveryCase(errors, of: "ClientListError", in: "Sources/LedgerLintCore/Clients/ClientListError.swift")
    }

    @Test func theClientsFetchTableIsSaidInNorwegian() {
        let fetched = FetchedResources(
            environment: .demo, fetchedAt: Date(), integration: ClientIntegrationInformation(), json: [:],
            counts: Dictionary(uniqueKeysWithValues: PowerOfficeResource.allCases.map { ($0, 7) }))
        let outcomes = [
            ClientsFetch.Outcome(client: ClientEntry(name: "Fjordlys Regnskap AS"), result: .success(fetched)),
            ClientsFetch.Outcome(
                client: ClientEntry(name: "Måke Handel AS", index: 1),
                result: .failure(PowerOfficeError.invalidClient(environment: .demo, tokenURL: "u", clientKeySource: "PO_MAKE"))),
        ]
        for failuresOnly in [false, true] {
            let table = ClientsFetchSummary.text(outcomes, out: "byraa", failuresOnly: failuresOnly)
            Self.expectNorwegian(en: table.en, nb: table.nb, "the clients table")
        }
        let all = ClientsFetchSummary.text(Array(outcomes.prefix(1)), out: "byraa", failuresOnly: false)
        Self.expectNorwegian(en: all.en, nb: all.nb, "the clients table, none failed")
    }

    @Test func everySnapshotErrorIsSaidInNorwegian() throws {
        let errors = SnapshotError.samples + [.writeFailed(path: "/tmp/out", reason: InputFile.systemReason(ENOSPC))]
        try Self.expectEveryCase(errors, of: "SnapshotError", in: "Sources/LedgerLintCore/Snapshot/SnapshotError.swift")
    }

    @Test func everyFixPlanErrorIsSaidInNorwegian() throws {
        try Self.expectEveryCase(
            FixPlanError.samples, of: "FixPlanError", in: "Sources/LedgerLintCore/FixPlan/FixPlanError.swift")
    }

    @Test func everyDiffErrorIsSaidInNorwegian() throws {
        try Self.expectEveryCase(DiffError.samples, of: "DiffError", in: "Sources/LedgerLintCore/Findings/DiffError.swift")
    }

    @Test func retryLinesAreSaidInNorwegian() {
        for subject in [
            PowerOfficeTransport.Subject(resource: "Customers", page: 3),
            PowerOfficeTransport.Subject(resource: PowerOfficeTransport.Subject.accessToken),
        ] {
            let notice = RetryNotice(
                subject: subject.description, attempt: 1, wait: .seconds(2), problem: LocalizedText(verbatim: "HTTP 503"))
            Self.expectNorwegian(en: notice.message(.en), nb: notice.message(.nb), "retry line")
            #expect(notice.description == notice.message(.en))
        }
    }

    @Test func interruptsAndProgressAreSaidInNorwegian() {
        for (_, _, what) in Interrupts.signals {
            let note = FetchCommand.interrupted(committed: false, out: "uttrekk")
            Self.expectNorwegian(en: (what + note).en, nb: (what + note).nb, "interrupt line")
        }
        let committed = FetchCommand.interrupted(committed: true, out: "uttrekk")
        Self.expectNorwegian(en: committed.en, nb: committed.nb, "interrupt note")
        let reading = ProgressLine.reading(.demo) + LocalizedText(verbatim: "Customers 5000")
        Self.expectNorwegian(en: reading.en, nb: reading.nb, "progress line")
        for (done, total) in [(0, 1), (3, 200)] {
            let clients = ProgressLine.reading(.demo) + ProgressLine.clientsDone(done, of: total)
                + LocalizedText(verbatim: "; Fjordlys Regnskap AS ") + ProgressLine.rows(5044)
            Self.expectNorwegian(en: clients.en, nb: clients.nb, "progress line of many clients")
        }
        for fetched in [0, 1, 12] {
            let note = FetchCommand.interrupted(fetched: fetched, of: 200, out: "byraa")
            Self.expectNorwegian(en: note.en, nb: note.nb, "interrupt note of many clients")
        }
    }

    @Test func everyCommandLineErrorIsSaidInNorwegian() throws {
        try Self.expectEveryCase(UsageError.samples, of: "UsageError", in: "Sources/ledgerlint/Arguments.swift")
        try Self.expectEveryCase(OutputError.samples, of: "OutputError", in: "Sources/ledgerlint/CommandLineTool.swift")
    }

    // MARK: - Help

    static let helpPages: [(name: String, text: LocalizedText)] = [
        ("main", Usage.main), ("check", Usage.check), ("fetch", Usage.fetch), ("rules", Usage.rules),
        ("explain", Usage.explain), ("fix-plan", Usage.fixPlan), ("diff", Usage.diff),
    ]

    @Test func everyHelpPageIsInBothLanguages() {
        for page in Self.helpPages {
            Self.expectNorwegian(en: page.text.en, nb: page.text.nb, "help for \(page.name)")
        }
    }

    /// A command line for each way a command is parsed, and the help page that must list what it takes.
    static let commandLines: [(arguments: [String], help: LocalizedText)] = [
        (["check"], Usage.check), (["check", "--live"], Usage.check), (["fetch", "--out", "x"], Usage.fetch),
        (["rules"], Usage.rules), (["explain"], Usage.explain), (["fix-plan", "--out", "x"], Usage.fixPlan),
        (["fix-plan", "--out", "x", "--live"], Usage.fixPlan), (["diff"], Usage.diff),
    ]

    /// The options the parser takes for a command line: what it lists when given one it does not take.
    static func acceptedOptions(_ arguments: [String]) throws -> [String] {
        let command = arguments[0]
        let parsed = Arguments(arguments.dropFirst() + ["--no-such-option"], command: command)
        do {
            switch command {
            case "check": _ = try CheckCommand(parsed, environment: [:])
            case "fetch": _ = try FetchCommand(parsed, environment: [:])
            case "rules": _ = try RulesCommand(parsed, environment: [:])
            case "explain": _ = try ExplainCommand(parsed, environment: [:])
            case "fix-plan": _ = try FixPlanCommand(parsed, environment: [:])
            case "diff": _ = try DiffCommand(parsed, environment: [:])
            default: Issue.record("no command \(command)")
            }
        } catch UsageError.unknownOption(_, _, let known) {
            return known
        }
        Issue.record("\(arguments) took --no-such-option")
        return []
    }

    @Test(arguments: 0..<commandLines.count)
    func helpListsEveryOptionTheCommandTakes(_ index: Int) throws {
        let (arguments, help) = Self.commandLines[index]
        let options = try Self.acceptedOptions(arguments)
        #expect(options.contains("--lang"))
        for language in [Language.en, .nb] {
            let words = Set(help[language].split { $0.isWhitespace || "[],|=".contains($0) }.map(String.init))
            for option in options {
                #expect(words.contains(option), "\(arguments.joined(separator: " ")) --help (\(language)) does not list \(option)")
            }
        }
    }

    // MARK: - Rules

    @Test func everyRuleTextIsInBothLanguages() throws {
        for rule in try RuleSet.builtIn().rules {
            var texts = [
                ("name", rule.name), ("description", rule.description), ("rationale", rule.rationale),
                ("message", rule.message), ("hint", rule.hint),
            ]
            texts += (rule.examples.pass + rule.examples.fail).map { ("example '\($0.name.en)'", $0.name) }
            for (field, text) in texts {
                // A name of one word (`EHF`) is the same in both languages.
                let single = !text.en.contains(" ")
                Self.expectNorwegian(en: text.en, nb: text.nb, "\(rule.id): \(field)", sameAllowed: single)
            }
        }
    }

    @Test func rulesAndExplainAreNorwegian() throws {
        let rules = try RuleSet.builtIn().rules
        Self.expectNorwegian(
            en: RuleCatalogue.list(rules, language: .en), nb: RuleCatalogue.list(rules, language: .nb), "rules")
        Self.expectNorwegian(
            en: RuleCatalogue.markdown(rules, language: .en), nb: RuleCatalogue.markdown(rules, language: .nb),
            "rules --markdown")
        for rule in rules {
            Self.expectNorwegian(
                en: RuleCatalogue.explain(rule, language: .en), nb: RuleCatalogue.explain(rule, language: .nb),
                "explain \(rule.id)")
        }
    }

    // MARK: - Whole runs

    /// Each way a user asks for Norwegian.
    static let norwegian: [(arguments: [String], environment: [String: String])] = [
        ([], ["LANG": "nb_NO.UTF-8"]), (["--lang", "nb"], [:]), (["--lang=nb"], ["LANG": "C.UTF-8"]),
    ]

    static let runs: [[String]] = [
        ["check", "/nonexistent"], ["--help"], ["rules"], ["explain", "customer-number-range"], ["check", "--help"],
        ["fetch", "--help"], ["rules", "--help"], ["explain", "--help"], ["check"], ["chek"],
        ["check", CommandLineTests.demo, "--verbose"], ["check", CommandLineTests.demo, "--format", "pdf"],
        ["explain", "customer-number"], ["fetch", "--out", "/dev/null/snapshot"], ["check", CommandLineTests.demo],
        ["rules", "--markdown"],
        ["check", CommandLineTests.demo, "--key", "10008", "--key", "99999", "--key", "a-4", "--key", "10004"],
        ["check", CommandLineTests.demo, "--key", "10008", "--key", "99999", "--format", "markdown"],
        ["check", CommandLineTests.demo, "--key", ""], ["fix-plan", "--help"],
        ["fix-plan", CommandLineTests.demo, "--series", "50000-59999", "--out", "/dev/null/plan"], ["diff", "--help"],
        ["diff", CommandLineTests.demo, CommandLineTests.demo], ["check", CommandLineTests.bureau],
        ["check", CommandLineTests.bureau, "--format", "markdown"], ["check", CommandLineTests.bureau, "--key", "10004"],
        ["diff", CommandLineTests.bureau, CommandLineTests.bureau], ["diff", CommandLineTests.bureau, CommandLineTests.demo],
        ["fetch", "--clients", "/nonexistent/clients.json", "--out", "/dev/null/bureau"], ["fetch", "--out", "x", "--only", "A"],
    ]

    @Test(arguments: 0..<runs.count)
    func runsSayNothingInEnglish(_ index: Int) throws {
        for way in Self.norwegian {
            let arguments = Self.runs[index] + way.arguments
            let run = try ledgerlint(arguments, environment: way.environment)
            let said = run.stdout + run.stderr
            #expect(!said.isEmpty)
            let english = EnglishWords.found(in: said)
            #expect(english.isEmpty, "ledgerlint \(arguments.joined(separator: " ")): English words \(english) in:\n\(said)")
        }
    }

    @Test func aBadLangIsRefusedInTheLanguageOfLANG() throws {
        let norwegian = try ledgerlint(["rules", "--lang", "sv"], environment: ["LANG": "nb_NO.UTF-8"])
        #expect(norwegian.status == 2)
        #expect(norwegian.stderr.contains("--lang 'sv' er ikke blant de tillatte verdiene: en, nb"), "\(norwegian.stderr)")
        let english = try ledgerlint(["rules", "--lang", "sv"], environment: ["LANG": "en_US.UTF-8"])
        #expect(english.stderr.contains("--lang 'sv' is not one of: en, nb"), "\(english.stderr)")
    }

    @Test func warningsAndNotesOfCheckAreNorwegian() throws {
        let snapshot = try scratch.copy(of: CommandLineTests.demo, as: "ledgerlint-demo")
        let config = """
            {"suppressions": [
              {"rule": "customer-number-range", "key": "5020", "reason": "flyttes", "expires": "2020-01-01"},
              {"rule": "customer-number-range", "key": "99999", "reason": "finnes ikke"}
            ]}
            """
        try Data(config.utf8).write(to: snapshot.appendingPathComponent("ledgerlint.json"))
        let baseline = scratch.url("nb-baseline", extension: "json")
        let run = try ledgerlint(
            ["check", snapshot.path, "--write-baseline", baseline.path], environment: ["LANG": "nb_NO.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(run.stderr)")
        #expect(lines.filter { $0.hasPrefix("ledgerlint: advarsel: ") }.count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("skrev en baseline med"), "\(run.stderr)")
        #expect(EnglishWords.found(in: run.stderr).isEmpty, "\(run.stderr)")
    }
}
