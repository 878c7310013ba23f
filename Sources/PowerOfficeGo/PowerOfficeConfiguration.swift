import Foundation
import LedgerLintJSON
import LedgerLintText

/// Everything a `PowerOfficeClient` needs: where to connect, with which keys, and how politely.
///
/// `resolve(...)` builds it the way the command line does, from options and environment variables; tests and
/// other callers can use the memberwise initialiser and shrink the waits.
public struct PowerOfficeConfiguration: Sendable {
    public static let environmentVariable = "POWEROFFICE_ENVIRONMENT"
    public static let apiURLVariable = "POWEROFFICE_API_URL"
    public static let tokenURLVariable = "POWEROFFICE_TOKEN_URL"
    /// PowerOffice's own default page size.
    public static let defaultPageSize = 5000
    /// PowerOffice's `MaxPageSize`.
    public static let maxPageSize = 20000
    /// The most pages of one list that may be asked for at once: the rate limit lets no more than 10 requests start
    /// together.
    public static let maxPagesInFlight = 10
    /// Enough to keep the rate limiter busy over a round trip of a few hundred milliseconds, at up to 3 requests
    /// past the end of a long list (docs/performance.md, "The fetch path").
    public static let defaultPagesInFlight = 4
    /// How long one request may go without an answer by default (`--timeout`), in seconds.
    public static let defaultRequestTimeout: TimeInterval = 30
    /// The timeouts `--timeout` accepts, in seconds: URLSession on Linux counts whole seconds, so less than one fires
    /// at once; more than an hour is no longer a timeout.
    public static let timeoutRange: ClosedRange<TimeInterval> = 1...3600

    public var environment: PowerOfficeEnvironment
    public var credentials: PowerOfficeCredentials
    /// The v2 base URL; `/Customers` etc. are appended.
    public var apiURL: URL
    public var tokenURL: URL
    public var pageSize: Int
    /// How many pages of one list may be asked for before the earlier ones are answered (1 to `maxPagesInFlight`).
    ///
    /// 1 asks for the next page only once the one before came back full, so no request ever goes past the end of a
    /// list, and a list takes a round trip per page. More (`defaultPagesInFlight` unless set) asks ahead after a
    /// full first page, so that over a slow connection the rate limit rather than the round trips sets the pace; the
    /// list still ends at the first short or empty page, and up to `pagesInFlight - 1` requests past its end may be
    /// sent and discarded.
    public var pagesInFlight: Int {
        get { storedPagesInFlight }
        set { storedPagesInFlight = min(max(1, newValue), Self.maxPagesInFlight) }
    }
    private var storedPagesInFlight = Self.defaultPagesInFlight
    public var rateLimit: RateLimit
    /// Where the rate budget shared with other processes using the same subscription key is kept
    /// (`SharedRateBudget`); `nil` to keep `rateLimit` within this process only. `resolve` sets it from the
    /// environment (`SharedRateBudget.defaultFolder(environment:)`).
    public var sharedRateLimitFolder: URL?
    public var retryPolicy: RetryPolicy
    /// How long one request may go without an answer before it counts as a timeout (and is retried, see
    /// `RetryPolicy.maxTimeouts`). At least 1 s: URLSession on Linux counts whole seconds, and a shorter timeout
    /// fires at once.
    public var requestTimeout: TimeInterval {
        get { storedRequestTimeout }
        set { storedRequestTimeout = max(Self.timeoutRange.lowerBound, newValue) }
    }
    private var storedRequestTimeout = Self.defaultRequestTimeout
    /// A token is renewed this long before it expires (at most half its lifetime), so that no request carries a
    /// token that expires on the way.
    public var tokenRenewalMargin: Duration
    /// Where the client key came from, as the message for refused keys names it (`PowerOfficeError.invalidClient`):
    /// `POWEROFFICE_CLIENT_KEY`, or for one client of a clients file the variable or key file it names, so that a
    /// bureau's support person looks at the right one of a hundred keys.
    public var clientKeySource = PowerOfficeCredentials.clientKeyVariable

