import Foundation
import LedgerLintText

/// The review report: GitHub-flavoured Markdown for a CI job summary (`$GITHUB_STEP_SUMMARY`) or a merge-request
/// comment.
///
/// A heading with the snapshot, a table of counts by severity, a table of counts by rule, then the findings grouped
/// by rule (key, where, message, hint); a rule with more than `collapseAfter` findings is folded into a
/// `<details>` block so that one noisy rule does not bury the rest. Suppressed findings and the baseline comparison
/// follow when the run had them. Headings and labels follow `report.language`.
///
/// Data from the exports (keys, messages, reasons) is escaped: Markdown punctuation gets a backslash (so `|` cannot
/// end a table cell, `<script>` stays text, `@name` and `#1` do not link), and line breaks become `<br>`, so data
/// can never start a heading or a list. Documented in `docs/output-formats.md`.
public struct MarkdownReporter: Reporter {
    /// Groups longer than this are folded into `<details>`.
    static let collapseAfter = 5

    public init() {}

    public func render(_ report: Report) -> String {
        let language = report.language
        let words = Words(language: language)
        var out: [String] = ["## \(words.title)", "", header(report, words: words), ""]
        if let filter = report.filterSentence {
            out += ["> " + Self.escaped(filter), ""]
            out += report.lookups.map { "- " + Self.escaped($0.note) } + [""]
        }

        let summary = report.summary
        out += ["| \(words.severity) | \(words.findings) |", "|---|---:|"]
        for severity in Severity.allCases.reversed() {
            out.append("| \(Self.severityName(severity, language)) | \(summary.count(of: severity)) |")
        }
        out += ["| **\(words.total)** | **\(summary.total)** |", ""]

        if let baseline = report.baseline {
            out += [words.baselineLine(new: summary.total, unchanged: baseline.unchanged.count, fixed: baseline.fixed.count), ""]
        }
        if !report.suppressed.isEmpty {
            out += [words.suppressedLine(report.suppressed.count), ""]
        }

        let groups = report.findingsByRule
        if groups.isEmpty {
            out += [words.noFindings, ""]
        } else {
            out += ["### \(words.byRule)", ""]
            out += ["| \(words.rule) | \(words.name) | \(words.severity) | \(words.findings) |", "|---|---|---|---:|"]
            for group in groups {
                let severity = group.rule?.severity ?? group.findings[0].severity
                out.append(
                    "| \(Self.code(group.id)) | \(Self.escaped(group.name(language))) "
                        + "| \(Self.severityName(severity, language)) | \(group.findings.count) |"
                )
            }
            out.append("")
            let quiet = report.rules.filter { rule in !groups.contains { $0.id == rule.id } }.count
            if quiet > 0 {
                out += [words.quietRules(quiet), ""]
            }

            out += ["### \(words.findings)", ""]
            for group in groups {
                out += ["#### \(Self.code(group.id)) — \(Self.escaped(group.name(language))) (\(group.findings.count))", ""]
                let items = group.findings.map { item(for: $0, language: language) }
                out += Self.collapsible(items, summary: words.showAll(group.findings.count))
            }
        }

        if !report.suppressed.isEmpty {
            out += ["### \(words.suppressed) (\(report.suppressed.count))", ""]
            let items = report.suppressed.map { suppressed in
                "- \(Self.code(suppressed.finding.rule)) \(subject(suppressed.finding, language: language)) — "
                    + Self.escaped(suppressed.reason)
                    + (suppressed.expires.map { " (\(words.until) \(Self.escaped($0)))" } ?? "")
            }
            out += Self.collapsible(items, summary: words.showAll(items.count))
        }

        if let baseline = report.baseline, !baseline.fixed.isEmpty {
            out += ["### \(words.fixedSinceBaseline) (\(baseline.fixed.count))", ""]
            let items = baseline.fixed.sorted().map { entry in
                "- \(Self.code(entry.rule)) \(TextReporter.subjectName(entry.system, entry.entity, language: language)) "
                    + "**\(Self.escaped(entry.key))**"
            }
            out += Self.collapsible(items, summary: words.showAll(items.count))
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// `Snapshot `examples/demo` · Client … · Data fetched … · ledgerlint 0.1.0`.
    func header(_ report: Report, words: Words) -> String {
        var parts = ["\(words.snapshot) \(Self.code(report.snapshot))"]
        if let client = report.metadata?.client {
            parts.append("\(words.client) **\(Self.escaped(client))**")
        }
        if let fetchedAt = report.metadata?.fetchedAt {
            parts.append("\(words.fetched) \(Self.escaped(fetchedAt))")
        }
        if let environment = report.metadata?.environment {
            parts.append("\(words.environment) \(Self.escaped(environment))")
        }
        parts.append("\(Tool.name) \(Tool.version)")
        return parts.joined(separator: " · ")
    }

    /// `Assist customer **5000**`.
    func subject(_ finding: Finding, language: Language) -> String {
        let subject = TextReporter.subject(of: finding, language: language)
        return "\(subject.noun) **\(Self.escaped(subject.id))**"
    }

    /// One list item: subject and location, then the message and the hint on their own lines.
    func item(for finding: Finding, language: Language) -> String {
        var first = "- " + subject(finding, language: language)
        if let location = finding.location {
            first += " · " + Self.code(TextReporter.locationText(location, language: language))
        }
        var lines = [first, "  " + Self.escaped(finding.message)]
        if !finding.hint.isEmpty {
            lines.append("  *\(Self.capitalized(TextReporter.hintLabel[language])):* " + Self.escaped(finding.hint))
        }
        // Two trailing spaces: a hard line break, so message and hint stay on their own lines in one item.
        return lines.joined(separator: "  \n")
    }

    /// The lines, followed by a blank line; folded into `<details>` when there are more than `collapseAfter`.
    ///
    /// - Parameter count: how many items the lines hold, when that is not one a line (a table has two lines of
    ///   headings).
    static func collapsible(_ lines: [String], summary: String, count: Int? = nil) -> [String] {
        let fold = folding(summary: summary, count: count ?? lines.count)
        return fold.opening + lines + fold.closing
    }

    /// The lines before a list of `count` items and after it: `<details>` around it past `collapseAfter`, and a
    /// blank line after.
    static func folding(summary: String, count: Int) -> (opening: [String], closing: [String]) {
        guard count > collapseAfter else { return ([], [""]) }
        // The blank lines around the list make GitHub and GitLab render Markdown inside the HTML block.
        return (["<details>", "<summary>\(escaped(summary))</summary>", ""], ["", "</details>", ""])
    }

    static func severityName(_ severity: Severity, _ language: Language) -> String {
        capitalized(severity.word[language])
    }

    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Inline code when the text can be one (no backtick, pipe or line break), escaped text otherwise.
    static func code(_ text: String) -> String {
        let unsafe = text.unicodeScalars.contains { $0 == "`" || $0 == "|" || $0.value < 0x20 || $0.value == 0x7F }
        return unsafe || text.isEmpty ? escaped(text) : "`\(text)`"
    }

    /// Escapes text from the data for inline Markdown: a backslash before every character that could start
    /// formatting, a link, HTML, an entity, a mention or maths, and `<br>` for line breaks. Other control
    /// characters become U+FFFD. A leading `-`, `+`, `=` or `1.` is escaped too, so that text placed at the start
    /// of a line cannot become a list item or a heading underline.
    static func escaped(_ text: String) -> String {
        // On the UTF-8 bytes: line breaks (CR LF, CR) become LF first; the first character and a list marker's
        // `.` or `)` are escaped by their place (a list marker's digits are ASCII, so places in bytes are places in
        // characters); controls, DEL and C1 controls (two bytes, C2 80 to C2 9F) become U+FFFD.
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var digits = 0
            while digits < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digits]) { digits += 1 }
            let listMarker = digits > 0 && digits < bytes.count
                && (bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"))
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                defer { index += 1 }
                if (index == 0 && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "=")))
                    || (listMarker && index == digits)
                {
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                    continue
                }
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                    UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"),
                    UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "!"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case 0x0D:
                    // CR LF is one break, as is a CR alone.
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    out.append(contentsOf: "<br>".utf8)
                case 0x0A:
                    out.append(contentsOf: "<br>".utf8)
                case 0x09:
                    out.append(UInt8(ascii: " "))
                case 0x00..<0x20, 0x7F:
                    out.append(contentsOf: "\u{FFFD}".utf8)
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                    index += 1
                    out.append(contentsOf: "\u{FFFD}".utf8)
                default:
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

// MARK: - Words

extension MarkdownReporter {
    struct Words: ReportWords {
        var language: Language

