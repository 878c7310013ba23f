import Foundation
import LedgerLintText
import LedgerLintJSON
import PowerOfficeGo

extension PowerOfficeData {
    /// The lists of a fetch as model values, read exactly as `SnapshotReader` reads a snapshot's files: the same
    /// scanner, the same errors, and only the customer fields `fields` keeps (`check --live` keeps what its rules
    /// read, as `check` does).
    ///
    /// - Throws: `PowerOfficeError.malformedResponse` naming the resource and the JSON path (`[3].Number`) of a
    ///   value that does not fit its field, or a list that was written to a snapshot instead of kept.
    public init(_ fetched: FetchedResources, keeping fields: FieldSelection = .all) throws {
        func read<Record: PowerOfficeRecord>(
            _ resource: PowerOfficeResource, as type: Record.Type, keeping fields: FieldSelection = .all
        ) throws -> Record.Store {
            do {
                return try fetched.kept(resource).withUnsafeBytes {
                    try PowerOfficeSnapshotReader.scan(type, bytes: $0, file: resource.path, keeping: fields)
                }
            } catch {
                throw PowerOfficeError.malformedResponse(
                    resource: resource.path, page: nil, reason: LocalizedText(describing: error))
            }
        }
        self.init(
            customers: try read(.customers, as: PowerOfficeCustomer.self, keeping: fields),
            products: try read(.products, as: PowerOfficeProduct.self),
            productGroups: try read(.productGroups, as: PowerOfficeProductGroup.self),
            accounts: try read(.generalLedgerAccounts, as: PowerOfficeAccount.self),
            numberSeries: try read(.subLedgerNumberSeries, as: PowerOfficeNumberSeries.self))
    }
}

extension FetchedResources {
    /// All of the fetched lists as model values: `PowerOfficeData(self)`.
    public func powerOfficeData() throws -> PowerOfficeData {
        try PowerOfficeData(self)
    }

    /// The JSON of a list kept in memory.
    fileprivate func kept(_ resource: PowerOfficeResource) throws -> Data {
        guard let data = json[resource] else {
            throw PowerOfficeError.malformedResponse(
                resource: resource.path, page: nil, reason: LocalizedText(
                    en: "the list was written to a snapshot, not kept to be checked",
                    nb: "listen ble skrevet til et uttrekk, ikke beholdt for kontroll"))
        }
        return data
    }
}
