import PowerOfficeGo

/// Where each part of a snapshot folder lies, relative to the folder: the one place the snapshot's paths are written.
///
/// The reader, the writer, the staging folder, findings' file references and the check's "do not write over an
/// input" test all take their paths from here. The PowerOffice client knows resources (`Customers`), not files; the
/// file a resource is stored in is decided here. Format: `docs/snapshot-format.md`.
public enum SnapshotLayout {
    /// The Assist export's folder.
    public static let assistFolder = "assist"
    /// The folder of PowerOffice Go v2 responses, one bare JSON array per `PowerOfficeResource`.
    public static let powerOfficeFolder = "poweroffice"
    /// Where and when the PowerOffice side was fetched (`SnapshotManifest`); written last by `ledgerlint fetch`.
    public static let manifest = "manifest.json"

    public static let assistCustomersCSV = "\(assistFolder)/customers.csv"
    public static let assistCustomersJSON = "\(assistFolder)/customers.json"
    public static let assistProductGroupsCSV = "\(assistFolder)/product-groups.csv"
    public static let assistProductGroupsJSON = "\(assistFolder)/product-groups.json"

    /// The name of the file `resource` is stored in, inside `poweroffice/`: `Customers.json`.
    public static func fileName(_ resource: PowerOfficeResource) -> String { resource.path + ".json" }

    /// The file `resource` is stored in: `poweroffice/Customers.json`.
    public static func powerOffice(_ resource: PowerOfficeResource) -> String {
        "\(powerOfficeFolder)/\(fileName(resource))"
    }

    /// The file of the PowerOffice list named `name` (`Customers`), or `nil` for a name that is no list.
    public static func powerOfficeFile(named name: String) -> String? {
        PowerOfficeResource(rawValue: name).map(powerOffice)
    }

    /// The PowerOffice list that records of `entity` are read from.
    public static func resource(holding entity: Entity) -> PowerOfficeResource {
        switch entity {
        case .customer: return .customers
        case .product: return .products
        case .productGroup: return .productGroups
        case .account: return .generalLedgerAccounts
        }
    }

    /// Every file a check of the snapshot may read or looks for, whether it is there or not: what no output of
    /// the run may replace.
    public static var all: [String] {
        [assistCustomersCSV, assistCustomersJSON, assistProductGroupsCSV, assistProductGroupsJSON]
            + PowerOfficeResource.allCases.map(powerOffice) + [manifest]
    }
}
