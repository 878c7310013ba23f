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
}
