import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// Runs every example of every rule in `rules/`: passing examples must produce no finding of their rule, failing
/// examples exactly the keys they list. This one test is what makes the examples in the rule files trustworthy.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: Rule
        var source: String
        var example: Rule.Example
        var passing: Bool
        var testDescription: String { "\(source) \(passing ? "pass" : "fail") example '\(example.name.en)'" }
    }

    static let cases: [Case] = {
        guard let rules = try? RuleSet.load(from: RuleFiles.folder) else { return [] }
        return rules.rules.flatMap { rule in
            let source = rules.sources[rule.id] ?? rule.id
            let file = "rules/" + URL(fileURLWithPath: source).lastPathComponent
            return rule.examples.pass.map { Case(rule: rule, source: file, example: $0, passing: true) }
                + rule.examples.fail.map { Case(rule: rule, source: file, example: $0, passing: false) }
        }
    }()

    @Test func theRuleFolderLoads() throws {
        let rules = try RuleSet.load(from: RuleFiles.folder)
        #expect(rules.rules.count >= 16)
        #expect(Self.cases.count >= 2 * rules.rules.count)
    }

    @Test(arguments: cases)
    func example(_ test: Case) throws {
        let rules = try RuleSet([(test.rule, test.source)])
        let findings = rules.evaluate(Dataset(try test.example.data.snapshot()), language: .en)
        let keys = findings.map(\.key).sorted()
        let expected = (test.passing ? [] : test.example.expect ?? []).sorted()
        #expect(
            keys == expected,
            "\(test.source): \(test.passing ? "passing" : "failing") example '\(test.example.name.en)' found \(keys), expected \(expected)")
        if !test.passing {
            #expect(!expected.isEmpty, "\(test.source): failing example '\(test.example.name.en)' lists no expected keys")
        }
        for finding in findings {
            #expect(!finding.message.contains("{") && !finding.hint.contains("{"), "unrendered placeholder: \(finding.message)")
        }
    }

    @Test(arguments: cases.filter { !$0.passing })
    func norwegianMessagesRender(_ test: Case) throws {
        let rules = try RuleSet([(test.rule, test.source)])
        let findings = rules.evaluate(Dataset(try test.example.data.snapshot()), language: .nb)
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect(finding.message == finding.message.trimmingCharacters(in: .whitespaces))
            if test.rule.message.nb.contains("{") {
                #expect(finding.message != test.rule.message.nb, "the Norwegian message was not rendered")
            } else {
                #expect(finding.message == test.rule.message.nb, "not the Norwegian message")
            }
        }
    }
}

/// The rule files in the source tree.
enum RuleFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")
}
