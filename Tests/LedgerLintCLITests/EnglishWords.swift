import Foundation

/// Finds English in text that should be Norwegian: common English words, outside what a message quotes.
///
/// Messages quote data, keys and server texts (`'where'`, `«…»`, `"Client integration not found"`), name options,
/// files, paths, environment variables and rule ids (`--page-size`, `customers.csv`, `POWEROFFICE_API_URL`,
/// `customer-number-range`) and show placeholders (`{value}`): none of that is translated, so it is left out before
/// the words are looked at.
enum EnglishWords {
    /// Words that are English and not Norwegian, and that no option, key or identifier of LedgerLint is made of.
    static let stopWords: Set<String> = [
        "the", "is", "not", "cannot", "file", "files", "folder", "found", "expected", "missing", "must", "should",
        "with", "and", "or", "of", "are", "was", "this", "that", "which", "there", "here", "what", "from",
        "into", "only", "when", "than", "then", "unknown", "does", "has", "have", "none", "its", "it", "an",
        "please", "needs", "given", "got", "wrote", "written", "refused", "again", "later", "after", "without",
        "because", "would", "could", "will", "you", "your", "default", "instead", "also", "show", "snapshot",
        "usage", "options", "why", "pass", "fail", "fails", "failed", "tip", "suppression", "retrying", "reading",
        "fetched", "interrupted", "stopped", "nothing", "one", "two", "every", "each",
    ]
    // Not listed, though English: the rule format's keys and PowerOffice's names, which messages show as they are
    // (`tillatt her: check, description, examples, hint, …`, `i where[0]`, the privilege `Customer`, the join
    // `product` in `Kontroll: exists-in product`): "where", "examples", "hint", "message", "customer", "product",
    // "group", "account", "number".

    /// The English words in `text`, in order; empty when there are none.
    static func found(in text: String) -> [String] {
        var words: [String] = []
        for token in unquoted(text).split(whereSeparator: \.isWhitespace) {
            if isIdentifier(token) { continue }
            for word in token.split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
                let word = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "'"))
                if stopWords.contains(word) { words.append(word) }
            }
        }
        return words
    }

    /// `text` without what it quotes or leaves to be filled in.
    static func unquoted(_ text: String) -> String {
        var result = ""
        var closing: Character?
        for character in text {
            if let end = closing {
                if character == end { closing = nil }
                continue
            }
            switch character {
            case "'": closing = "'"
            case "\"": closing = "\""
            case "«": closing = "»"
            case "`": closing = "`"
            case "{": closing = "}"
            default: result.append(character)
            }
        }
        return result
    }

    /// An option, path, file name, environment variable, JSON path or rule id: named, not translated.
    private static func isIdentifier(_ token: Substring) -> Bool {
        let trimmed = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?()[]|#*"))
        if trimmed.hasPrefix("-") || trimmed.contains("/") || trimmed.contains("_") || trimmed.contains("=") { return true }
        // A JSON path (`where[0]`) or a rule id in a headline (`feil[customer-number-range]`).
        if trimmed.contains("[") || trimmed.contains("]") { return true }
        if trimmed.dropLast().contains(".") { return true }
        // Lowercase words joined by '-' (`customer-number-range`, `in-ranges`).
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber } }
    }
}
