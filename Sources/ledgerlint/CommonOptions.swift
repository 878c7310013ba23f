import Foundation
import LedgerLintCore
import LedgerLintText

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

    /// The language of a run, read before its arguments are parsed: `--lang` (or `--lang=`) if it names one,
    /// else `LANG`. A `--lang` that names none is refused later, by `init`, in the language of `LANG`.
    static func language(of arguments: [String], environment: [String: String]) -> Language {
        var given: String?
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--lang", index + 1 < arguments.endIndex {
                given = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--lang=") {
                given = String(argument.dropFirst("--lang=".count))
            }
            index += 1
        }
        return given.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(environment)
    }
}