        var severity: String { pick("Severity", "Alvorlighetsgrad") }
        var total: String { pick("Total", "Totalt") }
        var name: String { pick("Name", "Navn") }
        var suppressed: String { pick("Suppressed", "Unntatt") }
        var until: String { pick("until", "til og med") }

        func quietRules(_ count: Int) -> String {
            count == 1
                ? pick("1 other rule ran and found nothing.", "1 regel til ble kjørt og fant ingenting.")
                : pick("\(count) other rules ran and found nothing.", "\(count) regler til ble kjørt og fant ingenting.")
        }

        func showAll(_ count: Int) -> String {
            pick("Show all \(count)", "Vis alle \(count)")
        }

        func suppressedLine(_ count: Int) -> String {
            count == 1
                ? pick("**Suppressed:** 1 finding, not counted (listed below).", "**Unntatt:** 1 funn, telles ikke (listet nederst).")
                : pick(
                    "**Suppressed:** \(count) findings, not counted (listed below).",
                    "**Unntatt:** \(count) funn, telles ikke (listet nederst)."
                )
        }

        func baselineLine(new: Int, unchanged: Int, fixed: Int) -> String {
            pick(
                "**Baseline:** \(new) new, \(unchanged) unchanged (not listed), \(fixed) fixed.",
                "**Baseline:** \(new) nye, \(unchanged) uendret (ikke listet), \(fixed) rettet."
            )
        }
    }
}
