import LedgerLintText

/// How far a fix can be trusted without a person (Ruff's safe and unsafe fixes, with a third kind for what only a
/// person can do).
public enum FixApplicability: String, Sendable, Hashable, Codable, CaseIterable {
    /// Mechanical and reversible: creating a product, setting its sales account.
    case safe
    /// A choice a person should confirm: a new customer number, restoring an archived product.
    case review
    /// Only a person can do it; the description says the steps.
    case manual
}

/// One change that fixes one finding, in the system where it is made.
public struct Fix: Sendable, Hashable {
    /// What to change, with the values a file or an import needs.
    public enum Change: Sendable, Hashable {
        /// `POST /Products`: a product `A-<n>` for an Assist product group.
        case createProduct(code: String, name: String, salesAccount: Int64?)
        /// `PATCH /Products/{id}`: the product's standard sales account set to the group's.
        case updateProduct(code: String, id: Int64, salesAccount: Int64)
        /// `PATCH /Products/{id}`: an archived product restored.
        case unarchiveProduct(code: String, id: Int64)
        /// The Assist customer at `location` gets number `to` (`from` as written, `nil` when it has none).
        case renumberCustomer(from: String?, name: String?, to: Int64, location: SourceLocation?)
        /// Steps for a person.
        case manual
    }

    /// The finding's rule and key.
    public var rule: String
    public var key: String
    /// Where the change is made.
    public var system: System
    public var change: Change
    /// One sentence (or a few) in the plan's language: what to do, and where.
    public var description: String

    public init(rule: String, key: String, system: System, change: Change, description: String) {
        self.rule = rule
        self.key = key
        self.system = system
        self.change = change
        self.description = description
    }

    public var applicability: FixApplicability {
        switch change {
        case .createProduct, .updateProduct: .safe
        case .unarchiveProduct, .renumberCustomer: .review
        case .manual: .manual
        }
    }

    /// The action's name in `plan.json`.
    public var action: String {
        switch change {
        case .createProduct: "create-product"
        case .updateProduct: "update-product"
        case .unarchiveProduct: "unarchive-product"
        case .renumberCustomer: "renumber-customer"
        case .manual: "manual"
        }
    }
}
