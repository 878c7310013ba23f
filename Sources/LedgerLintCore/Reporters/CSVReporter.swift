import Foundation
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
    static let separator = UInt8(ascii: ";")
    static let lineEnd = "\r\n"
    static let byteOrderMark = "\u{FEFF}"

    public init() {}

    public func render(_ report: Report) -> String { document(report).text }

    public func renderData(_ report: Report) -> Data { document(report).data() }

    /// The sheet, each row written straight into the document's bytes.
    private func document(_ report: Report) -> TextDocument {
        let language = report.language
        var document = TextDocument(capacity: 4096 + (report.findings.count + report.suppressed.count) * 512)
        document.append(Self.byteOrderMark)
        Self.append(row: Self.header[language], to: &document)
        if let filter = report.filterSentence {
            // A sheet has no place above its table, so a filtered one says so in its first rows, marked `note` in
            // the severity column so that a filter on that column keeps them apart from the findings.
            let note = Self.noteWord[language]
            Self.append(row: [note, "", "", "", "", filter, "", "", "", ""], to: &document)
            for lookup in report.lookups {
                Self.append(row: [note, "", "", "", lookup.key, lookup.note, "", "", "", ""], to: &document)
            }
        }
        let files = SnapshotFiles(snapshot: report.snapshot)
        for finding in report.findings {
            append(finding, suppression: nil, language: language, files: files, to: &document)
        }
        for suppressed in report.suppressed {
            append(suppressed.finding, suppression: suppressed, language: language, files: files, to: &document)
        }
        return document
    }

    /// The same sheet for every client together, with the client's name in a first column, so that it filters by
    /// client; a client that could not be checked is a row marked `failed` with the reason as its message.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// The header row, then each client's rows as they come.
    struct Clients: ClientsRenderer {
        let reporter: CSVReporter

        func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            var document = TextDocument(capacity: 0)
            switch client.result {
            case .checked(let single):
                let files = SnapshotFiles(snapshot: single.snapshot)
                for finding in single.findings {
                    reporter.append(
                        finding, suppression: nil, language: single.language, files: files, client: client.name,
                        to: &document)
                }
                for suppressed in single.suppressed {
                    reporter.append(
                        suppressed.finding, suppression: suppressed, language: single.language, files: files,
                        client: client.name, to: &document)
                }
            case .failed(let reason):
                CSVReporter.append(
                    row: [client.name, CSVReporter.failedWord[rollUp.language], "", "", "", "", reason, "", "", "", ""],
                    to: &document)
            }
            return [.text(document.text)]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let header = [ClientsRollUp.clientWord[rollUp.language]] + CSVReporter.header[rollUp.language]
            return [.text(CSVReporter.byteOrderMark + CSVReporter.lines([header])), .parts]
        }
    }

    /// Rows as Excel opens them: a byte-order mark, `;` between cells, CRLF after every row, each cell guarded and
    /// quoted by `append(cell:to:)`. The fix plan's CSV files are written by it too.
    static func document(_ rows: [[String]]) -> String {
        byteOrderMark + lines(rows)
    }

    /// The rows without the byte-order mark.
    static func lines(_ rows: [[String]]) -> String {
        var document = TextDocument(capacity: 0)
        for row in rows { append(row: row, to: &document) }
        return document.text
    }

    /// One row of `cells` and its line end.
    static func append(row cells: [String], to document: inout TextDocument) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { document.append(byte: separator) }
            append(cell: cell, to: &document)
        }
        document.append(lineEnd)
    }

    /// A finding's row: severity, rule, system, entity, key, message, hint, file, line, suppressed; after the
    /// client's name in a sheet of many clients.
    func append(
        _ finding: Finding, suppression: SuppressedFinding?, language: Language, files: SnapshotFiles,
        client: String? = nil, to document: inout TextDocument
    ) {
        // Each cell straight into the document, `;` before all but the first: no row of strings is made.
        var first = true
        func cell(_ text: String) {
            if !first { document.append(byte: Self.separator) }
            first = false
            Self.append(cell: text, to: &document)
        }
        if let client { cell(client) }
        cell(finding.severity.word[language])
        cell(finding.rule)
        cell(TextReporter.systemName(finding.system))
        cell(TextReporter.entityName(finding.entity)[language])
        cell(finding.key)
        cell(finding.message)
        cell(finding.hint)
        cell(files.path(of: finding) ?? "")
        cell(finding.location?.line.map(String.init) ?? "")
        cell(suppression?.reason ?? "")
        document.append(Self.lineEnd)
    }

    /// One cell: guarded against formula injection, then quoted if it has to be.
    static func cell(_ text: String) -> String {
        var document = TextDocument(capacity: text.utf8.count + 8)
        append(cell: text, to: &document)
        return document.text
    }

    /// What `cell(_:)` gives, written into `document`.
    static func append(cell text: String, to document: inout TextDocument) {
        var text = text
        text.withUTF8 { utf8 in
            switch utf8.first {
            case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"),
                UInt8(ascii: "\r"):
                // The guard: in front of the text, inside the quotes if there are any.
                quoted(utf8, guarded: true, into: &document)
            default:
                quoted(utf8, guarded: false, into: &document)
            }
        }
    }

    /// `utf8`, after `'` when `guarded`, in quotes with its quotes doubled when it holds `;`, `"`, CR or LF. All
    /// four are ASCII, so looking at the bytes finds the same as looking at the characters.
    private static func quoted(_ utf8: UnsafeBufferPointer<UInt8>, guarded: Bool, into document: inout TextDocument) {
        let quote = UInt8(ascii: "\"")
        guard let first = utf8.firstIndex(where: {
            $0 == separator || $0 == quote || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }) else {
            if guarded { document.append(byte: UInt8(ascii: "'")) }
            document.append(utf8)
            return
        }
        document.append(byte: quote)
        if guarded { document.append(byte: UInt8(ascii: "'")) }
        // Runs up to each quote copied whole, the quote then doubled.
        var copied = 0
        var index = first
        while index < utf8.count {
            if utf8[index] == quote {
                document.append(UnsafeBufferPointer(rebasing: utf8[copied...index]))
                document.append(byte: quote)
                copied = index + 1
            }
            index += 1
        }
        document.append(UnsafeBufferPointer(rebasing: utf8[copied...]))
        document.append(byte: quote)
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
