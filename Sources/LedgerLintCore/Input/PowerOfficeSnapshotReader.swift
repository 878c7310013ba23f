import Foundation
import LedgerLintText
import LedgerLintJSON

/// Reads the `poweroffice/` files of a snapshot: each is the bare JSON array a PowerOffice Go v2 `GET` returns.
///
/// Unknown fields are ignored and nearly every field may be null, as in the API. The v1 API wrapped its results
/// in `{"data": [...]}`; such a file is rejected with a message saying so, because reading it as "no records"
/// would hide every problem. Format: `docs/snapshot-format.md`.
///
/// The DTOs of `PowerOfficeModels.swift` are decoded by `JSONScanner` straight from the file's bytes, which is what
/// makes a tenant of a million customers readable in a second; any other `Decodable` goes through `JSONInput`.
/// Both give the same records and the same errors (`docs/performance.md`).
public enum PowerOfficeSnapshotReader {
    /// Decodes a bare JSON array of `Record` (a v2 DTO such as `PowerOfficeCustomer`).
    ///
    /// An empty file is an empty array: it is what saving a `204 No Content` response gives.
    ///
    /// - Parameter file: the path errors name.
    /// - Throws: `InputError.malformedJSON` with line and column for a syntax error; `InputError.unexpectedJSON`
    ///   with the JSON path (`[3].Number`), the expected type and the value found for anything else.
    public static func records<Record: Decodable>(
        of type: Record.Type, json: Data, file: String
    ) throws -> [Record] {
        try json.withUnsafeBytes { try records(of: type, bytes: $0, file: file, mapped: nil) }
    }

    /// The same, over bytes that may be a mapped file whose pages the scanner lets go of as it passes them, with
    /// a thread that may help read a large file (`ReadingHelper`).
    static func records<Record: Decodable>(
        of type: Record.Type, bytes: UnsafeRawBufferPointer, file: String, mapped: MappedFile?,
        helper: ReadingHelper? = nil
    ) throws -> [Record] {
        guard let scannable = Record.self as? any PowerOfficeRecord.Type else {
            return try treeRecords(of: type, json: Data(bytes), file: file)
        }
        return try scanned(scannable, as: type, bytes: bytes, file: file, mapped: mapped, helper: helper)
    }

    private static func scanned<Scannable: PowerOfficeRecord, Record>(
        _ scannable: Scannable.Type, as type: Record.Type, bytes: UnsafeRawBufferPointer, file: String,
        mapped: MappedFile?, helper: ReadingHelper?
    ) throws -> [Record] {
        let records = try scan(Scannable.self, bytes: bytes, file: file, mapped: mapped, helper: helper)
        // `Record` is `Scannable` (it was cast to it): the same array, unless the type is stored as a table.
        if let array = records as? [Record] { return array }
        return records.compactMap { $0 as? Record }
    }

    /// Decodes with `JSONScanner`, deciding as `TextDecoding` would what a file that is not plain UTF-8 JSON is.
    ///
    /// - Parameter piecesAbove: the size from which a file is read in pieces by two threads at once (when there
    ///   are two processors), which `JSONScannerTests` lowers to test that way on small documents.
    static func scan<Record: PowerOfficeRecord>(
        _ type: Record.Type, bytes: UnsafeRawBufferPointer, file: String, mapped: MappedFile? = nil,
        helper: ReadingHelper? = nil, keeping fields: FieldSelection = .all, piecesAbove: Int = 1 << 26
    ) throws -> Record.Store {
        try InputError.converting {
            try scanJSON(
                type, bytes: bytes, file: file, mapped: mapped, helper: helper, keeping: fields, piecesAbove: piecesAbove)
        }
    }

