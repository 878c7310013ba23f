import Foundation
import LedgerLintText

/// Pretty-printed JSON written straight into bytes, byte for byte as `JSONOutput.document(_:)` writes the same
/// value, but without building the encoder's tree of every value first: for the reports, where that tree took most of
/// a large run's time to write.
///
/// The caller writes an object's members in key order (`JSONOutput` sorts keys by their UTF-8 bytes); a test
/// compares each report's writer with the encoder, so that a member out of place fails it. The layout is the
/// encoder's: two spaces per level, `"key" : value`, an empty array or object as `[`, an empty line, and `]` on its
/// own line. Strings are escaped as `escape(_:into:)` says.
public struct JSONWriter: Sendable {
    /// The part being written; `earlierParts` hold what was written before it, when an array's elements were
    /// written on every core (`ConcurrentElements`), each stretch's bytes taken as a part rather than copied on.
    fileprivate var current: [UInt8] = []
    fileprivate var earlierParts: [[UInt8]] = []

    /// The JSON written so far, in the parts it was written in.
    public var parts: [[UInt8]] { earlierParts + [current] }

    /// The JSON written so far, in one piece.
    public var bytes: [UInt8] { earlierParts.isEmpty ? current : Array(parts.joined()) }
    /// How deeply the current container is nested: the indent of its members is two spaces per level.
    fileprivate var depth: Int
    /// Whether the current container has no member or element yet.
    fileprivate var isEmpty = true
    /// Whether the next value goes right where the text ends: after a key, or at the very start.
    fileprivate var valueFollows = true

    /// A writer whose first value is nested `depth` levels deep, as an element of an array at `depth - 1` is: its
    /// later lines are indented by `depth` levels, its first line not at all.
    public init(depth: Int = 0, capacity: Int = 0) {
        self.depth = depth
        current.reserveCapacity(capacity)
    }

    /// `value` as a whole document, ending with a newline, as `JSONOutput.document(_:)` writes it.
    public static func document(_ value: some JSONWritable, capacity: Int = 0) -> String {
        String(decoding: documentParts(value, capacity: capacity).joined(), as: UTF8.self)
    }

    /// The same document as bytes, for a report written out as it is: without the check a `String` makes that the
    /// bytes are UTF-8 (they are: the writer escapes nothing into anything else) and its copy, and without a copy
    /// into `Data` either.
    public static func documentData(_ value: some JSONWritable, capacity: Int = 0) -> Data {
        let parts = documentParts(value, capacity: capacity)
        return parts.count == 1 ? Data(taking: parts[0]) : Data(parts.joined())
    }

    /// The same document in the parts it was written in, each as `Data` without a copy: for a report written out
    /// a part after another, whose parts are then never joined into one buffer (a copy of half the report, into
    /// fresh pages).
    public static func documentDataParts(_ value: some JSONWritable, capacity: Int = 0) -> [Data] {
        documentParts(value, capacity: capacity).map { Data(taking: $0) }
    }

    private static func documentParts(_ value: some JSONWritable, capacity: Int) -> [[UInt8]] {
        var json = JSONWriter(capacity: capacity)
        value.write(to: &json)
        json.current.append(UInt8(ascii: "\n"))
        return json.parts
    }

    // MARK: Containers

    public mutating func beginObject() { begin(UInt8(ascii: "{")) }
    public mutating func endObject() { end(UInt8(ascii: "}")) }
    public mutating func beginArray() { begin(UInt8(ascii: "[")) }
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    /// An object's key, the value to follow.
    public mutating func key(_ key: String) {
        separate()
        Self.escape(key, into: &current)
        current.append(contentsOf: " : ".utf8)
        valueFollows = true
    }

    /// A member of the current object.
    @inlinable
    public mutating func member(_ key: String, _ value: some JSONWritable) {
        self.key(key)
        value.write(to: &self)
    }

