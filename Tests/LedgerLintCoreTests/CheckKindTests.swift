import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// A check kind's placeholders are declared once, as its `Variable` enum: what templates may name, what each
/// failure fills, and what the table of check kinds in docs/rule-format.md lists.
@Suite struct CheckKindTests {
    /// The failing examples of every rule in rules/, and of a rule for each kind no built-in rule uses.
    static func failingExamples() throws -> [(rule: Rule, example: Rule.Example)] {
        var rules = try RuleSet.load(from: RuleFiles.folder).rules
        var pattern = RuleSetTests.validRule(id: "email-pattern")
        pattern["check"] = ["kind": "pattern", "field": "email", "pattern": "[^@]+@[^@]+"]
        pattern["message"] = ["en": "{value} is no address", "nb": "{value} er ingen adresse"]
        pattern["examples"] = [
            "pass": [],
            "fail": [
                [
                    "name": ["en": "no @", "nb": "ingen @"],
                    "data": ["assist": ["customers": [["customerNumber": "10001", "name": "A", "email": "a.no"]]]],
                    "expect": ["10001"],
                ]
            ],
        ]
        rules.append(try RuleSet.decodeRule(JSONSerialization.data(withJSONObject: pattern), source: "pattern"))
        return rules.flatMap { rule in rule.examples.fail.map { (rule, $0) } }
    }

    @Test func everyFailureFillsExactlyThePlaceholdersItsKindDeclares() throws {
        var kinds: Set<CheckKind> = []
        for (rule, example) in try Self.failingExamples() {
            let compiled = try CompiledRule(rule)
            let declared = rule.check.kind.implementation.variables
            var filled: [[String: String]] = []
            compiled.judge(Dataset(try example.data.snapshot()), language: .en, indexes: JoinIndexes()) { _, variables in
                filled.append(variables)
            }
            #expect(!filled.isEmpty, "\(rule.id): failing example '\(example.name.en)' failed no record")
            for variables in filled {
                #expect(variables.keys.sorted() == declared.sorted(), "\(rule.id) (\(rule.check.kind.rawValue))")
            }
            kinds.insert(rule.check.kind)
        }
        #expect(kinds == Set(CheckKind.allCases), "kinds without a failing example here")
    }

    @Test func theDocsListEveryKindWithThePlaceholdersItDeclares() throws {
        let docs = RuleFiles.folder.deletingLastPathComponent().appendingPathComponent("docs/rule-format.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let sections = text.components(separatedBy: "\n## Check kinds\n")
        try #require(sections.count == 2, "docs/rule-format.md has one '## Check kinds'")
        let section = sections[1].components(separatedBy: "\n## ")[0]
        let placeholder = try NSRegularExpression(pattern: "\\{([A-Za-z]+)\\}")
        var documented: [CheckKind: [String]] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let kind = CheckKind(rawValue: cells[0].trimmingCharacters(in: ["`"])), let last = cells.last else {
                continue
            }
            documented[kind] = placeholder.matches(in: last, range: NSRange(last.startIndex..., in: last)).compactMap {
                Range($0.range(at: 1), in: last).map { String(last[$0]) }
            }
        }
        #expect(Set(documented.keys) == Set(CheckKind.allCases))
        for kind in CheckKind.allCases {
            #expect(documented[kind] == kind.implementation.variables, "the placeholders of '\(kind.rawValue)'")
        }
    }
}
