import Foundation

extension JSONInput {
    /// Decodes `T` from JSON text, turning every failure into an `InputError` that names `path`.
    ///
    /// Syntax errors carry line and column; type errors carry the JSON path (`[3].Number`), what was expected
    /// and the value found.
    static func decode<T: Decodable>(_ type: T.Type, from value: Value, path: String) throws -> T {
        do {
            return try T(from: TreeDecoder(value: value, codingPath: []))
        } catch let error as DecodingError {
            throw inputError(for: error, root: value, path: path)
        }
    }

    /// A JSON path in the form `[3].Number`, as the messages show it; the empty path is "the top level".
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the top level" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    /// The value at `codingPath`, when there is one.
    static func value(at codingPath: [any CodingKey], in root: Value) -> Value? {
        var current = root
        for key in codingPath {
            switch current {
            case .array(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return nil }
                current = items[index]
            case .object(let members):
                guard let member = members[key.stringValue] else { return nil }
                current = member
            default:
                return nil
            }
        }
        return current
    }

    private static func inputError(for error: DecodingError, root: Value, path: String) -> InputError {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let found = value(at: context.codingPath, in: root).map { ", found \($0.summary)" } ?? ""
            return .unexpectedJSON(
                path: path, jsonPath: jsonPath(context.codingPath), reason: context.debugDescription + found)
        case .keyNotFound(let key, let context):
            return .unexpectedJSON(
                path: path, jsonPath: jsonPath(context.codingPath + [key]), reason: "required, but missing")
        @unknown default:
            return .unexpectedJSON(path: path, jsonPath: "the top level", reason: String(describing: error))
        }
    }
}

extension JSONInput {
    /// An array index in a coding path.
    struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String

        init(_ index: Int) {
            intValue = index
            stringValue = String(index)
        }

        init?(intValue: Int) { self.init(intValue) }
        init?(stringValue: String) { nil }
    }

    /// A `Decoder` over a parsed `Value`. Type mismatches are thrown as `DecodingError` with a debug description
    /// that reads as the "expected …" part of a message, so that `try?` fallbacks in lenient types still work.
    struct TreeDecoder: Decoder {
        let value: Value
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else {
                throw DecodingError.typeMismatch(
                    [String: Value].self, .init(codingPath: codingPath, debugDescription: "expected an object"))
            }
            return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = value else {
                throw DecodingError.typeMismatch(
                    [Value].self, .init(codingPath: codingPath, debugDescription: "expected an array"))
            }
            return UnkeyedContainer(items: items, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueContainer(value: value, codingPath: codingPath)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: Value]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        private func child(_ key: Key) throws -> TreeDecoder {
            guard let member = members[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: codingPath, debugDescription: "required, but missing"))
            }
            return TreeDecoder(value: member, codingPath: codingPath + [key])
        }

        private func decodeMember<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try T(from: child(key))
        }

        func decodeNil(forKey key: Key) throws -> Bool { try child(key).value == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeMember(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeMember(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeMember(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeMember(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeMember(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeMember(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeMember(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeMember(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeMember(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeMember(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeMember(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeMember(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeMember(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeMember(type, key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decodeMember(type, key) }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try child(key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try child(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            TreeDecoder(value: members["super"] ?? .null, codingPath: codingPath)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            TreeDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let items: [Value]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(items: [Value], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        private mutating func next() throws -> TreeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    Value.self,
                    .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "expected more items"))
            }
            defer { currentIndex += 1 }
            return TreeDecoder(value: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)])
        }

        private mutating func decodeItem<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = try next()
            do {
                return try T(from: decoder)
            } catch {
                // Stay on the failed item, as JSONDecoder does, so a caller can retry it as another type.
                currentIndex -= 1
                throw error
            }
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeItem(type) }
        mutating func decode(_ type: String.Type) throws -> String { try decodeItem(type) }
        mutating func decode(_ type: Double.Type) throws -> Double { try decodeItem(type) }
        mutating func decode(_ type: Float.Type) throws -> Float { try decodeItem(type) }
        mutating func decode(_ type: Int.Type) throws -> Int { try decodeItem(type) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeItem(type) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeItem(type) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeItem(type) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeItem(type) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeItem(type) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeItem(type) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeItem(type) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeItem(type) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeItem(type) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeItem(type) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type
        ) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try next().unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    private struct SingleValueContainer: SingleValueDecodingContainer {
        let value: Value
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        private func mismatch<T>(_ type: T.Type, _ expected: String) -> DecodingError {
            value == .null
                ? .valueNotFound(type, .init(codingPath: codingPath, debugDescription: expected))
                : .typeMismatch(type, .init(codingPath: codingPath, debugDescription: expected))
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let flag) = value else { throw mismatch(type, "expected true or false") }
            return flag
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let text) = value else { throw mismatch(type, "expected text in quotes") }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double {
            guard case .number(let text) = value, let number = Double(text), number.isFinite else {
                throw mismatch(type, "expected a number")
            }
            return number
        }

        func decode(_ type: Float.Type) throws -> Float {
            guard case .number(let text) = value, let number = Float(text), number.isFinite else {
                throw mismatch(type, "expected a number")
            }
            return number
        }

        /// Whole numbers, also when written as `1e3` or `2.0`; fractions and numbers too large are mismatches.
        private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let expected = T.isSigned ? "expected a whole number" : "expected a whole number, zero or more"
            guard case .number(let text) = value else { throw mismatch(type, expected) }
            if let number = T(text) { return number }
            if let number = Double(text), number.rounded() == number {
                guard let exact = T(exactly: number) else {
                    throw mismatch(type, "expected a whole number between \(T.min) and \(T.max)")
                }
                return exact
            }
            let isWhole = text.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
            throw mismatch(type, isWhole ? "expected a whole number between \(T.min) and \(T.max)" : expected)
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: TreeDecoder(value: value, codingPath: codingPath))
        }
    }
}
