import Foundation
import LedgerLintText

/// A message, hint or key template: text with `{placeholder}` parts, compiled once against a rule.
///
/// A placeholder names a field of the rule's subject (`{customerNumber}`), a field of a joined record
/// (`{product.Code}`), or a value the check provides (`{value}`, `{ranges}`). `{a|b}` falls back to `b` when `a`
/// is absent. `{{` and `}}` stand for literal braces.
struct Template: Sendable {
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

    /// Renders a join key: absent values are empty. A template that is one field alone (`{Code}`) returns the
    /// field's text without building a new string, which is most join keys.
    func renderKey(_ dataset: Dataset, _ record: RecordContext) -> String {
        if parts.count == 1, case .placeholder(let references) = parts[0], references.count == 1,
            case .field(let field) = references[0]
        {
            return field.read(dataset, record).text
        }
        return render(dataset, record, variables: [:], missing: "")
    }
}

/// Why a template could not be compiled.
struct TemplateProblem: Error, Sendable {
    var reason: LocalizedText
}
