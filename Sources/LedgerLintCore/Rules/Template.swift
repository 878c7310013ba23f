import Foundation
import LedgerLintText

/// A message, hint or key template: text with `{placeholder}` parts, compiled once against a rule.
///
/// A placeholder names a field of the rule's subject (`{customerNumber}`), a field of a joined record
/// (`{product.Code}`), or a value the check provides (`{value}`, `{ranges}`). `{a|b}` falls back to `b` when `a`
/// is absent. `{{` and `}}` stand for literal braces.
///
/// A class with only `let` properties: a join's key and index templates are handed on for every record, and a
/// copy of a struct of a text, an array and a field retained three references where a reference retains one.
final class Template: Sendable {
    enum Part: Sendable {
        case literal(String)
        case placeholder([Reference])
    }

    enum Reference: Sendable {
        case field(FieldReference)
        case variable(String)
    }

    let source: String
    let parts: [Part]
    /// The field, when the template is one field alone (`{Code}`), as most join keys are.
    private let onlyField: FieldReference?

    /// The fields the template reads.
    var fields: [FieldReference] {
        parts.flatMap { part -> [FieldReference] in
            guard case .placeholder(let references) = part else { return [] }
            return references.compactMap {
                guard case .field(let field) = $0 else { return nil }
                return field
            }
        }
    }

    /// Parses `source`; `resolve` turns a placeholder name into a reference or explains why it cannot.
    init(_ source: String, resolve: (String) throws(TemplateProblem) -> Reference) throws(TemplateProblem) {
        self.source = source
        var parts: [Part] = []
        var literal = ""
        var characters = source.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        while let character = next() {
            if character == "{" {
                let following = next()
                if following == "{" {
                    literal.append("{")
                    continue
                }
                var name = ""
                var current = following
                while let character = current, character != "}" {
                    name.append(character)
                    current = next()
                }
                guard current == "}" else {
                    throw TemplateProblem(reason: LocalizedText(en: "'{' without a closing '}'", nb: "'{' uten avsluttende '}'"))
                }
                if !literal.isEmpty {
                    parts.append(.literal(literal))
                    literal = ""
                }
                let alternatives = name.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard !alternatives.contains(where: \.isEmpty) else {
                    throw TemplateProblem(
                        reason: LocalizedText(en: "empty placeholder '{\(name)}'", nb: "tom plassholder '{\(name)}'"))
                }
                parts.append(.placeholder(try alternatives.map { name throws(TemplateProblem) in try resolve(name) }))
            } else if character == "}" {
                let following = next()
                if following != "}" { pending = following }
                literal.append("}")
            } else {
                literal.append(character)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
        if parts.count == 1, case .placeholder(let references) = parts[0], references.count == 1,
            case .field(let field) = references[0]
        {
            onlyField = field
        } else {
            onlyField = nil
        }
    }

    /// Renders the template; absent values render as `missing`.
    func render(
        _ dataset: Dataset, _ record: RecordContext, variables: [String: String], missing: String
    ) -> String {
        var output = ""
        for part in parts {
            switch part {
            case .literal(let text):
                output += text
            case .placeholder(let alternatives):
                var rendered: String? = nil
                for reference in alternatives {
                    let text: String
                    switch reference {
                    case .field(let field): text = field.read(dataset, record).text
                    case .variable(let name): text = variables[name] ?? ""
                    }
                    if text.hasContent {
                        rendered = text
                        break
                    }
                }
                output += rendered ?? missing
            }
        }
        return output
    }

    /// The join key rendered on the record in `row` of the template's subject, as UTF-8 bytes: absent values are
    /// empty. A template that is one field alone (`{Code}`) reads the field's bytes where the table keeps them,
    /// building no string.
    @inline(__always)
    func withKeyUTF8<Result>(_ dataset: Dataset, row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let onlyField {
            return onlyField.withUTF8(dataset, row: row) { body($0 ?? FieldReference.noBytes) }
        }
        var key = render(dataset, RecordContext(index: row, joined: []), variables: [:], missing: "")
        return key.withUTF8(body)
    }

    /// The hash of the key in `row` (`KeyText.hash(_:)`); `nil` when the key is empty, which joins nothing.
    ///
    /// Hashing and comparing are two calls, not one with the key's bytes kept for both, so that the closures that
    /// read the bytes capture nothing: a closure that captured an index or a tally would retain its buffers at
    /// every record.
    func keyHash(_ dataset: Dataset, row: Int) -> Int? {
        withKeyUTF8(dataset, row: row) { $0.isEmpty ? nil : KeyText.hash($0) }
    }

    /// Whether the key in `row` is the same (`KeyText.same(_:_:)`) as `other`'s key in `otherRow`.
    func sameKey(_ dataset: Dataset, row: Int, as other: Template, _ otherRow: Int) -> Bool {
        withKeyUTF8(dataset, row: row) { key in
            other.withKeyUTF8(dataset, row: otherRow) { KeyText.same(key, $0) }
        }
    }
}

/// Why a template could not be compiled.
struct TemplateProblem: Error, Sendable {
    var reason: LocalizedText
}
