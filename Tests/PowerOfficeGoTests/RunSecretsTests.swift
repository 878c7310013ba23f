import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

@Suite("RunSecrets: keys and tokens never leave the process")
struct RunSecretsTests {
    @Test("every registered secret is blanked, longest first, at any place in the text")
    func blanksSecrets() {
        let secrets = RunSecrets()
        secrets.register("TOKEN-abcdefgh")
        secrets.register("TOKEN-abcdefgh-longer")
        secrets.register("tiny")
        #expect(secrets.redact("TOKEN-abcdefgh-longer and TOKEN-abcdefgh.") == "••• and •••.")
        #expect(secrets.redact("xTOKEN-abcdefghTOKEN-abcdefgh") == "x••••••")
        // Shorter than 8 characters: not a secret to blank everywhere ("tiny" is a word).
        #expect(secrets.redact("a tiny text") == "a tiny text")
        #expect(!secrets.contains("tiny"))
    }

    @Test("bytes are redacted as text is, and returned untouched when they hold no secret")
    func blanksBytes() {
        let secrets = RunSecrets()
        secrets.register("abc/def+ghi=")
        let clean = Data(#"[{"Id":1,"Name":"abc/def"}]"#.utf8)
        #expect(secrets.redact(clean) == clean)
        // Also the JSON-escaped form a server's encoder may write.
        let dirty = Data(#"[{"Note":"abc/def+ghi="},{"Note":"abc\/def+ghi="}]"#.utf8)
        #expect(String(decoding: secrets.redact(dirty), as: UTF8.self) == #"[{"Note":"•••"},{"Note":"•••"}]"#)
        #expect(secrets.redact(Data()) == Data())
    }

    @Test("a report written in parts: a secret across two parts is blanked; without secrets the parts stay as they are")
    func blanksParts() {
        let parts = [Data("first part, then TOKEN-ab".utf8), Data("cdefgh in the second".utf8), Data(" and more".utf8)]
        let none = RunSecrets()
        #expect(none.redact(parts: parts) == parts)
        let secrets = RunSecrets()
        secrets.register("TOKEN-abcdefgh")
        let redacted = secrets.redact(parts: parts).map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(redacted == "first part, then ••• in the second and more")
        #expect(secrets.redact(parts: [Data("TOKEN-abcdefgh".utf8)]) == [Data("•••".utf8)])
        #expect(secrets.redact(parts: []) == [])
    }

    @Test("a secret in a large page is found wherever it is, among bytes much like it")
    func largePage() {
        let secrets = RunSecrets()
        let token = "0123456789abcdef0123456789abcdef"
        secrets.register(token)
        var text = String(repeating: #"{"Id":1000123,"Number":10123,"Name":"0123456789abcdef"},"#, count: 20_000)
        text += token
        let redacted = String(decoding: secrets.redact(Data(("[" + token + text + "]").utf8)), as: UTF8.self)
        #expect(!redacted.contains(token))
        #expect(redacted.hasPrefix("[•••{") && redacted.hasSuffix("},•••]"))
    }

    @Test("an error body is redacted before it is cut short: a key across the cut is not shown in part")
    func redactedBeforeCut() async throws {
        let server = try makeServer()
        // The subscription key from byte 286 of a 503 page, as a gateway in front of PowerOffice sent it.
        let head = "<html><head><title>503 Service Unavailable</title></head><body>"
        let filler = String(repeating: "x", count: 286 - head.utf8.count)
        let page = head + filler + "{ocp-apim-subscription-key} was used for this request</body></html>"
        server.inject(.answer(status: 503, contentType: "text/html", body: page), path: "ClientIntegrationInformation", times: 10)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server)).clientIntegrationInformation()
        }

        let message = try #require(error?.localizedDescription)
        #expect(message.contains("503"))
        for length in RunSecrets.minimumLength...testKeys.subscriptionKey.count {
            #expect(!message.contains(testKeys.subscriptionKey.prefix(length)), "\(message)")
        }
    }

    @Test("an access token a server echoes back is blanked: it is a live credential")
    func echoedToken() async throws {
        let server = try makeServer()
        server.inject(badRequest(detail: "Request had Authorization={authorization}"), path: "Products")
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        let token = try #require(requests(server, to: "/v2/Products").first?.headers["authorization"]?.dropFirst(7))
        #expect(token.count > 20)
        #expect(RunSecrets.shared.contains(String(token)))
        let message = try #require(error?.localizedDescription)
        #expect(message.contains("Request had Authorization=Bearer •••"), "\(message)")
        #expect(!message.contains(token))
        guard case .requestRejected(_, _, let detail) = error else {
            Issue.record("expected requestRejected, got \(String(describing: error))")
            return
        }
        #expect(!detail.en.contains(token) && !detail.nb.contains(token))
    }
}
