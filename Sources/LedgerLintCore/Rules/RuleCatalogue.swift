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
        let words = MarkdownWords(language)
        let labels = Labels(language)
        var out = words.introduction
        for rule in rules {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(words.severity(rule)) | `\(rule.subject.rawValue)` | \(rule.name[language]) |\n"
        }
        for rule in rules {
            out += """

                ## \(rule.id)

                \(words.name(rule)) · \(words.severityLabel) \(words.severityValue(rule)) · \(words.subject) \
                `\(rule.subject.rawValue)` · \(words.check) `\(describe(rule.check, language))` · \(words.key) `\(rule.key)`

                \(rule.description[language])

                *\(labels.why):* \(rule.rationale[language])

                \(words.texts(rule, labels: labels))

                \(labels.passing):
                \(rule.examples.pass.map { "- \($0.name[language])" }.joined(separator: "\n"))

                \(labels.failing):
                \(rule.examples.fail.map { "- \($0.name[language]) → `\(($0.expect ?? []).joined(separator: "`, `"))`" }.joined(separator: "\n"))

                """
        }
        return out
    }

    /// What the two catalogues say differently: the English one is `docs/rules.md`, with the Norwegian names and
    /// texts beside the English for translators and reviewers; the Norwegian one is all in Norwegian.
    private struct MarkdownWords {
        let language: Language
        let severityLabel, subject, check, key: String

        init(_ language: Language) {
            self.language = language
            switch language {
            case .en: (severityLabel, subject, check, key) = ("severity", "subject", "check", "key")
            case .nb: (severityLabel, subject, check, key) = ("alvorlighetsgrad", "gjelder", "kontroll", "nøkkel")
            }
        }

        var introduction: String {
            switch language {
            case .en:
                """
                # Rule catalogue

                Generated from `rules/*.json` by `swift run ledgerlint rules --lang en --markdown > docs/rules.md`; a test
                fails when this file and the rule files disagree. The rule format is described in
                [rule-format.md](rule-format.md). `ledgerlint rules --lang nb --markdown` gives the catalogue in Norwegian.

                | id | severity | subject | name |
                |---|---|---|---|

                """
            case .nb:
                """
                # Regelkatalog

                Laget fra `rules/*.json` med `ledgerlint rules --lang nb --markdown`. Regelformatet er beskrevet i
                [rule-format.md](rule-format.md) (på engelsk), og ordene LedgerLint bruker, i [glossary.md](glossary.md).

                | id | alvorlighetsgrad | gjelder | navn |
                |---|---|---|---|

                """
            }
        }

        /// The severity in the table: the name a rule file writes, or the Norwegian word.
        func severity(_ rule: Rule) -> String {
            switch language {
            case .en: rule.severity.rawValue
            case .nb: rule.severity.word.nb
            }
        }

        /// The severity in a rule's heading line.
        func severityValue(_ rule: Rule) -> String {
            switch language {
            case .en: "`\(rule.severity.rawValue)`"
            case .nb: rule.severity.word.nb
            }
        }

        func name(_ rule: Rule) -> String {
            switch language {
            case .en: "**\(rule.name.en)** (*\(rule.name.nb)*)"
            case .nb: "**\(rule.name.nb)**"
            }
        }

        /// The message and hint: in both languages side by side, or in Norwegian alone.
        func texts(_ rule: Rule, labels: Labels) -> String {
            switch language {
            case .en:
                """
                | | English | Norsk |
                |---|---|---|
                | message | \(RuleCatalogue.cell(rule.message.en)) | \(RuleCatalogue.cell(rule.message.nb)) |
                | hint | \(RuleCatalogue.cell(rule.hint.en)) | \(RuleCatalogue.cell(rule.hint.nb)) |
                """
            case .nb:
                """
                | | |
                |---|---|
                | \(labels.message) | \(RuleCatalogue.cell(rule.message.nb)) |
                | \(labels.hint) | \(RuleCatalogue.cell(rule.hint.nb)) |
                """
            }
        }
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
