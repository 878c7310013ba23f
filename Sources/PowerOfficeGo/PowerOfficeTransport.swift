import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LedgerLintJSON
import LedgerLintText

/// Sends `PowerOfficeRequest`s through the shared rate limiter and retries what may pass: 429, 5xx, timeouts
/// and connection errors, waiting as `RetryPolicy` says (honouring `Retry-After`), and saying so (`onRetry`).
///
/// Every other answer, errors included, is returned for the caller to judge: only the caller knows whether a
/// 401 means "renew the token" or a 400 means "wrong keys".
struct PowerOfficeTransport: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: Data
        var retryAfter: String?
        var contentType: String?
    }

    /// What a request asks for, as retry lines and messages name it: `Customers page 3`, `the access token`.
    struct Subject: Sendable {
        /// The resource alone (`Customers`, or `accessToken`), as errors name it.
        var resource: String
        var page: Int? = nil

        /// The token request's `resource`; messages say it in words (`PowerOfficeError.name(_:)`).
        static let accessToken = "the access token"

        /// `Customers page 3`.
        var description: LocalizedText {
            let name = PowerOfficeError.name(resource)
            guard let page else { return name }
            return LocalizedText(en: "\(name.en) page \(page)", nb: "\(name.nb) side \(page)")
        }
    }

    let session: URLSession
    let limiter: RequestRateLimiter
    let retryPolicy: RetryPolicy
    let credentials: PowerOfficeCredentials
    /// `PowerOfficeConfiguration.requestTimeout`, to say a timeout in words.
    let timeout: TimeInterval
    let onRetry: (@Sendable (RetryNotice) -> Void)?

    /// Sends the request `make` builds until it is answered with something other than 429 or 5xx, or retrying is
    /// given up (`PowerOfficeError.retriesExhausted`, `.rateLimited`).
    ///
    /// `make` is called for each attempt once the rate limiter has let it go, so that what it puts into the request
    /// (the access token) is current when the request is sent, not when it began to wait. Before the wait,
    /// `prepare` is given the moment the limiter expects to let it go: to renew a token that would be due by then
    /// while the token request can still go first.
    func send(
        _ subject: Subject, prepare: (Duration) async throws -> Void = { _ in },
        request make: () async throws -> PowerOfficeRequest
    ) async throws -> Response {
        var lastProblem = LocalizedText(verbatim: "")
        var attempts = 0
        var failures = 0
        var timeouts = 0
        var rateLimitWaits = Duration.zero
        while true {
            attempts += 1
            try await prepare(await limiter.expectedSlot())
            try await limiter.acquire()
            let request = try await make()
            var retryAfter: Duration?
            var rateLimited = false
            do {
                let (body, response) = try await session.dataCancellingSafely(for: request.urlRequest)
                guard let http = response as? HTTPURLResponse else {
                    throw PowerOfficeError.malformedResponse(
                        resource: subject.resource, page: subject.page,
                        reason: LocalizedText(en: "not an HTTP answer", nb: "ikke et HTTP-svar"))
                }
                let answer = Response(
                    status: http.statusCode, body: body, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
                    contentType: http.value(forHTTPHeaderField: "Content-Type"))
                guard RetryPolicy.isRetryable(status: answer.status) else { return answer }
                lastProblem = LocalizedText(verbatim: "HTTP \(answer.status)")
                    + (describe(answer).map { LocalizedText(verbatim: " (") + $0 + LocalizedText(verbatim: ")") }
                        ?? LocalizedText(verbatim: ""))
                retryAfter = RetryPolicy.retryAfter(answer.retryAfter)
                rateLimited = answer.status == 429
            } catch let error as URLError {
                if error.code == .cancelled || Task.isCancelled { throw CancellationError() }
                lastProblem = words(for: error)
                if error.code == .timedOut { timeouts += 1 }
            }
            let wait: Duration
            if rateLimited {
                // 429 means "wait": it is waited out, whatever the attempts, until the patience is used up.
                guard rateLimitWaits < retryPolicy.rateLimitPatience * retryPolicy.timeScale else {
                    throw PowerOfficeError.rateLimited(
                        resource: subject.resource, url: request.displayURL, waited: rateLimitWaits,
                        lastProblem: lastProblem)
                }
                wait = retryPolicy.delay(afterAttempt: 1, retryAfter: retryAfter)
                rateLimitWaits += wait
            } else {
                failures += 1
                // A server that does not answer costs `maxTimeouts` timeouts, not one for every attempt.
                guard failures < retryPolicy.maxAttempts, timeouts < retryPolicy.maxTimeouts else {
                    throw PowerOfficeError.retriesExhausted(
                        resource: subject.resource, url: request.displayURL, attempts: attempts,
                        lastProblem: lastProblem)
                }
                wait = retryPolicy.delay(afterAttempt: failures, retryAfter: retryAfter)
            }
            onRetry?(RetryNotice(subject: subject.description, attempt: attempts, wait: wait, problem: lastProblem))
            try await Task.sleep(for: wait)
        }
    }

    /// What went wrong with the connection, in words a support person can act on (not `NSURLErrorDomain error
    /// -1001`).
    func words(for error: URLError) -> LocalizedText {
        switch error.code {
        case .timedOut:
            let seconds = Duration.secondsText(timeout)
            return LocalizedText(en: "no answer within \(seconds) s", nb: "ikke noe svar innen \(seconds) s")
        case .cannotConnectToHost: return LocalizedText(en: "connection refused", nb: "tilkoblingen ble avvist")
        case .networkConnectionLost: return LocalizedText(en: "connection lost", nb: "tilkoblingen ble brutt")
        case .cannotFindHost, .dnsLookupFailed:
            let host = error.failingURL?.host.map { " (\($0))" } ?? ""
            return LocalizedText(en: "no such host\(host)", nb: "ukjent vertsnavn\(host)")
        case .notConnectedToInternet: return LocalizedText(en: "no network connection", nb: "ingen nettverkstilkobling")
        case .secureConnectionFailed:
            return LocalizedText(en: "the secure (TLS) connection failed", nb: "den sikre (TLS-)tilkoblingen mislyktes")
        case .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
            .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return LocalizedText(en: "the server's certificate was not accepted", nb: "sertifikatet til serveren ble ikke godtatt")
        // What FoundationNetworking says when the server closes the connection without answering.
        case .badServerResponse:
            return LocalizedText(
                en: "the connection was closed without an HTTP answer", nb: "tilkoblingen ble lukket uten et HTTP-svar")
        case .cannotParseResponse: return LocalizedText(en: "an answer that is not HTTP", nb: "et svar som ikke er HTTP")
        case .zeroByteResource: return LocalizedText(en: "an empty answer", nb: "et tomt svar")
        case .badURL, .unsupportedURL: return LocalizedText(en: "a URL that cannot be used", nb: "en URL som ikke kan brukes")
        default: return LocalizedText(en: "network error \(error.errorCode)", nb: "nettverksfeil \(error.errorCode)")
        }
    }

    /// The longest account of an error body that goes into a message, in characters.
    static let describedLength = 300

    /// A one-line account of an error answer, for messages: the ProblemDetails title and detail, an OAuth
    /// `error_description`, a gateway `message`, an HTML page's title, or the start of the text.
    ///
    /// The whole body is redacted (`redactingKeys(in:)`) before anything is cut from it: cut first, a key across
    /// the cut would be shown in part.
    func describe(_ response: Response) -> LocalizedText? {
        if let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] {
            func field(_ names: String...) -> String? {
                for name in names {
                    if let text = object[name] as? String, !text.isEmpty { return text }
                }
                return nil
            }
            let parts = [
                field("Title", "title", "error"), field("Detail", "detail", "error_description", "message", "Message"),
            ].compactMap { $0 }
            if !parts.isEmpty {
                return LocalizedText(verbatim: Self.shortened(credentials.redactingKeys(in: parts.joined(separator: ": "))))
            }
        }
        let text = credentials.redactingKeys(in: String(decoding: response.body, as: UTF8.self))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if let page = HTMLPage.describe(text, contentType: response.contentType) { return page }
        return text.isEmpty ? nil : LocalizedText(verbatim: Self.shortened(text))
    }

    /// For an answer that should have been JSON: what it is instead, if it is an HTML page, with what to check
    /// (`variable`, the URL's environment variable); `nil` otherwise.
    func notJSON(_ response: Response, variable: String = PowerOfficeConfiguration.apiURLVariable) -> LocalizedText? {
        let text = credentials.redactingKeys(in: String(decoding: response.body, as: UTF8.self))
        return HTMLPage.insteadOfJSON(text, contentType: response.contentType, variable: variable)
    }

    /// `text` on one line and at most `describedLength` characters long.
    private static func shortened(_ text: String) -> String {
        TerminalText.excerpt(text.split(whereSeparator: \.isNewline).joined(separator: " "), limit: describedLength)
    }
}
