import Foundation
import Testing
import LedgerLintTestSupport

@testable import LedgerLintCore
@testable import LedgerLintText

/// Loading rule files: the built-in set, and every way a hand-edited rule file can be wrong.
@Suite struct RuleSetTests {
    let scratch = Scratch()

    /// A valid rule file's JSON, to break in one place per test.
    static func validRule(id: String = "my-rule") -> [String: Any] {
        [
            "id": id, "severity": "error",
            "name": ["en": "Name", "nb": "Navn"],
            "description": ["en": "D", "nb": "D"], "rationale": ["en": "R", "nb": "R"],
            "subject": "assist.customers",
            "check": ["kind": "required", "field": "email"],
            "key": "{customerNumber}",
            "message": ["en": "Customer {name} has no e-mail", "nb": "Kunden {name} mangler e-post"],
            "hint": ["en": "Add one", "nb": "Legg inn"],
            "examples": ["pass": [], "fail": []],
        ]
    }

    func write(_ object: Any, named name: String = "my-rule.json") throws -> URL {
        let folder = try scratch.folder("RuleSetTests")
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: folder.appendingPathComponent(name))
        return folder
    }

    func loadError(_ object: [String: Any]) throws -> String {
        let folder = try write(object)
        do {
            _ = try RuleSet.load(from: folder)
            Issue.record("the rule loaded")
            return ""
        } catch {
            return error.localizedDescription
        }
    }

    @Test func builtInSetIsTheRuleFolder() throws {
        let builtIn = try RuleSet.builtIn()
        let folder = try RuleSet.load(from: RuleFiles.folder)
        #expect(builtIn.rules == folder.rules, "the embedded rules differ from rules/: rebuild")
        #expect(builtIn.rules.map(\.id) == builtIn.rules.map(\.id).sorted())
    }

    @Test func theDefaultRuleSetHasTheDocumentedRules() throws {
        let ids = Set(try RuleSet.builtIn().rules.map(\.id))
        let documented: Set = [
            "customer-number-missing", "customer-number-invalid", "customer-number-range", "customer-number-duplicate",
            "customer-number-conflict", "customer-email-missing", "customer-email-invalid", "customer-ehf-manual",
            "organization-number-invalid", "customer-ehf-organization-number", "product-code-missing",
            "product-code-archived", "sales-account-mismatch", "sales-account-unknown", "sales-account-not-income",
            "product-code-orphan", "product-group-duplicate",
        ]
        #expect(ids == documented)
    }

    @Test func aValidRuleLoads() throws {
        let rules = try RuleSet.load(from: try write(Self.validRule()))
        #expect(rules.rules.map(\.id) == ["my-rule"])
    }

    @Test func aSingleRuleFileLoads() throws {
        let folder = try write(Self.validRule())
        let rules = try RuleSet.load(from: folder.appendingPathComponent("my-rule.json"))
        #expect(rules.rules.count == 1)
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let folder = try scratch.folder("RuleSetTests")
        let file = folder.appendingPathComponent("broken.json")
        try Data("{\n  \"id\": \"x\",\n  \"severity\": error\n}\n".utf8).write(to: file)
        #expect(throws: RuleError.self) { try RuleSet.load(from: folder) }
        do {
            _ = try RuleSet.load(from: folder)
        } catch {
            #expect(error.localizedDescription.contains("broken.json:3:15"), "\(error.localizedDescription)")
        }
    }

    struct BadRule: Sendable, CustomTestStringConvertible {
        var what: String
        var change: @Sendable (inout [String: Any]) -> Void
        var expected: [String]
        var testDescription: String { what }
    }

    static let badRules: [BadRule] = [
        BadRule(what: "unknown severity", change: { $0["severity"] = "fatal" }, expected: ["at severity", "'fatal' is not one of: info, warning, error"]),
        BadRule(what: "misspelt severity", change: { $0["severity"] = "eror" }, expected: ["at severity", "did you mean 'error'?"]),
        BadRule(what: "misspelt normalization", change: { $0["check"] = ["kind": "unique", "field": "email", "normalize": "digit"] }, expected: ["at check.normalize", "none, digits, case-insensitive", "did you mean 'digits'?"]),
        BadRule(what: "misspelt key at the top", change: { $0["wehre"] = [["field": "email", "present": true]] }, expected: ["at the top level", "unknown key 'wehre'", "did you mean 'where'?", "allowed here: check, description"]),
        BadRule(what: "misspelt required key", change: { $0["severty"] = $0.removeValue(forKey: "severity") }, expected: ["unknown key 'severty'", "did you mean 'severity'?"]),
        BadRule(what: "misspelt check option", change: { $0["check"] = ["kind": "in-ranges", "field": "customerNumber", "rangez": [[1, 2]]] }, expected: ["at check", "unknown key 'rangez'", "did you mean 'ranges'?"]),
        BadRule(what: "misspelt condition", change: { $0["where"] = [["field": "email", "presnet": true]] }, expected: ["at where[0]", "unknown key 'presnet'", "did you mean 'present'?"]),
        BadRule(what: "misspelt field in an example", change: {
            $0["examples"] = ["pass": [["name": ["en": "x", "nb": "x"], "data": ["assist": ["customers": [["customerNumbr": "10001"]]]]]], "fail": []]
        }, expected: ["at examples.pass[0].data.assist.customers[0]", "unknown key 'customerNumbr'", "did you mean 'customerNumber'?"]),
        BadRule(what: "unknown subject", change: { $0["subject"] = "assist.orders" }, expected: ["subject", "assist.orders"]),
        BadRule(what: "unknown check kind", change: { $0["check"] = ["kind": "exists", "field": "email"] }, expected: ["check.kind", "exists"]),
        BadRule(what: "unknown field", change: { $0["check"] = ["kind": "required", "field": "mail"] }, expected: ["check.field", "'mail' is not a field of assist.customers; did you mean 'email'?"]),
        BadRule(what: "unknown placeholder", change: { $0["message"] = ["en": "Customer {nmae}", "nb": "x"] }, expected: ["message.en", "{nmae}"]),
        BadRule(what: "unclosed placeholder", change: { $0["hint"] = ["en": "ok", "nb": "Kunden {name"] }, expected: ["hint.nb", "closing"]),
        BadRule(what: "missing Norwegian text", change: { $0["hint"] = ["en": "ok"] }, expected: ["hint", "nb"]),
        BadRule(what: "bad regular expression", change: { $0["check"] = ["kind": "pattern", "field": "email", "pattern": "(["] }, expected: ["check.pattern", "(["]),
        BadRule(what: "in-ranges without ranges", change: { $0["check"] = ["kind": "in-ranges", "field": "customerNumber"] }, expected: ["check", "rangesFrom"]),
        BadRule(what: "reversed range", change: { $0["check"] = ["kind": "in-ranges", "field": "customerNumber", "ranges": [[20000, 10000]]] }, expected: ["check.ranges[0]"]),
        BadRule(what: "exists-in without a join", change: { $0["check"] = ["kind": "exists-in", "join": "product"] }, expected: ["check.join", "product"]),
        BadRule(what: "join field on the wrong subject", change: {
            $0["joins"] = [["name": "po", "subject": "poweroffice.customers", "key": "{customerNumber}", "on": "{Numbr}"]]
        }, expected: ["joins[0].on", "'Numbr' is not a field of poweroffice.customers; did you mean 'Number'? (fields: "]),
        BadRule(what: "condition with two tests", change: { $0["where"] = [["field": "email", "present": true, "equals": "x"]] }, expected: ["where[0]", "exactly one"]),
        BadRule(what: "bad id", change: { $0["id"] = "My Rule" }, expected: ["id", "My Rule", "did you mean 'my-rule'?"]),
        BadRule(what: "id in snake case", change: { $0["id"] = "customer_email__missing_" }, expected: ["did you mean 'customer-email-missing'?"]),
    ]

    @Test func aSuggestedIDIsLowercaseWordsOrNone() {
        #expect(RuleSet.ruleID(near: "øre-avrunding") == nil)
        #expect(RuleSet.ruleID(near: "--") == nil)
        #expect(RuleSet.ruleID(near: "Customer.Email") == "customer-email")
    }

    @Test(arguments: badRules)
    func badRuleFilesSayWhatAndWhere(_ bad: BadRule) throws {
        var rule = Self.validRule()
        bad.change(&rule)
        let message = try loadError(rule)
        #expect(message.contains("my-rule.json"), "\(message)")
        for part in bad.expected {
            #expect(message.contains(part), "'\(part)' not in: \(message)")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let folder = try scratch.folder("RuleSetTests")
        let json = try JSONSerialization.data(withJSONObject: Self.validRule())
        try (Data([0xEF, 0xBB, 0xBF]) + json).write(to: folder.appendingPathComponent("my-rule.json"))
        #expect(try RuleSet.load(from: folder).rules.map(\.id) == ["my-rule"])
    }

    @Test func duplicateIDsAreRefused() throws {
        let folder = try write(Self.validRule())
        let data = try JSONSerialization.data(withJSONObject: Self.validRule())
        try data.write(to: folder.appendingPathComponent("copy.json"))
        #expect(throws: RuleError.duplicateID(
            id: "my-rule", paths: [folder.appendingPathComponent("copy.json").path, folder.appendingPathComponent("my-rule.json").path])
        ) { try RuleSet.load(from: folder) }
    }

    @Test func schemaFilesAreNotRules() throws {
        let folder = try write(Self.validRule())
        try Data("{}".utf8).write(to: folder.appendingPathComponent("rule.schema.json"))
        #expect(try RuleSet.load(from: folder).rules.count == 1)
    }

    @Test func aMissingRulePathIsAnError() {
        #expect(throws: RuleError.notFound(path: "/nonexistent/rules")) {
            try RuleSet.load(from: URL(fileURLWithPath: "/nonexistent/rules"))
        }
    }

    @Test func theCatalogueInDocsIsCurrent() throws {
        let docs = RuleFiles.folder.deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let written = (try? String(contentsOf: docs, encoding: .utf8)) ?? ""
        let generated = RuleCatalogue.markdown(try RuleSet.builtIn().rules)
        #expect(written == generated, "docs/rules.md is stale: run swift run ledgerlint rules --markdown > docs/rules.md")
    }
}

