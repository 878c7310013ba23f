import Foundation
import LedgerLintText

/// A `where` condition with its field resolved and its test chosen.
///
/// A class, not a struct: a condition is looked at for every record, and a copy of the struct (its field's
/// accessor, words and test) retained and released each of their buffers every time.
final class CompiledCondition: Sendable {
    enum Test: Sendable {
        case present(Bool)
        case equals(ExpectedValue)
        case notEquals(ExpectedValue)
        case oneOf(LowercasedValues)
        case matches(Regex)
        case integer(Bool)
    }

    let field: FieldReference
    let test: Test

    init(_ condition: Condition, scope: FieldScope) throws(TemplateProblem) {
        field = try scope.resolve(condition.field)
        var tests: [Test] = []
        if let present = condition.present { tests.append(.present(present)) }
        if let value = condition.equals { tests.append(.equals(ExpectedValue(value))) }
        if let value = condition.notEquals { tests.append(.notEquals(ExpectedValue(value))) }
        if let values = condition.oneOf { tests.append(.oneOf(LowercasedValues(values))) }
        if let pattern = condition.matches { tests.append(.matches(try Regex(wholeMatch: pattern))) }
        if let integer = condition.integer { tests.append(.integer(integer)) }
        guard tests.count == 1, let test = tests.first else {
            throw TemplateProblem(
                reason: LocalizedText(
                    en: "a condition needs exactly one of present, equals, notEquals, oneOf, matches, integer "
                        + "(found \(tests.count))",
                    nb: "en betingelse skal ha nøyaktig én av present, equals, notEquals, oneOf, matches, integer "
                        + "(har \(tests.count))"))
        }
        self.test = test
    }

    /// Reads the field's bytes where it can (`FieldReference.withUTF8`), not its value.
    func holds(_ dataset: Dataset, _ record: RecordContext) -> Bool {
        switch test {
        case .present(let wanted): return field.isPresent(dataset, record) == wanted
        case .equals(let expected): return expected.isSame(asValueOf: field, dataset, record)
        case .notEquals(let expected): return !expected.isSame(asValueOf: field, dataset, record)
        case .oneOf(let values): return values.contains(valueOf: field, dataset, record)
        case .matches(let regex):
            let value = field.read(dataset, record)
            return value.isPresent && regex.matches(value.text)
        case .integer(let wanted): return (field.integer(dataset, record) != nil) == wanted
        }
    }
}

/// A rule's or a join's `where` list, looked at for every record.
///
/// It holds its conditions twice: the array that owns them, and unretained references to the same objects, which
/// the loop over them reads. A call on an element of the owning array retains and releases it around the call, at
/// every record and on every thread; a reference the list's own array keeps alive needs neither.
struct ConditionList: Sendable {
    let all: [CompiledCondition]
    private let unretained: [Unmanaged<CompiledCondition>]

    init(_ conditions: [CompiledCondition]) {
        all = conditions
        unretained = conditions.map { Unmanaged.passUnretained($0) }
    }

    /// Whether every condition holds.
    func allHold(_ dataset: Dataset, _ record: RecordContext) -> Bool {
        for index in unretained.indices where !unretained[index]._withUnsafeGuaranteedRef({ $0.holds(dataset, record) }) {
            return false
        }
        return true
    }
}

/// A compiled regular expression that must match a whole value.
struct Regex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    private let expression: NSRegularExpression

    init(wholeMatch pattern: String) throws(TemplateProblem) {
        do {
            expression = try NSRegularExpression(pattern: "^(?:\(pattern))$")
        } catch {
            throw TemplateProblem(
                reason: LocalizedText(
                    en: "'\(pattern)' is not a valid regular expression", nb: "'\(pattern)' er ikke et gyldig regulært uttrykk"))
        }
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

extension FieldValue {
    /// Equality as rules mean it: numbers equal their decimal text, absent values equal each other.
    static func same(_ lhs: FieldValue, _ rhs: FieldValue) -> Bool {
        if !lhs.isPresent || !rhs.isPresent { return lhs.isPresent == rhs.isPresent }
        if case .bool(let left) = lhs, case .bool(let right) = rhs { return left == right }
        if let left = lhs.integer, let right = rhs.integer { return left == right }
        return lhs.text.trimmedSpaces == rhs.text.trimmedSpaces
    }
}
