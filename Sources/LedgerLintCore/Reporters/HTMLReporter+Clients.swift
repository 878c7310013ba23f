import LedgerLintText

extension HTMLReporter {
    /// One self-contained page for many clients: a header, the roll-up table (each client linked to its section),
    /// one search box for every client's findings, then a section per client with its counts, its findings grouped
    /// by rule, its suppressed findings and its baseline comparison, as the single report shows them; a client
    /// that could not be checked has a section saying why. The same style sheet, script and Content-Security-Policy
    /// as the single report: the script finds every client's rule sections.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// Each client's section as it comes; the header, the roll-up and the search box, which need every client,
    /// before them at the end.
    struct Clients: ClientsRenderer {
        let reporter: HTMLReporter
        var anyFindings = false

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            if client.report?.findings.isEmpty == false { anyFindings = true }
            return [.text(reporter.section(client, words: Words(language: rollUp.language)))]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let words = Words(language: rollUp.language)
            let title = words.clientsTitle
            var html = HTMLReporter.head(title: title, language: rollUp.language)
            var rows = [(words.folder, "<code>\(HTMLReporter.escaped(rollUp.folder))</code>")]
            if let checkedAt = rollUp.checkedAt { rows.append(HTMLReporter.checkedRow(checkedAt, words: words)) }
            rows.append((words.tool, HTMLReporter.escaped("\(Tool.name) \(Tool.version)")))
            html += "<header>\n<h1>\(HTMLReporter.escaped(title))</h1>\n\(HTMLReporter.meta(rows))</header>\n"
            html += reporter.rollUp(rollUp, words: words)
            if anyFindings { html += reporter.filters(rollUp.summary, words: words) }
            return [
                .text(html), .parts,
                .text((anyFindings ? reporter.noMatch(words) : "") + HTMLReporter.foot(words, script: anyFindings)),
            ]
        }
    }

    /// The roll-up: a row per client with its counts (and new findings after a baseline), linked to its section;
    /// then the total line.
    func rollUp(_ report: ClientsRollUp, words: Words) -> String {
        // After the client's, the headings of counts.
        let headings = report.headings.dropFirst()
        var out = "<section class=\"summary rollup\">\n<h2>\(Self.escaped(words.summary))</h2>\n<table>\n<thead><tr>"
            + "<th>\(Self.escaped(report.headings[0]))</th>"
            + headings.map { "<th class=\"n\">\(Self.escaped($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in report.rows {
            let link = "<a href=\"#\(Self.anchor(row.folder))\">\(Self.escaped(row.name))</a>"
            guard let found = row.found else {
                out += "<tr class=\"failed\"><td>\(link)</td><td colspan=\"\(headings.count)\">"
                    + Self.escapedText(words.couldNotBeChecked + ": " + (row.failure ?? "")) + "</td></tr>\n"
                continue
            }
            let counts = Severity.allCases.reversed().map { severity -> String in
                let count = found.count(of: severity)
                return "<td class=\"n\(count > 0 ? " " + severity.rawValue : "")\">\(count)</td>"
            }
            out += "<tr><td>\(link)</td>" + counts.joined() + (row.new.map { "<td class=\"n\">\($0)</td>" } ?? "") + "</tr>\n"
        }
        out += "</tbody>\n</table>\n<p class=\"total\">\(Self.escaped(report.totalLine))</p>\n</section>\n"
        return out
    }

    /// One client's section: its name and where its data came from, then its report's cards and findings.
    func section(_ client: ClientsReport.Client, words: Words) -> String {
        let id = "client-" + client.folder
        var intro = "<h2>\(Self.escaped(client.name))</h2>\n"
        guard let report = client.report else {
            intro += Self.meta([(words.folder, "<code>\(Self.escaped(client.folder))</code>")])
            let reason = words.couldNotBeChecked + ": " + (client.result.failure ?? "")
            return "<section class=\"client failed\" id=\"\(Self.escaped(id))\">\n" + intro
                + "<p class=\"failure\">\(Self.escapedText(reason))</p>\n</section>\n"
        }
        var rows = [(words.folder, "<code>\(Self.escaped(report.snapshot))</code>")]
        if let fetchedAt = report.metadata?.fetchedAt { rows.append(Self.fetchedRow(fetchedAt, words: words)) }
        if let environment = report.metadata?.environment { rows.append((words.environment, Self.escaped(environment))) }
        intro += Self.meta(rows) + cards(report, words: words)
        return "<section class=\"client\" id=\"\(Self.escaped(id))\">\n"
            + findings(report, words: words, anchor: id + "-rule-", controls: false, heading: intro)
            + suppressed(report, words: words) + baseline(report, words: words) + "</section>\n"
    }

    /// The fragment that links to a client's section: its id, percent-encoded as a URI reference is.
    static func anchor(_ folder: String) -> String {
        SarifReporter.uri(forPath: "client-" + folder)
    }
}
