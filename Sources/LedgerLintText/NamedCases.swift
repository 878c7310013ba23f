/// An enumeration whose cases are written by name in files the user writes (`"severity": "error"`), decoded so
/// that a wrong name says what the right names are.
///
/// Swift's own decoding of a `String` raw value says `Cannot initialize Severity from invalid String value eror`;
/// a conforming type instead fails with `'eror' is not one of: error, warning, info; did you mean 'error'?`.
public protocol NamedCases: CaseIterable, RawRepresentable, Codable where RawValue == String {}

extension NamedCases {
    /// Every case's name, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Why `text` names no case: the allowed names, and the closest of them when one is close.
    public static func notOneOf(_ text: String) -> LocalizedText {
        let names = names.joined(separator: ", ")
        return LocalizedText(
            en: "'\(text.excerpt)' is not one of: \(names)",
            nb: "'\(text.excerpt)' er ikke blant de tillatte verdiene: \(names)")
            + Suggestion.didYouMean(text, in: Self.names)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorrupted(Self.notOneOf(text).decodingContext(decoder.codingPath))
        }
        self = value
    }
}
