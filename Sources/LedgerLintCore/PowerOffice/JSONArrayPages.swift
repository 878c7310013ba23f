import Foundation

/// Joins the pages of one list endpoint into one bare JSON array, keeping every object byte for byte as the API
/// sent it (no re-encoding: field order, number spelling and unknown fields survive into the snapshot).
struct JSONArrayPages: Sendable {
    /// Why a page cannot be used; becomes `PowerOfficeError.malformedResponse`.
    struct Problem: Error {
        var reason: String
    }

    private(set) var count = 0
    private var items = Data()
    private var previousPage: Data?

    /// The pages so far as one JSON array.
    var json: Data {
        var array = Data(capacity: items.count + 2)
        array.append(UInt8(ascii: "["))
        array.append(items)
        array.append(UInt8(ascii: "]"))
        return array
    }

    /// Checks that `page` is a JSON array of objects and adds its items; returns how many it had.
    mutating func append(_ page: Data) throws(Problem) -> Int {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = page.firstIndex(where: { !isSpace($0) }), let last = page.lastIndex(where: { !isSpace($0) })
        else { return 0 }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: page, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw Problem(reason: "not valid JSON (\(page.count) bytes; truncated?)" + (detail.map { ": \($0)" } ?? ""))
        }
        guard let array = parsed as? [Any], page[first] == UInt8(ascii: "["), page[last] == UInt8(ascii: "]") else {
            let isV1 = (parsed as? [String: Any])?["data"] != nil
            throw Problem(
                reason: "expected a bare JSON array, as the v2 API returns lists"
                    + (isV1 ? "; this looks like the older v1 API: check POWEROFFICE_API_URL" : ""))
        }
        guard array.allSatisfy({ $0 is [String: Any] }) else {
            throw Problem(reason: "expected an array of objects")
        }
        guard page != previousPage else {
            throw Problem(reason: "the page repeats the one before; the server seems to ignore PageNumber")
        }
        previousPage = page
        if !array.isEmpty {
            if !items.isEmpty { items.append(UInt8(ascii: ",")) }
            items.append(page[page.index(after: first)..<last])
        }
        count += array.count
        return array.count
    }
}
