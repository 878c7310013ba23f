import LedgerLintText

extension TextReporter {
    /// Each client's text report under a heading with its name and folder, then the roll-up table and the total line:
    ///
    /// ```
    /// == Fjordlys Regnskap AS (fjordlys) ==
    ///
    /// error[customer-number-range] Assist customer 5000: …
    ///
    /// Client                Errors  Warnings  Info
    /// Fjordlys Regnskap AS       3         1     0
    /// Nordlys AS            could not be checked: …
    /// 2 clients: 3 errors, 1 warning, 0 info; 1 could not be checked
    /// ```
    public func render(_ report: ClientsReport) -> String {
        let language = report.language
        let style = Style(enabled: color)
        var sections: [String] = []
        for client in report.clients {
            let heading = style.bold("== " + TerminalText.sanitized(client.name) + " (" + TerminalText.sanitized(client.folder) + ") ==")
            switch client.result {
            case .checked(let single):
                sections.append(heading + "\n\n" + render(single))
            case .failed(let reason):
                sections.append(
                    heading + "\n\n" + style.severity(.error, ClientsReport.couldNotBeChecked[language]) + ": "
                        + Self.indentingContinuation(TerminalText.sanitized(reason), by: "  ") + "\n")
            }
        }
        return sections.joined(separator: "\n") + "\n" + rollUp(report) + TerminalText.sanitized(report.totalLine) + "\n"
    }

    /// The roll-up table, one line per client and a line of headings, columns padded to their widest cell.
    func rollUp(_ report: ClientsReport) -> String {
        let language = report.language
        var headings = [Self.clientLabel[language]] + Severity.allCases.reversed().map { $0.plural[language].capitalizedFirst }
        if report.hasBaseline { headings.append(Self.newLabel[language]) }
        let rows = report.rows.map { row -> [String] in
            let name = TerminalText.sanitized(row.name)
            guard let found = row.found else {
                return [name, ClientsReport.couldNotBeChecked[language] + ": " + TerminalText.sanitized(row.failure ?? "").firstLine]
            }
            return [name] + Severity.allCases.reversed().map { String(found.count(of: $0)) }
                + (row.new.map { [String($0)] } ?? [])
        }
        var widths = headings.map(\.count)
        for row in rows where row.count == headings.count {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            // The name left-aligned, the counts right-aligned; a failed client's reason runs on after the name.
            guard cells.count == headings.count else { return pad(cells[0], widths[0]) + "  " + cells[1] }
            return ([pad(cells[0], widths[0])] + cells.indices.dropFirst().map { index in
                String(repeating: " ", count: widths[index] - cells[index].count) + cells[index]
            }).joined(separator: "  ")
        }
        return ([line(headings)] + rows.map(line)).map { $0.trimmingTrailingSpaces + "\n" }.joined()
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    static let clientLabel = LocalizedText(en: "Client", nb: "Klient")
    static let newLabel = LocalizedText(en: "New", nb: "Nye")
}

extension String {
    /// With its first letter in upper case: `errors` → `Errors`, `feil` → `Feil`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Up to the first line break.
    var firstLine: String { String(prefix { $0 != "\n" && $0 != "\r" }) }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
