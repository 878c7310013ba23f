/// Which system a finding's subject lives in.
public enum System: String, Sendable, Hashable, Codable, CaseIterable {
    case assist
    case poweroffice
}

/// The kind of thing a finding is about.
public enum Entity: String, Sendable, Hashable, Codable, CaseIterable {
    case customer
    case productGroup
    case product
    case account
}

/// Where in the input an entity came from, when the reader knows it.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// Path of the file, relative to the snapshot folder (for example `assist/customers.csv`).
    public var file: String
    /// 1-based line, where the format has lines worth naming (CSV rows).
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }
}

/// One problem in the data, found by one rule about one subject.
///
/// `rule`, `system`, `entity` and `key` identify a finding across runs (baselines, suppressions, fingerprints);
/// `message` and `hint` are rendered in the language the run asked for and may change between versions.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var message: String
    public var hint: String
    public var system: System
    public var entity: Entity
    public var key: String
    public var location: SourceLocation?

    public init(
        rule: String, severity: Severity, message: String, hint: String,
        system: System, entity: Entity, key: String, location: SourceLocation? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.hint = hint
        self.system = system
        self.entity = entity
        self.key = key
        self.location = location
    }
}

extension Finding {
    /// The order every report uses: most severe first, then by rule id, then by key (numbers in keys compare
    /// as numbers, so `A-2` comes before `A-10`).
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        let byKey = lhs.key.compare(rhs.key, options: [.numeric])
        if byKey != .orderedSame { return byKey == .orderedAscending }
        return (lhs.location?.line ?? 0) < (rhs.location?.line ?? 0)
    }
}

import Foundation
