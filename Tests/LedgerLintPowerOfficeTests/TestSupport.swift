import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import LedgerLintCore
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

/// Keys that are easy to search for: none of them may turn up outside the headers they belong in.
let testKeys = FakePowerOfficeServer.Keys(
    applicationKey: "APPKEY-7c1e9d42-secret", clientKey: "CLIENTKEY-55aa13f0-secret",
    subscriptionKey: "SUBKEY-0d9b6e21-secret")

let testCredentials = PowerOfficeCredentials(
    applicationKey: testKeys.applicationKey, clientKey: testKeys.clientKey, subscriptionKey: testKeys.subscriptionKey)

/// Every form a key could leak in: the raw keys and the Basic credentials made from them.
let secretForms = [
    testKeys.applicationKey, testKeys.clientKey, testKeys.subscriptionKey,
    Data("\(testKeys.applicationKey):\(testKeys.clientKey)".utf8).base64EncodedString(),
]

/// A fake server with the test keys. `rateLimited` keeps PowerOffice's 10 requests per second; most tests turn it off
/// and shrink the client's waits, so that they run in milliseconds.
func makeServer(
    customers: Int = 120, rateLimited: Bool = false,
    _ adjust: (inout FakePowerOfficeServer.Configuration) -> Void = { _ in }
) throws -> FakePowerOfficeServer {
    var configuration = FakePowerOfficeServer.Configuration()
    configuration.keys = testKeys
    if !rateLimited { configuration.rateLimit = nil }
    adjust(&configuration)
    return try FakePowerOfficeServer(dataSet: .generated(customers: customers), configuration: configuration)
}

/// PowerOffice's rate limit and the client's below it, five to ten times faster, for tests that the client keeps to
/// a limit: the fake answers 429 past 10 requests in any 0.1 s (PowerOffice: 1 s), the client keeps to 10 in any
/// 0.2 s. That leaves the same 100 ms for requests that arrive closer together than they were let go as
/// `RateLimit.powerOffice` leaves, so a loaded machine is no likelier to crowd a window than in real runs.
enum FastRateLimit {
    static let server: (requests: Int, interval: Double) = (10, 0.1)
    static let client = RateLimit(requests: 10, per: .milliseconds(200))
}

/// A client configuration pointing at `server`, with real-world behaviour but waits scaled down 100 times and,
/// unless given one (`FastRateLimit.client`), a rate limit that never binds. Pages are read ahead as by default
/// unless `pagesInFlight` says otherwise (1: one after another, for tests that follow the exact order of requests).
func fastConfiguration(
    _ server: FakePowerOfficeServer, pageSize: Int = 50,
    rateLimit: RateLimit = RateLimit(requests: 10_000, per: .seconds(1)),
    pagesInFlight: Int = PowerOfficeConfiguration.defaultPagesInFlight,
    credentials: PowerOfficeCredentials = testCredentials
) -> PowerOfficeConfiguration {
    PowerOfficeConfiguration(
        environment: .demo, credentials: credentials, apiURL: server.apiURL, tokenURL: server.tokenURL,
        pageSize: pageSize, pagesInFlight: pagesInFlight,
        rateLimit: rateLimit,
        retryPolicy: RetryPolicy(timeScale: 0.01), requestTimeout: 5)
}

/// Everything `server` serves, read by a client with `fastConfiguration(server)`.
func fetchAll(from server: FakePowerOfficeServer) async throws -> FetchedResources {
    try await PowerOfficeClient(configuration: fastConfiguration(server)).fetchAll()
}

/// What the fake serves, decoded independently of LedgerLint's readers (plain `JSONDecoder`).
func servedData(_ server: FakePowerOfficeServer) throws -> PowerOfficeData {
    func decode<T: Decodable>(_ name: String, _ type: T.Type) throws -> [T] {
        try JSONDecoder().decode([T].self, from: server.dataSet.jsonArray(name))
    }
    return PowerOfficeData(
        customers: RecordTable(try decode("Customers", PowerOfficeCustomer.self)),
        products: try decode("Products", PowerOfficeProduct.self),
        productGroups: try decode("ProductGroups", PowerOfficeProductGroup.self),
        accounts: try decode("GeneralLedgerAccounts", PowerOfficeAccount.self),
        numberSeries: try decode("SubLedgerNumberSeries", PowerOfficeNumberSeries.self))
}

