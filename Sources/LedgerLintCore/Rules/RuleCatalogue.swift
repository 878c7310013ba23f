import Foundation
import LedgerLintText
import LedgerLintJSON

/// Renders rules for people: `ledgerlint rules`, `ledgerlint explain`, and the catalogue in `docs/rules.md`.
///
/// All three come from the rule files, so the docs cannot drift from what runs (a test compares
/// `docs/rules.md` with `markdown(_:)`).
public enum RuleCatalogue {
    /// One line per rule: id, severity, name.
    public static func list(_ rules: [Rule], language: Language) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        let severityWidth = Severity.allCases.map { $0.word[language].count }.max() ?? 0
        return rules.map { rule in
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.word[language].padding(toLength: severityWidth, withPad: " ", startingAt: 0)
            return "\(id)  \(severity)  \(rule.name[language])"
        }.joined(separator: "\n") + "\n"
    }

    /// Everything about one rule, as plain text.
    public static func explain(_ rule: Rule, language: Language) -> String {
        let labels = Labels(language)
        var lines = [
            "\(rule.id) (\(rule.severity.word[language])): \(rule.name[language])",
            "",
            rule.description[language],
            "",
            "\(labels.why): \(rule.rationale[language])",
            "",
            "\(labels.appliesTo): \(rule.subject.rawValue)  \(labels.check): \(describe(rule.check, language))",
            "\(labels.message): \(rule.message[language])",
            "\(labels.hint): \(rule.hint[language])",
            "",
            "\(labels.passing):",
        ]
        lines += rule.examples.pass.map { "  - \($0.name[language])\n      \(json($0.data))" }
        lines += ["", "\(labels.failing):"]
        lines += rule.examples.fail.map {
            "  - \($0.name[language]) → \(($0.expect ?? []).joined(separator: ", "))\n      \(json($0.data))"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rule catalogue as Markdown: in English with the Norwegian texts beside (`docs/rules.md`), or all in
    /// Norwegian.
    public static func markdown(_ rules: [Rule], language: Language = .en) -> String {
        switch language {
        case .en: english(rules)
        case .nb: norwegian(rules)
        }
    }

    private static func english(_ rules: [Rule]) -> String {
        var out = """
            # Rule catalogue

            Generated from `rules/*.json` by `swift run ledgerlint rules --lang en --markdown > docs/rules.md`; a test
            fails when this file and the rule files disagree. The rule format is described in
            [rule-format.md](rule-format.md). `ledgerlint rules --lang nb --markdown` gives the catalogue in Norwegian.

            | id | severity | subject | name |
            |---|---|---|---|

            """
        for rule in rules {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | `\(rule.subject.rawValue)` | \(rule.name.en) |\n"
        }
        for rule in rules {
            out += """

                ## \(rule.id)

                **\(rule.name.en)** (*\(rule.name.nb)*) · severity `\(rule.severity.rawValue)` · subject \
                `\(rule.subject.rawValue)` · check `\(describe(rule.check, .en))` · key `\(rule.key)`

                \(rule.description.en)

                *Why:* \(rule.rationale.en)

                | | English | Norsk |
                |---|---|---|
                | message | \(cell(rule.message.en)) | \(cell(rule.message.nb)) |
                | hint | \(cell(rule.hint.en)) | \(cell(rule.hint.nb)) |

                Examples that pass:
                \(rule.examples.pass.map { "- \($0.name.en)" }.joined(separator: "\n"))

                Examples that fail:
                \(rule.examples.fail.map { "- \($0.name.en) → `\(($0.expect ?? []).joined(separator: "`, `"))`" }.joined(separator: "\n"))

                """
        }
        return out
    }

    private static func norwegian(_ rules: [Rule]) -> String {
        let labels = Labels(.nb)
        var out = """
            # Regelkatalog

            Laget fra `rules/*.json` med `ledgerlint rules --lang nb --markdown`. Regelformatet er beskrevet i
            [rule-format.md](rule-format.md) (på engelsk), og ordene LedgerLint bruker, i [glossary.md](glossary.md).

            | id | alvorlighetsgrad | gjelder | navn |
            |---|---|---|---|

            """
        for rule in rules {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.word.nb) | `\(rule.subject.rawValue)` | \(rule.name.nb) |\n"
        }
        for rule in rules {
            out += """

                ## \(rule.id)

                **\(rule.name.nb)** · alvorlighetsgrad \(rule.severity.word.nb) · gjelder `\(rule.subject.rawValue)` · \
                kontroll `\(describe(rule.check, .nb))` · nøkkel `\(rule.key)`

                \(rule.description.nb)

                *\(labels.why):* \(rule.rationale.nb)

                | | |
                |---|---|
                | \(labels.message) | \(cell(rule.message.nb)) |
                | \(labels.hint) | \(cell(rule.hint.nb)) |

                \(labels.passing):
                \(rule.examples.pass.map { "- \($0.name.nb)" }.joined(separator: "\n"))

                \(labels.failing):
                \(rule.examples.fail.map { "- \($0.name.nb) → `\(($0.expect ?? []).joined(separator: "`, `"))`" }.joined(separator: "\n"))

                """
        }
        return out
    }

    /// `in-ranges customerNumber (customerNumberSeries)`.
    static func describe(_ check: Check, _ language: Language) -> String {
        var parts = [check.kind.rawValue]
        if let field = check.field { parts.append(field) }
        if let join = check.join { parts.append(join) }
        var details: [String] = []
        if let other = check.other { details.append(check.kind.implementation.describeOther(other, language)) }
        if let value = check.value { details.append("= \(value.text)") }
        if let values = check.values { details.append(values.map(\.text).joined(separator: ", ")) }
        if let ranges = check.ranges { details.append(ranges.map { $0.map(String.init).joined(separator: "–") }.joined(separator: ", ")) }
        if let source = check.rangesFrom { details.append(source.rawValue) }
        if let pattern = check.pattern { details.append(pattern) }
        if let normalize = check.normalize, normalize != .none {
            details.append(LocalizedText(en: "normalize", nb: "normaliseres")[language] + " \(normalize.rawValue)")
        }
        return parts.joined(separator: " ") + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    private static func json(_ data: ExampleData) -> String {
        guard let encoded = try? JSONOutput.line(data) else { return "" }
        return String(decoding: encoded, as: UTF8.self)
    }

    private struct Labels {
        let why, appliesTo, check, message, hint, passing, failing: String
        init(_ language: Language) {
            switch language {
            case .en:
                (why, appliesTo, check, message, hint, passing, failing) =
                    ("Why", "Applies to", "Check", "Message", "Hint", "Examples that pass", "Examples that fail")
            case .nb:
                (why, appliesTo, check, message, hint, passing, failing) =
                    ("Hvorfor", "Gjelder", "Kontroll", "Melding", "Tips", "Eksempler uten funn", "Eksempler med funn")
            }
        }
    }
}
