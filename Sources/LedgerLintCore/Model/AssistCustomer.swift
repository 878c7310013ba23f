/// A customer as Assist exports it.
///
/// Values are kept as the export wrote them (trimmed), because the rules judge them: a customer number that is
/// not a whole number is a finding, not an input error.
public struct AssistCustomer: Sendable, Hashable, Codable {
    public var customerNumber: String?
    public var name: String?
    public var organizationNumber: String?
    public var email: String?
    public var sendMethod: SendMethod
    /// Whether Assist exports this customer to PowerOffice; only exported customers are checked.
    public var export: Bool
    public var location: SourceLocation?

    public init(
        customerNumber: String?, name: String?, organizationNumber: String? = nil, email: String? = nil,
        sendMethod: SendMethod = .email, export: Bool = true, location: SourceLocation? = nil
    ) {
        self.customerNumber = customerNumber
        self.name = name
        self.organizationNumber = organizationNumber
        self.email = email
        self.sendMethod = sendMethod
        self.export = export
        self.location = location
    }
}
