/// An Assist product group: PowerOffice needs a product `A-<number>` with the same sales account.
public struct AssistProductGroup: Sendable, Hashable, Codable {
    public var number: Int
    public var name: String?
    /// The group's sales account (salgskonto); `nil` for groups assumed because no export was given.
    public var salesAccount: Int?
    public var location: SourceLocation?

    public init(number: Int, name: String?, salesAccount: Int?, location: SourceLocation? = nil) {
        self.number = number
        self.name = name
        self.salesAccount = salesAccount
        self.location = location
    }

    /// The groups the setup guide lists, assumed when no product-group export is given.
    public static let assumed: [AssistProductGroup] = [1, 2, 3, 99].map {
        AssistProductGroup(number: $0, name: nil, salesAccount: nil)
    }
}
