import Foundation
import LedgerLintText

/// One rule of the rule set, as written in a `rules/*.json` file.
///
/// A rule iterates over the records of one `subject`, keeps those that pass every `where` condition, optionally
/// joins each to records of another subject, and runs one generic `check`. Each record that fails the check is a
/// finding, identified by the rendered `key` template and described by the `message` and `hint` templates.
/// The format is documented in `docs/rule-format.md` and validated by `rules/rule.schema.json`.
public struct Rule: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedText
    public var severity: Severity
    public var subject: Subject
    public var joins: [Join]?
    public var `where`: [Condition]?
    public var check: Check
    /// Template for the finding's key, the subject's identity in every output (`{customerNumber}`, `A-{number}`).
    public var key: String
    public var message: LocalizedText
    public var hint: LocalizedText
    public var description: LocalizedText
    public var rationale: LocalizedText
    public var examples: Examples

    /// Records of another subject matched to each record by rendered key templates.
    ///
    /// `key` is rendered on the rule's record and `on` on every record of `subject`; records whose renderings are
    /// equal are joined. The joined record's fields are then available as `<name>.<Field>` in conditions, checks
    /// and templates.
    public struct Join: Sendable, Hashable, Codable {
        public var name: String
        public var subject: Subject
        public var key: String
        public var on: String
        public var `where`: [Condition]?
    }

    /// The rule's passing and failing examples: documentation, and tests run by one generic test.
    public struct Examples: Sendable, Hashable, Codable {
        public var pass: [Example]
        public var fail: [Example]
    }

    /// A tiny snapshot and the keys the rule must find in it (none for a passing example).
    public struct Example: Sendable, Hashable, Codable {
        /// What the example shows, in both languages (`explain` and the catalogue show it).
        public var name: LocalizedText
        public var data: ExampleData
        /// Keys of the findings this example must produce, in any order. Empty or absent for passing examples.
        public var expect: [String]?
    }
}

/// A condition on one field, used in a rule's `where` and in joins.
///
/// Exactly one of the tests is given. A field that is absent (`null`, or an empty string) is not present.
public struct Condition: Sendable, Hashable, Codable {
    public var field: String
    public var present: Bool?
    public var equals: FieldValue?
    public var notEquals: FieldValue?
    public var oneOf: [FieldValue]?
    public var matches: String?
    /// `true`: the field holds a whole number.
    public var integer: Bool?
}

/// The generic check a rule runs. `kind` says which of the other properties apply (see `docs/rule-format.md`).
public struct Check: Sendable, Hashable, Codable {
    public var kind: CheckKind
    public var field: String?
    /// A field: for `equals` the one to compare with, for `unique` the one listed in `{list}`. One key in the file
    /// for two options; each kind reads it as its own (`EqualsCheck.comparand`, `UniqueCheck.list`).
    public var other: String?
    /// `equals`: a constant to compare with.
    public var value: FieldValue?
    /// `one-of`: the allowed values.
    public var values: [FieldValue]?
    /// `in-ranges`: inclusive ranges, `[[10000, 19999]]`.
    public var ranges: [[Int64]]?
    /// `in-ranges`: take the ranges from the model instead (`customerNumberSeries`).
    public var rangesFrom: RangeSource?
    /// `pattern`: a regular expression the whole value must match.
    public var pattern: String?
    /// `exists-in`: the join that must have found a record.
    public var join: String?
    /// `equals`, `unique`: how values are normalised before comparing.
    public var normalize: Normalization?
    /// `email`: characters that separate several addresses in one field.
    public var separators: String?
}

/// The check kinds the engine implements, each in `Rules/Checks/` (`CheckKind.implementation`). A new rule should
/// almost never need a new one.
public enum CheckKind: String, Sendable, Hashable, NamedCases {
    case required
    case integer
    case inRanges = "in-ranges"
    case unique
    case existsIn = "exists-in"
    case equals
    case oneOf = "one-of"
    case pattern
    case email
    case organizationNumber = "organization-number"
}

/// Ranges the model derives, for `in-ranges` checks.
public enum RangeSource: String, Sendable, Hashable, NamedCases {
    /// PowerOffice's number series of type Customer; 10000–19999 when the snapshot has none.
    case customerNumberSeries
}

/// How values are made comparable.
public enum Normalization: String, Sendable, Hashable, NamedCases {
    /// Compare as written (after trimming).
    case none
    /// Keep digits only: `987 654 321` equals `987654321`.
    case digits
    /// Ignore letter case.
    case caseInsensitive = "case-insensitive"
}
