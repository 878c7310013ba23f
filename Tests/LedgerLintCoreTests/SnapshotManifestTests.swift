import Foundation
import Testing

@testable import LedgerLintCore
@testable import PowerOfficeGo

/// `manifest.json`: written by `fetch`, read back for report headers, by the one `SnapshotManifest`.
@Suite struct SnapshotManifestTests {
    static let fetched = FetchedResources(
        environment: .demo, fetchedAt: Date(timeIntervalSince1970: 1_764_581_400),
        integration: ClientIntegrationInformation(ClientId: "c-1", ClientName: "Fjordlys Regnskap AS"),
        json: [:], counts: [.customers: 2, .products: 1])

    @Test("what fetch writes: sorted keys, slashes as they are, a final newline, no key or token")
    func writtenBytes() throws {
        let text = String(decoding: try SnapshotManifest(Self.fetched).encoded(), as: UTF8.self)
        #expect(
            text == """
                {
                  "client" : "Fjordlys Regnskap AS",
                  "clientId" : "c-1",
                  "counts" : {
                    "Customers" : 2,
                    "Products" : 1
                  },
                  "environment" : "demo",
                  "fetchedAt" : "2025-12-01T09:30:00Z",
                  "tool" : "ledgerlint",
                  "toolVersion" : "\(Tool.version)"
                }

                """)
    }

    @Test("a client without a name is left out, not written as null")
    func noClientName() throws {
        var fetched = Self.fetched
        fetched.integration = ClientIntegrationInformation()
        let text = String(decoding: try SnapshotManifest(fetched).encoded(), as: UTF8.self)
        #expect(!text.contains("client"))
    }

    @Test("read back as written")
    func roundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SnapshotManifestTests-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SnapshotManifest(Self.fetched).encoded().write(to: folder.appendingPathComponent("manifest.json"))
        #expect(SnapshotManifest.read(from: folder) == SnapshotManifest(Self.fetched))
    }

    @Test(
        "read leniently: unknown keys ignored, a field of the wrong type absent, anything but an object no manifest",
        arguments: [
            (#"{"client": "A", "fetchedAt": "2025-03-14T09:30:00Z", "environment": "staging", "shards": 3}"#,
             SnapshotManifest(client: "A", fetchedAt: "2025-03-14T09:30:00Z", environment: "staging")),
            (#"{"client": 42, "environment": "demo", "counts": "many"}"#, SnapshotManifest(environment: "demo")),
            ("{}", SnapshotManifest()),
            ("[]", nil),
            ("not json", nil),
        ] as [(String, SnapshotManifest?)])
    func lenient(text: String, expected: SnapshotManifest?) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SnapshotManifestTests-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(text.utf8).write(to: folder.appendingPathComponent("manifest.json"))
        #expect(SnapshotManifest.read(from: folder) == expected)
    }

    @Test("no manifest is no manifest, not an error")
    func missing() {
        #expect(SnapshotManifest.read(from: URL(fileURLWithPath: "/nonexistent/snapshot")) == nil)
    }
}
