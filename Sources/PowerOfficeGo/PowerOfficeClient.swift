import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LedgerLintJSON
import LedgerLintText

/// A read-only PowerOffice Go v2 client: gets a token, reads the lists LedgerLint checks, and nothing else.
///
/// - Only `GET` and the token `POST` can be sent (`PowerOfficeRequest` has no other constructor).
/// - All requests, the token request included, share one limiter, and through `SharedRateBudget` the processes on
///   this machine that use the same subscription key share it too: PowerOffice allows 10 requests per second per
///   subscription key. The clients of a run over many PowerOffice clients share one limiter (`init`'s `limiter`).
/// - 429, 5xx, timeouts and connection errors are retried (`RetryPolicy`), each retry announced to `onRetry`; a
///   request takes its access token when the limiter lets it go, not before it waits; a 401 renews the token once
///   and repeats the request; a 403 is explained with `ClientIntegrationInformation`'s missing privileges.
///
/// Described in docs/poweroffice-fetch.md; tested against the loopback fake in `FakePowerOffice`.
public struct PowerOfficeClient: Sendable {
    public let configuration: PowerOfficeConfiguration
    private let transport: PowerOfficeTransport
    private let tokens: AccessTokenProvider

    /// - Parameters:
    ///   - session: the session to send with; by default an ephemeral one with no cache and no cookies
    ///     (`makeSession(timeout:)`). A run over many clients shares one, so that connections are reused.
    ///   - limiter: the rate limiter to wait in; by default one of this client's own (`RequestRateLimiter(for:)`).
    ///     PowerOffice's limit holds per subscription key, whatever the client key, so a run over many clients of one
    ///     integration gives them all the same limiter: one budget for the run, however many clients fetch at once.
    ///   - onRetry: told of every request that is about to be sent again, and why (from any task).
    public init(
        configuration: PowerOfficeConfiguration, session: URLSession? = nil, limiter: RequestRateLimiter? = nil,
        onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) {
        self.configuration = configuration
        transport = PowerOfficeTransport(
            session: session ?? Self.makeSession(timeout: configuration.requestTimeout),
            limiter: limiter ?? RequestRateLimiter(for: configuration),
            retryPolicy: configuration.retryPolicy, credentials: configuration.credentials,
            timeout: configuration.requestTimeout, onRetry: onRetry)
        tokens = AccessTokenProvider(transport: transport, configuration: configuration)
    }

    /// Reads `ClientIntegrationInformation` and every list in `PowerOfficeResource`, all concurrently once there is
    /// a token.
    ///
    /// Nothing is returned unless every list was read completely. `progress` is called after every page.
    ///
    /// - Parameter staging: where to write the lists page by page as they are read (`fetch --out` passes a
    ///   snapshot's `SnapshotStaging`); they are then not kept in the result's `json`.
    public func fetchAll(
        progress: (@Sendable (FetchProgress) -> Void)? = nil, writingTo staging: (any FetchedPageSink)? = nil
    ) async throws -> FetchedResources {
        let fetchedAt = Date()
        // The token first, on its own: every other request waits for it anyway, and refused keys are then reported
        // once, before anything else is asked.
        _ = try await tokens.token()
        var integration: ClientIntegrationInformation?
        var json: [PowerOfficeResource: Data] = [:]
        var counts: [PowerOfficeResource: Int] = [:]
        try await withThrowingTaskGroup(of: FetchedPart.self) { group in
            // Not before the lists: only the manifest and 403 explanations need it, and waiting for it would put one
            // more round trip in front of every list.
            group.addTask { .integration(try await clientIntegrationInformation()) }
            for resource in PowerOfficeResource.allCases {
                group.addTask {
                    let (data, count) = try await fetch(resource, progress: progress, writingTo: staging)
                    return .list(resource, data, count)
                }
            }
            for try await part in group {
                switch part {
                case .integration(let information):
                    integration = information
                case .list(let resource, let data, let count):
                    json[resource] = data
                    counts[resource] = count
                }
            }
        }
        return FetchedResources(
            environment: configuration.environment, fetchedAt: fetchedAt,
            integration: integration ?? ClientIntegrationInformation(), json: json, counts: counts)
    }

    /// What one task of `fetchAll` read.
    private enum FetchedPart: Sendable {
        case integration(ClientIntegrationInformation)
        case list(PowerOfficeResource, Data?, Int)
    }

