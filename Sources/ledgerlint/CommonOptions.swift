import Foundation
import LedgerLintCore
import LedgerLintText

/// Reads the options every command shares: `--lang` and `--rules`.
struct CommonOptions {
    var language: Language
    var rules: RuleSet

    init(_ arguments: inout Arguments, environment: [String: String]) throws {
        language = try Self.language(&arguments, environment: environment)
        if let path = try arguments.value("--rules") {
            rules = try RuleSet.load(from: URL(fileURLWithPath: path))
        } else {
            rules = try RuleSet.builtIn()
        }
    }

    /// Takes `--lang` from a command's arguments: the language it names, else `LANG`'s. A `--lang` that names none,
    /// or is given twice, is refused here, in the language `language(of:environment:)` chose.
    static func language(_ arguments: inout Arguments, environment: [String: String]) throws(UsageError) -> Language {
        try arguments.choice("--lang", as: Language.self) ?? Language.fromEnvironment(environment)
    }

    /// The language of a run, read before its arguments are parsed, so that a mistake in them is said in it too:
    /// the last `--lang` (or `--lang=`) if it names one, else `LANG`. Read as `language(_:environment:)` reads it,
    /// but forgiving, since the arguments are not known to be right yet.
    static func language(of arguments: [String], environment: [String: String]) -> Language {
        var probe = Arguments(arguments, command: "")
        let given = (try? probe.values("--lang"))?.last
        return given.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(environment)
    }
}
