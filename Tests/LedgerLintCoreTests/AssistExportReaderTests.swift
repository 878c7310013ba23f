import Foundation
import Testing

@testable import LedgerLintCore
import LedgerLintJSON

@Suite struct AssistExportReaderTests {
    static func fixture(_ name: String) throws -> Data {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: folder.appendingPathComponent("AssistExportReaderTests/\(name)"))
    }

    // MARK: Customers

    @Test func excelWindows1252WithQuotedSeparatorsAndLineBreaks() throws {
        let file = "assist/customers.csv"
        let customers = try AssistExportReader.customers(csv: Self.fixture("customers-excel-cp1252.csv"), file: file)
        #expect(
            customers == [
                AssistCustomer(
                    customerNumber: "10001", name: "Blåbær Øvre AS", organizationNumber: "923609016",
                    email: "post@blabaer.no", sendMethod: .ehf, export: true,
                    location: SourceLocation(file: file, line: 2)),
                AssistCustomer(
                    customerNumber: "10002", name: "Ærlig; Ålesund \"Fisk\" AS", organizationNumber: nil,
                    email: "faktura@aerlig.no", sendMethod: .email, export: true,
                    location: SourceLocation(file: file, line: 3)),
                AssistCustomer(
                    customerNumber: "10003", name: "Søster\nGjøvik", email: "ss@example.no", sendMethod: .print,
                    export: false, location: SourceLocation(file: file, line: 4)),
                AssistCustomer(
                    customerNumber: "K-4", name: "Ørn – €uro", email: nil, sendMethod: .email, export: true,
                    location: SourceLocation(file: file, line: 6)),
            ])
    }

    /// Cells go into the table from their bytes (`CSVScanner.textCell`): each is the text the file's decoding and
    /// trimming make of it, for every byte of Windows-1252 and at the edges where trimming looks beyond ASCII.
    @Test func windows1252CellsAreDecodedAsTheWholeTextIs() throws {
        var cells: [[UInt8]] = (0x80...0xFF).map { [0x41, UInt8($0), 0x42] } + (0x80...0xFF).map { [UInt8($0)] }
        cells += [[0xA0, 0x41], [0x41, 0xA0], [0x20, 0xE6, 0x20], [0x09, 0x41, 0x85], [0xA0], [0x20, 0xA0, 0x20]]
        var csv: [UInt8] = Array("Kundenummer;Navn;E-post\r\n".utf8)
        for (row, cell) in cells.enumerated() { csv += Array("\(row);".utf8) + cell + Array(";a@b.no\r\n".utf8) }
        let customers = try AssistExportReader.customers(csv: Data(csv), file: "c.csv")
        let expected = cells.map { cell -> String? in
            let text = TextDecoding.windows1252(cell).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        #expect(customers.map(\.name) == expected)
        #expect(customers.map { $0.name.map { Array($0.utf8) } } == expected.map { $0.map { Array($0.utf8) } })
    }

    @Test func utf8WithBOMMixedCaseHeadersShortAndBlankRows() throws {
        let customers = try AssistExportReader.customers(csv: Self.fixture("customers-utf8-bom.csv"), file: "c.csv")
        #expect(customers.map(\.customerNumber) == ["12000", "12001", "12002"])
        #expect(customers.map(\.name) == ["Åse Ødegård", "Bjørn", "Ærø AS"])
        #expect(customers.map(\.email) == ["aase@example.no", nil, "ae@example.no"])
        #expect(customers.map(\.location?.line) == [2, 4, 6])
        // Absent optional columns give the defaults.
        #expect(customers.allSatisfy { $0.sendMethod == .email && $0.export && $0.organizationNumber == nil })
    }

    @Test func commaSeparatedWithEnglishHeaders() throws {
        let customers = try AssistExportReader.customers(csv: Self.fixture("customers-comma-utf8.csv"), file: "c.csv")
        #expect(customers.map(\.name) == ["Hansen, Hans", "Fjord Fisk AS"])
        #expect(customers.map(\.sendMethod) == [.eFaktura, .ehf])
        #expect(customers.map(\.export) == [true, false])
        #expect(customers.map(\.organizationNumber) == [nil, "923 609 016"])
    }

    @Test func tabSeparatedWithSnakeCaseHeaders() throws {
        let customers = try AssistExportReader.customers(csv: Self.fixture("customers-tab.csv"), file: "c.csv")
        #expect(customers == [
            AssistCustomer(
                customerNumber: "10020", name: "Tab Tabsen", email: "tab@example.no",
                location: SourceLocation(file: "c.csv", line: 2))
        ])
    }

    @Test func excelsSeparatorLineIsReadAsTheSeparator() throws {
        // Saved by Excel with "sep=," so that it opens in columns: the first line is no header.
        let csv = Data("sep=,\r\nKundenummer,Navn,E-post\r\n10001,\"Hansen; Hans\",h@example.no\r\n".utf8)
        let customers = try AssistExportReader.customers(csv: csv, file: "c.csv")
        #expect(customers == [
            AssistCustomer(
                customerNumber: "10001", name: "Hansen; Hans", email: "h@example.no",
                location: SourceLocation(file: "c.csv", line: 3))
        ])
    }

    @Test func numbersThatAreNoCustomerNumberStayAsWrittenInJSON() throws {
        let json = Data(#"[{"customerNumber": 1e400}, {"customerNumber": 12345678901234567890}, {"customerNumber": 1.5}, {"customerNumber": 10001}]"#.utf8)
        let customers = try AssistExportReader.customers(json: json, file: "c.json")
        #expect(customers.map(\.customerNumber) == ["1e400", "12345678901234567890", "1.5", "10001"])
    }

    @Test func aHugeValueIsQuotedShort() throws {
        let value = String(repeating: "x", count: 1_000_000)
        let csv = Data("Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a@b.no;\(value)\n".utf8)
        let error = #expect(throws: InputError.self) { try AssistExportReader.customers(csv: csv, file: "c.csv") }
        let message = error?.errorDescription ?? ""
        #expect(message.count < 400, "\(message.count) characters")
        #expect(message.contains("'" + String(repeating: "x", count: 100) + "…'"), "\(message.prefix(300))")
    }

    @Test func aHugeHeaderIsQuotedShort() throws {
        let csv = Data((String(repeating: "H", count: 5_000_000) + "\n1\n").utf8)
        let error = #expect(throws: InputError.self) { try AssistExportReader.customers(csv: csv, file: "c.csv") }
        let message = error?.errorDescription ?? ""
        #expect(message.count < 400, "\(message.count) characters")
        #expect(message.contains("missing required column"))
    }

    @Test func jsonExport() throws {
        let file = "assist/customers.json"
        let customers = try AssistExportReader.customers(json: Self.fixture("customers.json"), file: file)
        #expect(customers.map(\.customerNumber) == ["10030", "X-1", "10032"])
        #expect(customers.map(\.name) == ["Jens Json", "Åsa", "Standard"])
        #expect(customers.map(\.email) == ["jens@example.no", nil, "std@example.no"])
        #expect(customers.map(\.sendMethod) == [.ehf, .email, .email])
        #expect(customers.map(\.export) == [true, false, true])
        // A JSON export has no lines worth naming: each record is named by its place in the array.
        #expect(customers.map(\.location) == (1...3).map { SourceLocation(file: file, record: $0) })
    }

    // MARK: Product groups

    @Test func productGroupsFromExcelCSV() throws {
        let file = "assist/product-groups.csv"
        let groups = try AssistExportReader.productGroups(csv: Self.fixture("product-groups-excel.csv"), file: file)
        #expect(
            groups == [
                AssistProductGroup(number: 1, name: "Varer", salesAccount: 3000, location: .init(file: file, line: 2)),
                AssistProductGroup(
                    number: 2, name: "Tjenester; timer", salesAccount: 3010, location: .init(file: file, line: 3)),
                AssistProductGroup(number: 99, name: "Diverse", salesAccount: nil, location: .init(file: file, line: 4)),
            ])
    }

    @Test func productGroupsFromJSON() throws {
        let file = "assist/product-groups.json"
        let groups = try AssistExportReader.productGroups(json: Self.fixture("product-groups.json"), file: file)
        #expect(
            groups == [
                AssistProductGroup(number: 1, name: "Varer", salesAccount: 3000, location: .init(file: file, record: 1)),
                AssistProductGroup(number: 2, name: "Tjenester", salesAccount: 3010, location: .init(file: file, record: 2)),
                AssistProductGroup(number: 99, name: nil, salesAccount: nil, location: .init(file: file, record: 3)),
            ])
    }

    // MARK: Errors

    enum Kind: String, Sendable {
        case customersCSV, customersJSON, productGroupsCSV, productGroupsJSON
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: Kind
        var input: String
        var expected: InputError
        /// The whole message, so that a change in wording shows here.
        var message: String
        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(
            name: "unknown send method", kind: .customersCSV,
            input: "Kundenummer;Navn;E-post;Sendingsmetode\n1;A;a@b.no;EHF\n2;B;b@b.no;Brevdue\n",
            expected: .badValue(
                path: "assist/customers.csv", line: 3, column: "Sendingsmetode", value: "Brevdue",
                expected: "a send method (E-post, EHF, eFaktura or Papir; empty means E-post)"),
            message: "assist/customers.csv:3: column 'Sendingsmetode': 'Brevdue' is not a send method "
                + "(E-post, EHF, eFaktura or Papir; empty means E-post)"),
        ErrorCase(
            name: "unknown export flag", kind: .customersCSV,
            input: "customer_number,name,email,export\n1,A,a@b.no,kanskje\n",
            expected: .badValue(
                path: "assist/customers.csv", line: 2, column: "export", value: "kanskje",
                expected: "yes or no (Ja/Nei, yes/no, true/false or 1/0; empty means Ja)"),
            message: "assist/customers.csv:2: column 'export': 'kanskje' is not yes or no "
                + "(Ja/Nei, yes/no, true/false or 1/0; empty means Ja)"),
        ErrorCase(
            name: "missing required column", kind: .customersCSV,
            input: "Kundenummer;Navn;Telefon\n1;A;555\n",
            expected: .missingColumn(
                path: "assist/customers.csv", column: "E-post (email)", found: ["Kundenummer", "Navn", "Telefon"]),
            message: "assist/customers.csv:1: missing required column 'E-post (email)'; the header has "
                + "'Kundenummer', 'Navn', 'Telefon'"),
        ErrorCase(
            name: "not CSV: one column", kind: .customersCSV,
            input: "Kundenummer|Navn|E-post\n1|A|a@b.no\n",
            expected: .missingColumn(
                path: "assist/customers.csv", column: "Kundenummer (customer_number)",
                found: ["Kundenummer|Navn|E-post"]),
            message: "assist/customers.csv:1: missing required column 'Kundenummer (customer_number)'; the header "
                + "has 'Kundenummer|Navn|E-post' (one column only: is this a CSV file separated by ';', ',' or tab?)"),
        ErrorCase(
            name: "empty file", kind: .customersCSV, input: "",
            expected: .missingColumn(path: "assist/customers.csv", column: "Kundenummer (customer_number)", found: []),
            message: "assist/customers.csv:1: missing required column 'Kundenummer (customer_number)'; no header"),
        ErrorCase(
            name: "two headers for one column", kind: .customersCSV,
            input: "Kundenummer;Navn;E-post;Email\n",
            expected: .malformedCSV(
                path: "assist/customers.csv", line: 1,
                reason: "the columns 'E-post' and 'Email' mean the same; keep one of them"),
            message: "assist/customers.csv:1: not valid CSV: the columns 'E-post' and 'Email' mean the same; "
                + "keep one of them"),
        ErrorCase(
            name: "unterminated quote", kind: .customersCSV,
            input: "Kundenummer;Navn;E-post\r\n1;\"Open AS;a@b.no\r\n2;B;b@b.no\r\n",
            expected: .malformedCSV(
                path: "assist/customers.csv", line: 2,
                reason: "the quoted field that starts on this line is never closed (unterminated \")"),
            message: "assist/customers.csv:2: not valid CSV: the quoted field that starts on this line is never "
                + "closed (unterminated \")"),
        ErrorCase(
            name: "product group not a whole number", kind: .productGroupsCSV,
            input: "Produktgruppe;Navn;Salgskonto\n1;Varer;3000\nA-2;Tjenester;3010\n",
            expected: .badValue(
                path: "assist/product-groups.csv", line: 3, column: "Produktgruppe", value: "A-2",
                expected: "a whole number (the product group number is required)"),
            message: "assist/product-groups.csv:3: column 'Produktgruppe': 'A-2' is not a whole number "
                + "(the product group number is required)"),
        ErrorCase(
            name: "sales account not a whole number", kind: .productGroupsCSV,
            input: "product_group,name,sales_account\n1,Varer,30OO\n",
            expected: .badValue(
                path: "assist/product-groups.csv", line: 2, column: "sales_account", value: "30OO",
                expected: "a whole number (an account number) or empty"),
            message: "assist/product-groups.csv:2: column 'sales_account': '30OO' is not a whole number "
                + "(an account number) or empty"),
        ErrorCase(
            name: "JSON syntax error has line and column", kind: .customersJSON,
            input: "[\n  {\"customerNumber\": 1, \"name\": \"A\",},\n]",
            expected: .malformedJSON(
                path: "assist/customers.json", line: 2, column: 37,
                reason: "a trailing comma before '}' is not allowed in JSON"),
            message: "assist/customers.json:2:37: not valid JSON: a trailing comma before '}' is not allowed in JSON"),
        ErrorCase(
            name: "JSON send method", kind: .customersJSON,
            input: "[{\"customerNumber\": 1}, {\"customerNumber\": 2, \"sendMethod\": \"Fax\"}]",
            expected: .unexpectedJSON(
                path: "assist/customers.json", jsonPath: "[1].sendMethod",
                reason: "'Fax' is not a send method (E-post, EHF, eFaktura, Papir)"),
            message: "assist/customers.json: at [1].sendMethod: 'Fax' is not a send method (E-post, EHF, eFaktura, Papir)"),
        ErrorCase(
            name: "JSON export flag", kind: .customersJSON,
            input: "[{\"customerNumber\": 1, \"export\": \"kanskje\"}]",
            expected: .unexpectedJSON(
                path: "assist/customers.json", jsonPath: "[0].export",
                reason: "expected Ja/Nei, yes/no, true/false or 1/0, found \"kanskje\""),
            message: "assist/customers.json: at [0].export: expected Ja/Nei, yes/no, true/false or 1/0, "
                + "found \"kanskje\""),
        ErrorCase(
            name: "JSON object instead of array", kind: .customersJSON,
            input: "{\"customers\": []}",
            expected: .unexpectedJSON(
                path: "assist/customers.json", jsonPath: "",
                reason: "expected an array of records, found an object with keys \"customers\""),
            message: "assist/customers.json: at the top level: expected an array of records, found an object "
                + "with keys \"customers\""),
        ErrorCase(
            name: "JSON product group missing", kind: .productGroupsJSON,
            input: "[{\"productGroup\": 1}, {\"name\": \"Uten nummer\"}]",
            expected: .unexpectedJSON(
                path: "assist/product-groups.json", jsonPath: "[1].productGroup", reason: "required, but missing"),
            message: "assist/product-groups.json: at [1].productGroup: required, but missing"),
        ErrorCase(
            name: "JSON product group a fraction", kind: .productGroupsJSON,
            input: "[{\"productGroup\": 1.5}]",
            expected: .unexpectedJSON(
                path: "assist/product-groups.json", jsonPath: "[0].productGroup",
                reason: "expected a whole number, found 1.5"),
            message: "assist/product-groups.json: at [0].productGroup: expected a whole number, found 1.5"),
    ]

    @Test(arguments: errorCases)
    func inputErrors(_ testCase: ErrorCase) {
        let data = Data(testCase.input.utf8)
        let error = #expect(throws: InputError.self) {
            switch testCase.kind {
            case .customersCSV: _ = try AssistExportReader.customers(csv: data, file: "assist/customers.csv")
            case .customersJSON: _ = try AssistExportReader.customers(json: data, file: "assist/customers.json")
            case .productGroupsCSV:
                _ = try AssistExportReader.productGroups(csv: data, file: "assist/product-groups.csv")
            case .productGroupsJSON:
                _ = try AssistExportReader.productGroups(json: data, file: "assist/product-groups.json")
            }
        }
        #expect(error?.english == testCase.expected)
        #expect(error?.errorDescription == testCase.message)
    }

    @Test(arguments: ["E-post", "e_post", "EPOST", "Email", "E-mail", "email address", "E-post-adresse"])
    func headerSpellings(_ header: String) throws {
        let csv = Data("Kundenummer;Navn;\(header)\n1;A;a@b.no\n".utf8)
        #expect(try AssistExportReader.customers(csv: csv, file: "c.csv").first?.email == "a@b.no")
    }
}
