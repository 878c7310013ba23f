/// The language of messages, hints and report labels.
public enum Language: String, Sendable, Hashable, NamedCases {
    /// English.
    case en
    /// Norwegian Bokmål.
    case nb

    /// The language a run should use when `--lang` is not given: Bokmål when `LANG` names Norwegian
    /// (`nb_NO.UTF-8`, `no_NO`, …), English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let lang = (environment["LANG"] ?? "").lowercased()
        return lang.hasPrefix("nb") || lang.hasPrefix("no") ? .nb : .en
    }
}

/// A text in English and Norwegian Bokmål.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String
    public var nb: String

    public init(en: String, nb: String) {
        self.en = en
        self.nb = nb
    }

    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .nb: nb
        }
    }
}

extension LocalizedText {
    /// What a missing value reads as in messages and headlines: a word, never a dash that reads as a value.
    public static let notGiven = LocalizedText(en: "not given", nb: "ikke oppgitt")
}
