import Foundation
import LedgerLintJSON
import LedgerLintText

/// Joins the pages of one list endpoint into one bare JSON array, keeping every object byte for byte as the API
/// sent it (no re-encoding: field order, number spelling and unknown fields survive into the snapshot).
///
/// The array is kept in memory (`json`), or written piece by piece as the pages come (`output`): into a snapshot's
/// staging folder, so that a large list is on disk when its last page arrives.
///
/// It also keeps the `Id` of every row added, so that the joined list never holds one twice: a page whose rows were
/// all added before is refused (`Repeat`: a server that ignores `PageNumber` would otherwise be read for ever), and
/// a page that brings some rows again (`Overlap`: rows were added to the list while it was read, shifting the later
/// ones into the next page) is not added.
struct JSONArrayPages {
    /// Why a page cannot be used; becomes `PowerOfficeError.malformedResponse`.
    struct Problem: Error {
        var reason: LocalizedText
    }

    /// Every row of a page was added before (or, for rows without an `Id`, the page is the one before, byte for
    /// byte): the pages do not move on.
    struct Repeat: Error {}

    /// `repeated` rows of a page, but not all, were added before: the list changed while it was read.
    struct Overlap: Error {
        var repeated: Int
    }

    /// A row's `Id`: a number for most lists, a uuid text for `SubLedgerNumberSeries`.
    enum RowID: Hashable, Sendable {
        case number(Int64)
        case text(String)
    }

    /// What `rows(in:)` found in a page: how many objects, and the `Id`s of those that have one.
    struct Rows: Sendable {
        var count: Int
        var ids: [RowID]

        static let none = Rows(count: 0, ids: [])
    }

    private(set) var count = 0
    private var items = Data()
    private var previousPage: Data?
    /// The `Id`s of the rows added so far: numbers and texts apart, so that a million numeric `Id`s take 8 bytes each.
    private var numbers: Set<Int64> = []
    private var texts: Set<String> = []
    private let output: ((Data) throws -> Void)?
    private var wroteItems = false

    /// - Parameter output: where the array goes, piece by piece, instead of `json`.
    init(output: ((Data) throws -> Void)? = nil) {
        self.output = output
    }

    /// Ends the array written to `output` (nothing to do when it is kept in memory).
    mutating func finish() throws {
        try output?(Data((wroteItems ? "]" : "[]").utf8))
    }

    /// The pages so far as one JSON array (empty when they went to `output`).
    var json: Data {
        var array = Data(capacity: items.count + 2)
        array.append(UInt8(ascii: "["))
        array.append(items)
        array.append(UInt8(ascii: "]"))
        return array
    }

    /// Adds the items of `page`, in which `rows(in:)` found `rows`.
    ///
    /// - Throws: `Repeat` or `Overlap` for a page with rows added before, which is then not added; what `output`
    ///   throws.
    mutating func append(_ page: Data, rows: Rows) throws {
        guard rows.count > 0, let (first, last) = Self.bounds(of: page) else { return }
        try addIDs(rows.ids)
        if rows.ids.isEmpty {
            guard page != previousPage else { throw Repeat() }
            previousPage = page
        }
        let pageItems = page[page.index(after: first)..<last]
        if let output {
            try output(Data((wroteItems ? "," : "[").utf8))
            try output(pageItems)
            wroteItems = true
        } else {
            if !items.isEmpty { items.append(UInt8(ascii: ",")) }
            items.append(pageItems)
        }
        count += rows.count
    }

    /// Records `ids` as added, unless some were added before (or come twice in the page).
    private mutating func addIDs(_ ids: [RowID]) throws {
        var newNumbers: Set<Int64> = []
        var newTexts: Set<String> = []
        var repeated = 0
        for id in ids {
            let isNew: Bool
            switch id {
            case .number(let number): isNew = !numbers.contains(number) && newNumbers.insert(number).inserted
            case .text(let text): isNew = !texts.contains(text) && newTexts.insert(text).inserted
            }
            if !isNew { repeated += 1 }
        }
        guard repeated == 0 else {
            if repeated == ids.count { throw Repeat() }
            throw Overlap(repeated: repeated)
        }
        numbers.formUnion(newNumbers)
        texts.formUnion(newTexts)
    }