    /// A member of the current object when `value` is not `nil`: as the encoder's `encodeIfPresent`, which leaves
    /// out the key too.
    @inlinable
    public mutating func member(_ key: String, ifPresent value: (some JSONWritable)?) {
        guard let value else { return }
        member(key, value)
    }

    /// An object whose members `members` writes, in the order it writes them: the caller's key order.
    @inlinable
    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        beginObject()
        members(&self)
        endObject()
    }

    /// An object of `members`, written in key order whatever order they come in: for an object that joins the
    /// members of two records, once per document, not once per finding.
    public mutating func object(_ members: [Member]) {
        beginObject()
        for member in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(member.key)
            member.write(&self)
        }
        endObject()
    }

    /// A member of `object(_:)`.
    public struct Member {
        public var key: String
        public var write: (inout JSONWriter) -> Void

        public init(_ key: String, _ value: some JSONWritable) {
            self.key = key
            self.write = { value.write(to: &$0) }
        }

        /// The member, or none when `value` is `nil`.
        public static func ifPresent(_ key: String, _ value: (some JSONWritable)?) -> [Member] {
            value.map { [Member(key, $0)] } ?? []
        }
    }

    // MARK: Values

    public mutating func string(_ value: String) {
        startValue()
        Self.escape(value, into: &current)
    }

    public mutating func number(_ value: some FixedWidthInteger) {
        startValue()
        current.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        current.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    public mutating func null() {
        startValue()
        current.append(contentsOf: "null".utf8)
    }

    // MARK: Layout

    private mutating func begin(_ bracket: UInt8) {
        startValue()
        current.append(bracket)
        depth += 1
        isEmpty = true
    }

    private mutating func end(_ bracket: UInt8) {
        depth -= 1
        // The encoder leaves an empty line inside an empty container.
        if isEmpty { current.append(UInt8(ascii: "\n")) }
        lineBreak(comma: false)
        current.append(bracket)
        isEmpty = false
    }

    /// Before a value: nothing after a key, else (an array's element) the separator that puts it on its own line.
    private mutating func startValue() {
        if valueFollows {
            valueFollows = false
        } else {
            separate()
        }
    }

    /// The comma after the previous member, if any, a line break and the indent.
    private mutating func separate() {
        lineBreak(comma: !isEmpty)
        isEmpty = false
    }

    /// A comma if `comma`, a line break and the indent: copied in one piece from a line of them, rather than a
    /// byte and a space at a time (a report writes one for every member).
    private mutating func lineBreak(comma: Bool) {
        let end = 2 + 2 * depth
        guard end <= Self.commaBreakAndSpaces.count else {
            if comma { current.append(UInt8(ascii: ",")) }
            current.append(UInt8(ascii: "\n"))
            current.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
            return
        }
        Self.commaBreakAndSpaces.withUnsafeBufferPointer { line in
            current.append(contentsOf: UnsafeBufferPointer(rebasing: line[(comma ? 0 : 1)..<end]))
        }
    }

    /// `,`, a line break, and the indent of 63 levels.
    private static let commaBreakAndSpaces = Array(",\n".utf8) + [UInt8](repeating: UInt8(ascii: " "), count: 126)

    // MARK: Strings

    /// `text` as a quoted JSON string, escaped as the encoder (`JSONOutput`'s settings) escapes it: `"` and `\`
    /// with a backslash; backspace, form feed, newline, carriage return and tab as `\b`, `\f`, `\n`, `\r`, `\t`;
    /// the other control characters below U+0020 as `\u00xx` with lowercase hex digits. Everything else stays as
    /// its UTF-8 bytes: `/` (`.withoutEscapingSlashes`), DEL, U+2028, U+2029, and every character beyond ASCII.
    public static func escape(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            // Runs of bytes that need no escape are copied whole, and looked through eight bytes at a time.
            var start = 0
            var index = 0
            while index < utf8.count {
                if index + 8 <= utf8.count,
                    !mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [
                        UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
                    ])
                }
                index += 1
                start = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is below U+0020, `"` or a backslash; never false when one is (the
    /// "has a zero byte" and "has a byte less than" tricks of Bit Twiddling Hacks).
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        ByteWords.bytes(word, below: 0x20) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\""))
            | ByteWords.bytes(word, equalTo: UInt8(ascii: "\\")) != 0
    }
}

