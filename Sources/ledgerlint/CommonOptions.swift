import Foundation
import LedgerLintCore

/// Reads the options every command shares: `--lang` and `--rules`.
struct CommonOptions {
    var language: Language
    var rules: RuleSet

    init(_ arguments: inout Arguments, environment: [String: String]) throws {
        language = try arguments.choice("--lang", as: Language.self) ?? Language.fromEnvironment(environment)
        if let path = try arguments.value("--rules") {
            rules = try RuleSet.load(from: URL(fileURLWithPath: path))
        } else {
            rules = try RuleSet.builtIn()
        }
    }
}
