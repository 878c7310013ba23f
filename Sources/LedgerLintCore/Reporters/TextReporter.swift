import Foundation
import LedgerLintText
import LedgerLintJSON

/// The human-readable report: one compiler-style block per finding, then a summary line.
///
/// ```
/// error[customer-number-range] Assist customer 5000: Customer number 5000 is outside …
///   --> examples/demo/assist/customers.csv:7
///   hint: Create a number series …
///
/// 2 errors, 1 warning, 0 info
/// ```
///
/// Labels (severity words, `hint`, the summary) follow `report.language`; messages and hints arrive already
/// rendered in that language. Locations join the snapshot folder as the user named it with the stored file.
/// Control characters from the data are replaced, so an export cannot drive the terminal. The format is
/// documented in `docs/output-formats.md`.
public struct TextReporter: Reporter {
    /// Whether to colour with ANSI escapes. The CLI decides (a terminal, and no `NO_COLOR`); the reporter never
    /// looks at the environment, so output stays a function of its input.
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    public func render(_ report: Report) -> String { document(report).text }

    public func renderData(_ report: Report) -> Data { document(report).data() }

    private func document(_ report: Report) -> TextDocument {
        let language = report.language
        let hidden = Self.hiddenLine(report, language: language).map { $0 + "\n" } ?? ""
        let filter = Self.filterLines(report).map { $0 + "\n\n" } ?? ""
        guard !report.findings.isEmpty else {
            var document = TextDocument(capacity: 0)
            document.append(filter + Self.noFindings[language] + "\n" + hidden)
            return document
        }
        let style = Style(enabled: color)
        let folder = LocationFolder(report.snapshot)
        let summary = "\n\n" + summaryLine(report.summary, language: language) + "\n" + hidden
        var document = TextDocument(
            capacity: filter.utf8.count + summary.utf8.count + report.findings.count * Self.roomPerBlock)
        document.append(filter)
        // On every core: a block is a few strings per finding, written where they lie.
        document.append(concurrently: report.findings.count, separator: "\n\n") { index, document in
            Self.writeBlock(for: report.findings[index], language: language, style: style, folder: folder) {
                document.append($0)
            }
        }
        document.append(summary)
        return document
    }

    /// Room for one finding's block, most of which take 300–400 bytes: more is never touched, so costs nothing.
    static let roomPerBlock = 512

    /// For a `--key` report: that it is filtered, then where each key was found, one line each.
    static func filterLines(_ report: Report) -> String? {
        guard let filter = report.filterSentence else { return nil }
        let lines = [filter] + report.lookups.map(\.note)
        return lines.map(TerminalText.sanitized).joined(separator: "\n")
    }

    /// `Not shown: 2 suppressed, 5 in the baseline; 1 fixed since the baseline.`, when any of it applies.
    static func hiddenLine(_ report: Report, language: Language) -> String? {
        var parts: [String] = []
        if !report.suppressed.isEmpty {
            parts.append(language == .nb ? "\(report.suppressed.count) unntatt" : "\(report.suppressed.count) suppressed")
        }
        if let baseline = report.baseline, !baseline.unchanged.isEmpty {
            parts.append(language == .nb ? "\(baseline.unchanged.count) i baseline" : "\(baseline.unchanged.count) in the baseline")
        }
        var line = parts.isEmpty ? "" : (language == .nb ? "Vises ikke: " : "Not shown: ") + parts.joined(separator: ", ") + "."
        if let baseline = report.baseline, !baseline.fixed.isEmpty {
            let fixed = language == .nb
                ? "\(baseline.fixed.count) rettet siden baseline." : "\(baseline.fixed.count) fixed since the baseline."
            line += (line.isEmpty ? "" : " ") + fixed
        }
        return line.isEmpty ? nil : line
    }

    /// One finding as lines without a trailing newline: the headline, the location when known, the hint.
    ///
    /// Shared with `JUnitReporter`, whose failure text is the same block without colour.
    static func block(
        for finding: Finding, language: Language, style: Style = Style(enabled: false), snapshot: String = ""
    ) -> String {
        var block = TextDocument(capacity: roomPerBlock)
        writeBlock(for: finding, language: language, style: style, folder: LocationFolder(snapshot)) { block.append($0) }
        return block.text
    }

    /// What `block(for:…)` is, given to `write` a piece at a time rather than joined: for a report of tens of
    /// thousands of findings, which writes the pieces into its bytes (and JUnit escapes them on the way).
    static func writeBlock(
        for finding: Finding, language: Language, style: Style, folder: LocationFolder, _ write: (String) -> Void
    ) {
        let (noun, id) = subject(of: finding, language: language)
        // Each part is made safe on its own: a space between them cannot join a carriage return to a newline.
        style.severity(finding.severity, write) { write(finding.severity.word[language]) }
        style.bold(write) {
            write("[")
            write(TerminalText.sanitized(finding.rule))
            write("]")
        }
        write(" ")
        write(TerminalText.sanitized(noun))
        write(" ")
        write(TerminalText.sanitized(id))
        write(": ")
        write(indentingContinuation(TerminalText.sanitized(finding.message), by: "  "))
        if let location = finding.location {
            write("\n  --> ")
            folder.writeLocation(location, language: language, write)
        }
        let hint = TerminalText.sanitized(finding.hint)
        if !hint.isEmpty {
            let label = hintLabel[language] + ": "
            write("\n")
            style.dim(write) {
                write("  ")
                write(label)
                write(indentingContinuation(hint, by: "  " + String(repeating: " ", count: label.count)))
            }
        }
    }

