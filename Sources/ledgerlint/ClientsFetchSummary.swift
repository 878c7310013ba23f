import Foundation
import LedgerLintCore
import LedgerLintText
import PowerOfficeGo

/// What `fetch --clients` says on stderr when it is done: a line of how many clients were fetched, a table with
/// every client's name, folder and the rows fetched per list (or that it failed), and then, for each client that
/// failed, why, in the words a single fetch of it would have used (a refused key's extension hint included).
///
/// Pure: outcomes in, text out. Names and server texts are made safe for a terminal, and the caller's `Console`
/// blanks any secret.
enum ClientsFetchSummary {
    /// - Parameter failuresOnly: `--quiet`: the first line and the failures, without the table.
    static func text(_ outcomes: [ClientsFetch.Outcome], out: String, failuresOnly: Bool) -> LocalizedText {
        LocalizedText(
            en: render(outcomes, out: out, failuresOnly: failuresOnly, language: .en),
            nb: render(outcomes, out: out, failuresOnly: failuresOnly, language: .nb))
    }

    private static func render(
        _ outcomes: [ClientsFetch.Outcome], out: String, failuresOnly: Bool, language: Language
    ) -> String {
        let failures = outcomes.compactMap { outcome -> (ClientEntry, any Error)? in
            guard case .failure(let error) = outcome.result else { return nil }
            return (outcome.client, error)
        }
        let fetched = outcomes.count - failures.count
        var text = "ledgerlint: " + headline(fetched: fetched, failed: failures.count, out: out)[language] + "\n"
        if !failuresOnly { text += table(outcomes, language: language) }
        for (client, error) in failures {
            text += "ledgerlint: \(cell(client.name)) (\(cell(client.folder))): "
                + LocalizedText(describing: error)[language] + "\n"
        }
        return TerminalText.sanitized(text)
    }

    /// `fetched 2 of 3 clients into DIR; 1 failed`.
    static func headline(fetched: Int, failed: Int, out: String) -> LocalizedText {
        let total = fetched + failed
        let clients = LocalizedText(
            en: "client\(total == 1 ? "" : "s")", nb: "klient\(total == 1 ? "" : "er")")
        guard failed > 0 else {
            return LocalizedText(
                en: "fetched \(total) \(clients.en) into \(out)", nb: "hentet \(total) \(clients.nb) inn i \(out)")
        }
        return LocalizedText(
            en: "fetched \(fetched) of \(total) \(clients.en) into \(out); \(failed) failed",
            nb: "hentet \(fetched) av \(total) \(clients.nb) inn i \(out); \(failed) mislyktes")
    }

    /// The words of the table that are not PowerOffice's list names.
    static let words = (
        client: LocalizedText(en: "Client", nb: "Klient"), folder: LocalizedText(en: "Folder", nb: "Mappe"),
        failed: LocalizedText(en: "failed, see below", nb: "mislyktes, se under")
    )

    /// One row per client, under a row of headings, each list's rows right-aligned under its name.
    private static func table(_ outcomes: [ClientsFetch.Outcome], language: Language) -> String {
        let lists = PowerOfficeResource.allCases
        var rows = [[words.client[language], words.folder[language]] + lists.map(\.rawValue)]
        for outcome in outcomes {
            var row = [cell(outcome.client.name), cell(outcome.client.folder)]
            switch outcome.result {
            case .success(let fetched): row += lists.map { String(fetched.counts[$0] ?? 0) }
            case .failure: row.append(words.failed[language])
            }
            rows.append(row)
        }
        // A failed row's note spans the list columns: it sets the width of the name and the folder only.
        var widths = [Int](repeating: 0, count: rows[0].count)
        for row in rows {
            for (index, value) in row.enumerated() where index < 2 || row.count == widths.count {
                widths[index] = max(widths[index], value.count)
            }
        }
        return rows.map { row in
            let cells = row.enumerated().map { index, value in
                let padding = String(repeating: " ", count: max(0, widths[index] - value.count))
                // Names left-aligned, numbers right-aligned under their heading.
                return index < 2 || row.count < widths.count ? value + padding : padding + value
            }
            return "  " + cells.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    /// A name or folder as one cell: on one line, and not so long that the table cannot be read.
    private static func cell(_ text: String) -> String {
        TerminalText.excerpt(text.split(whereSeparator: \.isNewline).joined(separator: " "), limit: 40)
    }
}
