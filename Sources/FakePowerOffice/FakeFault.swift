import Foundation

/// A misbehaviour the fake can be told to show, for the next requests to one path.
public enum FakeFault: Sendable, Hashable {
    /// Answer with `status` (e.g. 503, 500, 429, 400, 404), a `Retry-After` header if given, and a ProblemDetails body.
    case status(Int, retryAfter: Int? = nil)
    /// Wait `seconds` before answering normally (so that a client timeout can fire first).
    case slow(seconds: Double)
    /// Answer normally, but with only the first half of the JSON body (Content-Length matching the cut body).
    case truncatedJSON
    /// Forget every issued token and answer 401, as when a token expires mid-run.
    case expireTokens
    /// Close the connection without answering.
    case dropConnection
    /// Before answering, put `row` at the start of the list asked for: a row added while a client pages through
    /// the list (with an `Id` below every other, so that it sorts first), which shifts every later row one place on.
    case insertRow(FakeJSON)
    /// Answer every page number with the first page, its rows in another order and each with a `ServedAt` field
    /// that changes from answer to answer: a server (or a cache in front of it) that ignores `PageNumber`, and whose
    /// pages are never byte for byte the same.
    case ignorePageNumber
    /// Answer with `status`, a `Content-Type` of `contentType` and `body`, in which `{name}` stands for the value of
    /// the request's header `name` (lower case): a misconfigured server or proxy that echoes what it was sent
    /// (`{authorization}`, `{ocp-apim-subscription-key}`), or a page that is not the API's at all.
    case answer(status: Int, contentType: String, body: String)
}

/// When a fault applies: to requests whose path is `path` (without query; `nil` for every path) and, with a `page`,
/// whose `PageNumber` is `page`, after skipping `skip` matching requests, for `times` requests.
struct FaultRule: Sendable {
    var fault: FakeFault
    var path: String?
    var page: Int?
    var skip: Int
    var times: Int
}
