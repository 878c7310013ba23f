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
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    struct Clients: ClientsRenderer {
        let reporter: TextReporter
        var count = 0

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let language = rollUp.language
            let style = Style(enabled: reporter.color)
            let heading = style.bold(
                "== " + TerminalText.sanitized(client.name) + " (" + TerminalText.sanitized(client.folder) + ") ==")
            let body: String
            switch client.result {
            case .checked(let single):
                body = reporter.render(single)
            case .failed(let reason):
                body = style.severity(.error, ClientsRollUp.couldNotBeChecked[language]) + ": "
                    + TextReporter.indentingContinuation(TerminalText.sanitized(reason), by: "  ") + "\n"
            }
            defer { count += 1 }
            return [.text((count > 0 ? "\n" : "") + heading + "\n\n" + body)]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            [.parts, .text("\n" + reporter.rollUp(rollUp) + TerminalText.sanitized(rollUp.totalLine) + "\n")]
        }
    }

    /// The roll-up table, one line per client and a line of headings, columns padded to their widest cell.
    func rollUp(_ report: ClientsRollUp) -> String {
        let language = report.language
        let headings = report.headings
        let rows = report.rows.map { row -> [String] in
            let name = TerminalText.sanitized(row.name)
            guard let found = row.found else {
                return [name, ClientsRollUp.couldNotBeChecked[language] + ": " + TerminalText.sanitized(row.failure ?? "").firstLine]
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
            guard cells.count == headings.count else { return Self.padded(cells[0], to: widths[0]) + "  " + cells[1] }
            return ([Self.padded(cells[0], to: widths[0])] + cells.indices.dropFirst().map { index in
                Self.rightAligned(cells[index], to: widths[index])
            }).joined(separator: "  ")
        }
        return ([line(headings)] + rows.map(line)).map { $0.trimmingTrailingSpaces + "\n" }.joined()
    }

    /// `text` and spaces after it up to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Spaces, then `text`, to `width` characters.
    static func rightAligned(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

}

extension String {
    /// Up to the first line break.
    var firstLine: String { String(prefix { $0 != "\n" && $0 != "\r" }) }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
