import Foundation
import Testing

@testable import LedgerLintCore

@Suite struct CSVTableTests {
    struct DelimiterCase: Sendable, CustomTestStringConvertible {
        var header: String
        var delimiter: Unicode.Scalar
        var testDescription: String { header.debugDescription }
    }

    @Test(arguments: [
        DelimiterCase(header: "a;b;c\n1,5;2;3", delimiter: ";"),
        DelimiterCase(header: "a,b,c\n1;2;3;4;5", delimiter: ","),
        DelimiterCase(header: "a\tb\tc\n1,2", delimiter: "\t"),
        DelimiterCase(header: "\"Navn; fullt\",\"E-post\",Nr\n", delimiter: ","),
        DelimiterCase(header: "\r\n\r\nx;y\n", delimiter: ";"),
        DelimiterCase(header: "a;b,c\n", delimiter: ";"),
        DelimiterCase(header: "single\n1,2,3", delimiter: ";"),
    ])
    func detectsDelimiterFromHeaderOutsideQuotes(_ testCase: DelimiterCase) throws {
        #expect(try CSVTable.parse(testCase.header, path: "t.csv").delimiter == testCase.delimiter)
    }

    @Test(arguments: ["sep=,\r\na;b,c\r\n1;2,3\r\n", "SEP=,\na;b,c\n1;2,3\n", "\"sep=,\"\na;b,c\n1;2,3\n"])
    func excelsSeparatorLineSetsTheSeparatorAndIsNoHeader(_ text: String) throws {
        let table = try CSVTable.parse(text, path: "t.csv")
        #expect(table.delimiter == ",")
        #expect(table.header == ["a;b", "c"])
        #expect(table.headerLine == 2)
        #expect(table.rows.map(\.fields) == [["1;2", "3"]])
        #expect(table.rows.map(\.line) == [3])
    }

    @Test(arguments: ["sep=;;\na;b;c\n", "sep=;x\na;b\n", "separator;x\n1;2\n"])
    func aHeaderThatOnlyStartsLikeASeparatorLineIsAHeader(_ text: String) throws {
        let table = try CSVTable.parse(text, path: "t.csv")
        #expect(table.headerLine == 1)
        #expect(table.delimiter == ";")
    }

    @Test func excelStyleQuotingAndLineNumbers() throws {
        let text = "Nr;Navn;Notat\r\n1;\"A; B\";\"sa \"\"hei\"\"\"\r\n2;\"to\r\nlinjer\";x\r\n\r\n3;;\r\n"
        let table = try CSVTable.parse(text, path: "t.csv")
        #expect(table.header == ["Nr", "Navn", "Notat"])
        #expect(table.rows.map(\.line) == [2, 3, 6])
        #expect(table.rows[0].fields == ["1", "A; B", "sa \"hei\""])
        #expect(table.rows[1].fields == ["2", "to\nlinjer", "x"])
        #expect(table.rows[2].fields == ["3", "", ""])
    }

    @Test(arguments: ["a,b\n1,2\n3,4", "a,b\r1,2\r3,4\r", "a,b\r\n1,2\r\n3,4\r\n"])
    func lineEndings(_ text: String) throws {
        let table = try CSVTable.parse(text, path: "t.csv")
        #expect(table.rows.map(\.line) == [2, 3])
        #expect(table.rows.map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func shortRowsArePaddedAndBlankRowsSkipped() throws {
        let table = try CSVTable.parse("a;b;c\n1\n\n;;\n   \n2;x;\n", path: "t.csv")
        #expect(table.rows.map(\.fields) == [["1", "", ""], ["2", "x", ""]])
        #expect(table.rows.map(\.line) == [2, 6])
    }

    @Test func spacesBeforeAnOpeningQuoteAreTolerated() throws {
        let table = try CSVTable.parse("a, b\n1, \"x, y\"  \n", path: "t.csv")
        #expect(table.rows.first?.fields == ["1", "x, y"])
    }

    @Test func emptyTextHasNoHeader() throws {
        let table = try CSVTable.parse("", path: "t.csv")
        #expect(table.header.isEmpty)
        #expect(table.rows.isEmpty)
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        /// Parts the message must contain besides the path and line.
        var mentions: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        ErrorCase(
            name: "unterminated quote names the line the field started on",
            text: "a;b\n1;2\n3;\"open\nstill open\nand more\n", line: 3, mentions: ["never closed"]),
        ErrorCase(
            name: "more fields than the header", text: "a;b\n1;2\n3;4;5\n", line: 3,
            mentions: ["3 fields", "2 columns"]),
        ErrorCase(
            name: "quote inside an unquoted field", text: "a;b\n1;Hans \"Fisk\" AS\n", line: 2,
            mentions: ["Hans \"", "inside the unquoted field"]),
        ErrorCase(
            name: "text after a closing quote", text: "a;b\r\n1;2\r\n\"x\"y;2\r\n", line: 3,
            mentions: ["after the closing quote", "\"x\""]),
    ])
    func malformedCSV(_ testCase: ErrorCase) throws {
        let error = #expect(throws: InputError.self) { try CSVTable.parse(testCase.text, path: "assist/customers.csv") }
        guard case .malformedCSV(let path, let line, _) = error else {
            Issue.record("expected malformedCSV, got \(String(describing: error))")
            return
        }
        #expect(path == "assist/customers.csv")
        #expect(line == testCase.line)
        let message = error?.errorDescription ?? ""
        #expect(message.hasPrefix("assist/customers.csv:\(testCase.line): not valid CSV: "))
        for part in testCase.mentions {
            #expect(message.contains(part), "\(message)")
        }
    }
}
