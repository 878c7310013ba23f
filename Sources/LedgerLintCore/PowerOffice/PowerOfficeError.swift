import Foundation

/// Problems that stop a fetch from PowerOffice Go: missing or refused keys, refused requests, unreachable or
/// misbehaving servers, a snapshot that cannot be written.
///
/// Messages are written for a support person: what happened, and what to check or change in PowerOffice Go or in the
/// environment. No case carries a key: key problems name the environment variable or key file, never its value,
/// texts quoted from the server pass through `PowerOfficeCredentials.redactingKeys(in:)` first, and every message
/// passes through `RunSecrets` on its way out. Described in docs/poweroffice-fetch.md.
public enum PowerOfficeError: LocalizedError, Sendable, Hashable {
    /// Environment variables that must be set (names only) because no key file was given.
    case missingKeys(variables: [String])
    case keyFileUnreadable(path: String, reason: String)
    /// `mode` is the file's permission bits; group or others may read it.
    case keyFileTooOpen(path: String, mode: Int)
    case keyFileMalformed(path: String, reason: String)
    /// `source` is where the value came from: `--environment` or `POWEROFFICE_ENVIRONMENT`.
    case unknownEnvironment(value: String, source: String)
    case invalidURL(variable: String, value: String)
    case invalidPageSize(value: Int)
    case invalidPagesInFlight(value: Int)
    /// `--timeout` outside `PowerOfficeConfiguration.timeoutRange`.
    case invalidTimeout(value: Double)
    /// The token endpoint answered `invalid_client`: a wrong client or application key, an extension that is not
    /// active, or keys from different environments.
    case invalidClient(environment: PowerOfficeEnvironment, tokenURL: String)
    /// The token endpoint answered 401: PowerOffice's gateway did not accept the subscription key.
    case subscriptionKeyRejected(environment: PowerOfficeEnvironment, message: String)
    case tokenRejected(status: Int, detail: String)
    /// 401 on an API call twice, the second time with a freshly issued token: the API does not take the tokens the
    /// token endpoint gives (the keys themselves were accepted, so this is not about the extension).
    case unauthorized(resource: String)
    /// 403: the integration lacks a privilege. `invalidPrivileges` and `clientName` come from
    /// `ClientIntegrationInformation` when it could be read.
    case forbidden(resource: String, privilege: String?, invalidPrivileges: [String]?, clientName: String?)
    /// 400, 404, 409 and other answers that retrying cannot change.
    case requestRejected(resource: String, status: Int, detail: String)
    /// 5xx, timeouts or connection errors on every attempt.
    case retriesExhausted(resource: String, url: String, attempts: Int, lastProblem: String)
    /// 429 on every attempt for `RetryPolicy.rateLimitPatience`: `waited` is how long was waited in all.
    case rateLimited(resource: String, url: String, waited: Duration, lastProblem: String)
    /// A response that is not what the endpoint documents (truncated JSON, an object instead of an array).
    case malformedResponse(resource: String, page: Int?, reason: String)
    case snapshotWriteFailed(path: String, reason: String)
    /// Page `page` of `resource` held only rows of the pages before it: the server ignores `PageNumber`.
    case pageRepeats(resource: String, page: Int)
    /// `resource` changed while it was read, on both readings: `pages` are the pages (one per reading) that
    /// repeated rows read before.
    case listChanged(resource: String, pages: [Int])

    /// Whether the problem lies on this machine (options, keys, the key file, the snapshot folder) rather than with
    /// reading PowerOffice: the command line exits 2 for these, like any other usage or local file problem, and 3
    /// for the rest.
    public var isLocal: Bool {
        switch self {
        case .missingKeys, .keyFileUnreadable, .keyFileTooOpen, .keyFileMalformed, .unknownEnvironment, .invalidURL,
            .invalidPageSize, .invalidPagesInFlight, .invalidTimeout, .snapshotWriteFailed:
            return true
        case .invalidClient, .subscriptionKeyRejected, .tokenRejected, .unauthorized, .forbidden, .requestRejected,
            .retriesExhausted, .rateLimited, .malformedResponse, .pageRepeats, .listChanged:
            return false
        }
    }

    /// The message, with every secret of the run blanked.
    public var errorDescription: String? { RunSecrets.shared.redact(message) }

