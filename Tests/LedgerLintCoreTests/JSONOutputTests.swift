import Foundation
import Testing

@testable import LedgerLintJSON

/// `JSONOutput.StreamedArray` writes an object a piece at a time; the pieces must be, byte for byte, what
/// `JSONOutput.document` writes of the whole object, or a report of many clients would differ from one rendered at
/// once.
@Suite struct JSONOutputTests {
    struct Element: Codable, Equatable, JSONWritable {
        var name: String
        var tags: [String]
        var nested: [String: Int]

        func write(to json: inout JSONWriter) {
            json.beginObject()
            json.member("name", name)
            json.member("nested", nested)
            json.member("tags", tags)
            json.endObject()
        }
    }

    struct Before: Encodable { var alpha: String }
    struct After: Encodable {
        var omega: [Int]
        var zeta: Int
    }

    /// The whole object, its keys in the order of `Before`, the array, `After`.
    struct Whole: Encodable {
        var alpha: String
        var items: [Element]
        var omega: [Int]
        var zeta: Int
    }

    static let elements = [
        Element(name: "first\nline \"quoted\" / slash", tags: [], nested: [:]),
        Element(name: "ø æ å", tags: ["a", "b"], nested: ["x": 1, "a": 2]),
        Element(name: "", tags: [""], nested: ["": 0]),
    ]

    @Test(arguments: 0...3)
    func theStreamedObjectIsTheWholeObjectByteForByte(count: Int) throws {
        let items = Array(Self.elements.prefix(count))
        let whole = String(
            decoding: try JSONOutput.document(Whole(alpha: "a", items: items, omega: [], zeta: 9)), as: UTF8.self)
        let stream = JSONOutput.StreamedArray(key: "items")
        var streamed = try stream.opening(before: Before(alpha: "a"), empty: items.isEmpty)
        for (index, item) in items.enumerated() { streamed += stream.element(item, first: index == 0) }
        streamed += try stream.closing(after: After(omega: [], zeta: 9), empty: items.isEmpty)
        #expect(streamed == whole)
    }

    @Test func withNothingBeforeOrAfterTheArray() throws {
        struct Only: Encodable { var items: [Element] }
        let stream = JSONOutput.StreamedArray(key: "items")
        for items in [[], Self.elements] {
            var streamed = try stream.opening(before: Before?.none, empty: items.isEmpty)
            for (index, item) in items.enumerated() { streamed += stream.element(item, first: index == 0) }
            streamed += try stream.closing(after: After?.none, empty: items.isEmpty)
            #expect(streamed == String(decoding: try JSONOutput.document(Only(items: items)), as: UTF8.self))
        }
    }
}
