import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

@Suite("PowerOfficeConfiguration.resolve")
struct PowerOfficeConfigurationTests {
    let keys = [
        "POWEROFFICE_APPLICATION_KEY": testKeys.applicationKey, "POWEROFFICE_CLIENT_KEY": testKeys.clientKey,
        "POWEROFFICE_SUBSCRIPTION_KEY": testKeys.subscriptionKey,
    ]

    @Test("production by default, with PowerOffice's URLs and page size")
    func defaults() throws {
        let configuration = try PowerOfficeConfiguration.resolve(processEnvironment: keys)
        #expect(configuration.environment == .production)
        #expect(configuration.apiURL.absoluteString == "https://goapi.poweroffice.net/v2")
        #expect(configuration.tokenURL.absoluteString == "https://goapi.poweroffice.net/OAuth/Token")
        #expect(configuration.pageSize == 5000)
        #expect(configuration.rateLimit == .powerOffice)
        #expect(configuration.credentials == testCredentials)
    }

    @Test("--environment beats POWEROFFICE_ENVIRONMENT; demo has its own URLs")
    func environmentChoice() throws {
        let fromVariable = try PowerOfficeConfiguration.resolve(
            processEnvironment: keys.merging(["POWEROFFICE_ENVIRONMENT": "demo"]) { $1 })
        #expect(fromVariable.environment == .demo)
        #expect(fromVariable.apiURL.absoluteString == "https://goapi.poweroffice.net/Demo/v2")
        #expect(fromVariable.tokenURL.absoluteString == "https://goapi.poweroffice.net/Demo/OAuth/Token")
        let fromOption = try PowerOfficeConfiguration.resolve(
            environmentOption: "Production",
            processEnvironment: keys.merging(["POWEROFFICE_ENVIRONMENT": "demo"]) { $1 })
        #expect(fromOption.environment == .production)
    }

    @Test("an unknown environment names where it came from")
    func unknownEnvironment() {
        #expect(throws: PowerOfficeError.unknownEnvironment(value: "test", source: "--environment")) {
            try PowerOfficeConfiguration.resolve(environmentOption: "test", processEnvironment: keys)
        }
        #expect(throws: PowerOfficeError.unknownEnvironment(value: "prod", source: "POWEROFFICE_ENVIRONMENT")) {
            try PowerOfficeConfiguration.resolve(
                processEnvironment: keys.merging(["POWEROFFICE_ENVIRONMENT": "prod"]) { $1 })
        }
    }

    @Test("POWEROFFICE_API_URL and POWEROFFICE_TOKEN_URL override both URLs")
    func urlOverrides() throws {
        let configuration = try PowerOfficeConfiguration.resolve(
            environmentOption: "demo",
            processEnvironment: keys.merging([
                "POWEROFFICE_API_URL": "http://127.0.0.1:8080/v2",
                "POWEROFFICE_TOKEN_URL": "http://127.0.0.1:8080/OAuth/Token",
            ]) { $1 })
        #expect(configuration.environment == .demo)
        #expect(configuration.apiURL.absoluteString == "http://127.0.0.1:8080/v2")
        #expect(configuration.tokenURL.absoluteString == "http://127.0.0.1:8080/OAuth/Token")
        #expect(throws: PowerOfficeError.invalidURL(variable: "POWEROFFICE_API_URL", value: "goapi.poweroffice.net")) {
            try PowerOfficeConfiguration.resolve(
                processEnvironment: keys.merging(["POWEROFFICE_API_URL": "goapi.poweroffice.net"]) { $1 })
        }
    }

    @Test("page size must be 1 to 20000", arguments: [0, -5, 20001])
    func pageSizeRange(pageSize: Int) {
        #expect(throws: PowerOfficeError.invalidPageSize(value: pageSize)) {
            try PowerOfficeConfiguration.resolve(pageSize: pageSize, processEnvironment: keys)
        }
    }

    @Test("pages in flight must be 1 to 10; 4 unless asked", arguments: [0, -1, 11])
    func pagesInFlightRange(pagesInFlight: Int) throws {
        #expect(throws: PowerOfficeError.invalidPagesInFlight(value: pagesInFlight)) {
            try PowerOfficeConfiguration.resolve(pagesInFlight: pagesInFlight, processEnvironment: keys)
        }
        #expect(try PowerOfficeConfiguration.resolve(processEnvironment: keys).pagesInFlight == 4)
        #expect(try PowerOfficeConfiguration.resolve(pagesInFlight: 10, processEnvironment: keys).pagesInFlight == 10)
        var configuration = try PowerOfficeConfiguration.resolve(processEnvironment: keys)
        configuration.pagesInFlight = pagesInFlight
        #expect(configuration.pagesInFlight == (pagesInFlight < 1 ? 1 : 10))
    }

    @Test("a key file given with --credentials wins over the environment")
    func keyFileWins() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("po-keys-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"applicationKey": "a", "clientKey": "c", "subscriptionKey": "s"}"#.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let configuration = try PowerOfficeConfiguration.resolve(credentialsFile: file.path, processEnvironment: keys)
        #expect(
            configuration.credentials
                == PowerOfficeCredentials(applicationKey: "a", clientKey: "c", subscriptionKey: "s"))
    }

    @Test("timeouts below a second are raised to one (URLSession on Linux counts whole seconds)")
    func timeoutFloor() throws {
        var configuration = try PowerOfficeConfiguration.resolve(processEnvironment: keys)
        configuration.requestTimeout = 0.2
        #expect(configuration.requestTimeout == 1)
    }
}