    public init(
        environment: PowerOfficeEnvironment, credentials: PowerOfficeCredentials, apiURL: URL? = nil,
        tokenURL: URL? = nil, pageSize: Int = Self.defaultPageSize, pagesInFlight: Int = Self.defaultPagesInFlight,
        rateLimit: RateLimit = .powerOffice, sharedRateLimitFolder: URL? = nil,
        retryPolicy: RetryPolicy = .standard, requestTimeout: TimeInterval = Self.defaultRequestTimeout,
        tokenRenewalMargin: Duration = .seconds(60)
    ) {
        self.environment = environment
        self.credentials = credentials
        self.apiURL = apiURL ?? environment.apiURL
        self.tokenURL = tokenURL ?? environment.tokenURL
        self.pageSize = pageSize
        self.storedPagesInFlight = min(max(1, pagesInFlight), Self.maxPagesInFlight)
        self.rateLimit = rateLimit
        self.sharedRateLimitFolder = sharedRateLimitFolder
        self.retryPolicy = retryPolicy
        self.storedRequestTimeout = max(Self.timeoutRange.lowerBound, requestTimeout)
        self.tokenRenewalMargin = tokenRenewalMargin
    }

    /// The configuration for the command line's `fetch` and `check --live`.
    ///
    /// The environment is `environmentOption` (`--environment`), else `POWEROFFICE_ENVIRONMENT`, else production.
    /// `POWEROFFICE_API_URL` and `POWEROFFICE_TOKEN_URL` override its URLs (for proxies and the local fake). Keys
    /// come from `credentialsFile` (`--credentials`) when given, else from the three `POWEROFFICE_*_KEY` variables.
    /// The rate limit is shared with the user's other processes through `SharedRateBudget.defaultFolder`.
    ///
    /// - Parameter includingClientKey: `false` for a run over many clients (`fetch --clients`): the client key is
    ///   then neither needed nor read, and each client's configuration gets its own
    ///   (`PowerOfficeCredentials.withClientKey(_:)`).
    public static func resolve(
        environmentOption: String? = nil, credentialsFile: String? = nil, pageSize: Int? = nil,
        pagesInFlight: Int? = nil, requestTimeout: TimeInterval? = nil, includingClientKey: Bool = true,
        processEnvironment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Self {
        let environment = try Self.environment(option: environmentOption, processEnvironment: processEnvironment)
        let pageSize = pageSize ?? defaultPageSize
        guard (1...maxPageSize).contains(pageSize) else { throw PowerOfficeError.invalidPageSize(value: pageSize) }
        let pagesInFlight = pagesInFlight ?? defaultPagesInFlight
        guard (1...maxPagesInFlight).contains(pagesInFlight) else {
            throw PowerOfficeError.invalidPagesInFlight(value: pagesInFlight)
        }
        let requestTimeout = requestTimeout ?? defaultRequestTimeout
        guard timeoutRange.contains(requestTimeout) else { throw PowerOfficeError.invalidTimeout(value: requestTimeout) }
        let apiURL = try url(from: apiURLVariable, in: processEnvironment)
        let tokenURL = try url(from: tokenURLVariable, in: processEnvironment)
        let credentials =
            try credentialsFile.map { try PowerOfficeCredentials.load(keyFile: $0, includingClientKey: includingClientKey) }
            ?? PowerOfficeCredentials.fromEnvironment(processEnvironment, includingClientKey: includingClientKey)
        return Self(
            environment: environment, credentials: credentials, apiURL: apiURL, tokenURL: tokenURL, pageSize: pageSize,
            pagesInFlight: pagesInFlight,
            sharedRateLimitFolder: SharedRateBudget.defaultFolder(environment: processEnvironment),
            requestTimeout: requestTimeout)
    }

    private static func environment(
        option: String?, processEnvironment: [String: String]
    ) throws -> PowerOfficeEnvironment {
        let (value, source): (String?, String) =
            if let option { (option, "--environment") } else {
                (processEnvironment[environmentVariable], environmentVariable)
            }
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return .production }
        guard let environment = PowerOfficeEnvironment(rawValue: value.lowercased()) else {
            throw PowerOfficeError.unknownEnvironment(value: value, source: source)
        }
        return environment
    }

    private static func url(from variable: String, in processEnvironment: [String: String]) throws -> URL? {
        guard let value = processEnvironment[variable]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https",
            url.host != nil
        else {
            throw PowerOfficeError.invalidURL(variable: variable, value: value)
        }
        return url
    }
}
