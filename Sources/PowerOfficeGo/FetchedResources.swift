import Foundation
import LedgerLintJSON
import LedgerLintText

/// Everything one `PowerOfficeClient.fetchAll` read: each list as the JSON array PowerOffice returned (pages
/// joined), its row count, and which client the keys opened.
///
/// Kept as JSON rather than decoded so that a snapshot stores exactly what the API said; the core's
/// `PowerOfficeData(_:keeping:)` decodes it the same way the snapshot reader decodes the files.
public struct FetchedResources: Sendable, Hashable {
    public var environment: PowerOfficeEnvironment
    public var fetchedAt: Date
    public var integration: ClientIntegrationInformation
    /// A bare JSON array per resource; every resource in `PowerOfficeResource.allCases` is present, except those
    /// written to a snapshot's staging folder as they were read (`PowerOfficeClient.fetchAll(writingTo:)`).
    public var json: [PowerOfficeResource: Data]
    public var counts: [PowerOfficeResource: Int]

    public init(
        environment: PowerOfficeEnvironment, fetchedAt: Date, integration: ClientIntegrationInformation,
        json: [PowerOfficeResource: Data], counts: [PowerOfficeResource: Int]
    ) {
        self.environment = environment
        self.fetchedAt = fetchedAt
        self.integration = integration
        self.json = json
        self.counts = counts
    }
}
