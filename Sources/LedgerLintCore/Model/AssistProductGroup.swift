/// An Assist product group: PowerOffice needs a product `A-<number>` with the same sales account.
public struct AssistProductGroup: DescribedRecord, Hashable, Codable {
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

    /// The fields rules may name (the dataset adds `assumed`).
    public static let fields: [RecordField<Self>] = [
        .integer("number", \.storedNumber), .text("name", \.name), .integer("salesAccount", \.storedSalesAccount),
    ]

    public init() { self.init(number: 0, name: nil, salesAccount: nil) }

    /// The number as fields hold whole numbers.
    var storedNumber: Int64? {
        get { Int64(number) }
        set { number = newValue.flatMap { Int(exactly: $0) } ?? 0 }
    }

    /// The sales account as fields hold whole numbers.
    var storedSalesAccount: Int64? {
        get { salesAccount.map(Int64.init) }
        set { salesAccount = newValue.flatMap { Int(exactly: $0) } }
    }

    /// PowerOffice's product code for group `number`: `A-<number>`, the setup guide's convention, which the rules'
    /// keys and joins follow (`A-{number}`).
    public static func productCode(_ number: Int) -> String { "A-\(number)" }

    /// The group number a product code `A-<n>` names (`a-<n>` too), or `nil` for any other code.
    public static func number(fromProductCode code: some StringProtocol) -> Int? {
        guard code.count > 2, code.prefix(2).lowercased() == "a-" else { return nil }
        let digits = code.dropFirst(2)
        return digits.allSatisfy { $0.isASCII && $0.isNumber } ? Int(digits) : nil
    }

    /// The groups the setup guide lists, assumed when no product-group export is given.
    public static let assumed: [AssistProductGroup] = [1, 2, 3, 99].map {
        AssistProductGroup(number: $0, name: nil, salesAccount: nil)
    }
}
