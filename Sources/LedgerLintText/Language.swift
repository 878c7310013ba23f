import Foundation

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

    /// A text that reads the same in both languages: a path, a quoted value, a name, or what the operating system
    /// or a server said (which LedgerLint cannot translate).
    ///
    /// Kept apart from `init(en:nb:)` so that such texts can be found, and the tests that look for English in the
    /// Norwegian messages know which parts are meant to be the same.
    public init(verbatim text: String) {
        self.init(en: text, nb: text)
    }

    /// An error's message: in both languages when it has them (`LocalizedMessageError`), else as the error
    /// describes itself.
    public init(describing error: any Error) {
        if let error = error as? any LocalizedMessageError {
            self.init(en: error.message(.en), nb: error.message(.nb))
        } else if let reason = error as? LocalizedReason {
            self = reason.text
        } else {
            self.init(verbatim: error.localizedDescription)
        }
    }

    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .nb: nb
        }
    }

    /// Both texts one after the other.
    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(en: lhs.en + rhs.en, nb: lhs.nb + rhs.nb)
    }
}

/// A reason in both languages, carried where only an `Error` fits: the `underlyingError` of a
/// `DecodingError.Context` (whose `debugDescription` holds the English), or a file system step that failed.
package struct LocalizedReason: LocalizedError {
    package var text: LocalizedText
    package var errorDescription: String? { text.en }

    package init(text: LocalizedText) { self.text = text }
}

extension LocalizedText {
    /// A `DecodingError` context with this text as the reason, in both languages.
    package func decodingContext(_ codingPath: [any CodingKey]) -> DecodingError.Context {
        DecodingError.Context(codingPath: codingPath, debugDescription: en, underlyingError: LocalizedReason(text: self))
    }
}

/// An error whose message can be given in English or in Norwegian.
///
/// `errorDescription` (what `localizedDescription` shows) stays English, for library users; the command line asks
/// for `message(_:)` in the language of the run (`--lang`, else `LANG`).
public protocol LocalizedMessageError: LocalizedError {
    func message(_ language: Language) -> String
}

extension LocalizedText {
    /// What a missing value reads as in messages and headlines: a word, never a dash that reads as a value.
    public static let notGiven = LocalizedText(en: "not given", nb: "ikke oppgitt")
}
