import Foundation

/// A field's value as the rules see it.
public enum FieldValue: Sendable, Hashable {
    case null
    case string(String)
    case int(Int64)
    case bool(Bool)

    /// Absent values are `null` and empty (or blank) strings.
    public var isPresent: Bool {
        switch self {
        case .null: false
        case .string(let text): text.hasContent
        case .int, .bool: true
        }
    }

    /// The value as text for templates and join keys; `null` is empty.
    public var text: String {
        switch self {
        case .null: ""
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    /// The value as a whole number: ints, and strings that are one (surrounding spaces allowed).
    public var integer: Int64? {
        switch self {
        case .int(let number): number
        case .string(let text): Int64(text.trimmedSpaces)
        case .null, .bool: nil
        }
    }

    init(_ text: String?) { self = text.map { .string($0) } ?? .null }
    init(_ number: Int64?) { self = number.map { .int($0) } ?? .null }
    init(_ number: Int?) { self = number.map { .int(Int64($0)) } ?? .null }
    init(_ flag: Bool?) { self = flag.map { .bool($0) } ?? .null }
}

extension FieldValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .int(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .string(let text): try container.encode(text)
        case .int(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs. Pure Swift: Foundation's trimming is slow on Linux, and the
    /// rules call this for every field they read.
    var trimmedSpaces: Substring {
        let text = Substring(self)
        // Most values have nothing to trim: a byte test of both ends avoids the walk.
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return text
        }
        // The bounds of the trimmed bytes are scalar boundaries, since blanks are whole scalars.
        let bytes = UTF8Text.trimmed(text.utf8)
        return text[bytes.startIndex..<bytes.endIndex]
    }

    /// Whether there is anything but spaces and tabs.
    var hasContent: Bool {
        if let first = utf8.first, first > 0x20, first < 0x80 { return true }
        return UTF8Text.hasContent(utf8)
    }
}

