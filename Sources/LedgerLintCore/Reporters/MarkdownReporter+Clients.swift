import LedgerLintText

extension MarkdownReporter {
    /// For a job summary of many clients: the roll-up table first (a client per row, linked to its findings), the
    /// total line, then each rule's findings over every client as a table whose first column is the client, folded
    /// into `<details>` past `collapseAfter` rows like the single report's lists.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// Each finding's row goes to its rule's section as its client comes; the roll-up, and each rule's heading
    /// with its count, are written at the end. Rules come in the order their first finding came, as one report
    /// groups them.
    struct Clients: ClientsRenderer {
        let reporter: MarkdownReporter
        /// Each rule with findings, in the order of its first finding: its id, its name, its number of rows.
        var rules: [(id: String, rule: Rule?, rows: Int)] = []
        var positions: [String: Int] = [:]

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            guard let single = client.report else { return [] }
            let language = rollUp.language
            var rows: [String: String] = [:]
            let files = SnapshotFiles(snapshot: single.snapshot)
            for finding in single.findings {
                if let position = positions[finding.rule] {
                    rules[position].rows += 1
                } else {
                    positions[finding.rule] = rules.count
                    rules.append((finding.rule, single.rule(withID: finding.rule), 1))
                }
                // The file a PowerOffice record is read from too, as SARIF and CSV name it.
                let line = finding.location?.line.map { ":\($0)" } ?? ""
                let location = files.path(of: finding).map { MarkdownReporter.code($0 + line) } ?? ""
                rows[finding.rule, default: ""] +=
                    "| \(MarkdownReporter.escaped(client.name)) | \(reporter.subject(finding, language: language)) | \(location) | "
                    + MarkdownReporter.escaped(finding.message) + " |\n"
            }
            return rules.compactMap { rule in rows[rule.id].map { ClientsReportPart(section: rule.id, text: $0) } }
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let words = Words(language: rollUp.language)
            var out: [String] = [
                "## \(words.clientsTitle)", "",
                "\(words.folder) \(MarkdownReporter.code(rollUp.folder)) · \(Tool.name) \(Tool.version)", "",
            ]
            let headings = rollUp.headings
            out.append("| " + headings.joined(separator: " | ") + " |")
            out.append("|---|" + String(repeating: "---:|", count: headings.count - 1))
            for row in rollUp.rows {
                let name = MarkdownReporter.escaped(row.name)
                guard let found = row.found else {
                    let reason = words.couldNotBeChecked + ": " + (row.failure ?? "")
                    out.append(
                        "| \(name) | " + MarkdownReporter.escaped(reason) + String(repeating: " |", count: headings.count - 1))
                    continue
                }
                let counts = Severity.allCases.reversed().map { String(found.count(of: $0)) } + (row.new.map { [String($0)] } ?? [])
                out.append("| \(name) | " + counts.joined(separator: " | ") + " |")
            }
            out += ["", "**" + MarkdownReporter.escaped(rollUp.totalLine) + "**", ""]
            guard !rules.isEmpty else {
                return [.text((out + [words.noFindings]).joined(separator: "\n") + "\n")]
            }
            var pieces: [ClientsReportPiece] = [.text(out.joined(separator: "\n") + "\n" + "### \(words.findings)\n\n")]
            for (index, rule) in rules.enumerated() {
                let name = rule.rule?.name[rollUp.language] ?? rule.id
                let fold = MarkdownReporter.folding(summary: words.showAll(rule.rows), count: rule.rows)
                let table = ["| \(words.client) | \(words.record) | \(words.file) | \(words.problem) |", "|---|---|---|---|"]
                let heading = "#### \(MarkdownReporter.code(rule.id)) — \(MarkdownReporter.escaped(name)) (\(rule.rows))"
                pieces.append(.text(([heading, ""] + fold.opening + table).map { $0 + "\n" }.joined()))
                pieces.append(.section(rule.id))
                // The closing lines end in a blank one; the document's last blank line is left out.
                var closing = fold.closing
                if index == rules.count - 1 { closing.removeLast() }
                pieces.append(.text(closing.map { $0 + "\n" }.joined()))
            }
            return pieces
        }
    }
}
