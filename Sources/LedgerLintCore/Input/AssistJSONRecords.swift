import Foundation
import LedgerLintText
import LedgerLintJSON

/// An Assist customer in the JSON export format (camelCase keys), decoded leniently the way exports vary:
/// numbers may be written as JSON numbers or strings, `export` as a boolean or `Ja`/`Nei`/`yes`/`no`/`1`/`0`.
struct AssistCustomerJSON: Codable, Hashable, Sendable {
    var customerNumber: LenientText?
    var name: LenientText?
    var organizationNumber: LenientText?
    var email: LenientText?
    var sendMethod: String?
    var export: LenientBool?

    func customer(at location: SourceLocation?, codingPath: String) throws -> AssistCustomer {
        let method: SendMethod
        if let raw = sendMethod {
            guard let parsed = SendMethod(exportValue: raw) else {
                throw InputError.unexpectedJSON(
                    path: location?.file ?? "", jsonPath: codingPath + ".sendMethod",
                    reason: LocalizedText(
                        en: "'\(raw.excerpt)' is not a send method (E-post, EHF, eFaktura, Papir)",
                        nb: "'\(raw.excerpt)' er ingen sendingsmetode (E-post, EHF, eFaktura, Papir)"))
            }
            method = parsed
        } else {
            method = .email
        }
        return AssistCustomer(
            customerNumber: customerNumber?.trimmed, name: name?.trimmed,
            organizationNumber: organizationNumber?.trimmed, email: email?.trimmed,
            sendMethod: method, export: export?.value ?? true, location: location)
    }
}

/// An Assist product group in the JSON export format.
struct AssistProductGroupJSON: Codable, Hashable, Sendable {
    var productGroup: Int
    var name: String?
    var salesAccount: Int?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        productGroup = try container.decode(LenientInt.self, forKey: .productGroup).value
        name = try container.decodeIfPresent(LenientText.self, forKey: .name)?.trimmed
        // An empty sales account means none, as an empty cell does in the CSV export.
        if let text = try? container.decodeIfPresent(String.self, forKey: .salesAccount),
            text.trimmingCharacters(in: .whitespaces).isEmpty
        {
            salesAccount = nil
        } else {
            salesAccount = try container.decodeIfPresent(LenientInt.self, forKey: .salesAccount)?.value
        }
    }

    func group(at location: SourceLocation?) -> AssistProductGroup {
        AssistProductGroup(number: productGroup, name: name, salesAccount: salesAccount, location: location)
    }
}

/// Text that an export may have written as a JSON string or number.
struct LenientText: Codable, Hashable, Sendable {
    var value: String
    var trimmed: String? {
        let text = EdgeWhitespace.whitespacesAndNewlines.trimming(value)
        return text.isEmpty ? nil : text
    }

    static let expected = LocalizedText(en: "expected text or a number", nb: "skal være tekst eller et tall")

    /// The text a JSON value stands for: text as it is, a whole number in digits (`1e3` is `1000`), and any other
    /// number (`1.5`, `1e400`, twenty digits) as it was written, as the same cell is in a CSV export: whether it
    /// can be a customer number is for the rules to say. `nil` for a value of another type.
    init?(_ json: JSONInput.Value) {
        switch json {
        case .string(let text): value = text
        case .number(let literal): value = JSONInput.wholeNumber(literal, as: Int64.self).map(String.init) ?? literal
        default: return nil
        }
    }

    init(from decoder: any Decoder) throws {
        guard let text = Self(try JSONInput.Value(decodedBy: decoder)) else {
            throw DecodingError.typeMismatch(String.self, Self.expected.decodingContext(decoder.codingPath))
        }
        self = text
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A whole number that an export may have written as a JSON number or a string.
struct LenientInt: Codable, Hashable, Sendable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else if let text = try? container.decode(String.self),
            let number = Int(text.trimmingCharacters(in: .whitespaces))
        {
            value = number
        } else {
            throw DecodingError.typeMismatch(Int.self, JSONInput.Expected.wholeNumber.decodingContext(decoder.codingPath))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A yes/no flag: JSON booleans, or `Ja`/`Nei`/`yes`/`no`/`true`/`false`/`1`/`0` as text or number.
struct LenientBool: Codable, Hashable, Sendable {
    var value: Bool

    /// Parses the export's spellings; empty means yes (exported).
    static func parse(_ text: String) -> Bool? {
        switch EdgeWhitespace.whitespaces.trimming(text).lowercased() {
        case "", "ja", "j", "yes", "y", "true", "1", "sann": true
        case "nei", "n", "no", "false", "0", "usann": false
        default: nil
        }
    }

    static let expected = LocalizedText(
        en: "expected Ja/Nei, yes/no, true/false or 1/0", nb: "skal være Ja/Nei, yes/no, true/false eller 1/0")

    /// The flag a JSON value stands for: a boolean, the number 0 or 1 (`1.0` too), or one of `parse`'s spellings;
    /// `nil` for anything else.
    init?(_ json: JSONInput.Value) {
        switch json {
        case .bool(let flag): value = flag
        case .number(let literal):
            guard let number = JSONInput.wholeNumber(literal, as: Int.self), number == 0 || number == 1 else { return nil }
            value = number == 1
        case .string(let text):
            guard let flag = Self.parse(text) else { return nil }
            value = flag
        default: return nil
        }
    }

    init(from decoder: any Decoder) throws {
        guard let flag = Self(try JSONInput.Value(decodedBy: decoder)) else {
            throw DecodingError.typeMismatch(Bool.self, Self.expected.decodingContext(decoder.codingPath))
        }
        self = flag
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension JSONInput.Value {
    /// The value a lenient type decodes from: the tree's own (`JSONInput.TreeDecoder`, how exports are read), or
    /// what another decoder gives as a flag, text or whole number.
    init(decodedBy decoder: any Decoder) throws {
        if let tree = decoder as? JSONInput.TreeDecoder {
            self = tree.value
            return
        }
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Int64.self) {
            self = .number(String(number))
        } else {
            self = .null
        }
    }
}
