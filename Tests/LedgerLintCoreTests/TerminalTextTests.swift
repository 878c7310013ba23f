import Testing

@testable import LedgerLintText

/// `TerminalText.sanitized` leaves clean text as it is after a scan of its bytes, eight at a time while they are
/// printable ASCII (`isClean`), and rebuilds the rest (`rebuilt`). This holds the scan to the rebuild: clean exactly
/// when rebuilding changes no byte, with each kind of character at every place around a word's edges.
@Suite struct TerminalTextTests {
    static let pieces = ["\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{0}", "\r", "\r\n", "\u{1F}", "\t", "\n", "\u{A0}", "é", "🐟", " ", "~"]

    @Test(arguments: pieces)
    func theScanIsCleanExactlyWhenRebuildingChangesNothing(piece: String) {
        for place in 0...18 {
            let plain = String(repeating: "a", count: 20)
            let text = String(plain.prefix(place)) + piece + String(plain.dropFirst(place))
            let rebuilt = TerminalText.rebuilt(text)
            #expect(TerminalText.isClean(text) == (Array(rebuilt.utf8) == Array(text.utf8)), "\(piece.debugDescription) at \(place)")
            #expect(Array(TerminalText.sanitized(text).utf8) == Array(rebuilt.utf8), "\(piece.debugDescription) at \(place)")
        }
    }

    @Test func controlsBecomeReplacementsAndLineBreaksNewlines() {
        #expect(TerminalText.sanitized("a\u{1B}[31mb\r\nc\rd\te\u{85}") == "a\u{FFFD}[31mb\nc\nd\te\u{FFFD}")
        #expect(TerminalText.sanitized("") == "")
    }
}
