import Foundation
import LedgerLintText
import Testing

/// `EdgeWhitespace` trims as Foundation's `trimmingCharacters(in:)` does, by its own way or by handing over.
@Suite struct EdgeWhitespaceTests {
    static let edges = [
        "", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}",
        "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", " \u{A0} ", "\t \n",
    ]
    static let middles = [
        "", "a", "Ja", "E-post", "Blåbær AS", "ø", "Å", "a b", "a\u{A0}b", "\u{301}a", "a\u{301}", "e\u{301}",
        "日本", "😀", "x\u{2028}y", "\u{85}x", "10001",
    ]

    static var texts: [String] {
        var texts: [String] = []
        for before in edges {
            for middle in middles {
                for after in [before, "", " ", "\u{A0}", "\u{3000}", "\n"] { texts.append(before + middle + after) }
            }
        }
        return texts
    }

    @Test func trimsAsFoundationTrims() {
        for text in Self.texts {
            // Byte for byte: `==` on strings would let canonically equivalent texts pass.
            #expect(
                Array(EdgeWhitespace.whitespaces.trimming(text).utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8),
                "\(Array(text.unicodeScalars))")
            #expect(
                Array(EdgeWhitespace.whitespacesAndNewlines.trimming(text).utf8)
                    == Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8),
                "\(Array(text.unicodeScalars))")
        }
    }

    @Test func aSpaceBeforeACombiningAccentGoesAndTheAccentStays() {
        #expect(Array(EdgeWhitespace.whitespaces.trimming(" \u{301}a").unicodeScalars) == ["\u{301}", "a"])
    }
}
