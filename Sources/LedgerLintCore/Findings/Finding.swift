import LedgerLintText

/// Which system a finding's subject lives in.
public enum System: String, Sendable, Hashable, NamedCases {
    case assist
    case poweroffice
}

/// The kind of thing a finding is about.
public enum Entity: String, Sendable, Hashable, NamedCases {
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
    /// 1-based position of the record in a JSON export's array, where there is no line to name.
    public var record: Int?

    public init(file: String, line: Int? = nil, record: Int? = nil) {
        self.file = file
        self.line = line
        self.record = record
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
        withUnsafePointer(to: lhs) { lhs in withUnsafePointer(to: rhs) { rhs in reportOrder(lhs, rhs) } }
    }

    /// Orders findings of one rule: by key, numbers in keys as numbers, then by line.
    static func keyOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        withUnsafePointer(to: lhs) { lhs in withUnsafePointer(to: rhs) { rhs in keyOrder(lhs, rhs) } }
    }

    /// `reportOrder` of two findings where they lie, reading only the fields it compares. Handed a pair from an
    /// array (or a buffer), a function of two `Finding`s got a copy of each, retaining and releasing every text in
    /// them: for a whole report's findings (`Report` checks their order), some 10–20 ms on one core.
    static func reportOrder(_ lhs: UnsafePointer<Finding>, _ rhs: UnsafePointer<Finding>) -> Bool {
        if lhs.pointee.severity != rhs.pointee.severity { return lhs.pointee.severity > rhs.pointee.severity }
        if lhs.pointee.rule != rhs.pointee.rule { return lhs.pointee.rule < rhs.pointee.rule }
        return keyOrder(lhs, rhs)
    }

    /// `keyOrder` of two findings where they lie.
    static func keyOrder(_ lhs: UnsafePointer<Finding>, _ rhs: UnsafePointer<Finding>) -> Bool {
        switch naturalCompare(lhs.pointee.key, rhs.pointee.key) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return (lhs.pointee.location?.line ?? 0) < (rhs.pointee.location?.line ?? 0)
        }
    }

    /// Whether `findings` are in report order, each pair compared where it lies.
    static func areInReportOrder(_ findings: [Finding]) -> Bool { areOrdered(findings, by: reportOrder) }

    /// Whether `findings` (of one rule) are in key order, each pair compared where it lies.
    static func areInKeyOrder(_ findings: [Finding]) -> Bool { areOrdered(findings, by: keyOrder) }

    /// Whether no finding comes before the one before it by `order`.
    private static func areOrdered(
        _ findings: [Finding], by order: (UnsafePointer<Finding>, UnsafePointer<Finding>) -> Bool
    ) -> Bool {
        findings.withUnsafeBufferPointer { findings in
            guard let first = findings.baseAddress else { return true }
            return findings.indices.dropFirst().allSatisfy { !order(first + $0, first + $0 - 1) }
        }
    }

    /// Compares texts with runs of digits compared as numbers (`A-2` < `A-10`), everything else byte by byte.
    /// Pure Swift and locale-free: report order must not depend on the machine.
    static func naturalCompare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        var a = left.next()
        var b = right.next()
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
        while let x = a, let y = b {
            if isDigit(x) && isDigit(y) {
                // Compare the two numbers: skip leading zeros, then the longer is larger, else the first difference.
                var first: UInt8? = x
                var second: UInt8? = y
                while first == 0x30 { first = left.next() }
                while second == 0x30 { second = right.next() }
                var difference = ComparisonResult.orderedSame
                while isDigit(first) && isDigit(second) {
                    if difference == .orderedSame, let f = first, let s = second, f != s {
                        difference = f < s ? .orderedAscending : .orderedDescending
                    }
                    first = left.next()
                    second = right.next()
                }
                if isDigit(first) { return .orderedDescending }
                if isDigit(second) { return .orderedAscending }
                if difference != .orderedSame { return difference }
                a = first
                b = second
                continue
            }
            if x != y { return x < y ? .orderedAscending : .orderedDescending }
            a = left.next()
            b = right.next()
        }
        if a == nil && b == nil { return .orderedSame }
        return a == nil ? .orderedAscending : .orderedDescending
    }
}

import Foundation
