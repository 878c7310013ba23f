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
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int64.self) {
            value = String(number)
        } else if let tree = decoder as? JSONInput.TreeDecoder, case .number(let literal) = tree.value {
            // A number that is no 64-bit whole number (`1.5`, `1e400`, twenty digits) stays as it was written, as
            // the same cell does in a CSV export: whether it can be a customer number is for the rules to say.
            value = literal
        } else {
            throw DecodingError.typeMismatch(
                String.self,
                LocalizedText(en: "expected text or a number", nb: "skal være tekst eller et tall")
                    .decodingContext(decoder.codingPath))
        }
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
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "ja", "j", "yes", "y", "true", "1", "sann": true
        case "nei", "n", "no", "false", "0", "usann": false
        default: nil
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            value = flag
        } else if let number = try? container.decode(Int.self), number == 0 || number == 1 {
            value = number == 1
        } else if let text = try? container.decode(String.self), let flag = Self.parse(text) {
            value = flag
        } else {
            throw DecodingError.typeMismatch(
                Bool.self,
                LocalizedText(
                    en: "expected Ja/Nei, yes/no, true/false or 1/0", nb: "skal være Ja/Nei, yes/no, true/false eller 1/0"
                ).decodingContext(decoder.codingPath))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