    private var message: String {
        switch self {
        case .missingKeys(let variables):
            return "PowerOffice Go keys are missing: set \(variables.joined(separator: ", ")), "
                + "or give a key file with --credentials FILE (see docs/poweroffice-fetch.md)"
        case .keyFileUnreadable(let path, let reason):
            return "\(path): key file cannot be read: \(reason)"
        case .keyFileTooOpen(let path, let mode):
            return "\(path): key file is readable by others (permissions \(String(mode, radix: 8))); "
                + "refusing to use it. Make it private with: chmod 600 \(path)"
        case .keyFileMalformed(let path, let reason):
            return "\(path): not a PowerOffice key file: \(reason). Expected JSON: "
                + #"{"applicationKey": "…", "clientKey": "…", "subscriptionKey": "…"}"#
        case .unknownEnvironment(let value, let source):
            let suggestion = PowerOfficeEnvironment.closest(to: value).map { "; did you mean '\($0.rawValue)'?" } ?? ""
            return "\(source): unknown PowerOffice environment '\(value.excerpt)'; expected 'production' or 'demo'\(suggestion)"
        case .invalidURL(let variable, let value):
            return "\(variable): '\(value.excerpt)' is not an http(s) URL"
        case .invalidPageSize(let value):
            return
                "page size \(value) is out of range; PowerOffice accepts 1 to \(PowerOfficeConfiguration.maxPageSize)"
        case .invalidPagesInFlight(let value):
            return
                "pages in flight \(value) is out of range; expected 1 to \(PowerOfficeConfiguration.maxPagesInFlight)"
        case .invalidTimeout(let value):
            let range = PowerOfficeConfiguration.timeoutRange
            return "--timeout \(String(format: "%g", value)) is out of range; expected \(Int(range.lowerBound)) to "
                + "\(Int(range.upperBound)) seconds"
        case .invalidClient(let environment, let tokenURL):
            return """
                PowerOffice Go (\(environment.rawValue), \(tokenURL)) did not accept the keys: "Client integration not \
                found". Check that:
                  - the extension is added and ticked Aktiv in PowerOffice Go (Meny > Administrer > Innstillinger > \
                Utvidelser), and POWEROFFICE_CLIENT_KEY is the client key (klientnøkkel) shown there;
                  - all three keys belong to the same environment (demo or production); this run used \
                \(environment.rawValue) (set with --environment or POWEROFFICE_ENVIRONMENT).
                """
        case .subscriptionKeyRejected(let environment, let message):
            return "PowerOffice Go (\(environment.rawValue)) did not accept the subscription key"
                + (message.isEmpty ? "" : " (\(message))")
                + ". Check that POWEROFFICE_SUBSCRIPTION_KEY is the key from PowerOffice's developer portal "
                + "for the \(environment.rawValue) environment"
        case .tokenRejected(let status, let detail):
            return "PowerOffice Go's token endpoint refused the request (HTTP \(status))"
                + (detail.isEmpty ? "" : ": \(detail)")
        case .unauthorized(let resource):
            return "PowerOffice Go rejected the access token for \(resource) (HTTP 401), and again a new one it had "
                + "just issued. Check that POWEROFFICE_API_URL and POWEROFFICE_TOKEN_URL, if set, belong to the same "
                + "PowerOffice environment; if they do, try again later"
        case .forbidden(let resource, let privilege, let invalidPrivileges, let clientName):
            let client = clientName.map { " for client '\($0)'" } ?? ""
            let needed = privilege.map { " needs the privilege '\($0)', which" } ?? ""
            var message =
                "PowerOffice Go refused to give \(resource)\(client) (HTTP 403): the integration\(needed) "
                + "is not granted. "
            if let invalidPrivileges, !invalidPrivileges.isEmpty {
                message +=
                    "PowerOffice lists these privileges as missing for this client: "
                    + invalidPrivileges.joined(separator: ", ") + ". "
            } else if invalidPrivileges == nil {
                message += "(ClientIntegrationInformation could not be read to list the missing privileges.) "
            }
            return message + "They depend on the client's active PowerOffice Go subscriptions: "
                + "the client needs a subscription that includes them"
        case .requestRejected(let resource, let status, let detail):
            return "PowerOffice Go refused \(resource) (HTTP \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        case .retriesExhausted(let resource, let url, let attempts, let lastProblem):
            return "could not read \(resource) from PowerOffice Go at \(url) after \(attempts) attempts; "
                + "last problem: \(lastProblem). Try again later"
        case .rateLimited(let resource, let url, let waited, let lastProblem):
            return "PowerOffice Go at \(url) kept refusing \(resource) for too many requests for "
                + "\(waited.secondsText) s (last: \(lastProblem)). Its 10 requests per second are shared by everything "
                + "that uses this subscription key: other integrations, or LedgerLint on another machine. "
                + "Try again later"
        case .malformedResponse(let resource, let page, let reason):
            let where_ = page.map { " (page \($0))" } ?? ""
            return "PowerOffice Go sent an unreadable answer for \(resource)\(where_): \(reason)"
        case .snapshotWriteFailed(let path, let reason):
            return "\(path): cannot write the snapshot: \(reason); nothing was replaced"
        case .pageRepeats(let resource, let page):
            return "PowerOffice Go answered page \(page) of \(resource) with only rows of the pages before it: "
                + "the server seems to ignore PageNumber, and reading on would never end. Check that "
                + "POWEROFFICE_API_URL is PowerOffice's v2 API, with no cache or proxy in between that answers for it"
        case .listChanged(let resource, let pages):
            let which =
                Set(pages).count == 1
                ? "page \(pages[0])" : "pages " + pages.map(String.init).joined(separator: " and ")
            return "\(resource) changed while it was read: \(which) repeated rows of earlier pages, on both "
                + "readings of the list (rows added while the pages are fetched push later rows onto the next page). "
                + "Nothing of it was kept. Try again when no one is adding \(resource) in PowerOffice Go "
                + "(an import, another integration)"
        }
    }
}
