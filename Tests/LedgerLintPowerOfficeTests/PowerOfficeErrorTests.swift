import LedgerLintCore
import Testing

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
            (.unauthorized(resource: "Customers"), ["Customers", "401", "Aktiv"]),
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
            (.snapshotWriteFailed(path: "snap", reason: "disk full"), ["snap", "disk full", "nothing was replaced"]),
        ] as [(PowerOfficeError, [String])])
    func messages(error: PowerOfficeError, fragments: [String]) {
        let message = error.localizedDescription
        for fragment in fragments {
            #expect(message.contains(fragment), "\(message)")
        }
    }
}
