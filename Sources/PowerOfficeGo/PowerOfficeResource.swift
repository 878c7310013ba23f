import LedgerLintJSON
import LedgerLintText

/// The list endpoints `PowerOfficeClient.fetchAll` reads (a snapshot stores each in a file: `SnapshotLayout`).
///
/// `ClientIntegrationInformation` is not here: it is a single object that goes into the manifest, not a list.
public enum PowerOfficeResource: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case customers = "Customers"
    case products = "Products"
    case productGroups = "ProductGroups"
    case generalLedgerAccounts = "GeneralLedgerAccounts"
    case subLedgerNumberSeries = "SubLedgerNumberSeries"

    /// The path below the API base URL, which is also the name PowerOffice and its documentation use.
    public var path: String { rawValue }

    /// The privilege PowerOffice requires for the endpoint (the spec's "Auth roles"); named in 403 explanations.
    public var privilege: String {
        switch self {
        case .customers: return "Customer"
        case .products, .productGroups: return "Product"
        case .generalLedgerAccounts: return "GeneralLedgerAccount"
        case .subLedgerNumberSeries: return "CommonServices"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
