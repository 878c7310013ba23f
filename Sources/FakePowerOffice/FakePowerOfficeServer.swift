import Foundation

/// A fake PowerOffice Go v2 API on 127.0.0.1, for tests and local demos.
///
/// It does what LedgerLint relies on the real API doing: client-credentials tokens (Basic auth with the application
/// and client key, the subscription key header) that expire, bearer-authenticated `GET`s of the list endpoints as
/// bare arrays with `PageNumber`/`PageSize` paging and 204 past the end, `OrderBy=Id` (the order it keeps its lists
/// in, which for generated data is `Id` order), `ClientIntegrationInformation`, 403 for
/// privileges the client lacks, and 10 requests per second per subscription key with 429 and `Retry-After` above it.
/// Faults (`FakeFault`) can be injected per path, every request is recorded (`requests`), and answers can be held
/// back by a fixed latency, as a distant server's would be. It can serve a bureau's many clients, each with its own
/// client key and lists, under one application key and subscription key (`Configuration.otherClients`).
///
/// Plain HTTP/1.1 over POSIX sockets with keep-alive and `Content-Length` bodies; no TLS, no chunked requests. Each
/// connection has its own thread, so concurrent requests are answered concurrently.
public final class FakePowerOfficeServer: @unchecked Sendable {
    /// The keys the fake accepts.
    public struct Keys: Sendable, Hashable {
        public var applicationKey: String
        public var clientKey: String
        public var subscriptionKey: String

        public init(applicationKey: String, clientKey: String, subscriptionKey: String) {
            self.applicationKey = applicationKey
            self.clientKey = clientKey
            self.subscriptionKey = subscriptionKey
        }

        /// The keys `fake-poweroffice` prints for demos.
        public static let demo = Keys(
            applicationKey: "demo-application-key", clientKey: "demo-client-key",
            subscriptionKey: "demo-subscription-key")
    }

    public struct Configuration: Sendable {
        public var keys: Keys = .demo
        /// Token lifetime in seconds; `expires_in` is this rounded up.
        public var tokenLifetime: Double = 1200
        /// At most `requests` requests per `interval` seconds per subscription key; `nil` for no limit.
        public var rateLimit: (requests: Int, interval: Double)? = (10, 1)
        /// The `Retry-After` seconds sent with a 429 from the rate limit.
        public var retryAfter: Int = 1
        /// Privileges (`Customer`, `Product`, `GeneralLedgerAccount`, `CommonServices`) the client lacks: the
        /// endpoints needing them answer 403, and `ClientIntegrationInformation` lists them as invalid.
        public var invalidPrivileges: [String] = []
        /// Whether list pages carry an `X-Pagination` header (the client must not need it).
        public var paginationHeader = true
        public var clientName = "Fjordlys Regnskap AS"
        public var clientId = "6f1c2a9e-3b7d-4e8f-9a01-2c3d4e5f6a7b"
        /// Seconds every answer is held back before it is sent, as the network and a distant server would; 0 for none.
        ///
        /// Waited on the connection's own thread, outside the server's lock: concurrent requests wait it out side by
        /// side, as they would over the internet, so that a client's concurrency shows in its wall time.
        public var latency: Double = 0
        /// 0 picks a free port.
        public var port: UInt16 = 0
        /// Called for every request after it was answered (from the connection's thread).
        public var log: (@Sendable (RecordedRequest) -> Void)?
        /// Clients served besides the one above (`keys.clientKey`, `clientName`, `clientId`, `invalidPrivileges` and
        /// the server's `dataSet`), each with its own client key: a bureau's clients, under one application key and
        /// one subscription key. None by default.
        public var otherClients: [FakeClient] = []

        public init() {}
    }

    public static let tokenPath = "/OAuth/Token"
    public static let apiPath = "/v2"
    static let allPrivileges = ["Customer", "Product", "GeneralLedgerAccount", "CommonServices"]

