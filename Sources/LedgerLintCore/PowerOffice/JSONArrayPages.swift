import Foundation

/// Joins the pages of one list endpoint into one bare JSON array, keeping every object byte for byte as the API
/// sent it (no re-encoding: field order, number spelling and unknown fields survive into the snapshot).
///
/// The array is kept in memory (`json`), or written piece by piece as the pages come (`output`): into a snapshot's
/// staging folder, so that a large list is on disk when its last page arrives.
struct JSONArrayPages {
    /// Why a page cannot be used; becomes `PowerOfficeError.malformedResponse`.
    struct Problem: Error {
        var reason: String
    }

    private(set) var count = 0
    private var items = Data()
    private var previousPage: Data?
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

    /// Adds the items of `page`, which `rows(in:)` found to hold `rows` objects.
    ///
    /// - Throws: `Problem` for a page that cannot be used; what `output` throws.
    mutating func append(_ page: Data, rows: Int) throws {
        guard rows > 0, let (first, last) = Self.bounds(of: page) else { return }
        guard page != previousPage else {
            throw Problem(reason: "the page repeats the one before; the server seems to ignore PageNumber")
        }
        previousPage = page
        let pageItems = page[page.index(after: first)..<last]
        if let output {
            try output(Data((wroteItems ? "," : "[").utf8))
            try output(pageItems)
            wroteItems = true
        } else {
            if !items.isEmpty { items.append(UInt8(ascii: ",")) }
            items.append(pageItems)
        }
        count += rows
    }

    /// How many objects `page` holds (0 for a blank page), after checking that it is a bare JSON array of objects.
    ///
    /// Checked with `JSONScanner`, the snapshot reader's own grammar, so a page is refused here exactly when the
    /// snapshot it would go into could not be read back. The scan keeps nothing and makes no strings: building
    /// Foundation objects for a page of 5000 customers (`JSONSerialization`) took 90 ms, in front of the request
    /// for the next page. Independent of the pages before, so pages can be checked as they arrive, in any order.
    static func rows(in page: Data) throws(Problem) -> Int {
        guard let (first, last) = bounds(of: page) else { return 0 }
        let rows: Int
        do {
            rows = try page.withUnsafeBytes { bytes in
                var scanner = JSONScanner(bytes, path: "page")
                return try scanner.recordArray(of: Row.self, notAnArray: Self.notAnArray).count
            }
        } catch let error as InputError {
            throw Self.problem(error, bytes: page.count)
        } catch {
            throw Problem(reason: "\(error)")
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

    /// An item of a page: any object. Its fields are checked, not kept.
    private struct Row: JSONScannableRecord {
        static let jsonFields = JSONFieldTable([])
        mutating func scanField(_ field: Int, from scanner: inout JSONScanner) throws(InputError) {
            try scanner.skipValue()
        }
    }

    private static func notAnArray(_ value: JSONInput.Value) -> String {
        var isV1 = false
        if case .object(let members) = value { isV1 = members["data"] != nil }
        return "expected a bare JSON array, as the v2 API returns lists"
            + (isV1 ? "; this looks like the older v1 API: check POWEROFFICE_API_URL" : "")
    }

    private static func problem(_ error: InputError, bytes: Int) -> Problem {
        switch error {
        case .malformedJSON(_, let line, let column, let reason):
            let position = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
            return Problem(
                reason: "not valid JSON (\(bytes) bytes; truncated?): "
                    + (position.isEmpty ? "" : position.joined(separator: ", ") + ": ") + reason)
        case .unexpectedJSON(_, "the top level", let reason):
            return Problem(reason: reason)
        case .unexpectedJSON(_, let jsonPath, let reason):
            return Problem(reason: "expected an array of objects; at \(jsonPath): \(reason)")
        default:
            return Problem(reason: error.localizedDescription)
        }
    }
}
