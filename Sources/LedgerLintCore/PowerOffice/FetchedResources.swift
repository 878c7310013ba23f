import Foundation

/// Everything one `PowerOfficeClient.fetchAll` read: each list as the JSON array PowerOffice returned (pages
/// joined), its row count, and which client the keys opened.
///
/// Kept as JSON rather than decoded so that a snapshot stores exactly what the API said; `powerOfficeData()`
/// decodes it the same way the snapshot reader decodes the files.
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

    /// The fetched lists as model values, decoded exactly as `PowerOfficeSnapshotReader` decodes snapshot files.
    ///
    /// - Throws: `PowerOfficeError.malformedResponse` naming the resource and the JSON path (`[3].Number`) of a
    ///   value that does not fit its field.
    /// The JSON of a list kept in memory.
    private func kept(_ resource: PowerOfficeResource) throws -> Data {
        guard let data = json[resource] else {
            throw PowerOfficeError.malformedResponse(
                resource: resource.path, page: nil, reason: LocalizedText(
                    en: "the list was written to a snapshot, not kept to be checked",
                    nb: "listen ble skrevet til et uttrekk, ikke beholdt for kontroll"))
        }
        return data
    }

    public func powerOfficeData() throws -> PowerOfficeData {
        func decode<Record: Decodable>(_ resource: PowerOfficeResource, as type: Record.Type) throws -> [Record] {
            do {
                return try PowerOfficeSnapshotReader.records(
                    of: type, json: try kept(resource), file: resource.path)
            } catch {
                throw PowerOfficeError.malformedResponse(
                    resource: resource.path, page: nil, reason: LocalizedText(describing: error))
            }
        }
        return PowerOfficeData(
            customers: RecordTable(try decode(.customers, as: PowerOfficeCustomer.self)),
            products: try decode(.products, as: PowerOfficeProduct.self),
            productGroups: try decode(.productGroups, as: PowerOfficeProductGroup.self),
            accounts: try decode(.generalLedgerAccounts, as: PowerOfficeAccount.self),
            numberSeries: try decode(.subLedgerNumberSeries, as: PowerOfficeNumberSeries.self))
    }
}
