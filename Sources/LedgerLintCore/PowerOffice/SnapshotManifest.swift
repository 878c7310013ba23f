import Foundation

/// `manifest.json` at the top of a fetched snapshot: where and when the PowerOffice data was read, and how much.
///
/// `client`, `fetchedAt` and `environment` are the fields `SnapshotMetadata` reads for report headers. Holds no
/// key and no token. Written last, so a snapshot whose manifest lists a fetch holds that fetch's files.
public struct SnapshotManifest: Sendable, Hashable, Codable {
    public var tool: String
    public var toolVersion: String
    /// `production` or `demo`.
    public var environment: PowerOfficeEnvironment
    /// The PowerOffice client's name (`ClientIntegrationInformation.ClientName`).
    public var client: String?
    public var clientId: String?
    /// When PowerOffice was read: ISO 8601, UTC.
    public var fetchedAt: String
    /// Rows per file, keyed by resource name (`Customers`).
    public var counts: [String: Int]

    public init(_ fetched: FetchedResources) {
        tool = Tool.name
        toolVersion = Tool.version
        environment = fetched.environment
        client = fetched.integration.ClientName
        clientId = fetched.integration.ClientId
        fetchedAt = fetched.fetchedAtText
        counts = Dictionary(uniqueKeysWithValues: fetched.counts.map { ($0.key.rawValue, $0.value) })
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
