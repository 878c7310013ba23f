import Foundation
import LedgerLintText
import PowerOfficeGo

/// The audit report: one self-contained HTML file to hand to a customer, readable on screen and on paper.
///
/// Title, client, when the data was fetched (from the snapshot's manifest), the snapshot folder, when the check
/// ran and with which version; counts by severity; a bar chart of findings by rule, labelled with the rules'
/// names; then every finding grouped by rule (the rule's name and description, then each record with its problem
/// and how to fix it), the suppressed findings with their reasons, and the baseline comparison when there was one.
///
/// Everything is inline: CSS in `<style>`, one small `<script>` for the search box and the severity filter, no
/// fonts, images or links out of the page, so the file opens the same offline, in a mail attachment, and in ten
/// years. A Content-Security-Policy that allows only that script (by its hash) and inline styles makes the browser
/// refuse anything else. The filter controls are rendered `hidden` and only the script shows them, so without
/// JavaScript the report reads in full, with nothing that does not work. No data goes into the script: it reads
/// the page. Print styles set A4, keep backgrounds light, hide the controls, keep a table row or a rule's heading
/// from being split from what follows, and start the suppressed findings on a new page.
///
/// All data is HTML-escaped; control characters become U+FFFD. Labels follow `report.language`, which is also
/// `<html lang>`. Times are shown in UTC by `ReportTime`. `scripts/screenshot-html-report.sh` renders the demo
/// report in headless Chromium, on screen and printed, to look at it. Documented in `docs/output-formats.md`.
public struct HTMLReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let words = Words(language: report.language)
        var title = words.title
        if let client = report.metadata?.client, !client.isEmpty {
            title += " — " + client
        }
        var html = Self.head(title: title, language: report.language)
        html += header(report, title: title, words: words)
        html += filter(report)
        html += summary(report, words: words)
        html += findings(report, words: words)
        html += suppressed(report, words: words)
        html += baseline(report, words: words)
        html += Self.foot(words, script: !report.findings.isEmpty)
        return html
    }

    /// Everything before the page's own content, up to and including `<body>`.
    static func head(title: String, language: Language) -> String {
        """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="generator" content="\(escaped("\(Tool.name) \(Tool.version)"))">
            <title>\(escaped(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>

            """
    }

    /// The footer and, when there are findings to search, the script; then the end of the page.
    static func foot(_ words: Words, script withScript: Bool) -> String {
        "<footer>\(escaped(words.generated))</footer>\n" + (withScript ? "<script>\(script)</script>\n" : "")
            + "</body>\n</html>\n"
    }

    // MARK: Sections

    func header(_ report: Report, title: String, words: Words) -> String {
        var rows: [(String, String)] = []
        if let client = report.metadata?.client {
            rows.append((words.client, Self.escaped(client)))
        }
        if let fetchedAt = report.metadata?.fetchedAt { rows.append(Self.fetchedRow(fetchedAt, words: words)) }
        if let environment = report.metadata?.environment {
            rows.append((words.environment, Self.escaped(environment)))
        }
        rows.append((words.snapshot, "<code>\(Self.escaped(report.snapshot))</code>"))
        if let checkedAt = report.checkedAt { rows.append(Self.checkedRow(checkedAt, words: words)) }
        rows.append((words.tool, Self.escaped("\(Tool.name) \(Tool.version)")))
        return "<header>\n<h1>\(Self.escaped(title))</h1>\n\(Self.meta(rows))</header>\n"
    }

    /// A list of labels (plain text) and values (HTML).
    static func meta(_ rows: [(String, String)]) -> String {
        let list = rows.map { "<dt>\(escaped($0.0))</dt><dd>\($0.1)</dd>" }.joined(separator: "\n")
        return "<dl class=\"meta\">\n\(list)\n</dl>\n"
    }

    /// When the check ran, for a header's list.
    static func checkedRow(_ date: Date, words: Words) -> (String, String) {
        (
            words.checked,
            "<time datetime=\"\(ReportTime.iso(date))\">\(escaped(ReportTime.display(date, words.language)))</time>"
        )
    }

    /// When the data was fetched, as the manifest says, for a header's list.
    static func fetchedRow(_ fetchedAt: String, words: Words) -> (String, String) {
        (
            words.fetched,
            "<time datetime=\"\(escaped(fetchedAt))\">\(escaped(displayTime(fetchedAt, words.language)))</time>"
        )
    }

    /// For a `--key` report, before the counts: that it is filtered, and where each key was found.
    func filter(_ report: Report) -> String {
        guard let filter = report.filterSentence else { return "" }
        let notes = report.lookups.map { "<li>\(Self.escaped($0.note))</li>" }.joined(separator: "\n")
        return "<section class=\"key-filter\">\n<p><strong>\(Self.escaped(filter))"
            + "</strong></p>\n<ul>\n\(notes)\n</ul>\n</section>\n"
    }

    func summary(_ report: Report, words: Words) -> String {
        var out = "<section class=\"summary\">\n<h2>\(Self.escaped(words.summary))</h2>\n"
        out += cards(report, words: words)
        let groups = report.findingsByRule
        if !groups.isEmpty {
            out += "<figure class=\"chart\">\n<figcaption>\(Self.escaped(words.byRule))</figcaption>\n"
                + "\(chart(groups, words: words))\n</figure>\n"
        }
        return out + "</section>\n"
    }

    /// The counts by severity (and of suppressed findings), and the baseline comparison when there was one.
    func cards(_ report: Report, words: Words) -> String {
        let summary = report.summary
        var cards = Severity.allCases.reversed().map { severity in
            card(summary.count(of: severity), words.plural(severity), class: severity.rawValue)
        }
        if !report.suppressed.isEmpty {
            cards.append(card(report.suppressed.count, words.suppressed, class: "suppressed"))
        }
        var out = "<div class=\"cards\">\n\(cards.joined(separator: "\n"))\n</div>\n"
        if let baseline = report.baseline {
            out += "<p class=\"baseline-note\">\(Self.escaped(words.baselineNote(new: summary.total, unchanged: baseline.unchanged.count, fixed: baseline.fixed.count)))</p>\n"
        }
        return out
    }

    func card(_ count: Int, _ label: String, class name: String) -> String {
        "<div class=\"card \(name)\"><span class=\"n\">\(count)</span> \(Self.escaped(label))</div>"
    }

    /// - Parameters:
    ///   - anchor: what each rule's section id starts with, before the rule id (`client-fjordlys-rule-` in a report
    ///     of many clients, whose page has one section of each rule per client).
    ///   - controls: whether the search box and the "no match" line come with it; a report of many clients has one
    ///     of each for the whole page.
    ///   - heading: the section's heading (escaped), and what follows it before the findings; `Findings` by default.
    func findings(
        _ report: Report, words: Words, anchor: String = "rule-", controls: Bool = true, heading: String? = nil
    ) -> String {
        let language = report.language
        var out = "<section class=\"findings\">\n" + (heading ?? "<h2>\(Self.escaped(words.findings))</h2>\n")
        let groups = report.findingsByRule
        if groups.isEmpty {
            return out + "<p class=\"empty\">\(Self.escaped(words.noFindings))</p>\n</section>\n"
        }
        if controls { out += filters(report.summary, words: words) }
        for group in groups {
            let severity = group.rule?.severity ?? group.findings[0].severity
            out += "<section class=\"rule\" id=\"\(Self.escaped(anchor + group.id))\">\n<header>\n"
            out += "<h3>\(badge(severity, words: words)) <span class=\"rule-title\">"
                + "\(Self.ruleLabel(name: group.name(language), id: group.id))</span></h3>\n"
            if let description = group.rule?.description[language], !description.isEmpty {
                out += "<p class=\"description\">\(Self.escaped(description))</p>\n"
            }
            out += "<p class=\"count\">\(Self.escaped(words.count(group.findings.count)))</p>\n</header>\n"
            out += "<table>\n<thead><tr><th class=\"record\">\(Self.escaped(words.record))</th>"
                + "<th class=\"problem\">\(Self.escaped(words.problem))</th><th>\(Self.escaped(words.fix))</th></tr></thead>\n<tbody>\n"
            for finding in group.findings {
                out += "<tr data-severity=\"\(finding.severity.rawValue)\"><td class=\"record\">\(record(finding, language: language))</td>"
                    + "<td>\(Self.escapedText(finding.message))</td>"
                    + "<td class=\"hint\">\(Self.escapedText(finding.hint))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</section>\n"
        }
        if controls { out += noMatch(words) }
        return out + "</section>\n"
    }

    /// The search box, one checkbox per severity and the "showing N of M" line, for `script` to bring to life.
    ///
    /// Rendered `hidden`: a page without JavaScript shows every finding and no control that would do nothing.
    func filters(_ summary: Summary, words: Words) -> String {
        let boxes = Severity.allCases.reversed().map { severity in
            "<label class=\"severity \(severity.rawValue)\"><input type=\"checkbox\" value=\"\(severity.rawValue)\" checked"
                + (summary.count(of: severity) == 0 ? " disabled" : "")
                + "> \(Self.escaped(words.singular(severity))) (\(summary.count(of: severity)))</label>"
        }
        return "<div class=\"filters\" role=\"search\" hidden>\n<div class=\"controls\">\n"
            + "<label class=\"search\">\(Self.escaped(words.search)) <input type=\"search\" "
            + "placeholder=\"\(Self.escaped(words.searchPlaceholder))\" autocomplete=\"off\" spellcheck=\"false\"></label>\n"
            + "<fieldset><legend>\(Self.escaped(words.show))</legend>\n\(boxes.joined(separator: "\n"))\n</fieldset>\n</div>\n"
            + "<p class=\"status\" aria-live=\"polite\" data-template=\"\(Self.escaped(words.showing))\"></p>\n</div>\n"
    }

    /// Shown by `script` when the search matches nothing.
    func noMatch(_ words: Words) -> String {
        "<p class=\"empty no-match\" hidden>\(Self.escaped(words.noMatch))</p>\n"
    }

    func suppressed(_ report: Report, words: Words) -> String {
        guard !report.suppressed.isEmpty else { return "" }
        let language = report.language
        var out = "<section class=\"suppressed\">\n<h2>\(Self.escaped(words.suppressedHeading))</h2>\n"
        out += "<p>\(Self.escaped(words.suppressedNote))</p>\n"
        out += "<table>\n<thead><tr><th class=\"rule-name\">\(Self.escaped(words.rule))</th><th class=\"record\">\(Self.escaped(words.record))</th>"
            + "<th>\(Self.escaped(words.problem))</th><th>\(Self.escaped(words.reason))</th>"
            + "<th class=\"until\">\(Self.escaped(words.expires))</th></tr></thead>\n<tbody>\n"
        for entry in report.suppressed {
            let finding = entry.finding
            let name = report.rule(withID: finding.rule)?.name[language] ?? finding.rule
            out += "<tr><td>\(badge(finding.severity, words: words)) \(Self.ruleLabel(name: name, id: finding.rule, separator: "<br>"))</td>"
                + "<td class=\"record\">\(record(finding, language: language))</td>"
                + "<td>\(Self.escapedText(finding.message))</td>"
                + "<td>\(Self.escapedText(entry.reason))</td>"
                + "<td class=\"nowrap\">\(Self.escaped(entry.expires ?? "—"))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    func baseline(_ report: Report, words: Words) -> String {
        guard let baseline = report.baseline, !baseline.fixed.isEmpty else { return "" }
        let language = report.language
        var out = "<section class=\"fixed\">\n<h2>\(Self.escaped(words.fixedSinceBaseline))</h2>\n"
        out += "<table>\n<thead><tr><th>\(Self.escaped(words.rule))</th><th>\(Self.escaped(words.record))</th></tr></thead>\n<tbody>\n"
        for entry in baseline.fixed.sorted() {
            let name = report.rule(withID: entry.rule)?.name[language] ?? entry.rule
            let subject = TextReporter.subjectName(entry.system, entry.entity, language: language)
            out += "<tr><td>\(Self.ruleLabel(name: name, id: entry.rule, separator: "<br>"))</td>"
                + "<td><strong>\(Self.escaped(entry.key))</strong><br><span class=\"where\">\(Self.escaped(subject))</span></td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Pieces

    /// The key in bold, then system and entity, then the file and line when known.
    func record(_ finding: Finding, language: Language) -> String {
        let subject = TextReporter.subject(of: finding, language: language)
        var out = "<strong>\(Self.escaped(subject.id))</strong><br><span class=\"where\">"
            + Self.escaped(subject.noun)
            + "</span>"
        if let location = finding.location {
            out += "<br><code class=\"where\">\(Self.escaped(TextReporter.locationText(location, language: language)))</code>"
        }
        return out
    }

    /// The rule's name and, after it, its id in code type; only the id when the rule has no name of its own.
    static func ruleLabel(name: String, id: String, separator: String = " ") -> String {
        name == id ? "<code>\(escaped(id))</code>" : "\(escaped(name))\(separator)<code>\(escaped(id))</code>"
    }

    func badge(_ severity: Severity, words: Words) -> String {
        "<span class=\"badge \(severity.rawValue)\">\(Self.escaped(words.singular(severity)))</span>"
    }

    /// A horizontal bar chart of findings per rule, most findings first, as an HTML list.
    ///
    /// Each row is the rule's name, with its id in small code type beneath, linked to the rule's section; then a
    /// bar coloured by the rule's severity and the count. HTML rather than SVG, so that a long name (or its
    /// Norwegian) wraps instead of being cut, and the chart fits any width, the A4 page included. Bar widths are
    /// whole per cent of the largest count, so the markup (and the golden files) are stable.
    func chart(_ groups: [Report.RuleGroup], words: Words) -> String {
        let rows = groups.enumerated().sorted { lhs, rhs in
            lhs.element.findings.count != rhs.element.findings.count
                ? lhs.element.findings.count > rhs.element.findings.count
                : lhs.offset < rhs.offset
        }.map(\.element)
        let maximum = max(rows.map(\.findings.count).max() ?? 1, 1)
        var out = "<ol class=\"bars\">\n"
        for group in rows {
            let count = group.findings.count
            let severity = group.rule?.severity ?? group.findings[0].severity
            let name = group.name(words.language)
            let label = name == group.id
                ? "<code>\(Self.escaped(group.id))</code>"
                : "\(Self.escaped(name)) <code>\(Self.escaped(group.id))</code>"
            out += "<li class=\"\(severity.rawValue)\"><a class=\"label\" href=\"#rule-\(Self.escaped(group.id))\">\(label)</a>"
                + "<span class=\"track\"><span class=\"bar\" style=\"width: \(max(1, count * 100 / maximum))%\"></span>"
                + "<span class=\"value\">\(count)</span></span></li>\n"
        }
        return out + "</ol>"
    }

    /// ISO 8601 text from the manifest shown by `ReportTime.display`; other text as it is.
    static func displayTime(_ text: String, _ language: Language) -> String {
        ReportTime.parse(text).map { ReportTime.display($0, language) } ?? text
    }

    // MARK: Escaping

    /// Escapes text for HTML content or a double-quoted attribute: `& < > " '` become references, control
    /// characters other than tab and newline (which HTML does not allow) become U+FFFD.
    static func escaped(_ text: String) -> String { MarkupText.html.escaped(text) }

    /// `escaped`, with line breaks kept as `<br>`: for messages, hints and reasons.
    static func escapedText(_ text: String) -> String {
        // Most texts have no line break: then not searched for one through Foundation, three times.
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return escaped(text) }
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return escaped(normalized).replacingOccurrences(of: "\n", with: "<br>\n")
    }
}

// MARK: - Words

extension HTMLReporter {
    struct Words: ReportWords {
        var language: Language

        var checked: String { pick("Checked", "Kontrollert") }
        var tool: String { pick("Checked with", "Kontrollert med") }
        var search: String { pick("Search", "Søk") }
        var searchPlaceholder: String { pick("Rule, number or text", "Regel, nummer eller tekst") }
        var show: String { pick("Show", "Vis") }
        /// `{shown}` and `{total}` are filled in by the script.
        var showing: String { pick("Showing {shown} of {total} findings", "Viser {shown} av {total} funn") }
        var noMatch: String {
            pick(
                "No findings match the search and the chosen severities.",
                "Ingen funn passer til søket og de valgte alvorlighetsgradene."
            )
        }
        var summary: String { pick("Summary", "Sammendrag") }
        var suppressed: String { pick("suppressed", "unntatt") }
        var fix: String { pick("How to fix", "Slik retter du det") }
        var reason: String { pick("Reason", "Begrunnelse") }
        var expires: String { pick("Until", "Til og med") }
        var suppressedHeading: String { pick("Suppressed findings", "Unntatte funn") }
        var suppressedNote: String {
            pick(
                "These findings were accepted with a reason and are not counted above.",
                "Disse funnene er godtatt med en begrunnelse og telles ikke over."
            )
        }
        var generated: String {
            pick("Generated by \(Tool.name) \(Tool.version).", "Laget av \(Tool.name) \(Tool.version).")
        }

        func singular(_ severity: Severity) -> String {
            MarkdownReporter.capitalized(severity.word[language])
        }

        func plural(_ severity: Severity) -> String {
            severity.plural[language]
        }

        func count(_ count: Int) -> String {
            count == 1 ? pick("1 finding", "1 funn") : pick("\(count) findings", "\(count) funn")
        }

        func baselineNote(new: Int, unchanged: Int, fixed: Int) -> String {
            pick(
                "Compared with the baseline: \(new) new (listed below), \(unchanged) unchanged (not listed), \(fixed) fixed.",
                "Sammenlignet med baseline: \(new) nye (listet under), \(unchanged) uendret (ikke listet), \(fixed) rettet."
            )
        }
    }
}

// MARK: - Style and script

extension HTMLReporter {
    /// The whole style sheet. Light backgrounds only, system fonts only, and print rules at the end.
    ///
    /// Sizes are in `rem`, so that print changes the one root size and everything follows.
    package static let css = """
        :root { color-scheme: light; --text: #1d2433; --muted: #535c6e; --line: #d5d9e0;
          --error: #b42318; --error-bg: #fdecea; --warning: #a15c07; --warning-bg: #fdf4e3; --warning-bar: #dc8a14;
          --info: #175cd3; --info-bg: #e9f1fd; --suppressed: #535c6e; --suppressed-bg: #f0f2f5; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { background: #fff; font-size: 15px; }
        body { margin: 0 auto; max-width: 64rem; padding: 2rem 1.5rem 3rem; color: var(--text); background: #fff;
          font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
        h1 { font-size: 1.8rem; margin: 0 0 .75rem; line-height: 1.25; }
        h2 { font-size: 1.3rem; margin: 2.25rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.08rem; margin: 0; }
        code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
        h3 code { color: var(--muted); font-weight: normal; white-space: nowrap; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.25rem; margin: 0; }
        .meta dt { color: var(--muted); }
        .meta dd { margin: 0; }
        th.n, td.n { text-align: right; width: 6.5rem; }
        td.n.error { color: var(--error); font-weight: 600; } td.n.warning { color: var(--warning); font-weight: 600; }
        tr.failed td, .failure { color: var(--error); }
        .rollup .total { font-weight: 600; }
        section.client { margin-top: 3rem; }
        .cards { display: flex; flex-wrap: wrap; gap: .75rem; }
        .card { flex: 1 1 9rem; border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 6px;
          padding: .5rem .85rem; }
        .card .n { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.2; }
        .card.error { border-left-color: var(--error); } .card.error .n { color: var(--error); }
        .card.warning { border-left-color: var(--warning); } .card.warning .n { color: var(--warning); }
        .card.info { border-left-color: var(--info); } .card.info .n { color: var(--info); }
        .card.suppressed { border-left-color: var(--suppressed); } .card.suppressed .n { color: var(--suppressed); }
        .baseline-note { color: var(--muted); }
        .key-filter { border: 1px solid var(--line); border-left: 6px solid #1f6feb; border-radius: 6px; padding: .4rem 1rem; margin: 1rem 0; }
        .key-filter ul { margin: .3rem 0 .6rem; padding-left: 1.2rem; }
        figure { margin: 1.5rem 0 0; }
        figcaption { font-weight: 600; margin-bottom: .4rem; }
        .bars { list-style: none; margin: 0; padding: 0; }
        .bars li { display: grid; grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 1rem; align-items: center;
          padding: .3rem 0; border-top: 1px solid var(--line); }
        .bars li:last-child { border-bottom: 1px solid var(--line); }
        .bars .label { color: inherit; text-decoration: none; line-height: 1.3; }
        .bars .label:hover { text-decoration: underline; }
        .bars .label code { display: block; color: var(--muted); font-size: .78rem; }
        /* The count sits in the track's right padding, so that the longest bar leaves room for it. */
        .track { display: flex; align-items: center; gap: .4rem; padding-right: 2.5rem; }
        .bar { flex: none; height: 1rem; min-width: 2px; border-radius: 3px; }
        .value { flex: none; font-weight: 600; font-variant-numeric: tabular-nums; }
        .bars .error .bar { background: var(--error); } .bars .warning .bar { background: var(--warning-bar); }
        .bars .info .bar { background: var(--info); }
        .badge { display: inline-block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em;
          padding: .05rem .5rem; border-radius: 999px; border: 1px solid currentColor; vertical-align: .1em; }
        .badge.error { color: var(--error); background: var(--error-bg); }
        .badge.warning { color: var(--warning); background: var(--warning-bg); }
        .badge.info { color: var(--info); background: var(--info-bg); }
        .filters { position: sticky; top: 0; z-index: 1; background: #fff; padding: .6rem 0 .4rem;
          border-bottom: 1px solid var(--line); }
        .filters .controls { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; }
        .filters .search { display: flex; align-items: center; gap: .5rem; flex: 1 1 18rem; font-weight: 600; }
        .filters input[type=search] { flex: 1; min-width: 0; font: inherit; font-weight: normal; padding: .3rem .55rem;
          border: 1px solid #9aa2b1; border-radius: 6px; }
        .filters fieldset { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; border: 0; margin: 0; padding: 0; }
        .filters legend { float: left; font-weight: 600; margin-right: .25rem; }
        .filters .severity { white-space: nowrap; }
        .filters .severity.error { color: var(--error); } .filters .severity.warning { color: var(--warning); }
        .filters .severity.info { color: var(--info); }
        .filters input[type=checkbox] { accent-color: currentColor; }
        .filters .status { margin: .35rem 0 0; color: var(--muted); font-size: .9rem; }
        .rule { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 1rem 1.25rem .5rem;
          scroll-margin-top: 7rem; }
        .rule .description { margin: .35rem 0 0; }
        .rule .count { margin: .2rem 0 .5rem; color: var(--muted); font-size: .9rem; }
        table { width: 100%; border-collapse: collapse; font-size: .93rem; table-layout: fixed; }
        th, td { text-align: left; vertical-align: top; padding: .45rem .6rem .45rem 0; border-top: 1px solid var(--line); }
        th { color: var(--muted); font-weight: 600; font-size: .85rem; border-top: none; }
        td, th { overflow-wrap: anywhere; }
        th.record { width: 27%; }
        .findings th.problem { width: 40%; }
        section.suppressed th.rule-name { width: 24%; } section.suppressed th.record { width: 18%; }
        section.suppressed th.until { width: 7.5rem; }
        td.hint { color: var(--muted); }
        .where { color: var(--muted); font-size: .88em; }
        .nowrap { white-space: nowrap; }
        .empty { font-size: 1.1rem; }
        footer { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
        @page { size: A4; margin: 15mm 14mm 16mm;
          @bottom-right { content: counter(page) " / " counter(pages); color: #535c6e;
            font: 8pt system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", sans-serif; } }
        @media print {
          html { font-size: 9.5pt; }
          body { max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          /* On paper the controls do nothing; a filtered view says so, and a full one says nothing. */
          .filters { position: static; border: none; padding: 0; }
          .filters .controls, .filters:not(.active) { display: none !important; }
          .filters .status { font-weight: 600; color: var(--text); }
          h2, h3, figcaption, .rule > header { break-after: avoid; page-break-after: avoid; }
          tr, .card, .bars li, .meta { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          /* A rule that fits on a page stays on one; a longer one breaks between rows, never inside one. */
          .rule { border: none; border-top: 1px solid var(--line); border-radius: 0; padding: .75rem 0 0;
            break-inside: avoid; page-break-inside: avoid; }
          .rule:first-of-type { border-top: none; padding-top: 0; }
          section.suppressed { break-before: page; page-break-before: always; }
        }
        """

    /// The search box and severity filter: shows the controls, then on every change hides the rows that do not
    /// match (and rules left with none), and says how many are shown.
    ///
    /// A row matches when its severity is ticked and every word of the search is in the row's text or its rule's
    /// name and id, compared in NFKC lower case, so `ÆRLIG` finds `Ærlig`. It reads only the page; no data is ever
    /// written into it. Kept free of `//` so that the test for URLs stays simple.
    package static let script = """

        (function () {
          var filters = document.querySelector('.filters');
          if (!filters) { return; }
          var search = filters.querySelector('input[type=search]');
          var boxes = Array.prototype.slice.call(filters.querySelectorAll('input[type=checkbox]'));
          var status = filters.querySelector('.status');
          var noMatch = document.querySelector('.no-match');
          var fold = function (text) { return text.normalize('NFKC').toLowerCase(); };
          var sections = Array.prototype.slice.call(document.querySelectorAll('section.findings section.rule'));
          var rows = [];
          sections.forEach(function (section) {
            var title = section.querySelector('.rule-title');
            var rule = title ? fold(title.textContent) : '';
            section.querySelectorAll('tbody tr').forEach(function (row) {
              rows.push({ row: row, severity: row.getAttribute('data-severity'), text: rule + ' ' + fold(row.textContent) });
            });
          });
          function apply() {
            var words = fold(search.value).split(/\\s+/).filter(function (word) { return word !== ''; });
            var ticked = {};
            boxes.forEach(function (box) { ticked[box.value] = box.checked; });
            var shown = 0;
            rows.forEach(function (entry) {
              var match = ticked[entry.severity] !== false && words.every(function (word) { return entry.text.indexOf(word) !== -1; });
              entry.row.hidden = !match;
              if (match) { shown += 1; }
            });
            sections.forEach(function (section) {
              section.hidden = section.querySelector('tbody tr:not([hidden])') === null;
            });
            status.textContent = status.getAttribute('data-template')
              .replace('{shown}', String(shown)).replace('{total}', String(rows.length));
            filters.classList.toggle('active', shown < rows.length);
            noMatch.hidden = shown > 0;
          }
          search.addEventListener('input', apply);
          boxes.forEach(function (box) { box.addEventListener('change', apply); });
          filters.hidden = false;
          apply();
        })();

        """

    /// Nothing from outside the page: no requests of any kind, the inline styles, and only `script` by its hash,
    /// so that even a mistake in escaping could not run or load anything.
    static let contentSecurityPolicy: String = {
        let digest = SHA256.hash(Array(script.utf8))
        return "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(Data(digest).base64EncodedString())'; "
            + "base-uri 'none'; form-action 'none'"
    }()
}
