/// A finding's identity across runs: never its message text, which changes with language and version.
public struct BaselineEntry: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var system: System
    public var entity: Entity
    public var key: String

    public init(rule: String, system: System, entity: Entity, key: String) {
        self.rule = rule
        self.system = system
        self.entity = entity
        self.key = key
    }

    public init(_ finding: Finding) {
        self.init(rule: finding.rule, system: finding.system, entity: finding.entity, key: finding.key)
    }

    public static func < (lhs: BaselineEntry, rhs: BaselineEntry) -> Bool {
        (lhs.rule, lhs.system.rawValue, lhs.entity.rawValue, lhs.key) < (rhs.rule, rhs.system.rawValue, rhs.entity.rawValue, rhs.key)
    }
}
