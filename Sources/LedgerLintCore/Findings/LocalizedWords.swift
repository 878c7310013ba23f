import LedgerLintText

/// Words said in the run's language: a type that knows its `language` picks each word from its English and
/// Norwegian Bokmål forms with `pick`, so that a list of words reads as one line per word.
protocol LocalizedWords {
    var language: Language { get }
}

extension LocalizedWords {
    func pick(_ en: String, _ nb: String) -> String { LocalizedText(en: en, nb: nb)[language] }
}