    private static func scanJSON<Record: PowerOfficeRecord>(
        _ type: Record.Type, bytes: UnsafeRawBufferPointer, file: String, mapped: MappedFile?,
        helper: ReadingHelper?, keeping fields: FieldSelection, piecesAbove: Int
    ) throws -> Record.Store {
        let mark = TextDecoding.mark(of: bytes)
        let hasBOM = mark == .utf8BOM
        if mark == .utf16LE || mark == .utf16BE {
            return try scanDecodedText(type, bytes: bytes, file: file, keeping: fields)
        }
        let offset = hasBOM ? 3 : 0
        let body = UnsafeRawBufferPointer(rebasing: bytes[offset...])
        var scanner = JSONScanner(body, path: file)
        // The API answers 204 with an empty body when there is nothing to list; saved, that is an empty file.
        if scanner.isAtEndAfterWhitespace() { return Record.Store(keeping: fields) }
        let empty = Record.scannedStore(keeping: fields)
        let release = { (range: Range<Int>) -> ((Int) -> Void)? in
            guard let pager = mapped?.pager(for: range.lowerBound + offset..<range.upperBound + offset) else { return nil }
            return { pager($0 + offset) }
        }
        do {
            if body.count >= piecesAbove && ProcessInfo.processInfo.activeProcessorCount > 1 {
                return Record.records(of: try JSONScanner.recordArrayInPieces(
                    body, path: file, of: Record.Scanned.self, into: empty, notAnArray: notAnArray, release: release,
                    helper: helper))
            }
            scanner.release = release(0..<body.count)
            return Record.records(of: try scanner.recordArray(of: Record.Scanned.self, into: empty, notAnArray: notAnArray))
        } catch {
            // A type error is only thrown once the whole file has been read as UTF-8 JSON: it stands. A syntax
            // error may instead be a file that is not UTF-8, or not text, or only whitespace beyond ASCII's.
            guard case .malformedJSON = error else { throw error }
            let (isValid, firstNUL) = UTF8Validation.inspect(body)
            if hasBOM && !isValid {
                throw InputError.unreadable(path: file, reason: TextDecoding.invalidAfterBOM("UTF-8"))
            }
            if let firstNUL { throw InputError.notText(path: file, line: TextDecoding.line(at: firstNUL, in: body)) }
            if isValid {
                let first = body.firstIndex { !(0x09...0x0D).contains($0) && $0 != 0x20 }
                guard let first else { return Record.Store(keeping: fields) }
                if body[first] < 0x80 { throw error }
            }
            return try scanDecodedText(type, bytes: bytes, file: file, keeping: fields)
        }
    }

    /// The whole-file way, for Windows-1252 and UTF-16 files (which the API never writes) and the rare file that
    /// starts with whitespace beyond ASCII: decode the text as every other reader does, then scan its UTF-8.
    private static func scanDecodedText<Record: PowerOfficeRecord>(
        _ type: Record.Type, bytes: UnsafeRawBufferPointer, file: String, keeping fields: FieldSelection
    ) throws -> Record.Store {
        let text = try TextDecoding.decode(Data(bytes), path: file)
        if text.allSatisfy(\.isWhitespace) { return Record.Store(keeping: fields) }
        return try Array(text.utf8).withUnsafeBytes { utf8 in
            var scanner = JSONScanner(utf8, path: file)
            return Record.records(
                of: try scanner.recordArray(
                    of: Record.Scanned.self, into: Record.scannedStore(keeping: fields), notAnArray: notAnArray))
        }
    }

    private static func notAnArray(_ value: JSONInput.Value) -> LocalizedText {
        var hint = LocalizedText(verbatim: "")
        if case .object(let members) = value, members["data"] != nil {
            hint = LocalizedText(
                en: " (this looks like a v1 response; snapshots hold v2 responses)",
                nb: " (dette ser ut som et svar fra v1-API-et; et uttrekk inneholder svar fra v2)")
        }
        return JSONInput.Expected.found(
            LocalizedText(
                en: "expected a bare JSON array as the PowerOffice Go v2 API returns it",
                nb: "skal være en ren JSON-liste slik PowerOffice Go v2-API-et returnerer den"),
            value.summary) + hint
    }

    /// Parses the whole file into a `JSONInput.Value` tree and decodes that: the way for any `Decodable`.
    static func treeRecords<Record: Decodable>(of type: Record.Type, json: Data, file: String) throws -> [Record] {
        try InputError.converting {
            let text = try TextDecoding.decode(json, path: file)
            if text.allSatisfy(\.isWhitespace) { return [] }
            let value = try JSONInput.parse(text, path: file)
            guard case .array = value else {
                throw InputError.unexpectedJSON(path: file, jsonPath: "", reason: notAnArray(value))
            }
            return try JSONInput.decode([Record].self, from: value, path: file)
        }
    }
}