    /// The first client's lists as they are served now (`FakeFault.insertRow` adds to them).
    public var dataSet: FakeDataSet { locked { clients[0].dataSet } }
    public let configuration: Configuration
    /// Every client served: the first from the configuration's own fields, then `otherClients`. Guarded by `lock`.
    var clients: [FakeClient]
    /// How many answers `FakeFault.ignorePageNumber` has given, to make each one differ.
    var variedAnswers = 0
    private let listener: LoopbackListener
    private let lock = NSLock()
    private var log: [RecordedRequest] = []
    /// Requests received and not yet answered, and the most there have been at once, per path.
    private var inFlight: [String: Int] = [:]
    private var mostInFlight: [String: Int] = [:]
    /// Every token issued and not forgotten: when it expires, and the index in `clients` it was issued for.
    var tokens: [String: (expiry: Date, client: Int)] = [:]
    var issuedTokens = 0
    private var faults: [FaultRule] = []
    private var recent: [String: [Date]] = [:]

    /// Starts listening at once; stop with `stop()` (or let it go out of scope).
    public init(dataSet: FakeDataSet = .generated(), configuration: Configuration = Configuration()) throws {
        clients =
            [
                FakeClient(
                    clientKey: configuration.keys.clientKey, clientName: configuration.clientName,
                    clientId: configuration.clientId, dataSet: dataSet, invalidPrivileges: configuration.invalidPrivileges)
            ] + configuration.otherClients
        self.configuration = configuration
        listener = try LoopbackListener(port: configuration.port)
        listener.start { [self] socket in serve(socket) }
    }

    deinit {
        listener.stop()
    }

    public func stop() {
        listener.stop()
    }

    public var port: UInt16 { listener.port }
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/") }
    /// What `POWEROFFICE_API_URL` should be.
    public var apiURL: URL { baseURL.appendingPathComponent("v2") }
    /// What `POWEROFFICE_TOKEN_URL` should be.
    public var tokenURL: URL { baseURL.appendingPathComponent("OAuth").appendingPathComponent("Token") }

    /// The environment variables that point `ledgerlint fetch` at this fake with its keys.
    public var environment: [String: String] {
        [
            "POWEROFFICE_API_URL": apiURL.absoluteString, "POWEROFFICE_TOKEN_URL": tokenURL.absoluteString,
            "POWEROFFICE_APPLICATION_KEY": configuration.keys.applicationKey,
            "POWEROFFICE_CLIENT_KEY": configuration.keys.clientKey,
            "POWEROFFICE_SUBSCRIPTION_KEY": configuration.keys.subscriptionKey,
        ]
    }

    /// The lists of the client whose client key is `clientKey`, as they are served now; `nil` for a key the fake
    /// does not know.
    public func dataSet(clientKey: String) -> FakeDataSet? {
        locked { clients.first { $0.clientKey == clientKey }?.dataSet }
    }

    /// Every request so far, in arrival order.
    public var requests: [RecordedRequest] { locked { log } }

    /// The most requests to `path` (`"/v2/Customers"`) that were received and not yet answered at one moment: how
    /// many a client had in flight at once, counted rather than timed.
    public func mostAtOnce(to path: String) -> Int { locked { mostInFlight[path] ?? 0 } }

    /// How many tokens the token endpoint has issued.
    public var tokensIssued: Int { locked { issuedTokens } }

    /// Shows `fault` on requests to `path` (`"Customers"`, `"/v2/Customers"`, `"/OAuth/Token"`; `nil` for any),
    /// after letting `skip` matching requests through, for `times` requests. With `page`, only requests for that
    /// `PageNumber` match: the way to pick a page when a client asks for several at once, in no fixed order.
    public func inject(_ fault: FakeFault, path: String? = nil, page: Int? = nil, skip: Int = 0, times: Int = 1) {
        let fullPath = path.map { $0.hasPrefix("/") ? $0 : Self.apiPath + "/" + $0 }
        locked { faults.append(FaultRule(fault: fault, path: fullPath, page: page, skip: skip, times: times)) }
    }

