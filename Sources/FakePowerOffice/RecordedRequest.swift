import Foundation

/// One request the fake received, as it arrived, with the status it was answered with.
///
/// Tests use the log to assert what a client sent: only `GET` and the token `POST`, which headers, and that keys
/// appear nowhere but in the headers meant for them.
public struct RecordedRequest: Sendable, Hashable {
    public var method: String
    /// The path without the query, e.g. `/v2/Customers`.
    public var path: String
    /// Query parameters in order, undecoded.
    public var query: [String: String]
    /// Header fields, names lower-cased.
    public var headers: [String: String]
    public var body: Data
    public var receivedAt: Date
    /// The status the fake answered with; `nil` if it closed the connection without answering.
    public var status: Int?

    /// The request line and every header and body byte as one text, for "does a key appear anywhere" checks.
    public var fullText: String {
        let target =
            query.isEmpty ? path : path + "?" + query.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "&")
        return ([method + " " + target] + headers.map { "\($0.key): \($0.value)" }.sorted()).joined(separator: "\n")
            + "\n\n" + String(decoding: body, as: UTF8.self)
    }
}
