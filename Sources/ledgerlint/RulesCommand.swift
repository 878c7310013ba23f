import Foundation
import LedgerLintCore

/// `ledgerlint rules`: list the rules, or print the Markdown catalogue.
struct RulesCommand {
    var common: CommonOptions
    var markdown: Bool

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.rules)
        markdown = arguments.flag("--markdown")
        common = try CommonOptions(&arguments, environment: environment)
        let extra = try arguments.positionals()
        guard extra.isEmpty else { throw UsageError.noArgumentsTaken(command: "rules", given: extra) }
    }

    func run() throws -> ExitCode {
        let rules = common.rules.rules
        Console.output(
            markdown
                ? RuleCatalogue.markdown(rules, language: common.language) : RuleCatalogue.list(rules, language: common.language))
        return .clean
    }
}

/// `ledgerlint explain <id>`: one rule with its rationale, hint and examples.
struct ExplainCommand {
    var common: CommonOptions
    var id: String

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        try arguments.help(Usage.explain)
        common = try CommonOptions(&arguments, environment: environment)
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let id = positionals.first else { throw UsageError.oneRuleOnly }
        self.id = id
    }

    func run() throws -> ExitCode {
        guard let rule = common.rules.rule(id: id) else {
            throw RuleError.unknownRule(id: id, known: common.rules.rules.map(\.id))
        }
        Console.output(RuleCatalogue.explain(rule, language: common.language))
        return .clean
    }
}
