import Foundation
import LedgerLintJSON
import LedgerLintText

/// Problems that stop a fetch from PowerOffice Go: missing or refused keys, refused requests, unreachable or
/// misbehaving servers, a snapshot that cannot be written.
///
/// Messages are written for a support person: what happened, and what to check or change in PowerOffice Go or in the
/// environment. No case carries a key: key problems name the environment variable or key file, never its value,
/// texts quoted from the server pass through `PowerOfficeCredentials.redactingKeys(in:)` first, and every message
/// passes through `RunSecrets` on its way out. Described in docs/poweroffice-fetch.md.
public enum PowerOfficeError: LocalizedMessageError, Sendable, Hashable {
    /// Environment variables that must be set (names only) because no key file was given.
    case missingKeys(variables: [String])
    case keyFileUnreadable(path: String, reason: LocalizedText)
    /// `mode` is the file's permission bits; group or others may read it.
    case keyFileTooOpen(path: String, mode: Int)
    case keyFileMalformed(path: String, reason: LocalizedText)
    /// `source` is where the value came from: `--environment` or `POWEROFFICE_ENVIRONMENT`.
    case unknownEnvironment(value: String, source: String)
    case invalidURL(variable: String, value: String)
    case invalidPageSize(value: Int)
    case invalidPagesInFlight(value: Int)
    /// `--timeout` outside `PowerOfficeConfiguration.timeoutRange`.
    case invalidTimeout(value: Double)
    /// The token endpoint answered `invalid_client`: a wrong client or application key, an extension that is not
    /// active, or keys from different environments. `clientKeySource` names where the client key came from
    /// (`PowerOfficeConfiguration.clientKeySource`).
    case invalidClient(
        environment: PowerOfficeEnvironment, tokenURL: String,
        clientKeySource: String = PowerOfficeCredentials.clientKeyVariable)
    /// The token endpoint answered 401: PowerOffice's gateway did not accept the subscription key.
    case subscriptionKeyRejected(environment: PowerOfficeEnvironment, message: LocalizedText)
    case tokenRejected(status: Int, detail: LocalizedText)
    /// 401 on an API call twice, the second time with a freshly issued token: the API does not take the tokens the
    /// token endpoint gives (the keys themselves were accepted, so this is not about the extension).
    case unauthorized(resource: String)
    /// 403: the integration lacks a privilege. `invalidPrivileges` and `clientName` come from
    /// `ClientIntegrationInformation` when it could be read.
    case forbidden(resource: String, privilege: String?, invalidPrivileges: [String]?, clientName: String?)
    /// 400, 404, 409 and other answers that retrying cannot change.
    case requestRejected(resource: String, status: Int, detail: LocalizedText)
    /// 5xx, timeouts or connection errors on every attempt.
    case retriesExhausted(resource: String, url: String, attempts: Int, lastProblem: LocalizedText)
    /// 429 on every attempt for `RetryPolicy.rateLimitPatience`: `waited` is how long was waited in all.
    case rateLimited(resource: String, url: String, waited: Duration, lastProblem: LocalizedText)
    /// A response that is not what the endpoint documents (truncated JSON, an object instead of an array).
    case malformedResponse(resource: String, page: Int?, reason: LocalizedText)
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
            .invalidPageSize, .invalidPagesInFlight, .invalidTimeout:
            return true
        case .invalidClient, .subscriptionKeyRejected, .tokenRejected, .unauthorized, .forbidden, .requestRejected,
            .retriesExhausted, .rateLimited, .malformedResponse, .pageRepeats, .listChanged:
            return false
        }
    }

    /// The message in English, with every secret of the run blanked.
    public var errorDescription: String? { message(.en) }

    /// The message in `language`, with every secret of the run blanked.
    public func message(_ language: Language) -> String { RunSecrets.shared.redact(text[language]) }

    private var text: LocalizedText {
        switch self {
        case .missingKeys(let variables):
            let names = variables.joined(separator: ", ")
            return LocalizedText(
                en: "PowerOffice Go keys are missing: set \(names), or give a key file with --credentials FILE "
                    + "(see docs/poweroffice-fetch.md)",
                nb: "Nøklene til PowerOffice Go mangler: sett \(names), eller oppgi en nøkkelfil med --credentials FIL "
                    + "(se docs/poweroffice-fetch.md)")
        case .keyFileUnreadable(let path, let reason):
            return LocalizedText(
                en: "\(path): key file cannot be read: \(reason.en)", nb: "\(path): nøkkelfilen kan ikke leses: \(reason.nb)")
        case .keyFileTooOpen(let path, let mode):
            let mode = String(mode, radix: 8)
            return LocalizedText(
                en: "\(path): key file is readable by others (permissions \(mode)); refusing to use it. Make it private "
                    + "with: chmod 600 \(path)",
                nb: "\(path): nøkkelfilen kan leses av andre (rettigheter \(mode)); den blir ikke brukt. Gjør den privat "
                    + "med: chmod 600 \(path)")
        case .keyFileMalformed(let path, let reason):
            let shape = #"{"applicationKey": "…", "clientKey": "…", "subscriptionKey": "…"}"#
            return LocalizedText(
                en: "\(path): not a PowerOffice key file: \(reason.en). Expected JSON: \(shape)",
                nb: "\(path): ikke en nøkkelfil for PowerOffice: \(reason.nb). Den skal være JSON: \(shape)")
        case .unknownEnvironment(let value, let source):
            let suggestion = PowerOfficeEnvironment.closest(to: value).map {
                LocalizedText(en: "; did you mean '\($0.rawValue)'?", nb: "; mente du '\($0.rawValue)'?")
            }
            return LocalizedText(
                en: "\(source): unknown PowerOffice environment '\(value.excerpt)'; expected 'production' or 'demo'",
                nb: "\(source): ukjent PowerOffice-miljø '\(value.excerpt)'; bruk 'production' eller 'demo'")
                + (suggestion ?? LocalizedText(verbatim: ""))
        case .invalidURL(let variable, let value):
            return LocalizedText(
                en: "\(variable): '\(value.excerpt)' is not an http(s) URL",
                nb: "\(variable): '\(value.excerpt)' er ikke en http(s)-URL")
        case .invalidPageSize(let value):
            let most = PowerOfficeConfiguration.maxPageSize
            return LocalizedText(
                en: "page size \(value) is out of range; PowerOffice accepts 1 to \(most)",
                nb: "sidestørrelsen \(value) er utenfor det tillatte; PowerOffice godtar 1 til \(most)")
        case .invalidPagesInFlight(let value):
            let most = PowerOfficeConfiguration.maxPagesInFlight
            return LocalizedText(
                en: "pages in flight \(value) is out of range; expected 1 to \(most)",
                nb: "antall sider samtidig (\(value)) er utenfor det tillatte; bruk 1 til \(most)")
        case .invalidTimeout(let value):
            let range = PowerOfficeConfiguration.timeoutRange
            let (value, low, high) = (String(format: "%g", value), Int(range.lowerBound), Int(range.upperBound))
            return LocalizedText(
                en: "--timeout \(value) is out of range; expected \(low) to \(high) seconds",
                nb: "--timeout \(value) er utenfor det tillatte; bruk \(low) til \(high) sekunder")
        case .invalidClient(let environment, let tokenURL, let source):
            let name = environment.rawValue
            return LocalizedText(
                en: """
                    PowerOffice Go (\(name), \(tokenURL)) did not accept the keys: "Client integration not \
                    found". Check that:
                      - the extension is added and ticked Aktiv in PowerOffice Go (Meny > Administrer > Innstillinger > \
                    Utvidelser), and \(source) holds the client key (klientnøkkel) shown there;
                      - all three keys belong to the same environment (demo or production); this run used \
                    \(name) (set with --environment or POWEROFFICE_ENVIRONMENT).
                    """,
                nb: """
                    PowerOffice Go (\(name), \(tokenURL)) godtok ikke nøklene: "Client integration not found". \
                    Kontroller at:
                      - utvidelsen er lagt til og har Aktiv krysset av i PowerOffice Go (Meny > Administrer > \
                    Innstillinger > Utvidelser), og at \(source) inneholder klientnøkkelen som vises der;
                      - alle tre nøklene hører til samme miljø (demo eller production); denne kjøringen brukte \
                    \(name) (satt med --environment eller POWEROFFICE_ENVIRONMENT).
                    """)
        case .subscriptionKeyRejected(let environment, let message):
            let name = environment.rawValue
            let quoted = message.en.isEmpty ? LocalizedText(verbatim: "") : LocalizedText(verbatim: " (") + message + .init(verbatim: ")")
            return LocalizedText(
                en: "PowerOffice Go (\(name)) did not accept the subscription key\(quoted.en). Check that "
                    + "POWEROFFICE_SUBSCRIPTION_KEY is the key from PowerOffice's developer portal for the \(name) "
                    + "environment",
                nb: "PowerOffice Go (\(name)) godtok ikke abonnementsnøkkelen\(quoted.nb). Kontroller at "
                    + "POWEROFFICE_SUBSCRIPTION_KEY er nøkkelen fra utviklerportalen til PowerOffice for miljøet \(name)")
        case .tokenRejected(let status, let detail):
            return LocalizedText(
                en: "PowerOffice Go's token endpoint refused the request (HTTP \(status))",
                nb: "Tokenadressen til PowerOffice Go avviste forespørselen (HTTP \(status))") + Self.quoted(detail)
        case .unauthorized(let resource):
            return LocalizedText(
                en: "PowerOffice Go rejected the access token for \(resource) (HTTP 401), and again a new one it had "
                    + "just issued. Check that POWEROFFICE_API_URL and POWEROFFICE_TOKEN_URL, if set, belong to the same "
                    + "PowerOffice environment; if they do, try again later",
                nb: "PowerOffice Go avviste tilgangstokenet for \(resource) (HTTP 401), og igjen et nytt som det nettopp "
                    + "hadde utstedt. Kontroller at POWEROFFICE_API_URL og POWEROFFICE_TOKEN_URL, hvis de er satt, hører "
                    + "til samme PowerOffice-miljø; gjør de det, prøv igjen senere")
        case .forbidden(let resource, let privilege, let invalidPrivileges, let clientName):
            var text = LocalizedText(
                en: "PowerOffice Go refused to give \(resource)\(clientName.map { " for client '\($0)'" } ?? "") (HTTP 403): "
                    + "the integration\(privilege.map { " needs the privilege '\($0)', which" } ?? "") is not granted. ",
                nb: "PowerOffice Go ville ikke gi ut \(resource)\(clientName.map { " for klienten '\($0)'" } ?? "") "
                    + "(HTTP 403): integrasjonen "
                    + (privilege.map { "trenger rettigheten '\($0)', som den ikke har fått. " } ?? "har ikke fått tilgang. "))
            if let invalidPrivileges, !invalidPrivileges.isEmpty {
                let list = invalidPrivileges.joined(separator: ", ")
                text = text
                    + LocalizedText(
                        en: "PowerOffice lists these privileges as missing for this client: \(list). ",
                        nb: "PowerOffice oppgir at disse rettighetene mangler for denne klienten: \(list). ")
            } else if invalidPrivileges == nil {
                text = text
                    + LocalizedText(
                        en: "(ClientIntegrationInformation could not be read to list the missing privileges.) ",
                        nb: "(ClientIntegrationInformation kunne ikke leses, så rettighetene som mangler, kan ikke listes.) ")
            }
            return text
                + LocalizedText(
                    en: "They depend on the client's active PowerOffice Go subscriptions: the client needs a subscription "
                        + "that includes them",
                    nb: "De avhenger av klientens aktive abonnementer i PowerOffice Go: klienten trenger et abonnement som "
                        + "omfatter dem")
        case .requestRejected(let resource, let status, let detail):
            return LocalizedText(
                en: "PowerOffice Go refused \(Self.name(resource).en) (HTTP \(status))",
                nb: "PowerOffice Go avviste \(Self.name(resource).nb) (HTTP \(status))") + Self.quoted(detail)
        case .retriesExhausted(let resource, let url, let attempts, let lastProblem):
            return LocalizedText(
                en: "could not read \(Self.name(resource).en) from PowerOffice Go at \(url) after \(attempts) attempts; "
                    + "last problem: \(lastProblem.en). Try again later",
                nb: "kunne ikke lese \(Self.name(resource).nb) fra PowerOffice Go på \(url) etter \(attempts) forsøk; "
                    + "siste problem: \(lastProblem.nb). Prøv igjen senere")
        case .rateLimited(let resource, let url, let waited, let lastProblem):
            return LocalizedText(
                en: "PowerOffice Go at \(url) kept refusing \(Self.name(resource).en) for too many requests for "
                    + "\(waited.secondsText) s (last: \(lastProblem.en)). Its 10 requests per second are shared by "
                    + "everything that uses this subscription key: other integrations, or LedgerLint on another machine. "
                    + "Try again later",
                nb: "PowerOffice Go på \(url) avviste \(Self.name(resource).nb) for mange forespørsler i \(waited.secondsText) s "
                    + "(sist: \(lastProblem.nb)). De 10 forespørslene per sekund deles av alt som bruker denne "
                    + "abonnementsnøkkelen: andre integrasjoner, eller LedgerLint på en annen maskin. Prøv igjen senere")
        case .malformedResponse(let resource, let page, let reason):
            return LocalizedText(
                en: "PowerOffice Go sent an unreadable answer for \(Self.name(resource).en)\(page.map { " (page \($0))" } ?? ""): \(reason.en)",
                nb: "PowerOffice Go sendte et uleselig svar for \(Self.name(resource).nb)\(page.map { " (side \($0))" } ?? ""): \(reason.nb)")
        case .pageRepeats(let resource, let page):
            return LocalizedText(
                en: "PowerOffice Go answered page \(page) of \(resource) with only rows of the pages before it: the server "
                    + "seems to ignore PageNumber, and reading on would never end. Check that POWEROFFICE_API_URL is "
                    + "PowerOffice's v2 API, with no cache or proxy in between that answers for it",
                nb: "PowerOffice Go svarte på side \(page) av \(resource) med bare rader fra sidene før: serveren ser ut "
                    + "til å overse PageNumber, og lesingen ville aldri ta slutt. Kontroller at POWEROFFICE_API_URL er "
                    + "v2-API-et til PowerOffice, uten en hurtigbuffer eller proxy imellom som svarer i stedet")
        case .listChanged(let resource, let pages):
            let single = Set(pages).count == 1
            let numbers = pages.map(String.init)
            return LocalizedText(
                en: "\(resource) changed while it was read: "
                    + (single ? "page \(pages[0])" : "pages " + numbers.joined(separator: " and "))
                    + " repeated rows of earlier pages, on both readings of the list (rows added while the pages are "
                    + "fetched push later rows onto the next page). Nothing of it was kept. Try again when no one is "
                    + "adding \(resource) in PowerOffice Go (an import, another integration)",
                nb: "\(resource) ble endret mens listen ble lest: "
                    + (single ? "side \(pages[0])" : "sidene " + numbers.joined(separator: " og "))
                    + " gjentok rader fra tidligere sider, begge gangene listen ble lest (rader som legges til mens sidene "
                    + "hentes, skyver senere rader over på neste side). Ingenting av den ble beholdt. Prøv igjen når ingen "
                    + "legger til \(resource) i PowerOffice Go (en import, en annen integrasjon)")
        }
    }

    /// `: detail`, what the server said, or nothing.
    private static func quoted(_ detail: LocalizedText) -> LocalizedText {
        detail.en.isEmpty ? LocalizedText(verbatim: "") : LocalizedText(verbatim: ": ") + detail
    }

    /// How messages name what was asked for: a resource (`Customers`) as PowerOffice names it, and the access
    /// token (`PowerOfficeTransport.Subject.accessToken`) in words.
    static func name(_ resource: String) -> LocalizedText {
        resource == PowerOfficeTransport.Subject.accessToken
            ? LocalizedText(en: resource, nb: "tilgangstokenet") : LocalizedText(verbatim: resource)
    }
}
