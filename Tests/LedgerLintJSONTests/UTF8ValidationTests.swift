import Foundation
import Testing

@testable import LedgerLintJSON

/// `UTF8Validation.inspect` against Foundation: whether bytes are UTF-8, and where the first NUL is, however far
/// past the first byte that is not UTF-8 (where the rest is only looked through for a NUL) it lies.
@Suite struct UTF8ValidationTests {
    static func reference(_ bytes: [UInt8]) -> (isValid: Bool, firstNUL: Int?) {
        (String(bytes: bytes, encoding: .utf8) != nil, bytes.firstIndex(of: 0))
    }

    static func inspect(_ bytes: [UInt8], releasing: Bool) -> (isValid: Bool, firstNUL: Int?, released: [Int]) {
        var released: [Int] = []
        let result = bytes.withUnsafeBytes { buffer in
            UTF8Validation.inspect(buffer, release: releasing ? { released.append($0) } : nil)
        }
        return (result.isValid, result.firstNUL, released)
    }

    /// Windows-1252 text three windows long: not UTF-8 from its second byte on.
    static let windows1252: [UInt8] = {
        let pattern: [UInt8] = [0x41, 0xE6, 0x3B, 0xF8, 0x20, 0xC5]
        return [UInt8](unsafeUninitializedCapacity: 3 * MappedFile.window + 100) { buffer, count in
            for index in buffer.indices { buffer[index] = pattern[index % pattern.count] }
            count = buffer.count
        }
    }()

    /// That text with a NUL at `nul`, or none.
    @Test(arguments: [nil, 1, 2, 4095, MappedFile.window - 1, MappedFile.window, 2 * MappedFile.window + 17, 3 * MappedFile.window + 99])
    func aNULPastTheFirstByteThatIsNotUTF8IsFound(at nul: Int?) {
        var bytes = Self.windows1252
        if let nul { bytes[nul] = 0 }
        for releasing in [false, true] {
            let result = Self.inspect(bytes, releasing: releasing)
            #expect(result.isValid == false)
            #expect(result.firstNUL == nul, "releasing: \(releasing)")
            if releasing, nul == nil {
                // The pages are let go as the scan passes them, in order, to the last window.
                #expect(result.released == result.released.sorted() && result.released.allSatisfy { $0 <= bytes.count })
                #expect((result.released.last ?? 0) >= bytes.count - MappedFile.window)
            }
        }
    }

    /// ASCII up to the first byte that is not UTF-8, at a window's end or on either side of it (where the check
    /// goes on past the window it was in), then a NUL far on, or none.
    @Test(arguments: [MappedFile.window - 2, MappedFile.window - 1, MappedFile.window, MappedFile.window + 1])
    func theFirstByteThatIsNotUTF8AtAWindowsEdge(at invalid: Int) {
        for nul in [nil, invalid + 1, 2 * MappedFile.window + 5] as [Int?] {
            var bytes = [UInt8](repeating: 0x61, count: 3 * MappedFile.window)
            // A three-byte sequence cut short (E2 82, then ASCII): not UTF-8 at `invalid`.
            bytes[invalid] = 0xE2
            bytes[invalid + 1] = 0x82
            if let nul { bytes[nul] = 0 }
            for releasing in [false, true] {
                let result = Self.inspect(bytes, releasing: releasing)
                #expect(!result.isValid && result.firstNUL == nul, "NUL at \(String(describing: nul))")
                #expect(result.released == result.released.sorted() && result.released.allSatisfy { $0 <= bytes.count })
            }
        }
    }

    @Test func randomBytesAreJudgedAsFoundationJudgesThem() {
        var state: UInt64 = 8
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let pieces: [[UInt8]] = [
            Array("Kunde;".utf8), Array("Blåbær".utf8), [0xE6], [0xF8, 0xE5], [0], [0xE2, 0x82, 0xAC], [0xC3],
            [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], Array(repeating: 0x61, count: 20),
        ]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 12) {
                // Mostly text, now and then a byte that is not UTF-8 or a NUL.
                let piece = pieces[Int(next() % UInt64(pieces.count))]
                if piece == [0], next() % 3 != 0 { continue }
                bytes += piece
            }
            let result = Self.inspect(bytes, releasing: false)
            #expect(result.isValid == Self.reference(bytes).isValid, "\(bytes)")
            #expect(result.firstNUL == Self.reference(bytes).firstNUL, "\(bytes)")
        }
    }
}
