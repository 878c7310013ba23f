import Foundation
import LedgerLintJSON
import LedgerLintText

/// `ledgerlint diff`'s output: the change between two runs as text, JSON or Markdown. Pure, like the reporters.
public enum DiffReporter {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case markdown
    }

    public static func render(_ diff: FindingDiff, format: Format, language: Language) -> String {
        switch format {
        case .text: text(diff, language)
        case .json: json(diff)
        case .markdown: markdown(diff, language)
        }
    }

    /// `+2 new −3 fixed 15 unchanged`.
    public static func headline(_ diff: FindingDiff, _ language: Language) -> String {
        let words = Words(language: language)
        return "+\(diff.new.count) \(words.new) −\(diff.fixed.count) \(words.fixed) \(diff.unchanged.count) \(words.unchanged)"
    }

    static func text(_ diff: FindingDiff, _ language: Language) -> String {
        let words = Words(language: language)
        var out = headline(diff, language) + "\n"
        let rows = diff.byRule
        if !rows.isEmpty {
            let width = max(words.rule.count, rows.map(\.rule.count).max() ?? 0)
            func pad(_ text: String, _ count: Int) -> String { text + String(repeating: " ", count: max(0, count - text.count)) }
            func right(_ text: String, _ count: Int) -> String { String(repeating: " ", count: max(0, count - text.count)) + text }
            let columns = [words.new, words.fixed, words.unchanged].map { max($0.count, 6) }
            out += "\n" + pad(words.rule, width) + "  " + right(words.new, columns[0]) + "  "
                + right(words.fixed, columns[1]) + "  " + right(words.unchanged, columns[2]) + "\n"
            for row in rows {
                out += pad(TerminalText.sanitized(row.rule), width) + "  " + right("+\(row.new)", columns[0]) + "  "
                    + right("−\(row.fixed)", columns[1]) + "  " + right("\(row.unchanged)", columns[2]) + "\n"
            }
        }
        for (heading, findings) in [(words.newHeading, diff.new), (words.fixedHeading, diff.fixed)] where !findings.isEmpty {
            out += "\n\(heading):\n"
            for finding in findings {
                out += "\(finding.severity.word[language])[\(TerminalText.sanitized(finding.rule))] "
                    + TerminalText.sanitized("\(subject(of: finding, language)): \(finding.message)") + "\n"
            }
        }
        return out
    }

    struct Document: Encodable {
        var new: [JSONReporter.FindingRecord]
        var fixed: [JSONReporter.FindingRecord]
        var unchanged: Int
        var byRule: [String: Counts]

        struct Counts: Encodable {
            var new: Int
            var fixed: Int
            var unchanged: Int
        }
    }

    static func json(_ diff: FindingDiff) -> String {
        let document = Document(
            new: diff.new.map(JSONReporter.FindingRecord.init), fixed: diff.fixed.map(JSONReporter.FindingRecord.init),
            unchanged: diff.unchanged.count,
            byRule: Dictionary(
                uniqueKeysWithValues: diff.byRule.map { ($0.rule, Document.Counts(new: $0.new, fixed: $0.fixed, unchanged: $0.unchanged)) }))
        // Strings and integers always encode.
        return String(decoding: (try? JSONOutput.document(document)) ?? Data(), as: UTF8.self)
    }

    static func markdown(_ diff: FindingDiff, _ language: Language) -> String {
        let words = Words(language: language)
        var out = "**\(headline(diff, language))**\n"
        let rows = diff.byRule
        if !rows.isEmpty {
            out += "\n| \(words.ruleTitle) | \(words.newTitle) | \(words.fixedTitle) | \(words.unchangedTitle) |\n"
            out += "| --- | ---: | ---: | ---: |\n"
            for row in rows {
                out += "| `\(row.rule)` | +\(row.new) | −\(row.fixed) | \(row.unchanged) |\n"
            }
        }
        for (heading, findings) in [(words.newHeading, diff.new), (words.fixedHeading, diff.fixed)] where !findings.isEmpty {
            out += "\n### \(heading)\n\n"
            for finding in findings {
                out += "- **\(finding.severity.word[language])** `\(finding.rule)` "
                    + MarkdownReporter.escaped("\(subject(of: finding, language)): \(finding.message)") + "\n"
            }
        }
        return out
    }

    /// `Assist customer 10004`, as the text report's headline names it.
    static func subject(of finding: Finding, _ language: Language) -> String {
        let (noun, id) = TextReporter.subject(of: finding, language: language)
        return noun + " " + id
    }

    struct Words: LocalizedWords {
        var language: Language

        var new: String { pick("new", "nye") }
        var fixed: String { pick("fixed", "rettet") }
        var unchanged: String { pick("unchanged", "uendret") }
        var rule: String { pick("rule", "regel") }
        var ruleTitle: String { pick("Rule", "Regel") }
        var newTitle: String { pick("New", "Nye") }
        var fixedTitle: String { pick("Fixed", "Rettet") }
        var unchangedTitle: String { pick("Unchanged", "Uendret") }
        var newHeading: String { pick("New findings", "Nye funn") }
        var fixedHeading: String { pick("Fixed findings", "Rettede funn") }
    }
}
