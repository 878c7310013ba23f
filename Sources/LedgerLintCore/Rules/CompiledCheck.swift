import Foundation

/// A rule's check with its fields resolved: judges one record (or, for `unique`, all records together).
enum CompiledCheck: Sendable {
    /// The ranges of an `in-ranges` check as the rule (or configuration) gives them, and as one dataset resolves
    /// them (`CompiledCheck+Ranges.swift`).
    enum Ranges: Sendable {
        case fixed([ClosedRange<Int64>])
        case model(RangeSource)
        /// Inside both: a narrower range of the user's within the model's series.
        case both([ClosedRange<Int64>], RangeSource)
        /// Resolved for one dataset, with the words messages name them by (`{series}`).
        case resolved([ClosedRange<Int64>], name: LocalizedText)
    }

    enum Comparand: Sendable {
        case field(FieldReference)
        case constant(FieldValue)
    }

    case required(FieldReference)
    case integer(FieldReference)
    case inRanges(FieldReference, Ranges)
    case unique(FieldReference, Normalization, list: FieldReference?)
    case existsIn(join: Int)
    case equals(FieldReference, Comparand, Normalization)
    case oneOf(FieldReference, [FieldValue])
    case pattern(FieldReference, Regex)
    case email(FieldReference, separators: String)
    case organizationNumber(FieldReference)

    /// The template variables each kind provides to messages and hints.
    static func variables(of kind: CheckKind) -> [String] {
        switch kind {
        case .required, .existsIn: []
        case .integer: ["value", "reason"]
        case .pattern, .organizationNumber: ["value"]
        case .inRanges: ["value", "ranges", "series"]
        case .unique: ["value", "count", "list"]
        case .equals: ["value", "expected"]
        case .oneOf: ["value", "values"]
        case .email: ["value", "invalid"]
        }
    }

    init(_ check: Check, scope: FieldScope, joinNames: [String]) throws(RuleError.Problem) {
        func field() throws(RuleError.Problem) -> FieldReference {
            guard let name = check.field else {
                throw RuleError.Problem(
                    path: "check.field",
                    reason: LocalizedText(
                        en: "a '\(check.kind.rawValue)' check needs 'field'",
                        nb: "en '\(check.kind.rawValue)'-kontroll må ha 'field'"))
            }
            do { return try scope.resolve(name) } catch { throw RuleError.Problem(path: "check.field", reason: error.reason) }
        }
        switch check.kind {
        case .required:
            self = .required(try field())
        case .integer:
            self = .integer(try field())
        case .inRanges:
            let field = try field()
            switch (check.ranges, check.rangesFrom) {
            case (let ranges?, let source):
                var closed: [ClosedRange<Int64>] = []
                for (index, pair) in ranges.enumerated() {
                    guard pair.count == 2, pair[0] <= pair[1] else {
                        throw RuleError.Problem(
                            path: "check.ranges[\(index)]",
                            reason: LocalizedText(
                                en: "a range is [from, to] with from ≤ to, found \(pair)",
                                nb: "et område er [fra, til] med fra ≤ til, men er \(pair)"))
                    }
                    closed.append(pair[0]...pair[1])
                }
                guard !closed.isEmpty else {
                    throw RuleError.Problem(
                        path: "check.ranges",
                        reason: LocalizedText(en: "give at least one range", nb: "oppgi minst ett område"))
                }
                self = .inRanges(field, source.map { .both(closed, $0) } ?? .fixed(closed))
            case (nil, let source?):
                self = .inRanges(field, .model(source))
            default:
                throw RuleError.Problem(
                    path: "check",
                    reason: LocalizedText(
                        en: "an 'in-ranges' check needs 'ranges', 'rangesFrom' or both",
                        nb: "en 'in-ranges'-kontroll må ha 'ranges', 'rangesFrom' eller begge"))
            }
        case .unique:
            var list: FieldReference? = nil
            if let name = check.other {
                do { list = try scope.resolve(name) } catch { throw RuleError.Problem(path: "check.other", reason: error.reason) }
            }
            self = .unique(try field(), check.normalize ?? .none, list: list)
        case .existsIn:
            guard let name = check.join else {
                throw RuleError.Problem(
                    path: "check.join",
                    reason: LocalizedText(
                        en: "an 'exists-in' check names the join that must find a record",
                        nb: "en 'exists-in'-kontroll navngir koblingen som må finne en post"))
            }
            guard let index = joinNames.firstIndex(of: name) else {
                let joins = joinNames.joined(separator: ", ")
                throw RuleError.Problem(
                    path: "check.join",
                    reason: LocalizedText(
                        en: "no join named '\(name)' (joins: \(joins))", nb: "ingen kobling heter '\(name)' (koblinger: \(joins))"))
            }
            self = .existsIn(join: index)
        case .equals:
            let field = try field()
            switch (check.other, check.value) {
            case (let other?, nil):
                do {
                    self = .equals(field, .field(try scope.resolve(other)), check.normalize ?? .none)
                } catch {
                    throw RuleError.Problem(path: "check.other", reason: error.reason)
                }
            case (nil, let value?):
                self = .equals(field, .constant(value), check.normalize ?? .none)
            default:
                throw RuleError.Problem(
                    path: "check",
                    reason: LocalizedText(
                        en: "an 'equals' check needs exactly one of 'other' and 'value'",
                        nb: "en 'equals'-kontroll må ha nøyaktig én av 'other' og 'value'"))
            }
        case .oneOf:
            guard let values = check.values, !values.isEmpty else {
                throw RuleError.Problem(
                    path: "check.values",
                    reason: LocalizedText(
                        en: "a 'one-of' check needs a non-empty 'values' list",
                        nb: "en 'one-of'-kontroll må ha en 'values'-liste som ikke er tom"))
            }
            self = .oneOf(try field(), values)
        case .pattern:
            guard let pattern = check.pattern else {
                throw RuleError.Problem(
                    path: "check.pattern",
                    reason: LocalizedText(en: "a 'pattern' check needs 'pattern'", nb: "en 'pattern'-kontroll må ha 'pattern'"))
            }
            do {
                self = .pattern(try field(), try Regex(wholeMatch: pattern))
            } catch let problem as TemplateProblem {
                throw RuleError.Problem(path: "check.pattern", reason: problem.reason)
            } catch let problem as RuleError.Problem {
                throw problem
            } catch {
                throw RuleError.Problem(path: "check.pattern", reason: LocalizedText(verbatim: "\(error)"))
            }
        case .email:
            self = .email(try field(), separators: check.separators ?? ";,")
        case .organizationNumber:
            self = .organizationNumber(try field())
        }
    }