    /// Reads every page of `resource`, returning the rows as one JSON array and their number; with `staging`, the
    /// array is written there as the pages come, and `json` is `nil`.
    ///
    /// Pages are requested with `PageNumber` (from 1), `PageSize` and `OrderBy=Id` (a stable order, so that pages
    /// do not shift as PowerOffice's own order changes) until a 204, an empty array, or a page with fewer rows than
    /// asked for. An `X-Pagination` header is not relied on: it is undocumented. With `configuration.pagesInFlight`
    /// above 1, the pages after a full first page are requested that many at a time (`readAhead`); the result, and
    /// the error if any, are those of reading the pages one after another.
    ///
    /// No `Id` is written twice: a page whose rows were all read before ends the fetch
    /// (`PowerOfficeError.pageRepeats`: the server ignores `PageNumber`), and a page that repeats some rows means the
    /// list changed while it was read (rows added in front of the page). The list is then read again, once, from
    /// the first page and into a fresh staged file; if it changes again, `PowerOfficeError.listChanged`.
    public func fetch(
        _ resource: PowerOfficeResource, progress: (@Sendable (FetchProgress) -> Void)? = nil,
        writingTo staging: (any FetchedPageSink)? = nil
    ) async throws -> (json: Data?, count: Int) {
        do {
            return try await read(resource, progress: progress, writingTo: staging)
        } catch let changed as ListChanged {
            try staging?.restart(resource)
            do {
                return try await read(resource, progress: progress, writingTo: staging)
            } catch let again as ListChanged {
                throw PowerOfficeError.listChanged(resource: resource.path, pages: [changed.page, again.page])
            }
        }
    }

    /// A page repeated some rows of the pages before it: the list changed while it was read.
    private struct ListChanged: Error {
        var page: Int
    }

    /// One reading of every page of `resource`, as `fetch` describes.
    ///
    /// - Throws: `ListChanged` for a page that repeats some rows read before (nothing of it is added).
    private func read(
        _ resource: PowerOfficeResource, progress: (@Sendable (FetchProgress) -> Void)?, writingTo staging: (any FetchedPageSink)?
    ) async throws -> (json: Data?, count: Int) {
        var pages = JSONArrayPages(output: staging.map { staging in { try staging.append($0, to: resource) } })
        var lastPage = 0
        /// Adds the next page; `true` when another page may follow it.
        func add(_ page: Page) throws -> Bool {
            lastPage = page.number
            guard let body = page.body else { return false }
            do {
                try pages.append(body, rows: page.rows)
            } catch is JSONArrayPages.Repeat {
                throw PowerOfficeError.pageRepeats(resource: resource.path, page: page.number)
            } catch is JSONArrayPages.Overlap {
                throw ListChanged(page: page.number)
            }
            if page.rows.count > 0 {
                progress?(FetchProgress(resource: resource, rows: pages.count, pages: page.number, isFinished: false))
            }
            // A short page is the last; so is a longer one (the server ignored PageSize and sent everything).
            return page.rows.count == configuration.pageSize
        }

        if try add(await page(1, of: resource)) {
            if configuration.pagesInFlight > 1 {
                try await readAhead(resource, from: 2, add: add)
            } else {
                while try add(await page(lastPage + 1, of: resource)) {}
            }
        }
        progress?(FetchProgress(resource: resource, rows: pages.count, pages: lastPage, isFinished: true))
        guard let staging else { return (pages.json, pages.count) }
        try pages.finish()
        try staging.finish(resource)
        return (nil, pages.count)
    }

    /// One page of a list as it came: `body` is `nil` for a 204; `rows` is what it holds, checked.
    private struct Page: Sendable {
        var number: Int
        var body: Data?
        var rows: JSONArrayPages.Rows
    }

    /// `GET` page `number` of `resource`, checked (`JSONArrayPages.rows(in:)`).
    private func page(_ number: Int, of resource: PowerOfficeResource) async throws -> Page {
        let response = try await get(pageURL(resource, number), subject: .init(resource: resource.path, page: number))
        guard response.status != 204 else { return Page(number: number, body: nil, rows: .none) }
        do {
            return Page(number: number, body: response.body, rows: try JSONArrayPages.rows(in: response.body))
        } catch {
            throw PowerOfficeError.malformedResponse(
                resource: resource.path, page: number, reason: transport.notJSON(response) ?? error.reason)
        }
    }

