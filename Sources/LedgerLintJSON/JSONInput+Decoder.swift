import Foundation
import LedgerLintText

extension JSONInput {
    /// Reads the JSON file at `url` whole and decodes it as `T`: how a JSON file a user gives by name (a clients file,
    /// a baseline, a report read back) is read. `nil` when there is no such file, for the caller's own "not found";
    /// every other failure is a `JSONError` naming the file as the user gave it (`url.relativePath`).
    package static func decodeFile<T: Decodable>(_ type: T.Type, at url: URL, strict: Bool) throws(JSONError) -> T? {
        let path = url.relativePath
        let data: Data
        do {
            data = try InputFile.read(url.path)
        } catch {
            if error.isMissing { return nil }
            throw .unreadable(path: path, reason: error.reason)
        }
        do {
            return try decode(T.self, from: parse(data, path: path), path: path, strict: strict)
        } catch let error as JSONError {
            throw error
        } catch {
            throw .unexpectedJSON(path: path, jsonPath: "", reason: LocalizedText(describing: error))
        }
    }

    /// Decodes `T` from JSON text, turning every failure into a `JSONError` that names `path`.
    ///
    /// Syntax errors carry line and column; type errors carry the JSON path (`[3].Number`), what was expected
    /// and the value found.
    ///
    /// - Parameter strict: refuse keys the type does not read, naming the key's JSON path, what is allowed there and
    ///   the closest allowed key: for files the user writes (rule files, baselines), where a misspelt key would
    ///   otherwise be dropped without a word (a rule's `"wehre"` runs the rule without its filter). Exports and
    ///   snapshots are not strict: they carry many fields LedgerLint does not read.
    package static func decode<T: Decodable>(_ type: T.Type, from value: Value, path: String, strict: Bool = false) throws -> T {
        let ledger = strict ? KeyLedger() : nil
        let decoded: T
        do {
            decoded = try T(from: TreeDecoder(value: value, codingPath: [], ledger: ledger))
        } catch let error as DecodingError {
            // A required key that is missing beside an unknown one like it was misspelt: say that.
            if case .keyNotFound(let key, let context) = error,
                let misspelt = ledger?.unknownKey(like: key.stringValue, at: context.codingPath)
            {
                let (misspelt, required) = (misspelt.excerpt, key.stringValue)
                throw JSONError.unexpectedJSON(
                    path: path, jsonPath: jsonPath(context.codingPath),
                    reason: LocalizedText(
                        en: "unknown key '\(misspelt)'; did you mean '\(required)'? ('\(required)' is required)",
                        nb: "ukjent nøkkel '\(misspelt)'; mente du '\(required)'? ('\(required)' må være med)"))
            }
            throw inputError(for: error, root: value, path: path)
        }
        if let unknown = ledger?.firstUnknownKey() {
            let allowed = unknown.allowed.sorted()
            throw JSONError.unexpectedJSON(
                path: path, jsonPath: jsonPath(unknown.codingPath),
                reason: Self.unknownKey(unknown.key, allowed: allowed))
        }
        return decoded
    }

    /// Which keys of each object a strict decoding read, to find those it did not.
    ///
    /// A type's `init(from:)` asks for every key it knows, present or not (`decodeIfPresent` asks `contains`), so
    /// the keys asked for are the keys allowed, without a second list of them to keep in step. A type that reads a
    /// whole object as a dictionary (`allKeys`) allows every key.
    package final class KeyLedger {
        struct Object {
            var codingPath: [any CodingKey]
            var members: [String: Value]
            var asked: Set<String> = KeyLedger.everywhere
            var takesAnyKey = false
        }

        /// The objects in the order their containers were opened: document order, for the keys a type reads in
        /// order. Kept cheap to add to (no path is rendered, no key sorted) since every object of a rule file is
        /// one; the work is done only for an object that seems to have an unknown key.
        private var objects: [Object] = []

        /// Keys every object may have: `$schema`, which points editors at the JSON Schema.
        static let everywhere: Set<String> = ["$schema"]

        func open(_ codingPath: [any CodingKey], members: [String: Value]) -> Int {
            objects.append(Object(codingPath: codingPath, members: members))
            return objects.count - 1
        }

        func ask(_ key: String, in object: Int) { objects[object].asked.insert(key) }
        func allowAnyKey(in object: Int) { objects[object].takesAnyKey = true }

        /// What every container opened on the object at `path` asked for (a type may open one more than once).
        private func asked(at path: String) -> (keys: Set<String>, any: Bool) {
            objects.filter { jsonPath($0.codingPath) == path }.reduce((Self.everywhere, false)) {
                ($0.keys.union($1.asked), $0.any || $1.takesAnyKey)
            }
        }

        /// A key of the object at `codingPath`, not read so far, that is close to `name`.
        func unknownKey(like name: String, at codingPath: [any CodingKey]) -> String? {
            let path = jsonPath(codingPath)
            guard let object = objects.last(where: { jsonPath($0.codingPath) == path }) else { return nil }
            let asked = asked(at: path)
            guard !asked.any else { return nil }
            return Suggestion.closest(to: name, in: object.members.keys.filter { !asked.keys.contains($0) }).first
        }

        func firstUnknownKey() -> (codingPath: [any CodingKey], key: String, allowed: Set<String>)? {
            for object in objects where !object.takesAnyKey {
                guard object.members.keys.contains(where: { !object.asked.contains($0) }) else { continue }
                let asked = asked(at: jsonPath(object.codingPath))
                guard !asked.any, let key = object.members.keys.sorted().first(where: { !asked.keys.contains($0) })
                else { continue }
                return (object.codingPath, key, asked.keys.subtracting(Self.everywhere))
            }
            return nil
        }
    }

