import Foundation

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

    public func render(_ report: Report) -> String {
        let language = report.language
        let hidden = Self.hiddenLine(report, language: language).map { $0 + "\n" } ?? ""
        guard !report.findings.isEmpty else {
            return Self.noFindings[language] + "\n" + hidden
        }
        let style = Style(enabled: color)
        let blocks = report.findings.map { Self.block(for: $0, language: language, style: style, snapshot: report.snapshot) }
        return blocks.joined(separator: "\n\n") + "\n\n" + summaryLine(report.summary, language: language) + "\n" + hidden
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
        let subject = "\(subjectName(finding.system, finding.entity, language: language)) \(TerminalText.sanitized(finding.key))"
        var lines = [
            style.severity(finding.severity, severityWord(finding.severity)[language])
                + style.bold("[\(TerminalText.sanitized(finding.rule))]")
                + " \(subject): " + indentingContinuation(TerminalText.sanitized(finding.message), by: "  "),
        ]
        if let location = finding.location {
            lines.append("  --> " + locationText(location, in: snapshot))
        }
        let hint = TerminalText.sanitized(finding.hint)
        if !hint.isEmpty {
            let label = hintLabel[language] + ": "
            lines.append(style.dim("  " + label + indentingContinuation(hint, by: "  " + String(repeating: " ", count: label.count))))
        }
        return lines.joined(separator: "\n")
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
        let word = count == 1 ? severityWord(severity)[language] : severityPlural(severity)[language]
        return "\(count) \(word)"
    }

    /// `examples/demo/assist/customers.csv:7`: the snapshot folder as the user named it joined with the file, so
    /// that terminals and editors can open it from the working directory.
    static func locationText(_ location: SourceLocation, in snapshot: String = "") -> String {
        let joined = snapshot.isEmpty ? location.file : (snapshot.hasSuffix("/") ? snapshot : snapshot + "/") + location.file
        let file = TerminalText.sanitized(joined)
        guard let line = location.line else { return file }
        return "\(file):\(line)"
    }
}

// MARK: - Words

extension TextReporter {
    static let noFindings = LocalizedText(en: "No findings.", nb: "Ingen funn.")
    static let hintLabel = LocalizedText(en: "hint", nb: "tips")

    static func severityWord(_ severity: Severity) -> LocalizedText {
        switch severity {
        case .error: LocalizedText(en: "error", nb: "feil")
        case .warning: LocalizedText(en: "warning", nb: "advarsel")
        case .info: LocalizedText(en: "info", nb: "info")
        }
    }

    static func severityPlural(_ severity: Severity) -> LocalizedText {
        switch severity {
        case .error: LocalizedText(en: "errors", nb: "feil")
        case .warning: LocalizedText(en: "warnings", nb: "advarsler")
        case .info: LocalizedText(en: "info", nb: "info")
        }
    }

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
        guard text.utf8.contains(0x0A) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }

    /// ANSI styling that is a no-op when colour is off.
    struct Style {
        var enabled: Bool

        func severity(_ severity: Severity, _ text: String) -> String {
            switch severity {
            case .error: wrap(text, "1;31")
            case .warning: wrap(text, "1;33")
            case .info: wrap(text, "1;36")
            }
        }

        func bold(_ text: String) -> String { wrap(text, "1") }
        func dim(_ text: String) -> String { wrap(text, "2") }

        private func wrap(_ text: String, _ code: String) -> String {
            enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
        }
    }
}
