import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Sends `PowerOfficeRequest`s through the shared rate limiter and retries what may pass: 429, 5xx, timeouts
/// and connection errors, waiting as `RetryPolicy` says (honouring `Retry-After`).
///
/// Every other answer, errors included, is returned for the caller to judge: only the caller knows whether a
/// 401 means "renew the token" or a 400 means "wrong keys".
struct PowerOfficeTransport: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: Data
        var retryAfter: String?
    }

    let session: URLSession
    let limiter: RequestRateLimiter
    let retryPolicy: RetryPolicy
    let credentials: PowerOfficeCredentials

    /// - Parameter resource: what is being read, for error messages (`Customers`, `the access token`).
    func send(_ request: PowerOfficeRequest, resource: String) async throws -> Response {
        var lastProblem = ""
        var attempts = 0
        var failures = 0
        var rateLimitWaits = Duration.zero
        while true {
            attempts += 1
            try await limiter.acquire()
            var retryAfter: Duration?
            var rateLimited = false
            do {
                let (body, response) = try await session.dataCancellingSafely(for: request.urlRequest)
                guard let http = response as? HTTPURLResponse else {
                    throw PowerOfficeError.malformedResponse(
                        resource: resource, page: nil, reason: "not an HTTP answer")
                }
                let answer = Response(
                    status: http.statusCode, body: body, retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
                guard RetryPolicy.isRetryable(status: answer.status) else { return answer }
                lastProblem = "HTTP \(answer.status)" + (describe(answer.body).map { " (\($0))" } ?? "")
                retryAfter = RetryPolicy.retryAfter(answer.retryAfter)
                rateLimited = answer.status == 429
            } catch let error as URLError {
                if error.code == .cancelled || Task.isCancelled { throw CancellationError() }
                lastProblem = credentials.redactingKeys(in: error.localizedDescription)
            }
            let wait: Duration
            if rateLimited {
                // 429 means "wait": it is waited out, whatever the attempts, until the patience is used up.
                guard rateLimitWaits < retryPolicy.rateLimitPatience * retryPolicy.timeScale else {
                    throw PowerOfficeError.rateLimited(
                        resource: resource, url: request.displayURL, waited: rateLimitWaits, lastProblem: lastProblem)
                }
                wait = retryPolicy.delay(afterAttempt: 1, retryAfter: retryAfter)
                rateLimitWaits += wait
            } else {
                failures += 1
                guard failures < retryPolicy.maxAttempts else {
                    throw PowerOfficeError.retriesExhausted(
                        resource: resource, url: request.displayURL, attempts: attempts, lastProblem: lastProblem)
                }
                wait = retryPolicy.delay(afterAttempt: failures, retryAfter: retryAfter)
            }
            try await Task.sleep(for: wait)
        }
    }

    /// The longest account of an error body that goes into a message, in characters.
    static let describedLength = 300

    /// A one-line account of an error body, for messages: the ProblemDetails title and detail, an OAuth
    /// `error_description`, a gateway `message`, or the start of the text.
    ///
    /// The whole body is redacted (`redactingKeys(in:)`) before anything is cut from it: cut first, a key across
    /// the cut would be shown in part.
    func describe(_ body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            func field(_ names: String...) -> String? {
                for name in names {
                    if let text = object[name] as? String, !text.isEmpty { return text }
                }
                return nil
            }
            let parts = [
                field("Title", "title", "error"), field("Detail", "detail", "error_description", "message", "Message"),
            ].compactMap { $0 }
            if !parts.isEmpty { return Self.shortened(credentials.redactingKeys(in: parts.joined(separator: ": "))) }
        }
        let text = credentials.redactingKeys(in: String(decoding: body, as: UTF8.self))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : Self.shortened(text)
    }

    /// `text` on one line and at most `describedLength` characters long.
    private static func shortened(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > describedLength ? line.prefix(describedLength) + "…" : line
    }
}
