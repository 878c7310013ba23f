import Foundation

/// Reads the `poweroffice/` files of a snapshot: each is the bare JSON array a PowerOffice Go v2 `GET` returns.
///
/// Unknown fields are ignored and nearly every field may be null, as in the API. The v1 API wrapped its results
/// in `{"data": [...]}`; such a file is rejected with a message saying so, because reading it as "no records"
/// would hide every problem. Format: `docs/snapshot-format.md`.
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
        let text = try TextDecoding.decode(json, path: file)
        // The API answers 204 with an empty body when there is nothing to list; saved, that is an empty file.
        if text.allSatisfy(\.isWhitespace) { return [] }
        let value = try JSONInput.parse(text, path: file)
        guard case .array = value else {
            var hint = ""
            if case .object(let members) = value, members["data"] != nil {
                hint = " (this looks like a v1 response; snapshots hold v2 responses)"
            }
            throw InputError.unexpectedJSON(
                path: file, jsonPath: "the top level",
                reason: "expected a bare JSON array as the PowerOffice Go v2 API returns it, found \(value.summary)"
                    + hint)
        }
        return try JSONInput.decode([Record].self, from: value, path: file)
    }
}
