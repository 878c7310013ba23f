import LedgerLintText

extension MarkdownReporter {
    /// For a job summary of many clients: the roll-up table first (a client per row, linked to its findings), the
    /// total line, then each rule's findings over every client as a table whose first column is the client, folded
    /// into `<details>` past `collapseAfter` rows like the single report's lists.
    public func render(_ report: ClientsReport) -> String {
        let language = report.language
        let words = Words(language: language)
        var out: [String] = [
            "## \(words.clientsTitle)", "",
            "\(words.folder) \(Self.code(report.folder)) · \(Tool.name) \(Tool.version)", "",
        ]
        let headings = report.headings
        out.append("| " + headings.joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---:|", count: headings.count - 1))
        for row in report.rows {
            let name = Self.escaped(row.name)
            guard let found = row.found else {
                let reason = words.couldNotBeChecked + ": " + (row.failure ?? "")
                out.append("| \(name) | " + Self.escaped(reason) + String(repeating: " |", count: headings.count - 1))
                continue
            }
            let counts = Severity.allCases.reversed().map { String(found.count(of: $0)) } + (row.new.map { [String($0)] } ?? [])
            out.append("| \(name) | " + counts.joined(separator: " | ") + " |")
        }
        out += ["", "**" + Self.escaped(report.totalLine) + "**", ""]

        let checked = report.checked
        // Each rule's findings over every client, with the client: in report order, as one report groups them.
        var rows: [String: [String]] = [:]
        for (client, single) in checked {
            for finding in single.findings {
                // The file a PowerOffice record is read from too, as SARIF and CSV name it.
                let line = finding.location?.line.map { ":\($0)" } ?? ""
                let location = finding.snapshotFile(in: single.snapshot).map { Self.code($0 + line) } ?? ""
                rows[finding.rule, default: []].append(
                    "| \(Self.escaped(client.name)) | \(subject(finding, language: language)) | \(location) | "
                        + Self.escaped(finding.message) + " |")
            }
        }
        let groups = Report.groups(checked.flatMap(\.report.findings), rules: checked.flatMap(\.report.rules))
        guard !groups.isEmpty else {
            out.append(words.noFindings)
            return out.joined(separator: "\n") + "\n"
        }
        out += ["### \(words.findings)", ""]
        for group in groups {
            let rows = rows[group.id] ?? []
            out += ["#### \(Self.code(group.id)) — \(Self.escaped(group.name(language))) (\(rows.count))", ""]
            let table = ["| \(words.client) | \(words.record) | \(words.file) | \(words.problem) |", "|---|---|---|---|"]
            out += Self.collapsible(table + rows, summary: words.showAll(rows.count), count: rows.count)
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
