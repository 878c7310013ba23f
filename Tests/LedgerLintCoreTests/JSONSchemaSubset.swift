import Foundation
import LedgerLintTestSupport

/// A validator for the part of JSON Schema (draft 04) that the SARIF 2.1.0 schema uses: `$ref` to
/// `#/definitions/…`, `type`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`,
/// `uniqueItems`, `minimum`, `maximum`, `pattern`, `anyOf`, `oneOf`, `allOf` and `not`. `format` is not checked (tests
/// check URIs themselves); other annotations are ignored. `unsupportedKeywords` lists anything else a schema uses,
/// so a test can prove that nothing the schema says is skipped silently.
///
/// Used by `ReportFormatTests` to validate `SarifReporter` output against the vendored
/// `Fixtures/sarif-schema-2.1.0.json`, without a third-party package.
struct JSONSchemaSubset {
    var root: JSONValue

    static let validatedKeywords: Set<String> = [
        "$ref", "type", "enum", "required", "properties", "additionalProperties", "items", "minItems",
        "uniqueItems", "minimum", "maximum", "pattern", "anyOf", "oneOf", "allOf", "not",
    ]
    /// Keywords that do not constrain an instance (or that we deliberately leave to targeted tests: `format`).
    static let annotationKeywords: Set<String> = [
        "$schema", "id", "title", "description", "default", "definitions", "format",
    ]

    init(_ root: JSONValue) {
        self.root = root
    }

    init(contentsOf url: URL) throws {
        self.init(try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url)))
    }

    /// Every violation, as `<JSON pointer>: <what is wrong>`; empty when the instance is valid.
    func errors(in instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "", errors: &errors)
        return errors
    }

    /// Keywords used anywhere in the schema that this validator neither checks nor knows to be annotations.
    var unsupportedKeywords: Set<String> {
        var found: Set<String> = []
        collectKeywords(root, into: &found)
        return found.subtracting(Self.validatedKeywords).subtracting(Self.annotationKeywords)
    }

    private func collectKeywords(_ schema: JSONValue, into found: inout Set<String>) {
        guard case .object(let object) = schema else { return }
        for (keyword, value) in object {
            found.insert(keyword)
            switch keyword {
            case "properties", "definitions":
                if case .object(let members) = value {
                    for member in members.values { collectKeywords(member, into: &found) }
                }
            case "items", "additionalProperties", "not":
                collectKeywords(value, into: &found)
            case "anyOf", "oneOf", "allOf":
                if case .array(let schemas) = value {
                    for schema in schemas { collectKeywords(schema, into: &found) }
                }
            default:
                break
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = root
        for part in reference.dropFirst().split(separator: "/") {
            guard case .object(let object) = node, let next = object[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
        guard case .object(let keywords) = schema else { return }
        if case .string(let reference)? = keywords["$ref"] {
            // Draft 04: a `$ref` replaces its object; sibling keywords (here only `description`) are ignored.
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, at: path, errors: &errors)
            return
        }

        if let type = keywords["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { Self.value(value, hasType: $0) }) {
                errors.append("\(path): expected \(allowed.joined(separator: " or ")), got \(Self.typeName(value))")
                return
            }
        }
        if case .array(let options)? = keywords["enum"], !options.contains(value) {
            errors.append("\(path): \(value.canonical) is not one of \(JSONValue.array(options).canonical)")
        }

        switch value {
        case .object(let object):
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where object[name] == nil {
                    errors.append("\(path): missing required property \"\(name)\"")
                }
            }
            let properties: [String: JSONValue]
            if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = properties[name] {
                    check(member, against: propertySchema, at: "\(path)/\(name)", errors: &errors)
                } else if let additional = keywords["additionalProperties"] {
                    if additional == .bool(false) {
                        errors.append("\(path): property \"\(name)\" is not allowed")
                    } else {
                        check(member, against: additional, at: "\(path)/\(name)", errors: &errors)
                    }
                }
            }
        case .array(let items):
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, at: "\(path)/\(index)", errors: &errors)
                }
            }
            if case .number(let minimum)? = keywords["minItems"], Double(items.count) < minimum {
                errors.append("\(path): \(items.count) items, at least \(Int(minimum)) required")
            }
            if keywords["uniqueItems"] == .bool(true) {
                for index in items.indices where items[..<index].contains(items[index]) {
                    errors.append("\(path)/\(index): duplicate of an earlier item")
                }
            }
        case .number(let number):
            if case .number(let minimum)? = keywords["minimum"], number < minimum {
                errors.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if case .number(let maximum)? = keywords["maximum"], number > maximum {
                errors.append("\(path): \(number) is above the maximum \(maximum)")
            }
        case .string(let string):
            if case .string(let pattern)? = keywords["pattern"] {
                // JSON Schema patterns are not anchored: a match anywhere is enough.
                let matches = (try? NSRegularExpression(pattern: pattern))
                    .map { $0.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil }
                if matches != true {
                    errors.append("\(path): \"\(string)\" does not match /\(pattern)/")
                }
            }
        case .null, .bool:
            break
        }

        if case .array(let schemas)? = keywords["allOf"] {
            for schema in schemas { check(value, against: schema, at: path, errors: &errors) }
        }
        if case .array(let schemas)? = keywords["anyOf"], !schemas.contains(where: { isValid(value, $0, path) }) {
            errors.append("\(path): matches none of anyOf")
        }
        if case .array(let schemas)? = keywords["oneOf"] {
            let matching = schemas.filter { isValid(value, $0, path) }.count
            if matching != 1 {
                errors.append("\(path): matches \(matching) of oneOf, exactly 1 required")
            }
        }
        if let schema = keywords["not"], isValid(value, schema, path) {
            errors.append("\(path): matches the schema under not")
        }
    }

    private func isValid(_ value: JSONValue, _ schema: JSONValue, _ path: String) -> Bool {
        var errors: [String] = []
        check(value, against: schema, at: path, errors: &errors)
        return errors.isEmpty
    }

    private static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number(let number)):
            number == number.rounded()
        default:
            false
        }
    }

    private static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
