import Foundation
import Testing

@testable import LedgerLintJSON

/// `JSONWriter` must write, byte for byte, what `JSONOutput.document` (`JSONEncoder`) writes of the same value, or
/// the reports it writes would change: each case here is written both ways and compared as bytes.
@Suite struct JSONWriterTests {
    /// Every control character, the characters JSON escapes, and what the encoder leaves alone although others
    /// escape it: `/`, DEL, U+2028 and U+2029, characters beyond ASCII and outside the Basic Multilingual Plane.
    static let strings: [String] = [
        "", "plain", "\"quoted\"", "back\\slash", "\\\"", "a/b//c", "</script>",
        String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }), "\u{7F}", "\u{80}\u{9F}\u{A0}",
        "line\nbreak\r\ntab\tbell\u{07}", "\u{2028}\u{2029}", "æøå ÆØÅ é", "😀👍🏽🇳🇴", "\u{FEFF}bom", "\u{FFFD}\u{FFFE}\u{FFFF}",
        "e\u{301}", "nul\u{0}inside", "ends with backslash\\",
    ] + (0..<17).map { offset in
        // A character to escape at every place within and across the eight bytes the escaper looks at at once.
        String(repeating: "ø", count: offset / 2) + String(repeating: "x", count: offset % 2) + "\"\u{1F}\\ sixteen bytes on"
    }

    @Test(arguments: strings)
    func aStringIsEscapedAsTheEncoderEscapesIt(text: String) throws {
        #expect(JSONWriter.document(text) == (try encoded(text)))
        #expect(JSONWriter.document([text, text]) == (try encoded([text, text])))
        #expect(JSONWriter.document(["key": text]) == (try encoded(["key": text])))
    }

    /// Values of every kind, nested, with containers empty and not.
    struct Nested: Encodable, JSONWritable {
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nestedEmpty: [[Int]] = [[], []]
        var objectsOfEmpty: [[String: [String]]] = [[:], ["a": []], ["b": ["x"], "a": []]]
        var numbers: [Int64] = [0, 1, -1, 1234567890, .max, .min]
        var flags: [Bool?] = [true, false, nil]
        var absent: String? = nil
        var null: Int? = nil
        var keys: [String: Int] = ["B": 1, "a": 2, "ab": 3, "a2": 4, "a10": 5, "$s": 6, "_x": 7, "é": 8, "e": 9, "": 10]
        var text = "\"/\\\n"

        enum CodingKeys: String, CodingKey {
            case emptyArray, emptyObject, nestedEmpty, objectsOfEmpty, numbers, flags, absent, null, keys, text
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(emptyArray, forKey: .emptyArray)
            try container.encode(emptyObject, forKey: .emptyObject)
            try container.encode(nestedEmpty, forKey: .nestedEmpty)
            try container.encode(objectsOfEmpty, forKey: .objectsOfEmpty)
            try container.encode(numbers, forKey: .numbers)
            try container.encode(flags, forKey: .flags)
            try container.encodeIfPresent(absent, forKey: .absent)
            try container.encode(null, forKey: .null)
            try container.encode(keys, forKey: .keys)
            try container.encode(text, forKey: .text)
        }

        func write(to json: inout JSONWriter) {
            json.object(
                [
                    .init("emptyArray", emptyArray), .init("emptyObject", emptyObject), .init("nestedEmpty", nestedEmpty),
                    .init("objectsOfEmpty", objectsOfEmpty), .init("numbers", numbers), .init("flags", flags),
                    .init("null", null), .init("keys", keys), .init("text", text),
                ] + JSONWriter.Member.ifPresent("absent", absent))
        }
    }

    @Test func nestedValuesAndEmptyContainersAreLaidOutAsTheEncoderLaysThemOut() throws {
        #expect(JSONWriter.document(Nested()) == (try encoded(Nested())))
        #expect(JSONWriter.document([Nested(), Nested()]) == (try encoded([Nested(), Nested()])))
        #expect(JSONWriter.document([[String: Int]]()) == (try encoded([[String: Int]]())))
        #expect(JSONWriter.document([String: Int]()) == (try encoded([String: Int]())))
        #expect(JSONWriter.document(7) == (try encoded(7)))
    }

    /// An array written in stretches at once is the array written in turn: at the top and nested, of any length
    /// around the stretches' bounds, with and without the capacity the document was sized for.
    @Test(arguments: [0, 1, 2, 3, 7, 64, 101])
    func elementsWrittenConcurrentlyAreTheArrayWrittenInTurn(count: Int) throws {
        let elements = (0..<count).map { index in
            index % 3 == 0 ? Nested() : Nested(numbers: [Int64(index)], text: "element \(index)\n")
        }
        for capacity in [0, 1 << 16] {
            let inTurn = JSONWriter.document(Holder(nested: elements), capacity: capacity)
            let concurrent = JSONWriter.document(
                Holder(nested: ConcurrentElements(elements, threshold: 2)), capacity: capacity)
            #expect(concurrent == inTurn)
            #expect(JSONWriter.document(ConcurrentElements(elements, threshold: 2), capacity: capacity)
                == (try encoded(elements)))
            // Written out in the parts the stretches made, the same bytes.
            let parts = JSONWriter.documentDataParts(Holder(nested: ConcurrentElements(elements, threshold: 2)), capacity: capacity)
            #expect(String(decoding: parts.reduce(Data(), +), as: UTF8.self) == inTurn)
            #expect(JSONWriter.documentData(Holder(nested: ConcurrentElements(elements, threshold: 2)), capacity: capacity)
                == Data(inTurn.utf8))
        }
    }

    /// An array nested two levels deep, between other members.
    struct Holder<Nested: JSONWritable>: JSONWritable {
        var nested: Nested

        func write(to json: inout JSONWriter) {
            json.object([.init("a", [1, 2]), .init("b", [nested]), .init("c", [Int]())])
        }
    }

    @Test func membersAreWrittenWhereTheyAreGivenAndObjectSortsThem() throws {
        var json = JSONWriter()
        json.beginObject()
        json.member("b", 1)
        json.member("a", ifPresent: Int?.none)
        json.member("c", ifPresent: Int?.some(2))
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self) == "{\n  \"b\" : 1,\n  \"c\" : 2\n}")
    }

    /// Nested deeper than the line of indents the writer copies from (63 levels), with an empty array and an
    /// empty object at the bottom.
    @Test(arguments: [1, 62, 63, 64, 70])
    func deepNestingIsIndentedAsTheEncoderIndentsIt(levels: Int) throws {
        #expect(JSONWriter.document(Deep(level: levels)) == (try encoded(Deep(level: levels))))
    }

    struct Deep: Encodable, JSONWritable {
        var level: Int

        enum CodingKeys: String, CodingKey { case deeper, empty, none }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if level > 0 {
                try container.encode(Deep(level: level - 1), forKey: .deeper)
            } else {
                try container.encode([Int](), forKey: .empty)
                try container.encode([String: Int](), forKey: .none)
            }
        }

        func write(to json: inout JSONWriter) {
            json.object {
                if level > 0 {
                    $0.member("deeper", Deep(level: level - 1))
                } else {
                    $0.member("empty", [Int]())
                    $0.member("none", [String: Int]())
                }
            }
        }
    }

    /// `Data(taking:)`, which the documents' bytes become `Data` by without a copy, holds the same bytes, outlives
    /// the array it took, and a copy of it that is changed leaves it as it was.
    @Test(arguments: [0, 1, 15, 16, 100_000])
    func dataTakingAnArrayHasItsBytes(count: Int) {
        func made() -> Data { Data(taking: (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) }) }
        let data = made()
        #expect(data == Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
        var changed = data
        if count > 0 {
            changed[0] = 0xFF
            changed.append(1)
            #expect(data.first == 0)
            #expect(data.count == count)
            #expect(changed.count == count + 1)
        }
        #expect(JSONWriter.documentData(["a": 1]) == Data("{\n  \"a\" : 1\n}\n".utf8))
    }

    private func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONOutput.document(value), as: UTF8.self)
    }
}