    /// How many objects `page` holds (0 for a blank page), and their `Id`s, after checking that it is a bare JSON
    /// array of objects.
    ///
    /// Checked with `JSONScanner`, the snapshot reader's own grammar, so a page is refused here exactly when the
    /// snapshot it would go into could not be read back. The scan makes no strings but the text `Id`s: building
    /// Foundation objects for a page of 5000 customers (`JSONSerialization`) took 90 ms, in front of the request
    /// for the next page. Independent of the pages before, so pages can be checked as they arrive, in any order.
    static func rows(in page: Data) throws(Problem) -> Rows {
        guard let (first, last) = bounds(of: page) else { return .none }
        let rows: Rows
        do {
            rows = try page.withUnsafeBytes { bytes in
                var scanner = JSONScanner(bytes, path: "page")
                let records = try scanner.recordArray(of: Row.self, into: [], notAnArray: Self.notAnArray)
                return Rows(count: records.count, ids: records.compactMap(\.id))
            }
        } catch let error as JSONError {
            throw Self.problem(error, bytes: page.count)
        } catch {
            throw Problem(reason: LocalizedText(verbatim: "\(error)"))
        }
        guard page[first] == UInt8(ascii: "["), page[last] == UInt8(ascii: "]") else {
            throw Problem(reason: Self.notAnArray(.null))
        }
        return rows
    }

    /// The first and last byte that is not JSON whitespace; `nil` for a blank page.
    private static func bounds(of page: Data) -> (Data.Index, Data.Index)? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = page.firstIndex(where: { !isSpace($0) }), let last = page.lastIndex(where: { !isSpace($0) })
        else { return nil }
        return (first, last)
    }

    /// An item of a page: any object, with its `Id` if that is a whole number or a text. The other fields are
    /// checked, not kept. An `Id` of another type is not refused here: the snapshot reader decides what it makes
    /// of it, as it does for every other field.
    private struct Row: JSONScannableRecord {
        static let jsonFields = JSONFieldTable(["Id"])
        var id: RowID?

        mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(JSONError) {
            switch scanner.base[scanner.index] {
            case UInt8(ascii: "\""):
                id = try scanner.string().map(RowID.text)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                id = try scanner.int64().map(RowID.number)
                if scanner.mismatch != nil {
                    id = nil
                    scanner.mismatch = nil
                }
            default:
                id = nil
                try scanner.skipValue()
            }
        }
    }

    private static func notAnArray(_ value: JSONInput.Value) -> LocalizedText {
        var isV1 = false
        if case .object(let members) = value { isV1 = members["data"] != nil }
        return LocalizedText(
            en: "expected a bare JSON array, as the v2 API returns lists",
            nb: "skal være en ren JSON-liste, slik v2-API-et returnerer lister")
            + (isV1
                ? LocalizedText(
                    en: "; this looks like the older v1 API: check POWEROFFICE_API_URL",
                    nb: "; dette ser ut som det eldre v1-API-et: kontroller POWEROFFICE_API_URL")
                : LocalizedText(verbatim: ""))
    }

    private static func problem(_ error: JSONError, bytes: Int) -> Problem {
        switch error {
        case .malformedJSON(_, let line, let column, let reason):
            let position = LocalizedText(
                en: [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", "),
                nb: [line.map { "linje \($0)" }, column.map { "kolonne \($0)" }].compactMap { $0 }.joined(separator: ", "))
            return Problem(
                reason: LocalizedText(
                    en: "not valid JSON (\(bytes) bytes; truncated?): ", nb: "ikke gyldig JSON (\(bytes) byte; avkortet?): ")
                    + (position.en.isEmpty ? LocalizedText(verbatim: "") : position + LocalizedText(verbatim: ": "))
                    + reason)
        case .unexpectedJSON(_, "", let reason):
            return Problem(reason: reason)
        case .unexpectedJSON(_, let jsonPath, let reason):
            return Problem(
                reason: LocalizedText(
                    en: "expected an array of objects; at \(jsonPath): ",
                    nb: "skal være en liste med objekter; i \(jsonPath): ") + reason)
        default:
            return Problem(reason: LocalizedText(describing: error))
        }
    }
}
