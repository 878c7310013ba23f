import Testing

@testable import LedgerLintText

/// `String.hasUTF8(_:)` and its kin compare bytes, not characters: a table stores a text once for two columns only
/// when both have the same bytes.
@Suite struct StringBytesTests {
    static let texts = [
        "", "a", "ab", "Blåbær AS", "Caf\u{E9} AS", "Cafe\u{301} AS", "Et navn som er langt nok til å ligge på heapen",
        "😀", "a\u{0}b", "aa", "Blåbær AT", "a\u{0}c",
    ]

    @Test("the same bytes, and only those, whatever the lengths and scalars")
    func comparesBytes() {
        for text in Self.texts {
            for other in Self.texts {
                let same = Array(text.utf8) == Array(other.utf8)
                Array(other.utf8).withUnsafeBufferPointer { bytes in
                    #expect(text.hasUTF8(bytes) == same, "\(text.debugDescription) against \(other.debugDescription)")
                    Array(text.utf8).withUnsafeBufferPointer { own in
                        #expect(own.hasSameBytes(as: bytes) == same, "\(text.debugDescription) against \(other.debugDescription)")
                    }
                }
                #expect(text.hasSameUTF8(as: other) == same, "\(text.debugDescription) against \(other.debugDescription)")
            }
        }
    }

    @Test func canonicallyEquivalentTextsAreNotTheSameBytes() {
        #expect("Caf\u{E9}" == "Cafe\u{301}")
        #expect(!"Caf\u{E9}".hasSameUTF8(as: "Cafe\u{301}"))
    }

    @Test func emptyBuffersWithoutAnAddressAreTheSameAsAnEmptyText() {
        let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        #expect("".hasUTF8(empty))
        #expect(empty.hasSameBytes(as: empty))
        #expect(!"a".hasUTF8(empty))
    }
}
