import LedgerLintText

/// The spreadsheet report: one row per finding, for Excel on Norwegian Windows first.
///
/// - UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and `æøå` turn into `Ã¦Ã¸Ã¥`.
/// - `;` between fields: Excel splits a double-clicked CSV at the Windows list separator, which is `;` where the
///   decimal separator is a comma (Norway, most of Europe); with `,` every row would land in one column there.
/// - CRLF line ends and RFC 4180 quoting: a field with `;`, `"`, CR or LF is quoted and its quotes are doubled,
///   so messages with line breaks stay in one cell.
/// - Formula injection guard: a cell whose text starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so
///   a customer name like `=HYPERLINK(…)` from an export is shown as text, never run as a formula.
///
/// Columns: severity, rule, system, entity, key, message, hint, file, line, suppressed. The header, severity and
/// entity words follow `report.language`; rule ids, systems and keys do not. Counted findings come first in
/// report order, then the suppressed findings with their reason in the last column (empty for counted ones), so
/// the sheet is the complete work list and can be filtered on that column. Findings already in a baseline are not
/// rows, as in the text report. `file` is the snapshot file joined to the snapshot folder, as in SARIF. A `--key`
/// report starts with `note` rows: that it is filtered, and where each key was found.
/// Documented in `docs/output-formats.md`.
public struct CSVReporter: Reporter {
    static let separator = ";"
    static let lineEnd = "\r\n"
    static let byteOrderMark = "\u{FEFF}"

    public init() {}

    public func render(_ report: Report) -> String {
        let language = report.language
        var rows = [Self.header[language]]
        if let filter = report.filterSentence {
            // A sheet has no place above its table, so a filtered one says so in its first rows, marked `note` in
            // the severity column so that a filter on that column keeps them apart from the findings.
            let note = Self.noteWord[language]
            rows.append([note, "", "", "", "", filter, "", "", "", ""])
            rows += report.lookups.map { [note, "", "", "", $0.key, $0.note, "", "", "", ""] }
        }
        rows += report.findings.map { row($0, suppression: nil, report: report) }
        rows += report.suppressed.map { row($0.finding, suppression: $0, report: report) }
        return Self.document(rows)
    }

    /// The same sheet for every client together, with the client's name in a first column, so that it filters by
    /// client; a client that could not be checked is a row marked `failed` with the reason as its message.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// The header row, then each client's rows as they come.
    struct Clients: ClientsRenderer {
        let reporter: CSVReporter

        func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let rows: [[String]]
            switch client.result {
            case .checked(let single):
                rows = single.findings.map { [client.name] + reporter.row($0, suppression: nil, report: single) }
                    + single.suppressed.map { [client.name] + reporter.row($0.finding, suppression: $0, report: single) }
            case .failed(let reason):
                rows = [[client.name, CSVReporter.failedWord[rollUp.language], "", "", "", "", reason, "", "", "", ""]]
            }
            return [.text(CSVReporter.lines(rows))]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let header = [ClientsRollUp.clientWord[rollUp.language]] + CSVReporter.header[rollUp.language]
            return [.text(CSVReporter.byteOrderMark + CSVReporter.lines([header])), .parts]
        }
    }

    /// Rows as Excel opens them: a byte-order mark, `;` between cells, CRLF after every row, each cell guarded and
    /// quoted by `cell(_:)`. The fix plan's CSV files are written by it too.
    static func document(_ rows: [[String]]) -> String {
        byteOrderMark + lines(rows)
    }

    /// The rows without the byte-order mark.
    static func lines(_ rows: [[String]]) -> String {
        var text = ""
        text.reserveCapacity(rows.reduce(0) { total, row in row.reduce(total + row.count + 1) { $0 + $1.utf8.count } })
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { text += separator }
                text += cell(field)
            }
            text += lineEnd
        }
        return text
    }

    func row(_ finding: Finding, suppression: SuppressedFinding?, report: Report) -> [String] {
        let language = report.language
        return [
            finding.severity.word[language],
            finding.rule,
            TextReporter.systemName(finding.system),
            TextReporter.entityName(finding.entity)[language],
            finding.key,
            finding.message,
            finding.hint,
            finding.snapshotFile(in: report.snapshot) ?? "",
            finding.location?.line.map(String.init) ?? "",
            suppression?.reason ?? "",
        ]
    }

    /// One cell: guarded against formula injection, then quoted if it has to be.
    static func cell(_ text: String) -> String {
        var value = text
        switch value.utf8.first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
            UInt8(ascii: "\r"):
            value = "'" + value
        default: break
        }
        // All four are ASCII, so looking at the bytes finds the same as looking at the characters.
        let needsQuotes = value.utf8.contains {
            $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return value }
        let quote = UInt8(ascii: "\"")
        var quoted = [quote]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if byte == quote { quoted.append(quote) }
            quoted.append(byte)
        }
        quoted.append(quote)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// The severity column of a client that could not be checked.
    static let failedWord = LocalizedText(en: "failed", nb: "feilet")

    /// The severity column of the rows a `--key` report starts with.
    static let noteWord = LocalizedText(en: "note", nb: "merknad")

    static let header = LocalizedRow(
        en: ["Severity", "Rule", "System", "Entity", "Key", "Message", "Hint", "File", "Line", "Suppressed"],
        nb: ["Alvorlighetsgrad", "Regel", "System", "Type", "Nøkkel", "Melding", "Tips", "Fil", "Linje", "Unntatt"]
    )

    struct LocalizedRow {
        var en: [String]
        var nb: [String]

        subscript(language: Language) -> [String] {
            switch language {
            case .en: en
            case .nb: nb
            }
        }
    }
}
