import Testing

@testable import LedgerLintCore

/// `TextDocument.append(concurrently:…)` writes the reports' blocks and cases on every core: the document must be
/// what writing them in turn gives, separators included, at the ends of the stretches and after what the document
/// held already.
@Suite struct TextDocumentTests {
    @Test(arguments: [0, 1, 99, 100, 101, 1000, 10_001])
    func writtenConcurrentlyIsWrittenInTurn(count: Int) {
        var document = TextDocument(capacity: 16)
        document.append("head|")
        document.append(concurrently: count, separator: ", ", threshold: 100) { index, document in
            document.append("item \(index * 7)")
            if index % 3 == 0 { document.append(byte: UInt8(ascii: "!")) }
        }
        let items = (0..<count).map { "item \($0 * 7)" + ($0 % 3 == 0 ? "!" : "") }
        #expect(document.text == "head|" + items.joined(separator: ", "))
    }

    @Test func withoutASeparatorThePiecesFollowEachOther() {
        var document = TextDocument(capacity: 0)
        document.append(concurrently: 5000, threshold: 100) { index, document in document.append(String(index % 10)) }
        #expect(document.text == (0..<5000).map { String($0 % 10) }.joined())
        #expect([UInt8](document.data()) == Array((0..<5000).map { String($0 % 10) }.joined().utf8))
    }
}