    /// `3 errors, 1 warning, 0 info` / `3 feil, 1 advarsel, 0 info`.
    func summaryLine(_ summary: Summary, language: Language) -> String {
        let style = Style(enabled: color)
        return Severity.allCases.reversed().map { severity in
            let count = summary.count(of: severity)
            let text = Self.countText(count, severity, language: language)
            return count > 0 ? style.severity(severity, text) : text
        }.joined(separator: ", ")
    }

    static func countText(_ count: Int, _ severity: Severity, language: Language) -> String {
        let word = count == 1 ? severity.word[language] : severity.plural[language]
        return "\(count) \(word)"
    }

    /// `examples/demo/assist/customers.csv:7`: the snapshot folder as the user named it joined with the file, so
    /// that terminals and editors can open it from the working directory.
    ///
    /// A record of a JSON export has no line worth naming: `…/customers.json, record 3` says which it is.
    static func locationText(_ location: SourceLocation, in snapshot: String = "", language: Language = .en) -> String {
        var text = ""
        LocationFolder(snapshot).writeLocation(location, language: language) { text += $0 }
        return text
    }

    /// The snapshot folder as a location starts with it, worked out once for a report's findings: empty, or the
    /// folder as the user named it ending in `/`, made safe for a terminal.
    struct LocationFolder: Sendable {
        let prefix: String

        init(_ snapshot: String) {
            prefix = TerminalText.sanitized(
                snapshot.isEmpty ? "" : snapshot.hasSuffix("/") ? snapshot : snapshot + "/")
        }

        /// `locationText(_:in:language:)`, to `write`. The folder and the file are made safe apart: the folder is
        /// empty or ends in `/`, which cannot join a carriage return to a newline.
        func writeLocation(_ location: SourceLocation, language: Language, _ write: (String) -> Void) {
            write(prefix)
            write(TerminalText.sanitized(location.file))
            if let line = location.line {
                write(":")
                write(String(line))
            } else if let record = location.record {
                write(LocalizedText(en: ", record \(record)", nb: ", post \(record)")[language])
            }
        }
    }

    /// How a headline names a finding's subject, as the system and noun, then what identifies it, each said once:
    /// `Assist customer` `10004`; `Assist product group` `4 (A-4)` (the group is 4, A-4 is PowerOffice's code for
    /// it); a record with neither number nor name by where it is, `record 3 of assist/customers.json`.
    static func subject(of finding: Finding, language: Language) -> (noun: String, id: String) {
        let noun = subjectName(finding.system, finding.entity, language: language)
        if finding.key.isEmpty {
            guard let location = finding.location else { return (noun, LocalizedText.notGiven[language]) }
            if let line = location.line {
                return (noun, LocalizedText(en: "on line \(line) of \(location.file)", nb: "på linje \(line) i \(location.file)")[language])
            }
            if let record = location.record {
                return (noun, LocalizedText(en: "record \(record) of \(location.file)", nb: "post \(record) i \(location.file)")[language])
            }
            return (noun, LocalizedText(en: "in \(location.file)", nb: "i \(location.file)")[language])
        }
        if finding.system == .assist, finding.entity == .productGroup,
            let number = AssistProductGroup.number(fromProductCode: finding.key)
        {
            return (noun, "\(number) (\(finding.key))")
        }
        return (noun, finding.key)
    }
}

// MARK: - Words

extension TextReporter {
    static let noFindings = LocalizedText(en: "No findings.", nb: "Ingen funn.")
    static let hintLabel = LocalizedText(en: "hint", nb: "tips")

    /// Product names, not translated.
    static func systemName(_ system: System) -> String {
        switch system {
        case .assist: "Assist"
        case .poweroffice: "PowerOffice"
        }
    }

    /// `Assist customer` / `Assist-kunde`: Norwegian joins the product name to the noun with a hyphen.
    static func subjectName(_ system: System, _ entity: Entity, language: Language) -> String {
        let noun = entityName(entity)[language]
        return systemName(system) + (language == .nb ? "-" : " ") + noun
    }

    static func entityName(_ entity: Entity) -> LocalizedText {
        switch entity {
        case .customer: LocalizedText(en: "customer", nb: "kunde")
        case .productGroup: LocalizedText(en: "product group", nb: "produktgruppe")
        case .product: LocalizedText(en: "product", nb: "produkt")
        case .account: LocalizedText(en: "account", nb: "konto")
        }
    }
}

// MARK: - Text hygiene and colour

extension TextReporter {
    /// Keeps multi-line text inside its block by indenting every line after the first.
    static func indentingContinuation(_ text: String, by indent: String) -> String {
        guard text.hasByte(0x0A) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }

    /// ANSI styling that is a no-op when colour is off.
    struct Style {
        var enabled: Bool

        func severity(_ severity: Severity, _ text: String) -> String {
            wrap(text, Self.code(severity))
        }

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }

        /// The same, for text given to `write` a piece at a time by `body`.
        func severity(_ severity: Severity, _ write: (String) -> Void, _ body: () -> Void) {
            wrap(Self.code(severity), write, body)
        }

        func bold(_ write: (String) -> Void, _ body: () -> Void) { wrap("1", write, body) }
        func dim(_ write: (String) -> Void, _ body: () -> Void) { wrap("2", write, body) }

        private static func code(_ severity: Severity) -> String {
            switch severity {
            case .error: "1;31"
            case .warning: "1;33"
            case .info: "1;36"
            }
        }

        private func wrap(_ text: String, _ code: String) -> String {
            var wrapped = ""
            wrap(code, { wrapped += $0 }) { wrapped += text }
            return wrapped
        }

        private func wrap(_ code: String, _ write: (String) -> Void, _ body: () -> Void) {
            if enabled { write("\u{1B}[\(code)m") }
            body()
            if enabled { write("\u{1B}[0m") }
        }
    }
}