    /// Requests pages `first`, `first + 1`, … with up to `configuration.pagesInFlight` of them asked for and not yet
    /// added, and hands them to `add` in order until it returns `false`.
    ///
    /// Requests wait their turn in the rate limiter, so asking ahead keeps the limiter busy while earlier pages are
    /// on their way, instead of leaving a round trip between one page and the next. Where the list ends is only
    /// known when a short or empty page comes back; the pages asked for beyond it are cancelled, and those already
    /// sent (at most `pagesInFlight - 1`) are thrown away. Errors count in page order, as if read one by one: an
    /// error for a page past the end is never seen, and one for a page before it is thrown when its turn comes.
    private func readAhead(
        _ resource: PowerOfficeResource, from first: Int, add: (Page) throws -> Bool
    ) async throws {
        // The child tasks answer with a struct, not a tuple: for an `(Int, Result<Page, any Error>)` result, Swift
        // 6.3.1's optimiser handed back 0 as the page number in release builds.
        try await withThrowingTaskGroup(of: Answer.self) { group in
            var requested = first - 1
            var next = first
            var arrived: [Int: Result<Page, any Error>] = [:]
            while true {
                while requested - next + 1 < configuration.pagesInFlight {
                    requested += 1
                    let number = requested
                    group.addTask {
                        do {
                            return Answer(number: number, result: .success(try await page(number, of: resource)))
                        } catch {
                            return Answer(number: number, result: .failure(error))
                        }
                    }
                }
                guard let answer = try await group.next() else { return }
                arrived[answer.number] = answer.result
                while let result = arrived.removeValue(forKey: next) {
                    guard try add(result.get()) else {
                        group.cancelAll()
                        return
                    }
                    next += 1
                }
            }
        }
    }

    /// What a `readAhead` task brings back: page `number`, or why it could not be read.
    private struct Answer: Sendable {
        var number: Int
        var result: Result<Page, any Error>
    }

    /// `GET /ClientIntegrationInformation`: the client's name and the integration's valid and invalid privileges.
    public func clientIntegrationInformation() async throws -> ClientIntegrationInformation {
        let name = "ClientIntegrationInformation"
        let response = try await get(configuration.apiURL.appendingPathComponent(name), subject: .init(resource: name))
        guard response.status != 204,
            let information = try? JSONDecoder().decode(ClientIntegrationInformation.self, from: response.body)
        else {
            throw PowerOfficeError.malformedResponse(
                resource: name, page: nil, reason: transport.notJSON(response) ?? LocalizedText(en: "not a JSON object", nb: "ikke et JSON-objekt"))
        }
        return information
    }

    private func pageURL(_ resource: PowerOfficeResource, _ pageNumber: Int) -> URL {
        let url = configuration.apiURL.appendingPathComponent(resource.path)
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.queryItems = [
            URLQueryItem(name: "OrderBy", value: "Id"),
            URLQueryItem(name: "PageNumber", value: String(pageNumber)),
            URLQueryItem(name: "PageSize", value: String(configuration.pageSize)),
        ]
        return components?.url ?? url
    }

    /// `GET url` with a valid token; returns 2xx answers and throws for everything else.
    ///
    /// The token is taken when the rate limiter lets the request go (a token taken before a long wait in the
    /// limiter could expire on the way), and renewed before the wait if it would be due by then.
    private func get(_ url: URL, subject: PowerOfficeTransport.Subject) async throws -> PowerOfficeTransport.Response {
        var renewed = false
        while true {
            var sent = ""
            let response = try await transport.send(subject, prepare: { try await tokens.prepare(for: $0) }) {
                sent = try await tokens.token()
                return PowerOfficeRequest.get(
                    url, accessToken: sent, credentials: configuration.credentials,
                    timeout: configuration.requestTimeout)
            }
            switch response.status {
            case 200...299:
                return response
            case 401 where !renewed:
                renewed = true
                await tokens.refuse(sent)
            case 401:
                throw PowerOfficeError.unauthorized(resource: subject.resource)
            case 403:
                throw await forbidden(subject.resource)
            default:
                throw PowerOfficeError.requestRejected(
                    resource: subject.resource, status: response.status, detail: transport.describe(response) ?? LocalizedText(verbatim: ""))
            }
        }
    }

    /// The error for a 403 on `resource`, with the missing privileges if `ClientIntegrationInformation` says.
    private func forbidden(_ resource: String) async -> PowerOfficeError {
        let privilege = PowerOfficeResource(rawValue: resource)?.privilege
        guard privilege != nil, let information = try? await clientIntegrationInformation() else {
            return .forbidden(resource: resource, privilege: privilege, invalidPrivileges: nil, clientName: nil)
        }
        return .forbidden(
            resource: resource, privilege: privilege, invalidPrivileges: information.InvalidPrivileges ?? [],
            clientName: information.ClientName)
    }

    /// The session a client sends with unless given one: ephemeral, no cache, no cookies, `timeout` per request.
    public static func makeSession(timeout: TimeInterval) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }
}
