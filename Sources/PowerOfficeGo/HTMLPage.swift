import Foundation
import LedgerLintJSON
import LedgerLintText

/// Recognises an HTML page where PowerOffice's JSON was expected, and names it by its title.
///
/// An HTML page is what a wrong URL, a login portal or a proxy in between answers, often with 200: called
/// "not valid JSON (… truncated?)" it sends a support person looking for a network fault instead of at the URL.
enum HTMLPage {
    /// `an HTML page (title: …)`, or `an HTML page` if it has no title; `nil` when `text` (with `contentType`, the
    /// `Content-Type` header) is not HTML. `text` should be redacted already: the title is quoted.
    static func describe(_ text: String, contentType: String?) -> LocalizedText? {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(1024).lowercased()
        let type = contentType?.lowercased() ?? ""
        // JSON never starts with "<": whatever starts so is not an answer of the API.
        guard type.contains("html") || start.hasPrefix("<") else { return nil }
        return title(in: text).map { LocalizedText(en: "an HTML page (title: \($0))", nb: "en HTML-side (tittel: \($0))") }
            ?? LocalizedText(en: "an HTML page", nb: "en HTML-side")
    }

    /// The same, followed by what to check, for an answer that should have been JSON: `variable` is the
    /// environment variable that sets the URL asked (`POWEROFFICE_API_URL`).
    static func insteadOfJSON(_ text: String, contentType: String?, variable: String) -> LocalizedText? {
        describe(text, contentType: contentType).map {
            $0
                + LocalizedText(
                    en: " instead of JSON: is \(variable) right, or is a proxy in the way?",
                    nb: " i stedet for JSON: er \(variable) riktig, eller står en proxy i veien?")
        }
    }

    /// The text of the first `<title>` element, on one line and at most 120 characters.
    private static func title(in text: String) -> String? {
        guard let open = text.range(of: "<title", options: .caseInsensitive),
            let openEnd = text[open.upperBound...].firstIndex(of: ">"),
            let close = text[openEnd...].range(of: "</title", options: .caseInsensitive)
        else { return nil }
        var title = String(text[text.index(after: openEnd)..<close.lowerBound])
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            title = title.replacingOccurrences(of: entity, with: character)
        }
        let words = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !words.isEmpty else { return nil }
        return TerminalText.excerpt(words, limit: 120)
    }
}