    /// Makes every issued token invalid, as if they had expired.
    public func expireAllTokens() {
        locked { tokens.removeAll() }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    // MARK: Connections

    private func serve(_ socket: Int32) {
        var buffer: [UInt8] = []
        while true {
            let request: HTTPRequest
            do {
                guard let parsed = try HTTPRequest.parse(&buffer) else {
                    guard let more = LoopbackListener.receive(socket) else { return }
                    buffer += more
                    continue
                }
                request = parsed
            } catch {
                _ = LoopbackListener.send(socket, HTTPResponse(status: 400).serialized(keepAlive: false))
                return
            }
            let (response, delay, record) = respond(to: request)
            configuration.log?(record)
            let wait = delay + (response == nil ? 0 : configuration.latency)
            if wait > 0 { Thread.sleep(forTimeInterval: wait) }
            // Before the answer goes out: the client cannot send its next request before this one stops counting.
            locked { inFlight[record.path, default: 1] -= 1 }
            guard let response else { return }
            guard LoopbackListener.send(socket, response.serialized(keepAlive: request.keepAlive)), request.keepAlive
            else { return }
        }
    }

    /// The answer to `request` (`nil`: drop the connection), how long to wait before sending it, and the record.
    private func respond(to request: HTTPRequest) -> (HTTPResponse?, TimeInterval, RecordedRequest) {
        locked {
            var record = RecordedRequest(
                method: request.method, path: request.path, query: request.query, headers: request.headers,
                body: request.body, receivedAt: Date(), status: nil)
            var delay: TimeInterval = 0
            var response: HTTPResponse?
            if let limited = rateLimited(request, now: record.receivedAt) {
                response = limited
            } else {
                switch takeFault(for: request) {
                case .status(let status, let retryAfter)?:
                    response = .problem(
                        status, title: "Injected fault", detail: "The fake answers \(status) as told",
                        headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
                case .slow(let seconds)?:
                    delay = seconds
                    response = route(request, now: record.receivedAt)
                case .truncatedJSON?:
                    response = route(request, now: record.receivedAt)
                    if var cut = response, cut.body.count > 1 {
                        cut.body = cut.body.prefix(cut.body.count / 2)
                        response = cut
                    }
                case .insertRow(let row)?:
                    let name = String(request.path.dropFirst(Self.apiPath.count + 1))
                    clients[client(of: request, now: record.receivedAt) ?? 0].dataSet.lists[name, default: []]
                        .insert(row.encoded, at: 0)
                    response = route(request, now: record.receivedAt)
                case .ignorePageNumber?:
                    variedAnswers += 1
                    var firstPage = request
                    firstPage.query["PageNumber"] = "1"
                    response = route(firstPage, now: record.receivedAt, variant: variedAnswers)
                case .expireTokens?:
                    tokens.removeAll()
                    response = route(request, now: record.receivedAt)
                case .dropConnection?:
                    response = nil
                case .answer(let status, let contentType, let body)?:
                    var text = body
                    for (name, value) in request.headers { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
                    response = HTTPResponse(
                        status: status, headers: [("Content-Type", contentType)], body: Data(text.utf8))
                case nil:
                    response = route(request, now: record.receivedAt)
                }
            }
            record.status = response?.status
            log.append(record)
            inFlight[record.path, default: 0] += 1
            mostInFlight[record.path] = max(mostInFlight[record.path] ?? 0, inFlight[record.path] ?? 0)
            return (response, delay, record)
        }
    }

    private func rateLimited(_ request: HTTPRequest, now: Date) -> HTTPResponse? {
        guard let limit = configuration.rateLimit else { return nil }
        let key = request.headers["ocp-apim-subscription-key"] ?? ""
        var times = (recent[key] ?? []).filter { now.timeIntervalSince($0) < limit.interval }
        defer { recent[key] = times }
        guard times.count < limit.requests else {
            let seconds = configuration.retryAfter
            return .json(
                429, ["statusCode": "429", "message": "Rate limit is exceeded. Try again in \(seconds) seconds."],
                headers: [("Retry-After", String(seconds))])
        }
        times.append(now)
        return nil
    }

    private func takeFault(for request: HTTPRequest) -> FakeFault? {
        let page = request.query["PageNumber"].flatMap { Int($0) }
        for index in faults.indices
        where (faults[index].path == nil || faults[index].path == request.path)
            && (faults[index].page == nil || faults[index].page == page)
        {
            if faults[index].skip > 0 {
                faults[index].skip -= 1
            } else if faults[index].times > 0 {
                faults[index].times -= 1
                return faults[index].fault
            }
        }
        return nil
    }
}
