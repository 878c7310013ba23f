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
        if !diff.clients.isEmpty {
            out += "\n" + table(words.client, words: words, diff.clients.map { client in
                let note = client.status == .compared ? "" : words.status(client.status)
                return (client.folder, client.diff.map { ($0.new.count, $0.fixed.count, $0.unchanged.count) }, note)
            })
        }
        let rows = diff.byRule
        if !rows.isEmpty {
            out += "\n" + table(words.rule, words: words, rows.map { ($0.rule, ($0.new, $0.fixed, $0.unchanged), "") })
        }
        for (heading, findings) in listed(diff) where !findings.isEmpty {
            out += "\n\(words.heading(heading)):\n"
            for (client, finding) in findings {
                out += (client.map { TerminalText.sanitized($0) + ": " } ?? "")
                    + "\(finding.severity.word[language])[\(TerminalText.sanitized(finding.rule))] "
                    + TerminalText.sanitized("\(subject(of: finding, language)): \(finding.message)") + "\n"
            }
        }
        return out
    }

    /// The new findings, then the fixed ones, each with its client's folder in a comparison of many clients.
    static func listed(_ diff: FindingDiff) -> [(heading: Bool, findings: [(client: String?, finding: Finding)])] {
        guard !diff.clients.isEmpty else {
            return [(true, diff.new.map { (nil, $0) }), (false, diff.fixed.map { (nil, $0) })]
        }
        let changes = diff.clients.compactMap { client in client.diff.map { (client.folder, $0) } }
        return [
            (true, changes.flatMap { folder, change in change.new.map { (folder, $0) } }),
            (false, changes.flatMap { folder, change in change.fixed.map { (folder, $0) } }),
        ]
    }

    /// A table of counts: a label per row, then `+new −fixed unchanged`, right-aligned under their headings, and a note
    /// in brackets after them; a row without counts has only its note.
    static func table(
        _ heading: String, words: Words, _ rows: [(label: String, counts: (new: Int, fixed: Int, unchanged: Int)?, note: String)]
    ) -> String {
        let labels = rows.map { TerminalText.sanitized($0.label) }
        let width = max(heading.count, labels.map(\.count).max() ?? 0)
        let columns = [words.new, words.fixed, words.unchanged].map { max($0.count, 6) }
        func line(_ label: String, _ cells: [String]) -> String {
            ([TextReporter.padded(label, to: width)] + zip(cells, columns).map { TextReporter.rightAligned($0, to: $1) })
                .joined(separator: "  ")
        }
        var out = line(heading, [words.new, words.fixed, words.unchanged]) + "\n"
        for (label, row) in zip(labels, rows) {
            guard let counts = row.counts else {
                out += TextReporter.padded(label, to: width) + "  " + row.note + "\n"
                continue
            }
            out += line(label, ["+\(counts.new)", "−\(counts.fixed)", "\(counts.unchanged)"])
                + (row.note.isEmpty ? "" : "  (" + row.note + ")") + "\n"
        }
        return out
    }

    struct Document: Encodable {
        var new: [Record]
        var fixed: [Record]
        var unchanged: Int
        var byRule: [String: Counts]
        /// Only in a comparison of many clients.
        var byClient: [String: ClientCounts]?

        struct Counts: Encodable {
            var new: Int
            var fixed: Int
            var unchanged: Int
        }

        /// A client's counts (absent when it was not compared) and why it was not, if it was not.
        struct ClientCounts: Encodable {
            var name: String
            var status: String
            var new: Int?
            var fixed: Int?
            var unchanged: Int?
        }

        /// A finding as the report writes it, and its client's folder in a comparison of many clients.
        struct Record: Encodable {
            var client: String?
            var finding: JSONReporter.FindingRecord

            enum CodingKeys: String, CodingKey { case client }

            func encode(to encoder: any Encoder) throws {
                try finding.encode(to: encoder)
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encodeIfPresent(client, forKey: .client)
            }
        }
    }

    static func json(_ diff: FindingDiff) -> String {
        let listed = listed(diff).map { $0.findings.map { Document.Record(client: $0.client, finding: .init($0.finding)) } }
        let byClient = diff.clients.isEmpty ? nil : Dictionary(
            diff.clients.map { client in
                (client.folder, Document.ClientCounts(
                    name: client.name, status: client.status.rawValue, new: client.diff?.new.count,
                    fixed: client.diff?.fixed.count, unchanged: client.diff?.unchanged.count))
            }, uniquingKeysWith: { first, _ in first })
        let document = Document(
            new: listed[0], fixed: listed[1], unchanged: diff.unchanged.count,
            byRule: Dictionary(
                uniqueKeysWithValues: diff.byRule.map { ($0.rule, Document.Counts(new: $0.new, fixed: $0.fixed, unchanged: $0.unchanged)) }),
            byClient: byClient)
        return JSONReporter.text(document)
    }

    static func markdown(_ diff: FindingDiff, _ language: Language) -> String {
        let words = Words(language: language)
        var out = "**\(headline(diff, language))**\n"
        if !diff.clients.isEmpty {
            out += "\n| \(words.clientTitle) | \(words.newTitle) | \(words.fixedTitle) | \(words.unchangedTitle) |\n"
            out += "| --- | ---: | ---: | ---: |\n"
            for client in diff.clients {
                let name = MarkdownReporter.escaped(client.name)
                guard let change = client.diff else {
                    out += "| \(name) | \(MarkdownReporter.escaped(words.status(client.status))) | | |\n"
                    continue
                }
                let note = client.status == .compared ? "" : " (" + MarkdownReporter.escaped(words.status(client.status)) + ")"
                out += "| \(name)\(note) | +\(change.new.count) | −\(change.fixed.count) | \(change.unchanged.count) |\n"
            }
        }
        let rows = diff.byRule
        if !rows.isEmpty {
            out += "\n| \(words.ruleTitle) | \(words.newTitle) | \(words.fixedTitle) | \(words.unchangedTitle) |\n"
            out += "| --- | ---: | ---: | ---: |\n"
            for row in rows {
                out += "| `\(row.rule)` | +\(row.new) | −\(row.fixed) | \(row.unchanged) |\n"
            }
        }
        for (heading, findings) in listed(diff) where !findings.isEmpty {
            out += "\n### \(words.heading(heading))\n\n"
            for (client, finding) in findings {
                out += "- " + (client.map { MarkdownReporter.code($0) + " " } ?? "")
                    + "**\(finding.severity.word[language])** `\(finding.rule)` "
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
        var client: String { pick("client", "klient") }
        var clientTitle: String { pick("Client", "Klient") }

        /// `New findings` (`new`) or `Fixed findings`.
        func heading(_ new: Bool) -> String {
            new ? pick("New findings", "Nye funn") : pick("Fixed findings", "Rettede funn")
        }

        func status(_ status: FindingDiff.ClientDiff.Status) -> String {
            switch status {
            case .compared: ""
            case .onlyInNew: pick("new client: not in OLD", "ny klient: ikke i GAMMEL")
            case .onlyInOld: pick("not in NEW: not counted", "ikke i NY: telles ikke")
            case .failedInOld: pick("could not be checked in OLD", "kunne ikke kontrolleres i GAMMEL")
            case .failedInNew: pick("could not be checked in NEW", "kunne ikke kontrolleres i NY")
            }
        }
    }
}
