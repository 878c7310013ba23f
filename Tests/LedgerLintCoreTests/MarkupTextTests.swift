import Testing

@testable import LedgerLintCore

/// `MarkupText` escapes UTF-8 bytes a run at a time; each case is what escaping character by character gives: the
/// five special characters, tab, newline and carriage return as each dialect writes them, forbidden characters
/// (C0 and C1 controls, DEL in HTML, U+FFFE and U+FFFF in XML) as U+FFFD, everything else untouched.
@Suite struct MarkupTextTests {
    static let cases: [(text: String, html: String, xmlAttribute: String, xmlContent: String)] = [
        ("", "", "", ""),
        ("plain æøå 😀", "plain æøå 😀", "plain æøå 😀", "plain æøå 😀"),
        ("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f", "a&amp;b&lt;c&gt;d&quot;e&apos;f", "a&amp;b&lt;c&gt;d&quot;e&apos;f"),
        ("\t\n\r", "\t\n\n", "&#9;&#10;&#13;", "\t\n&#13;"),
        ("\u{0}\u{1F}\u{7F}", "\u{FFFD}\u{FFFD}\u{FFFD}", "\u{FFFD}\u{FFFD}\u{7F}", "\u{FFFD}\u{FFFD}\u{7F}"),
        ("x\u{80}\u{9F}\u{A0}y", "x\u{FFFD}\u{FFFD}\u{A0}y", "x\u{80}\u{9F}\u{A0}y", "x\u{80}\u{9F}\u{A0}y"),
        ("\u{FFFD}\u{FFFE}\u{FFFF}\u{10000}", "\u{FFFD}\u{FFFE}\u{FFFF}\u{10000}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{10000}",
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{10000}"),
        ("ø<", "ø&lt;", "ø&lt;", "ø&lt;"),
        ("<ø", "&lt;ø", "&lt;ø", "&lt;ø"),
    ]

    @Test(arguments: cases)
    func eachDialectEscapesAsItSays(_ example: (text: String, html: String, xmlAttribute: String, xmlContent: String)) {
        #expect(MarkupText.html.escaped(example.text) == example.html)
        #expect(MarkupText.xml(inAttribute: true).escaped(example.text) == example.xmlAttribute)
        #expect(MarkupText.xml(inAttribute: false).escaped(example.text) == example.xmlContent)
    }

    /// A character to escape, or one beyond ASCII, at every place within and across the eight bytes looked at at
    /// once, after characters of one to four bytes: each dialect gives what escaping a character at a time gives.
    @Test(arguments: ["&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{7F}", "\u{85}", "\u{A0}", "\u{FFFE}", "ø", "😀"])
    func aCharacterIsEscapedWhereverItIs(special: String) {
        for lead in ["", "ø", "€", "😀"] {
            for offset in 0..<17 {
                let text = lead + String(repeating: "x", count: offset) + special + "and sixteen bytes" + special
                #expect(MarkupText.html.escaped(text) == Self.oneAtATime(text, .html))
                #expect(MarkupText.xmlAttribute.escaped(text) == Self.oneAtATime(text, .xmlAttribute))
                #expect(MarkupText.xmlContent.escaped(text) == Self.oneAtATime(text, .xmlContent))
                var document = TextDocument(capacity: 0)
                MarkupText.xmlContent.escape(text, into: &document)
                #expect(document.text == Self.oneAtATime(text, .xmlContent))
            }
        }
    }

    enum Dialect { case html, xmlAttribute, xmlContent }

    /// The dialects as their comments say, a scalar at a time.
    static func oneAtATime(_ text: String, _ dialect: Dialect) -> String {
        text.unicodeScalars.map { scalar -> String in
            switch (scalar, dialect) {
            case ("&", _): return "&amp;"
            case ("<", _): return "&lt;"
            case (">", _): return "&gt;"
            case ("\"", _): return "&quot;"
            case ("'", .html): return "&#39;"
            case ("'", _): return "&apos;"
            case ("\t", .xmlAttribute): return "&#9;"
            case ("\n", .xmlAttribute): return "&#10;"
            case ("\t", _), ("\n", _): return String(scalar)
            case ("\r", .html): return "\n"
            case ("\r", _): return "&#13;"
            default:
                let value = scalar.value
                let forbidden = dialect == .html
                    ? value < 0x20 || (0x7F...0x9F).contains(value) : value < 0x20 || value == 0xFFFE || value == 0xFFFF
                return forbidden ? "\u{FFFD}" : String(scalar)
            }
        }.joined()
    }
}