/// A value `JSONWriter` writes without an encoder.
public protocol JSONWritable {
    /// Writes the value, one JSON value, where `json` is.
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    public func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    public func write(to json: inout JSONWriter) { json.number(self) }
}

extension Int64: JSONWritable {
    public func write(to json: inout JSONWriter) { json.number(self) }
}

extension Bool: JSONWritable {
    public func write(to json: inout JSONWriter) { json.bool(self) }
}

/// `null` for `nil`, as the encoder's `encode` (not `encodeIfPresent`) writes it.
extension Optional: JSONWritable where Wrapped: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) {
        if let self { self.write(to: &json) } else { json.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    @inlinable
    public func write(to json: inout JSONWriter) {
        json.beginArray()
        for element in self { element.write(to: &json) }
        json.endArray()
    }
}

/// An array whose elements are written on every core at once: the elements in stretches, each stretch by its own
/// writer, the stretches then joined in order. The bytes are those of the array written element by element (the
/// writer's layout of an element depends only on its depth and on whether it is the first); `JSONWriterTests` holds
/// the two to the same bytes. For a report's tens of thousands of findings; a short array is written in turn.
///
/// The elements may be made as they are written (`init(count:threshold:element:)`), each on the thread that writes
/// it: a report's records, made from its findings, are then never all held at once, nor copied into an array and
/// freed one by one after.
public struct ConcurrentElements<Element: JSONWritable & Sendable>: JSONWritable, Sendable {
    public let count: Int
    /// Below this many elements, the array is written in turn.
    public let threshold: Int
    /// The element at an index.
    public let element: @Sendable (Int) -> Element

    public init(_ elements: [Element], threshold: Int = 4096) {
        self.init(count: elements.count, threshold: threshold) { elements[$0] }
    }

    /// The elements `element` makes of `0..<count`, made when written.
    public init(count: Int, threshold: Int = 4096, element: @escaping @Sendable (Int) -> Element) {
        self.count = count
        self.threshold = threshold
        self.element = element
    }

    public func write(to json: inout JSONWriter) {
        json.beginArray()
        // The first stretch goes straight into the document's own writer; the others into writers of their own, at
        // the same depth, each after a first element's separator, with room for their share of what the document's
        // was sized for. Their bytes are then parts of the document, not copied on after the first stretch's.
        let depth = json.depth
        let share = max(json.current.capacity - json.current.count, 0)
        let others = writeInStretches(
            count, threshold: threshold, into: &json, empty: JSONWriter(),
            other: { JSONWriter(elementsAfterTheFirstAt: depth, capacity: share / $0) },
            write: { range, writer in for index in range { element(index).write(to: &writer) } })
        for other in others {
            for part in other.parts {
                json.earlierParts.append(json.current)
                json.current = part
            }
        }
        json.endArray()
    }
}

/// The same array to `JSONEncoder`, an element at a time, as `Array` encodes itself.
extension ConcurrentElements: Encodable where Element: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for index in 0..<count { try container.encode(element(index)) }
    }
}

extension JSONWriter {
    /// A writer that goes on with an array's elements after its first, at `depth`: each begins with the separator.
    fileprivate init(elementsAfterTheFirstAt depth: Int, capacity: Int) {
        self.init(depth: depth, capacity: capacity)
        isEmpty = false
        valueFollows = false
    }
}

/// Keys in order of their UTF-8 bytes, as `JSONOutput`'s `.sortedKeys` has them.
extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        if count == 1, let (key, value) = first {
            // Nothing to sort: as SARIF's fingerprints, one a result.
            json.member(key, value)
        } else {
            for (key, value) in sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                json.member(key, value)
            }
        }
        json.endObject()
    }
}
