import Foundation
import LedgerLintJSON
import PowerOfficeGo

/// `manifest.json` at the top of a fetched snapshot: where and when the PowerOffice data was read, and how much.
///
/// One type for both directions: `ledgerlint fetch` writes it (`init(_:)`, `encoded()`), and reports read it back
/// (`read(from:)`) for their headers (`client`, `fetchedAt`, `environment`), as does `check --live` from what it
/// fetched. Holds no key and no token. Written last, so a snapshot whose manifest lists a fetch holds that fetch's
/// files.
///
/// Every field is optional because the manifest is read leniently: it only labels reports, so a field that is
/// missing or of the wrong type reads as absent, unknown fields are ignored, and a manifest from an older or newer
/// ledgerlint never stops a check. What `fetch` writes always has `tool`, `toolVersion`, `environment`,
/// `fetchedAt` and `counts`.
public struct SnapshotManifest: Sendable, Hashable, Codable {
    public var tool: String?
    public var toolVersion: String?
    /// `production` or `demo` when ledgerlint wrote it; kept as written, so a report shows what the file says.
    public var environment: String?
    /// The PowerOffice client's name (`ClientIntegrationInformation.ClientName`).
    public var client: String?
    public var clientId: String?
    /// When PowerOffice was read: ISO 8601, UTC.
    public var fetchedAt: String?
    /// Rows per file, keyed by resource name (`Customers`).
    public var counts: [String: Int]?

    /// The three fields reports show come first: they are all a report header needs.
    public init(
        client: String? = nil, fetchedAt: String? = nil, environment: String? = nil, tool: String? = nil,
        toolVersion: String? = nil, clientId: String? = nil, counts: [String: Int]? = nil
    ) {
        self.tool = tool
        self.toolVersion = toolVersion
        self.environment = environment
        self.client = client
        self.clientId = clientId
        self.fetchedAt = fetchedAt
        self.counts = counts
    }

    /// The manifest of a fetch.
    public init(_ fetched: FetchedResources) {
        self.init(
            client: fetched.integration.ClientName, fetchedAt: fetched.fetchedAtText,
            environment: fetched.environment.rawValue, tool: Tool.name, toolVersion: Tool.version,
            clientId: fetched.integration.ClientId,
            counts: Dictionary(uniqueKeysWithValues: fetched.counts.map { ($0.key.rawValue, $0.value) }))
    }

    /// Each field on its own, so that one of the wrong type leaves the others readable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tool = try? container.decodeIfPresent(String.self, forKey: .tool)
        toolVersion = try? container.decodeIfPresent(String.self, forKey: .toolVersion)
        environment = try? container.decodeIfPresent(String.self, forKey: .environment)
        client = try? container.decodeIfPresent(String.self, forKey: .client)
        clientId = try? container.decodeIfPresent(String.self, forKey: .clientId)
        fetchedAt = try? container.decodeIfPresent(String.self, forKey: .fetchedAt)
        counts = try? container.decodeIfPresent([String: Int].self, forKey: .counts)
    }

    /// The bytes of `manifest.json`: a `JSONOutput` document (sorted keys, a final newline), so that two fetches of
    /// the same data differ only in `fetchedAt`.
    public func encoded() throws -> Data {
        try JSONOutput.document(self)
    }

    /// Reads `manifest.json` in a snapshot folder, leniently: a missing manifest, or one that is not a JSON
    /// object, gives `nil`, never an error.
    public static func read(from snapshot: URL) -> SnapshotManifest? {
        let url = snapshot.appendingPathComponent(SnapshotLayout.manifest)
        guard let data = try? InputFile.read(url.path) else { return nil }
        return try? JSONDecoder().decode(SnapshotManifest.self, from: data)
    }
}

extension FetchedResources {
    /// `fetchedAt` as ISO 8601 in UTC, as the manifest and report headers show it.
    public var fetchedAtText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: fetchedAt)
    }
}
