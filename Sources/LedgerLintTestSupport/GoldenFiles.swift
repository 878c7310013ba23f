import Foundation
import PowerOfficeGo
import Testing

/// Compares output with a file in a test target's `Fixtures/Golden`, or re-records it when `LEDGERLINT_RECORD=1`.
///
/// Golden files are read and written in the source tree (each target finds its folder through `#filePath`), not
/// the test bundle, so a re-recorded file shows up in `git diff` and is reviewed like code. Recording fails the test
/// on purpose: a run that records proves nothing, and a forgotten variable must not turn a suite green.
public struct GoldenFiles: Sendable {
    public let directory: URL

    /// The `Fixtures/Golden` folder beside `file`: pass `#filePath` of a file at the test target's root.
    public init(besides file: String) {
        directory = URL(fileURLWithPath: file).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Golden", isDirectory: true)
    }

    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["LEDGERLINT_RECORD"] == "1"
    }

    /// Asserts that `actual` equals the golden file's text, showing a line diff when it does not.
    public func assertText(
        _ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let expected = load(name, recording: actual, sourceLocation: sourceLocation) else { return }
        if actual != expected {
            Issue.record(
                Comment(rawValue: "Output differs from Fixtures/Golden/\(name) (- golden, + actual); re-record with LEDGERLINT_RECORD=1:\n"
                    + Self.lineDiff(expected: expected, actual: actual)),
                sourceLocation: sourceLocation
            )
        }
    }

    /// Asserts that an HTML report equals its golden file, with the report's style sheet and script (constants of
    /// `HTMLReporter`, the same in every report) put by name, so that each golden file holds what its report says
    /// and not a copy of the reporter's source. That the report carries both verbatim is asserted here; a change to
    /// either still shows in the golden file: the style sheet's by its hash in the name, the script's by the hash in
    /// the Content-Security-Policy.
    ///
    /// - Parameters:
    ///   - css: `HTMLReporter.css`; `javaScript`: `HTMLReporter.script`.
    public func assertHTML(
        _ actual: String, matches name: String, css: String, javaScript: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let style = "<style>\n\(css)\n</style>"
        let script = "<script>\(javaScript)</script>"
        #expect(
            actual.components(separatedBy: style).count == 2, "the style sheet, once, verbatim", sourceLocation: sourceLocation)
        #expect(actual.components(separatedBy: script).count <= 2, "the script, at most once", sourceLocation: sourceLocation)
        let named = actual
            .replacingOccurrences(of: style, with: "<style>/* HTMLReporter.css, SHA-256 \(SHA256.hex(css.utf8).prefix(16)) */</style>")
            .replacingOccurrences(of: script, with: "<script>/* HTMLReporter.script */</script>")
        assertText(named, matches: name, sourceLocation: sourceLocation)
    }

    /// Asserts that `actual` is JSON equal to the golden file's JSON: same values, whatever the whitespace and
    /// key order.
    public func assertJSON(
        _ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        guard let expected = load(name, recording: actual, sourceLocation: sourceLocation) else { return }
        let decoder = JSONDecoder()
        let actualValue: JSONValue
        let expectedValue: JSONValue
        do {
            actualValue = try decoder.decode(JSONValue.self, from: Data(actual.utf8))
        } catch {
            Issue.record("Output is not valid JSON: \(error)", sourceLocation: sourceLocation)
            return
        }
        do {
            expectedValue = try decoder.decode(JSONValue.self, from: Data(expected.utf8))
        } catch {
            Issue.record("Fixtures/Golden/\(name) is not valid JSON: \(error)", sourceLocation: sourceLocation)
            return
        }
        if actualValue != expectedValue {
            Issue.record(
                Comment(rawValue: "JSON differs from Fixtures/Golden/\(name) (- golden, + actual); re-record with LEDGERLINT_RECORD=1:\n"
                    + Self.lineDiff(expected: expectedValue.canonical, actual: actualValue.canonical)),
                sourceLocation: sourceLocation
            )
        }
    }

    /// The golden text, or nil after recording `actual` or failing to read.
    private func load(
        _ name: String, recording actual: String, sourceLocation: Testing.SourceLocation
    ) -> String? {
        let url = directory.appendingPathComponent(name)
        if Self.isRecording {
            do {
                // A golden file's name may have folders in it (`fix-plan-en/steps.md`).
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("Recorded Fixtures/Golden/\(name); run again without LEDGERLINT_RECORD.", sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record Fixtures/Golden/\(name): \(error)", sourceLocation: sourceLocation)
            }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "Missing Fixtures/Golden/\(name); record it with LEDGERLINT_RECORD=1.", sourceLocation: sourceLocation
            )
            return nil
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A minimal line diff (longest common subsequence): removed lines with `-`, added with `+`, two lines of
    /// context around each change. Control characters are shown as `\u{1B}` and so on, so invisible differences
    /// (ANSI codes, `\r`) are visible.
    public static func lineDiff(expected: String, actual: String, context: Int = 2) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [(mark: Character, text: String)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                lines.append(("-", old[i])); i += 1
            } else {
                lines.append(("+", new[j])); j += 1
            }
        }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        var shown: [String] = []
        var last = -1
        for index in lines.indices where changed.contains(where: { abs($0 - index) <= context }) {
            if last >= 0, index > last + 1 { shown.append("…") }
            shown.append("\(lines[index].mark) \(visible(lines[index].text))")
            last = index
        }
        return shown.joined(separator: "\n")
    }

    private static func visible(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Any JSON value, compared by value: object key order and whitespace do not matter, `1` and `1.0` are equal,
/// `1` and `true` are not.
public enum JSONValue: Equatable, Codable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Sorted, pretty-printed text, for diffs.
    public var canonical: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "\(self)"
    }
}
