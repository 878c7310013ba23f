import Foundation
import Testing

@testable import LedgerLintJSON

@Suite struct TextDecodingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var encoding: TextDecoding.Encoding
        var text: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain ASCII is UTF-8", bytes: Array("a;b\r\n".utf8), encoding: .utf8, text: "a;b\r\n"),
        Case(name: "valid UTF-8", bytes: Array("Blåbær Øvre".utf8), encoding: .utf8, text: "Blåbær Øvre"),
        Case(
            name: "UTF-8 with BOM drops the BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("Kundenummer;Navn".utf8),
            encoding: .utf8BOM, text: "Kundenummer;Navn"),
        Case(
            name: "UTF-16 LE with BOM", bytes: [0xFF, 0xFE, 0x41, 0x00, 0xE6, 0x00, 0x3B, 0x00, 0xAC, 0x20],
            encoding: .utf16LE, text: "Aæ;€"),
        Case(
            name: "UTF-16 BE with BOM, surrogate pair", bytes: [0xFE, 0xFF, 0x00, 0xF8, 0xD8, 0x3D, 0xDE, 0x00],
            encoding: .utf16BE, text: "ø😀"),
        Case(
            name: "Windows-1252 æøå ÆØÅ", bytes: [0xE6, 0xF8, 0xE5, 0x20, 0xC6, 0xD8, 0xC5], encoding: .windows1252,
            text: "æøå ÆØÅ"),
        Case(
            name: "Windows-1252 0x80–0x9F table", bytes: [0x80, 0x96, 0x97, 0x84, 0x93, 0x94, 0x99, 0x8A, 0x9F],
            encoding: .windows1252, text: "€–—„“”™ŠŸ"),
        Case(
            name: "Windows-1252 undefined bytes map to C1 controls", bytes: [0xC5, 0x81, 0x8D, 0x8F, 0x90, 0x9D],
            encoding: .windows1252, text: "Å\u{81}\u{8D}\u{8F}\u{90}\u{9D}"),
        Case(
            name: "a lone UTF-8 lead byte makes the file Windows-1252", bytes: Array("ok ".utf8) + [0xC3, 0x20],
            encoding: .windows1252, text: "ok Ã "),
    ]

    @Test(arguments: cases)
    func decodesAndDetects(_ testCase: Case) throws {
        let decoded = try TextDecoding.decodeWithEncoding(Data(testCase.bytes), path: "assist/customers.csv")
        #expect(decoded.encoding == testCase.encoding)
        #expect(decoded.text == testCase.text)
    }

    @Test func windows1252UpperHalfIsLatin1() throws {
        let bytes = [UInt8](0xA0...0xFF)
        let text = try TextDecoding.decode(Data(bytes), path: "x.csv")
        #expect(text.unicodeScalars.map(\.value) == bytes.map(UInt32.init))
    }

    @Test(arguments: [
        ([UInt8](Array("Kundenummer;Navn\0".utf8)), 1),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], 1),  // the start of an .xlsx (zip)
        ([0xE6, 0x00, 0xF8], 1),  // Windows-1252 with a NUL
        ([UInt8](Array("a;b\r\n1;2\r\n3;\0".utf8)), 3),  // CR LF is one line break
        ([UInt8](Array("a\rb\nc\n\rd\0\n\0".utf8)), 5),  // so are CR and LF alone; the first NUL counts
        ([0xE6, 0x0A, 0xF8, 0x0D, 0x0A, 0x00], 3),  // Windows-1252 over lines
        ([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0x00], 2),  // a NUL character in UTF-16
    ] as [([UInt8], Int)])
    func nulByteIsNotText(_ bytes: [UInt8], line: Int) {
        #expect(throws: JSONError.notText(path: "assist/customers.csv", line: line)) {
            try TextDecoding.decode(Data(bytes), path: "assist/customers.csv")
        }
        #expect(
            JSONError.notText(path: "assist/customers.csv", line: line).message(.en)
                == "assist/customers.csv:\(line): not a text file (this line has a NUL byte: binary data); expected CSV or JSON")
    }

    @Test("the line of a NUL byte, counted in bytes and in text alike, past eight-byte words")
    func lineOfTheFirstNUL() {
        #expect(TextDecoding.lineOfFirstNUL(in: "no nul here\n") == nil)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], Array("abcdefghijklmnop".utf8), [0x61], [0x00]]
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                bytes += pieces.randomElement(using: &random) ?? []
            }
            // Lines as a reader of lines counts them: CR LF and CR made LF, then the LFs before the NUL.
            let expected = bytes.firstIndex(of: 0).map { nul in
                let lines = String(decoding: bytes[..<nul], as: UTF8.self)
                    .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
                return 1 + lines.utf8.filter { $0 == 0x0A }.count
            }
            let inBytes = bytes.firstIndex(of: 0).map { nul in bytes.withUnsafeBytes { TextDecoding.line(at: nul, in: $0) } }
            #expect(inBytes == expected, "\(bytes)")
            #expect(TextDecoding.lineOfFirstNUL(in: String(decoding: bytes, as: UTF8.self)) == expected, "\(bytes)")
        }
    }

    @Test func brokenUTF16IsUnreadable() {
        let error = #expect(throws: JSONError.self) {
            try TextDecoding.decode(Data([0xFF, 0xFE, 0x41]), path: "assist/customers.csv")
        }
        #expect(error?.errorDescription?.hasPrefix("assist/customers.csv: cannot be read:") == true)
        #expect(error?.errorDescription?.contains("UTF-16") == true)
    }

    @Test func utf8BOMFollowedByInvalidUTF8IsUnreadable() {
        let error = #expect(throws: JSONError.self) {
            try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF, 0xE6, 0xF8]), path: "a.csv")
        }
        #expect(error?.errorDescription?.contains("UTF-8 byte-order mark") == true)
    }
}
