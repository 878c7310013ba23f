extension CheckKind {
    /// The code of each kind: the one place a kind is tied to its implementation, so the compiler asks for a line
    /// here when a kind is added.
    var implementation: any CheckImplementation.Type {
        switch self {
        case .required: RequiredCheck.self
        case .integer: IntegerCheck.self
        case .inRanges: InRangesCheck.self
        case .unique: UniqueCheck.self
        case .existsIn: ExistsInCheck.self
        case .equals: EqualsCheck.self
        case .oneOf: OneOfCheck.self
        case .pattern: PatternCheck.self
        case .email: EmailCheck.self
        case .organizationNumber: OrganizationNumberCheck.self
        }
    }
}
