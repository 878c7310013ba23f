import LedgerLintJSON
import LedgerLintText

/// `GET /ClientIntegrationInformation`: which PowerOffice client the keys open, and what the integration may read.
///
/// The endpoint needs no privilege, so it still answers when a resource is refused with 403; its `InvalidPrivileges`
/// is how a 403 gets explained.
public struct ClientIntegrationInformation: Sendable, Hashable, Codable {
    public var ClientId: String?
    public var ClientName: String?
    public var ActiveClientSubscriptions: [String]?
    public var ValidPrivileges: [String]?
    public var InvalidPrivileges: [String]?

    public init(
        ClientId: String? = nil, ClientName: String? = nil, ActiveClientSubscriptions: [String]? = nil,
        ValidPrivileges: [String]? = nil, InvalidPrivileges: [String]? = nil
    ) {
        self.ClientId = ClientId
        self.ClientName = ClientName
        self.ActiveClientSubscriptions = ActiveClientSubscriptions
        self.ValidPrivileges = ValidPrivileges
        self.InvalidPrivileges = InvalidPrivileges
    }
}