/// The JSON Schema editors use must offer exactly what the engine accepts.
@Suite struct RuleSchemaTests {
    static func schema() throws -> [String: Any] {
        let url = RuleFiles.folder.appendingPathComponent("rule.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func enumValues(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["enum"] as? [String]) ?? [])
    }

    @Test func schemaEnumsMatchTheEngine() throws {
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        #expect(enumValues(properties["severity"]) == Set(Severity.allCases.map(\.rawValue)))
        #expect(enumValues(properties["subject"]) == Set(Subject.allCases.map(\.rawValue)))
        let check = try #require((properties["check"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(enumValues(check["kind"]) == Set(CheckKind.allCases.map(\.rawValue)))
        #expect(enumValues(check["normalize"]) == Set(Normalization.allCases.map(\.rawValue)))
        #expect(enumValues(check["rangesFrom"]) == Set(RangeSource.allCases.map(\.rawValue)))
    }

    /// The id grammar has two homes, the schema's `pattern` (for editors) and `RuleSet.isRuleID` (for the engine):
    /// both give each id the same verdict. The pattern must match the whole id, as JSON Schema's does.
    @Test(arguments: [
        ("customer-number-range", true), ("a", true), ("a1-2b", true), ("", false), ("My Rule", false),
        ("my-rule-", false), ("-my-rule", false), ("my--rule", false), ("my_rule", false), ("øre", false),
        ("my-rule\n", false), ("MY-RULE", false),
    ])
    func ruleIDsAreLowercaseWordsJoinedByDashesInTheSchemaAndTheEngine(id: String, valid: Bool) throws {
        #expect(RuleSet.isRuleID(id) == valid)
        let properties = try #require(try Self.schema()["properties"] as? [String: Any])
        let pattern = try #require((properties["id"] as? [String: Any])?["pattern"] as? String)
        let whole = NSRange(id.startIndex..., in: id)
        let match = try NSRegularExpression(pattern: pattern).firstMatch(in: id, range: whole)
        #expect((match?.range == whole) == valid, "the schema's \(pattern)")
    }

    @Test func schemaRequiresWhatTheDecoderRequires() throws {
        let required = Set(try #require(try Self.schema()["required"] as? [String]))
        #expect(required == ["id", "severity", "name", "description", "rationale", "subject", "check", "key", "message", "hint", "examples"])
    }

    @Test func everyRuleFileNamesTheSchema() throws {
        let files = try FileManager.default.contentsOfDirectory(at: RuleFiles.folder, includingPropertiesForKeys: nil)
            .filter { RuleSet.isRuleFileName($0.lastPathComponent) }
        for file in files {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
            #expect(object?["$schema"] as? String == "./rule.schema.json", "\(file.lastPathComponent)")
            #expect(object?["id"] as? String == file.deletingPathExtension().lastPathComponent, "file name is the rule id")
        }
    }
}
