import Foundation
import Testing

@testable import LedgerLintText
@testable import LedgerLintJSON

@Suite struct JSONInputTests {
    @Test func parsesValues() throws {
        let value = try JSONInput.parse(
            #"{"a": [1, -2.5e3, true, false, null], "b": "æ\"\\\/\n\u00f8\ud83d\ude00"}"#, path: "x.json")
        #expect(
            value
                == .object([
                    "a": .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]),
                    "b": .string("æ\"\\/\nø😀"),
                ]))
    }

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var reason: String
        var testDescription: String { text.debugDescription }
    }

    @Test(arguments: [
        SyntaxCase(text: "", line: 1, column: 1, reason: "the file is empty"),
        SyntaxCase(text: "[1, 2", line: 1, column: 6, reason: "the array opened with '[' at line 1, column 1"),
        SyntaxCase(text: "[\n  \"Blåbær\", 01]", line: 2, column: 13, reason: "leading zeros"),
        SyntaxCase(text: "[\"æøå\" \"x\"]", line: 1, column: 8, reason: "unexpected '\"' in an array"),
        SyntaxCase(text: "{'a': 1}", line: 1, column: 2, reason: "property name in double quotes"),
        SyntaxCase(text: "[True]", line: 1, column: 2, reason: "lowercase"),
        SyntaxCase(text: "[\"a\nb\"]", line: 1, column: 4, reason: "line break inside a string"),
        SyntaxCase(text: "[1]\n[2]", line: 2, column: 1, reason: "after the end of the JSON value"),
        SyntaxCase(text: "\r\n\r\n  [\"open", line: 3, column: 4, reason: "never closed"),
        SyntaxCase(text: "[\"\\x\"]", line: 1, column: 3, reason: "not a JSON escape"),
        SyntaxCase(text: String(repeating: "[", count: 600), line: 1, column: 513, reason: "nested more than"),
    ])
    func syntaxErrorsHavePositions(_ testCase: SyntaxCase) {
        let error = #expect(throws: JSONError.self) { try JSONInput.parse(testCase.text, path: "p/x.json") }
        guard case .malformedJSON(let path, let line, let column, let reason) = error else {
            Issue.record("expected malformedJSON, got \(String(describing: error))")
            return
        }
        #expect(path == "p/x.json")
        #expect(line == testCase.line)
        #expect(column == testCase.column)
        #expect(reason.en.contains(testCase.reason), "\(reason.en)")
    }

    struct Record: Decodable, Equatable {
        var Number: Int64?
        var Name: String?
        var Tags: [String]?
    }

    @Test(arguments: [
        (#"[{"Number": 1e3}]"#, "no error"),
        (#"[{"Number": 1, "Tags": ["a", 2]}]"#, "[0].Tags[1]: expected text in quotes, found 2"),
        (#"[{"Number": 99999999999999999999}]"#, "[0].Number: expected a whole number between"),
        (#"[{"Name": null}, {"Name": {"x": 1}}]"#, "[1].Name: expected text in quotes, found an object with keys \"x\""),
        (#"[7]"#, "[0]: expected an object, found 7"),
    ])
    func typeErrorsHavePaths(_ json: String, _ expected: String) throws {
        let value = try JSONInput.parse(json, path: "x.json")
        do {
            _ = try JSONInput.decode([Record].self, from: value, path: "x.json")
            #expect(expected == "no error")
        } catch let error as JSONError {
            guard case .unexpectedJSON(let path, let jsonPath, let reason) = error else {
                Issue.record("expected unexpectedJSON, got \(error)")
                return
            }
            #expect(path == "x.json")
            #expect("\(jsonPath): \(reason.en)".hasPrefix(expected), "\(jsonPath): \(reason.en)")
        }
    }
}
