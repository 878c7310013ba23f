import LedgerLintTestSupport
import Testing
@testable import PowerOfficeGo

@Suite("PowerOfficeError messages")
struct PowerOfficeErrorTests {
    @Test(
        "every message says what happened and what to check",
        arguments: [
            (
                PowerOfficeError.missingKeys(variables: ["POWEROFFICE_CLIENT_KEY", "POWEROFFICE_SUBSCRIPTION_KEY"]),
                ["POWEROFFICE_CLIENT_KEY, POWEROFFICE_SUBSCRIPTION_KEY", "--credentials"]
            ),
            (.keyFileTooOpen(path: "keys.json", mode: 0o644), ["keys.json", "644", "chmod 600 keys.json"]),
            (
                .unknownEnvironment(value: "prod", source: "POWEROFFICE_ENVIRONMENT"),
                ["POWEROFFICE_ENVIRONMENT", "'prod'", "'production' or 'demo'"]
            ),
            (
                .invalidClient(environment: .production, tokenURL: "https://goapi.poweroffice.net/OAuth/Token"),
                [
                    "production", "Aktiv", "Meny > Administrer > Innstillinger > Utvidelser", "POWEROFFICE_CLIENT_KEY",
                    "same environment (demo or production)",
                ]
            ),
            (
                .subscriptionKeyRejected(environment: .demo, message: "Access denied"),
                ["subscription key", "POWEROFFICE_SUBSCRIPTION_KEY", "demo"]
            ),
            (.unauthorized(resource: "Customers"), ["Customers", "401", "rejected the access token", "POWEROFFICE_TOKEN_URL"]),
            (
                .forbidden(
                    resource: "Customers", privilege: "Customer", invalidPrivileges: ["Customer"], clientName: "Ås AS"),
                ["Customers", "'Ås AS'", "403", "'Customer'", "missing for this client: Customer", "subscription"]
            ),
            (
                .forbidden(resource: "Customers", privilege: "Customer", invalidPrivileges: nil, clientName: nil),
                ["ClientIntegrationInformation could not be read"]
            ),
            (
                .requestRejected(resource: "Products", status: 404, detail: "Object(s) not found"),
                ["Products", "HTTP 404", "Object(s) not found"]
            ),
            (
                .retriesExhausted(
                    resource: "Customers", url: "https://goapi.poweroffice.net/v2/Customers", attempts: 5,
                    lastProblem: "HTTP 503"),
                [
                    "Customers", "https://goapi.poweroffice.net/v2/Customers", "5 attempts", "HTTP 503",
                    "Try again later",
                ]
            ),
            (
                .malformedResponse(resource: "Customers", page: 2, reason: "not valid JSON"),
                ["Customers", "page 2", "not valid JSON"]
            ),
            (.unknownEnvironment(value: "prod", source: "--environment"), ["did you mean 'production'?"]),
            (.invalidTimeout(value: 0.5), ["--timeout 0.5", "1 to 3600 seconds"]),
        ] as [(PowerOfficeError, [String])])
    func messages(error: PowerOfficeError, fragments: [String]) {
        let message = error.localizedDescription
        for fragment in fragments {
            #expect(message.contains(fragment), "\(message)")
        }
    }

    @Test("only a refused token request points at the extension's Aktiv box; a refused token does not")
    func aktivOnlyForTokenRequests() {
        #expect(PowerOfficeError.invalidClient(environment: .demo, tokenURL: "u").localizedDescription.contains("Aktiv"))
        #expect(!PowerOfficeError.unauthorized(resource: "Customers").localizedDescription.contains("Aktiv"))
    }

    @Test("problems on this machine are local (exit 2); problems reading PowerOffice are not (exit 3)")
    func localOrNot() {
        let local: [PowerOfficeError] = [
            .missingKeys(variables: ["POWEROFFICE_CLIENT_KEY"]), .keyFileUnreadable(path: "k", reason: "r"),
            .keyFileTooOpen(path: "k", mode: 0o644), .keyFileMalformed(path: "k", reason: "r"),
            .unknownEnvironment(value: "prod", source: "--environment"), .invalidURL(variable: "V", value: "x"),
            .invalidPageSize(value: 0), .invalidPagesInFlight(value: 11), .invalidTimeout(value: 0),
        ]
        let remote: [PowerOfficeError] = [
            .invalidClient(environment: .demo, tokenURL: "u"), .subscriptionKeyRejected(environment: .demo, message: ""),
            .tokenRejected(status: 500, detail: ""), .unauthorized(resource: "Customers"),
            .forbidden(resource: "Customers", privilege: nil, invalidPrivileges: nil, clientName: nil),
            .requestRejected(resource: "Customers", status: 400, detail: ""),
            .retriesExhausted(resource: "Customers", url: "u", attempts: 5, lastProblem: ""),
            .malformedResponse(resource: "Customers", page: 1, reason: ""),
        ]
        #expect(local.filter { !$0.isLocal } == [])
        #expect(remote.filter { $0.isLocal } == [])
    }

    @Test("a mistyped environment gets a suggestion; a different word gets none")
    func closestEnvironment() {
        #expect(PowerOfficeEnvironment.closest(to: "prod") == .production)
        #expect(PowerOfficeEnvironment.closest(to: "Produktion") == .production)
        #expect(PowerOfficeEnvironment.closest(to: "dmeo") == .demo)
        #expect(PowerOfficeEnvironment.closest(to: "staging") == nil)
        #expect(PowerOfficeEnvironment.closest(to: "p") == nil)
    }
}
