import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

@Suite("PowerOfficeCredentials")
struct PowerOfficeCredentialsTests {
    @Test("missing environment variables are all named, values never")
    func missingVariables() throws {
        #expect(
            throws: PowerOfficeError.missingKeys(variables: [
                "POWEROFFICE_APPLICATION_KEY", "POWEROFFICE_CLIENT_KEY", "POWEROFFICE_SUBSCRIPTION_KEY",
            ])
        ) { try PowerOfficeCredentials.fromEnvironment([:]) }
        #expect(throws: PowerOfficeError.missingKeys(variables: ["POWEROFFICE_CLIENT_KEY"])) {
            try PowerOfficeCredentials.fromEnvironment([
                "POWEROFFICE_APPLICATION_KEY": testKeys.applicationKey, "POWEROFFICE_CLIENT_KEY": "  \n",
                "POWEROFFICE_SUBSCRIPTION_KEY": testKeys.subscriptionKey,
            ])
        }
        let message = PowerOfficeError.missingKeys(variables: ["POWEROFFICE_CLIENT_KEY"]).localizedDescription
        #expect(message.contains("POWEROFFICE_CLIENT_KEY") && message.contains("--credentials"))
    }

    @Test("keys from the environment are trimmed")
    func environmentKeys() throws {
        let credentials = try PowerOfficeCredentials.fromEnvironment([
            "POWEROFFICE_APPLICATION_KEY": " \(testKeys.applicationKey)\n",
            "POWEROFFICE_CLIENT_KEY": testKeys.clientKey,
            "POWEROFFICE_SUBSCRIPTION_KEY": testKeys.subscriptionKey,
        ])
        #expect(credentials == testCredentials)
    }

    @Test("for a run over many clients, the client key is neither needed nor read, and each client's is given later")
    func withoutClientKey() throws {
        #expect(
            throws: PowerOfficeError.missingKeys(variables: ["POWEROFFICE_APPLICATION_KEY", "POWEROFFICE_SUBSCRIPTION_KEY"])
        ) { try PowerOfficeCredentials.fromEnvironment([:], includingClientKey: false) }
        let integration = try PowerOfficeCredentials.fromEnvironment(
            ["POWEROFFICE_APPLICATION_KEY": testKeys.applicationKey, "POWEROFFICE_SUBSCRIPTION_KEY": testKeys.subscriptionKey],
            includingClientKey: false)
        #expect(integration.withClientKey(testKeys.clientKey) == testCredentials)
        #expect(integration.clientKey.isEmpty)

        let file = try writeKeyFile(
            mode: 0o600,
            contents: #"{"applicationKey": "\#(testKeys.applicationKey)", "subscriptionKey": "\#(testKeys.subscriptionKey)"}"#)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try PowerOfficeCredentials.load(keyFile: file.path, includingClientKey: false)
        #expect(fromFile.withClientKey(testKeys.clientKey) == testCredentials)
        #expect(throws: PowerOfficeError.self) { try PowerOfficeCredentials.load(keyFile: file.path) }

        let clientKey = "CLIENTKEY-given-later-1"
        _ = integration.withClientKey(clientKey)
        #expect(RunSecrets.shared.contains(clientKey), "a client's key is blanked from the moment it is given")
    }

    @Test("description, debugDescription, dump and reflection show no key")
    func nothingRevealed() {
        var dumped = ""
        dump(testCredentials, to: &dumped)
        let texts = [
            testCredentials.description, testCredentials.debugDescription, String(describing: testCredentials),
            String(reflecting: testCredentials), "\(testCredentials)", dumped,
            String(describing: Mirror(reflecting: testCredentials).children.map { $0.value }),
        ]
        for text in texts {
            for secret in secretForms { #expect(!text.contains(secret)) }
        }
    }

    @Test("a private key file (0600) is read")
    func keyFile() throws {
        let file = try writeKeyFile(mode: 0o600)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try PowerOfficeCredentials.load(keyFile: file.path) == testCredentials)
    }

    @Test("a key file group or others can read is refused", arguments: [0o644, 0o640, 0o604, 0o660, 0o601])
    func keyFileTooOpen(mode: Int) throws {
        let file = try writeKeyFile(mode: mode)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: PowerOfficeError.keyFileTooOpen(path: file.path, mode: mode)) {
            try PowerOfficeCredentials.load(keyFile: file.path)
        }
        let message = PowerOfficeError.keyFileTooOpen(path: file.path, mode: mode).localizedDescription
        #expect(message.contains("chmod 600 \(file.path)"))
        #expect(message.contains(String(mode, radix: 8)))
    }

    @Test("a broken key file is reported without quoting it")
    func keyFileMalformed() throws {
        let broken = try writeKeyFile(mode: 0o600, contents: #"{"applicationKey": "\#(testKeys.applicationKey)", "#)
        let incomplete = try writeKeyFile(mode: 0o600, contents: #"{"applicationKey": "\#(testKeys.applicationKey)"}"#)
        defer {
            try? FileManager.default.removeItem(at: broken)
            try? FileManager.default.removeItem(at: incomplete)
        }
        let brokenError = #expect(throws: PowerOfficeError.self) {
            try PowerOfficeCredentials.load(keyFile: broken.path)
        }
        #expect(brokenError?.english == .keyFileMalformed(path: broken.path, reason: "not a JSON object"))
        let incompleteError = #expect(throws: PowerOfficeError.self) { try PowerOfficeCredentials.load(keyFile: incomplete.path) }
        #expect(
            incompleteError?.english
                == .keyFileMalformed(path: incomplete.path, reason: "missing or empty 'clientKey', 'subscriptionKey'"))
        for error in [brokenError] {
            #expect(!(error?.localizedDescription.contains(testKeys.applicationKey) ?? true))
        }
    }

    @Test("a missing key file is named")
    func keyFileMissing() {
        let error = #expect(throws: PowerOfficeError.self) { try PowerOfficeCredentials.load(keyFile: "/nonexistent/keys.json") }
        #expect(
            error?.english
                == .keyFileUnreadable(path: "/nonexistent/keys.json", reason: "no such file, or it cannot be opened"))
    }

    @Test("keys are registered for redaction as soon as they are made, the Basic credentials too")
    func registeredForRedaction() {
        let credentials = PowerOfficeCredentials(
            applicationKey: "APPKEY-registered-1", clientKey: "CLIENTKEY-registered-1", subscriptionKey: "short")
        let basic = Data("APPKEY-registered-1:CLIENTKEY-registered-1".utf8).base64EncodedString()
        let text = "echo: APPKEY-registered-1 | CLIENTKEY-registered-1 | \(basic) | short"
        #expect(RunSecrets.shared.redact(text) == "echo: ••• | ••• | ••• | short")
        #expect(credentials.description == "PowerOfficeCredentials(keys hidden)")
    }

    private func writeKeyFile(mode: Int, contents: String? = nil) throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("po-keys-\(UUID().uuidString).json")
        let json =
            contents ?? """
                {"applicationKey": "\(testKeys.applicationKey)", "clientKey": "\(testKeys.clientKey)",
                 "subscriptionKey": "\(testKeys.subscriptionKey)"}
                """
        try Data(json.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file
    }
}