    /// `unknown key 'wehre'; did you mean 'where'? (allowed here: …)`: a key a strict reading does not know.
    package static func unknownKey(_ key: String, allowed: [String]) -> LocalizedText {
        let list = allowed.joined(separator: ", ")
        return LocalizedText(en: "unknown key '\(key.excerpt)'", nb: "ukjent nøkkel '\(key.excerpt)'")
            + Suggestion.didYouMean(key, in: allowed)
            + LocalizedText(en: " (allowed here: \(list))", nb: " (tillatt her: \(list))")
    }

    /// Where in a JSON file a problem is, as messages say it: `at [3].Number`, or `at the top level` for the
    /// empty path.
    public static func at(_ jsonPath: String, _ language: Language) -> String {
        switch (language, jsonPath.isEmpty) {
        case (.en, true): "at the top level"
        case (.en, false): "at \(jsonPath)"
        case (.nb, true): "på øverste nivå"
        case (.nb, false): "i \(jsonPath)"
        }
    }

    /// A JSON path in the form `[3].Number`; empty for the top level (`at(_:_:)` says it in words).
    package static func jsonPath(_ codingPath: [any CodingKey]) -> String {
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
    package static func value(at codingPath: [any CodingKey], in root: Value) -> Value? {
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

    private static func inputError(for error: DecodingError, root: Value, path: String) -> JSONError {
        switch error {
        case .dataCorrupted(let context):
            // Raised by LedgerLint's own types (`NamedCases`), whose reason quotes the value already.
            return .unexpectedJSON(path: path, jsonPath: jsonPath(context.codingPath), reason: reason(context))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let found = value(at: context.codingPath, in: root)?.summary
            return .unexpectedJSON(
                path: path, jsonPath: jsonPath(context.codingPath),
                reason: found.map { JSONInput.Expected.found(reason(context), $0) } ?? reason(context))
        case .keyNotFound(let key, let context):
            return .unexpectedJSON(path: path, jsonPath: jsonPath(context.codingPath + [key]), reason: Self.requiredKey)
        @unknown default:
            return .unexpectedJSON(path: path, jsonPath: "", reason: LocalizedText(verbatim: String(describing: error)))
        }
    }

    package static let requiredKey = LocalizedText(en: "required, but missing", nb: "påkrevd, men mangler")

    /// The reason a decoding error gives: both languages when LedgerLint raised it (`LocalizedReason`), else the
    /// debug description of a type that is not LedgerLint's own.
    private static func reason(_ context: DecodingError.Context) -> LocalizedText {
        (context.underlyingError as? LocalizedReason)?.text ?? LocalizedText(verbatim: context.debugDescription)
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
    package struct TreeDecoder: Decoder {
        package let value: Value
        package let codingPath: [any CodingKey]
        /// Set when decoding strictly.
        var ledger: KeyLedger? = nil
        package var userInfo: [CodingUserInfoKey: Any] { [:] }

        package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = value else {
                throw DecodingError.typeMismatch(
                    [String: Value].self,
                    JSONInput.Expected.object.decodingContext(codingPath))
            }
            let object = ledger.map { ($0, $0.open(codingPath, members: members)) }
            return KeyedDecodingContainer(KeyedContainer<Key>(members: members, codingPath: codingPath, ledger: object))
        }

        package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .array(let items) = value else {
                throw DecodingError.typeMismatch(
                    [Value].self, JSONInput.Expected.array.decodingContext(codingPath))
            }
            return UnkeyedContainer(items: items, codingPath: codingPath, ledger: ledger)
        }

        package func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValueContainer(value: value, codingPath: codingPath, ledger: ledger)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: Value]
        let codingPath: [any CodingKey]
        /// The strict decoding's ledger and this object's place in it.
        let ledger: (KeyLedger, Int)?

        var allKeys: [Key] {
            if let (ledger, object) = ledger { ledger.allowAnyKey(in: object) }
            return members.keys.compactMap { Key(stringValue: $0) }
        }

        func contains(_ key: Key) -> Bool {
            asked(key)
            return members[key.stringValue] != nil
        }

        private func asked(_ key: Key) {
            if let (ledger, object) = ledger { ledger.ask(key.stringValue, in: object) }
        }

        private func child(_ key: Key) throws -> TreeDecoder {
            asked(key)
            guard let member = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, JSONInput.requiredKey.decodingContext(codingPath))
            }
            return TreeDecoder(value: member, codingPath: codingPath + [key], ledger: ledger?.0)
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
            if let (ledger, object) = ledger { ledger.ask("super", in: object) }
            return TreeDecoder(value: members["super"] ?? .null, codingPath: codingPath, ledger: ledger?.0)
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            asked(key)
            return TreeDecoder(value: members[key.stringValue] ?? .null, codingPath: codingPath + [key], ledger: ledger?.0)
        }
    }

    private struct UnkeyedContainer: UnkeyedDecodingContainer {
        let items: [Value]
        let codingPath: [any CodingKey]
        let ledger: KeyLedger?
        var currentIndex = 0

        init(items: [Value], codingPath: [any CodingKey], ledger: KeyLedger?) {
            self.items = items
            self.codingPath = codingPath
            self.ledger = ledger
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
            return TreeDecoder(value: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)], ledger: ledger)
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
        let ledger: KeyLedger?

        func decodeNil() -> Bool { value == .null }

        private func mismatch<T>(_ type: T.Type, _ expected: LocalizedText) -> DecodingError {
            value == .null
                ? .valueNotFound(type, expected.decodingContext(codingPath))
                : .typeMismatch(type, expected.decodingContext(codingPath))
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let flag) = value else { throw mismatch(type, JSONInput.Expected.bool) }
            return flag
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let text) = value else { throw mismatch(type, JSONInput.Expected.text) }
            return text
        }

        func decode(_ type: Double.Type) throws -> Double {
            guard case .number(let text) = value, let number = Double(text), number.isFinite else {
                throw mismatch(type, JSONInput.Expected.number)
            }
            return number
        }

        func decode(_ type: Float.Type) throws -> Float {
            guard case .number(let text) = value, let number = Float(text), number.isFinite else {
                throw mismatch(type, JSONInput.Expected.number)
            }
            return number
        }

        /// Whole numbers, also when written as `1e3` or `2.0`; fractions and numbers too large are mismatches.
        private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            let expected = T.isSigned ? JSONInput.Expected.wholeNumber : JSONInput.Expected.wholeNumberZeroOrMore
            guard case .number(let text) = value else { throw mismatch(type, expected) }
            if let number = JSONInput.wholeNumber(text, as: type) { return number }
            let between = JSONInput.Expected.wholeNumber(between: String(T.min), and: String(T.max))
            if let number = Double(text), number.rounded() == number { throw mismatch(type, between) }
            let isWhole = text.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
            throw mismatch(type, isWhole ? between : expected)
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
            try T(from: TreeDecoder(value: value, codingPath: codingPath, ledger: ledger))
        }
    }
}

extension JSONInput {
    /// The whole number a JSON number literal is, as decoding reads `T`: `3000`, and also `3000.0` and `3e3`;
    /// `nil` for a fraction or a number beyond `T`.
    package static func wholeNumber<T: FixedWidthInteger>(_ literal: String, as type: T.Type) -> T? {
        if let number = T(literal) { return number }
        guard let number = Double(literal), number.rounded() == number else { return nil }
        return T(exactly: number)
    }
}
