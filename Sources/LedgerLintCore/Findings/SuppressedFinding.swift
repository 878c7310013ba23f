/// A finding hidden by a suppression entry, with the entry's reason.
public struct SuppressedFinding: Sendable, Hashable, Codable {
    public var finding: Finding
    /// Why the finding is accepted, as the suppression entry says.
    public var reason: String
    /// The last day (`yyyy-MM-dd`) the suppression applies, if it has one.
    public var expires: String?

    public init(finding: Finding, reason: String, expires: String? = nil) {
        self.finding = finding
        self.reason = reason
        self.expires = expires
    }
}