/// The error `body` throws, as a `PowerOfficeError` (a test failure if it throws something else or nothing).
func powerOfficeError(_ body: () async throws -> Void) async -> PowerOfficeError? {
    do {
        try await body()
        Issue.record("expected a PowerOfficeError, but nothing was thrown")
    } catch let error as PowerOfficeError {
        return error
    } catch {
        Issue.record("expected a PowerOfficeError, got \(type(of: error)): \(error)")
    }
    return nil
}

/// What a `.retriesExhausted` error says; a test failure, and `nil`, if `error` is anything else.
func exhaustedRetries(
    _ error: PowerOfficeError?, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> (resource: String, url: String, attempts: Int, lastProblem: LocalizedText)? {
    guard case .retriesExhausted(let resource, let url, let attempts, let lastProblem) = error else {
        Issue.record("expected retriesExhausted, got \(String(describing: error))", sourceLocation: sourceLocation)
        return nil
    }
    return (resource, url, attempts, lastProblem)
}

/// A client configuration for a server that is not there: port 1 on loopback, where nothing listens (a stopped
/// fake's port could be reused by another test's fake). Waits are scaled down as in `fastConfiguration`.
func unreachableConfiguration() throws -> PowerOfficeConfiguration {
    let nowhere = try #require(URL(string: "http://127.0.0.1:1"))
    return PowerOfficeConfiguration(
        environment: .demo, credentials: testCredentials, apiURL: nowhere.appendingPathComponent("v2"),
        tokenURL: nowhere.appendingPathComponent("OAuth/Token"), retryPolicy: RetryPolicy(timeScale: 0.01))
}

/// A 400 answer with a ProblemDetails body whose `Detail` is `detail`, in which `{name}` stands for the request's
/// header `name`: a server that echoes what it was sent.
func badRequest(detail: String) -> FakeFault {
    .answer(status: 400, contentType: "application/problem+json", body: #"{"Title":"Bad Request","Detail":"\#(detail)"}"#)
}

/// Requests to one path, e.g. `"/v2/Customers"`.
func requests(_ server: FakePowerOfficeServer, to path: String) -> [RecordedRequest] {
    server.requests.filter { $0.path == path }
}

/// A snapshot folder with an Assist export of one customer and no PowerOffice side, for `check --live`; `scratch`
/// removes it.
func assistOnlySnapshot(in scratch: Scratch) throws -> URL {
    let folder = try scratch.folder("ledgerlint-po")
    let assist = folder.appendingPathComponent("assist")
    try FileManager.default.createDirectory(at: assist, withIntermediateDirectories: true)
    try Data(
        "Kundenummer;Navn;Organisasjonsnummer;E-post;Sendingsmetode;Eksporteres\n10001;Fjord AS;;post@fjord.no;E-post;Ja\n"
            .utf8
    ).write(to: assist.appendingPathComponent("customers.csv"))
    return folder
}

extension PowerOfficeError {
    /// The error with every text in it as its English: to compare with an error written with plain strings.
    var english: PowerOfficeError {
        let english = { (text: LocalizedText) in LocalizedText(verbatim: text.en) }
        switch self {
        case .keyFileUnreadable(let path, let reason): return .keyFileUnreadable(path: path, reason: english(reason))
        case .keyFileMalformed(let path, let reason): return .keyFileMalformed(path: path, reason: english(reason))
        case .subscriptionKeyRejected(let environment, let message):
            return .subscriptionKeyRejected(environment: environment, message: english(message))
        case .tokenRejected(let status, let detail): return .tokenRejected(status: status, detail: english(detail))
        case .requestRejected(let resource, let status, let detail):
            return .requestRejected(resource: resource, status: status, detail: english(detail))
        case .retriesExhausted(let resource, let url, let attempts, let lastProblem):
            return .retriesExhausted(resource: resource, url: url, attempts: attempts, lastProblem: english(lastProblem))
        case .rateLimited(let resource, let url, let waited, let lastProblem):
            return .rateLimited(resource: resource, url: url, waited: waited, lastProblem: english(lastProblem))
        case .malformedResponse(let resource, let page, let reason):
            return .malformedResponse(resource: resource, page: page, reason: english(reason))
        default: return self
        }
    }
}