    /// The fields the check reads.
    var fields: [FieldReference] {
        switch self {
        case .required(let field), .integer(let field), .inRanges(let field, _), .oneOf(let field, _),
            .pattern(let field, _), .email(let field, _), .organizationNumber(let field):
            [field]
        case .unique(let field, _, let list): [field] + (list.map { [$0] } ?? [])
        case .existsIn: []
        case .equals(let field, .field(let other), _): [field, other]
        case .equals(let field, .constant, _): [field]
        }
    }

    /// Judges one record: nil when it passes, else the variables its message may use, in `language`.
    func failure(_ dataset: Dataset, _ record: RecordContext, language: Language) -> [String: String]? {
        switch self {
        case .required(let field):
            return field.read(dataset, record).isPresent ? nil : [:]
        case .integer(let field):
            let value = field.read(dataset, record)
            guard value.isPresent, value.integer == nil else { return nil }
            return ["value": value.text, "reason": Self.notWholeReason(value.text)[language]]
        case .inRanges(let field, let ranges):
            let value = field.read(dataset, record)
            guard let number = value.integer else { return nil }
            let (resolved, name) = Self.resolve(ranges, in: dataset)
            if resolved.contains(where: { $0.contains(number) }) { return nil }
            return ["value": String(number), "ranges": Self.describe(resolved), "series": name[language]]
        case .unique:
            return nil  // judged over all records by `duplicates`
        case .existsIn(let join):
            return record.joined[join] == nil ? [:] : nil
        case .equals(let field, let comparand, let normalization):
            let value = field.read(dataset, record)
            let expected: FieldValue
            switch comparand {
            case .field(let other): expected = other.read(dataset, record)
            case .constant(let constant): expected = constant
            }
            if Self.equal(value, expected, normalization) { return nil }
            return ["value": field.display(value, language), "expected": field.display(expected, language)]
        case .oneOf(let field, let values):
            let value = field.read(dataset, record)
            let text = value.text.lowercased()
            if values.contains(where: { $0.text.lowercased() == text }) { return nil }
            return [
                "value": field.display(value, language),
                "values": values.map { field.display($0, language) }.joined(separator: ", "),
            ]
        case .pattern(let field, let regex):
            let value = field.read(dataset, record)
            return !value.isPresent || regex.matches(value.text) ? nil : ["value": value.text]
        case .email(let field, let separators):
            let value = field.read(dataset, record)
            guard value.isPresent else { return nil }
            let addresses = EmailAddress.split(value.text, separators: separators)
            if let invalid = addresses.first(where: { !EmailAddress.isValid($0) }) {
                return ["value": value.text, "invalid": String(invalid)]
            }
            return addresses.isEmpty ? ["value": value.text, "invalid": value.text] : nil
        case .organizationNumber(let field):
            let value = field.read(dataset, record)
            return OrganizationNumber.isValid(value.text) ? nil : ["value": value.text]
        }
    }

    /// Why a value is not a whole number, as the `integer` check's `{reason}`: in a clause after "which"
    /// (`som` in Norwegian, so the negation comes first there).
    ///
    /// A number too large for 64 bits (PowerOffice's customer numbers are `int64`) says so, however it is written:
    /// twenty digits in a CSV cell, or `1e400` in JSON, which the readers keep as written.
    static func notWholeReason(_ text: String) -> LocalizedText {
        let trimmed = text.trimmedSpaces
        let isNumeral = trimmed.utf8.first.map { (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D } == true
            && trimmed.utf8.allSatisfy { (0x30...0x39).contains($0) || [0x2B, 0x2D, 0x2E, 0x45, 0x65].contains($0) }
        if isNumeral, let number = Double(trimmed), number.isInfinite || (number.rounded() == number && abs(number) >= 0x1p63) {
            return LocalizedText(
                en: "is too large: whole numbers here go up to \(Int64.max)",
                nb: "er for stort: heltall her kan være høyst \(Int64.max)")
        }
        return LocalizedText(en: "is not a whole number", nb: "ikke er et heltall")
    }

    static func normalized(_ value: FieldValue, _ normalization: Normalization) -> String {
        switch normalization {
        case .none:
            if let number = value.integer { return String(number) }
            return String(value.text.trimmedSpaces)
        case .digits:
            let text = value.text
            if text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return text }
            return String(decoding: text.utf8.filter { (0x30...0x39).contains($0) }, as: UTF8.self)
        case .caseInsensitive: return value.text.trimmedSpaces.lowercased()
        }
    }

    static func equal(_ lhs: FieldValue, _ rhs: FieldValue, _ normalization: Normalization) -> Bool {
        if normalization == .none { return FieldValue.same(lhs, rhs) }
        return normalized(lhs, normalization) == normalized(rhs, normalization)
    }
}
