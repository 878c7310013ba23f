import FakePowerOffice
import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText
@testable import LedgerLintJSON

/// `JSONScanner` must read PowerOffice files exactly as `JSONInput` (parse, then decode) reads them: the same
/// records, and the same error, message and position included. These tests hold it to that on hand-written cases
/// and on thousands of random and mutated documents, and compare both with Foundation's `JSONDecoder` where the
/// formats agree (`docs/performance.md` lists where they deliberately do not).
@Suite struct JSONScannerTests {
    typealias Outcome = ReadOutcome<[PowerOfficeCustomer]>

    /// What the fast reader makes of `bytes`.
    static func scanned(_ bytes: [UInt8]) -> Outcome {
        Outcome { try PowerOfficeSnapshotReader.records(of: PowerOfficeCustomer.self, json: Data(bytes), file: "p/C.json") }
    }

    /// What the fast reader makes of `bytes` read in pieces by two threads, however small they are.
    static func scannedInPieces(_ bytes: [UInt8]) -> Outcome {
        Outcome {
            try bytes.withUnsafeBytes {
                Array(try PowerOfficeSnapshotReader.scan(PowerOfficeCustomer.self, bytes: $0, file: "p/C.json", piecesAbove: 0))
            }
        }
    }

    /// Fields kept by `scannedKeeping`: no text field, so every text is checked without being made.
    static let fewFields = FieldSelection([.powerOfficeCustomers: ["Number", "IsActive"]])

    /// The kept fields of each record of a table that keeps `fewFields` (it has no whole records to compare).
    static func keptValues(_ table: RecordTable<PowerOfficeCustomer>) -> [[FieldValue]] {
        let columns = ["Number", "IsActive"].map { RecordTable<PowerOfficeCustomer>.column(named: $0) }
        return (0..<table.count).map { row in columns.map { table.value($0, row) } }
    }

    /// What the fast reader makes of `bytes` keeping only `fewFields`.
    static func scannedKeeping(_ bytes: [UInt8]) -> ReadOutcome<[[FieldValue]]> {
        ReadOutcome {
            try bytes.withUnsafeBytes {
                keptValues(try PowerOfficeSnapshotReader.scan(PowerOfficeCustomer.self, bytes: $0, file: "p/C.json", keeping: fewFields))
            }
        }
    }

    /// What the tree reader makes of `bytes`, keeping only `fewFields`: the same errors, fewer fields.
    static func parsedKeeping(_ bytes: [UInt8]) -> ReadOutcome<[[FieldValue]]> {
        ReadOutcome {
            let records = try PowerOfficeSnapshotReader.treeRecords(of: PowerOfficeCustomer.self, json: Data(bytes), file: "p/C.json")
            return keptValues(RecordTable(records, keeping: fewFields))
        }
    }

    /// What the tree reader (`JSONInput`) makes of `bytes`.
    static func parsed(_ bytes: [UInt8]) -> Outcome {
        Outcome { try PowerOfficeSnapshotReader.treeRecords(of: PowerOfficeCustomer.self, json: Data(bytes), file: "p/C.json") }
    }

    // MARK: The model

    @Test func fieldTablesMatchTheModel() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        #expect(PowerOfficeCustomer.ScannedRow.jsonFields.names == labels(PowerOfficeCustomer()))
        #expect(PowerOfficeProduct.jsonFields.names == labels(PowerOfficeProduct()))
        #expect(PowerOfficeProductGroup.jsonFields.names == labels(PowerOfficeProductGroup()))
        #expect(PowerOfficeAccount.jsonFields.names == labels(PowerOfficeAccount()))
        #expect(PowerOfficeNumberSeries.jsonFields.names == labels(PowerOfficeNumberSeries()))
    }

    @Test func decodesEveryFieldOfEveryDTO() throws {
        let customers = try PowerOfficeSnapshotReader.records(
            of: PowerOfficeCustomer.self,
            json: Data(#"""
                [{"Id": 1, "Number": 10001, "Name": "Blåbær AS", "LegalName": "Blåbær AS", "IsPerson": false,
                  "OrganizationNumber": "923609016", "EmailAddress": "post@blabaer.no",
                  "InvoiceEmailAddress": "faktura@blabaer.no", "InvoiceDeliveryType": "EHF", "IsActive": true,
                  "IsArchived": false, "MailAddress": {"City": "Oslo", "Lines": [1, 2.5e3, null, "x"]}}]
                """#.utf8), file: "C.json")
        #expect(customers == [
            PowerOfficeCustomer(
                Id: 1, Number: 10001, Name: "Blåbær AS", LegalName: "Blåbær AS", IsPerson: false,
                OrganizationNumber: "923609016", EmailAddress: "post@blabaer.no", InvoiceEmailAddress: "faktura@blabaer.no",
                InvoiceDeliveryType: "EHF", IsActive: true, IsArchived: false)
        ])
        let products = try PowerOfficeSnapshotReader.records(
            of: PowerOfficeProduct.self,
            json: Data(#"[{"Id": 9, "Code": "A-1", "Name": "Varer", "ProductType": "Product", "ProductGroupId": 3, "ProductGroupCode": "PG", "IsArchived": true, "StandardSalesAccount": 3e3}]"#.utf8),
            file: "P.json")
        #expect(products == [
            PowerOfficeProduct(
                Id: 9, Code: "A-1", Name: "Varer", ProductType: "Product", ProductGroupId: 3, ProductGroupCode: "PG",
                IsArchived: true, StandardSalesAccount: 3000)
        ])
        let groups = try PowerOfficeSnapshotReader.records(
            of: PowerOfficeProductGroup.self,
            json: Data(#"[{"Id": 5, "Code": "DIV", "Name": "Diverse", "IsArchived": false, "StandardSalesAccount": 3000.0}]"#.utf8),
            file: "G.json")
        #expect(groups == [PowerOfficeProductGroup(Id: 5, Code: "DIV", Name: "Diverse", IsArchived: false, StandardSalesAccount: 3000)])
        let accounts = try PowerOfficeSnapshotReader.records(
            of: PowerOfficeAccount.self,
            json: Data(#"[{"Id": 1, "AccountNo": 3000, "Name": "Salg", "IsActive": true, "GeneralLedgerAccountType": "Income"}]"#.utf8),
            file: "A.json")
        #expect(accounts == [PowerOfficeAccount(Id: 1, AccountNo: 3000, Name: "Salg", IsActive: true, GeneralLedgerAccountType: "Income")])
        let series = try PowerOfficeSnapshotReader.records(
            of: PowerOfficeNumberSeries.self,
            json: Data(#"[{"Id": "6f1c", "Name": "Kunder", "SubLedgerNumberSeriesType": "Customer", "FromInclusive": 10000, "ToInclusive": 19999, "GeneralLedgerAccountNo": 1500, "IsDefault": true}]"#.utf8),
            file: "S.json")
        #expect(series == [
            PowerOfficeNumberSeries(
                Id: "6f1c", Name: "Kunder", SubLedgerNumberSeriesType: "Customer", FromInclusive: 10000,
                ToInclusive: 19999, GeneralLedgerAccountNo: 1500, IsDefault: true)
        ])
    }

    // MARK: The same as JSONInput

    /// Documents whose reading must come out the same, each chosen for one rule of the grammar or of decoding.
    static let parityCases: [String] = [
        "", "   \n\t", "[]", " [ ] ", "[{}]", "[{}, {}]", "{}", "null", "7", "\"x\"", "[1]", "[null]", "[[]]",
        #"{"data": [], "success": true}"#, #"{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6}"#,
        #"[{"Number": 1e3}]"#, #"[{"Number": 3000.0}]"#, #"[{"Number": 3000.5}]"#, #"[{"Number": -0}]"#,
        #"[{"Number": 99999999999999999999}]"#, #"[{"Number": 9223372036854775807}]"#,
        #"[{"Number": 9223372036854775808}]"#, #"[{"Number": -9223372036854775808}]"#, #"[{"Number": 1e400}]"#,
        #"[{"Number": "10004"}]"#, #"[{"Number": true}]"#, #"[{"Number": [1, 2]}]"#, #"[{"Number": {"x": 1}}]"#,
        #"[{"Name": 5}]"#, #"[{"Name": "a", "Name": 5}]"#, #"[{"Name": 5, "Name": "a"}]"#,
        #"[{"IsActive": "true"}]"#, #"[{"IsActive": 1}]"#, #"[{"Name": 5, "Number": "x"}]"#,
        #"[{"Number": "x"}, {"Name": 5}]"#, #"[{"Number": "x"}, 1 2]"#, #"[{"Number": "x"}, {"Name": tru}]"#,
        #"[{"Num\u0062er": 12, "N\u00e6vn": 1}]"#, #"[{"Name": "a\u00e6\ud83d\ude00\ud800x\/\b\f\n\r\t\"\\"}]"#,
        #"[{"Name": "\ud800\u0041"}]"#, #"[{"Name": "\ud800\uzzzz"}]"#, #"[{"Name": "\u12"}]"#, #"[{"Name": "\x"}]"#,
        #"[{"Name": "Blåbær"}]"#, "[{\"Name\": \"a\nb\"}]", "[{\"Name\": \"a\u{1}b\"}]", #"[{"Name": "open"#,
        #"[1, 2"#, "[\n  \"Blåbær\", 01]", #"["æøå" "x"]"#, "{'a': 1}", "[True]", "[1]\n[2]", "[1,]", #"[{"a":1,}]"#,
        #"[{"a" 1}]"#, #"[{"a":}]"#, #"[{1: 2}]"#, #"[-]"#, #"[1.]"#, #"[1e]"#, #"[1e+]"#, #"[.5]"#, #"[+1]"#,
        #"[nul]"#, #"[{"Name": nul}]"#, #"[{"Name": "x"} x]"#, #"[{"Id": 1} {"Id": 2}]"#, "[\"\\",
        String(repeating: "[", count: 600), "[" + String(repeating: "{\"a\":[", count: 300),
        "[{\"MailAddress\": " + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}]",
        "\u{FEFF}[{\"Id\": 1}]", "\u{00A0}", "\u{00A0}[]", " \u{000B} ", "\u{2028}[1]", "[1]\u{00A0}",
    ]

    @Test(arguments: parityCases + piecesCases)
    func sameAsJSONInput(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.scanned(bytes) == Self.parsed(bytes))
        #expect(Self.scannedInPieces(bytes) == Self.parsed(bytes))
        #expect(Self.scannedKeeping(bytes) == Self.parsedKeeping(bytes))
    }

    /// Records alike but for one: the scanner skips a member of a field it does not keep when its bytes (name,
    /// colon, value and the comma or brace after it) are those of the record before at the same place
    /// (`KeyPredictions.matchMember`). The odd record changes such a member so that its bytes start alike and go on
    /// differently, or breaks it, or breaks a kept field next to it.
    static let repeatedMemberCases: [String] = {
        let record = #"{"Id": 1, "Number":10,"Name":"A","CurrencyCode":"NOK","BillableRate":950.0,"Flag":true,"#
            + #""Nothing":null,"Deep":{"x":1,"City":"Oslo","Code":null,"In":[1]},"Last":1}"#
        let compact = record.replacingOccurrences(of: "\"Id\": 1, ", with: "\"Id\":1,")
        let odd = [
            compact.replacingOccurrences(of: "950.0", with: "950.05"),
            compact.replacingOccurrences(of: "950.0", with: "950.0e1"),
            compact.replacingOccurrences(of: #""NOK","#, with: #""NOK"x,"#),
            compact.replacingOccurrences(of: #""NOK","#, with: #""NOKK","#),
            compact.replacingOccurrences(of: "null", with: "nul"),
            compact.replacingOccurrences(of: "true,", with: "true ,"),
            compact.replacingOccurrences(of: #""Last":1}"#, with: #""Last":12}"#),
            compact.replacingOccurrences(of: #""Last":1}"#, with: #""Last":1,"More":2}"#),
            compact.replacingOccurrences(of: #""Last":1}"#, with: #""Last":1,}"#),
            compact.replacingOccurrences(of: #""Number":10"#, with: #""Number":"ten""#),
            compact.replacingOccurrences(of: #""Flag":true,"#, with: #""Flag":true,"Flag":true,"#),
            compact.replacingOccurrences(of: #""CurrencyCode":"NOK","#, with: ""),
        ]
        // In the object one level down, whose members are compared with the object's before it too.
        let nested: [(String, String)] = [
            (#"{"x":1,"#, #"{"x":12,"#),
            (#"{"x":1,"#, #"{"x" :1,"#),
            (#"{"x":1,"#, #"{"x":1 ,"#),
            (#"{"x":1,"#, #"{"x":nul,"#),
            (#"{"x":1,"#, #"{"x":{"y":1},"#),
            (#"{"x":1,"#, #"{"x":1,"x":2,"#),
            (#"{"x":1,"#, #"{"x\u0031":1,"#),
            (#""Oslo""#, #""Osloo""#),
            (#""Oslo""#, #""Oslo"x"#),
            (#""Oslo","#, #""Oslo",}"#),
            (#""Code":null"#, #""Code":null,"More":true"#),
            (#""Code":null"#, #""Cod":null"#),
            (#","In":[1]}"#, #","In":[1]"#),
            (#","In":[1]}"#, "}"),
            (#"{"x":1,"City":"Oslo","Code":null,"In":[1]}"#, "{}"),
            (#"{"x":1,"City":"Oslo","Code":null,"In":[1]}"#, "[1]"),
            (#"{"x":1,"City":"Oslo","Code":null,"In":[1]}"#, "null"),
        ]
        let oddNested = nested.map { compact.replacingOccurrences(of: $0.0, with: $0.1) }
        // More objects in a record than have predictions of their own (`KeyPredictions.nestedPlaces`): one broken
        // among the first, and one past them.
        let objects = (0..<12).map { #""O\#($0)":{"x":1,"y":null}"# }
        let many = "{" + objects.joined(separator: ",") + "}"
        let manyOdd = [
            many.replacingOccurrences(of: #""O1":{"x":1,"#, with: #""O1":{"x":1,,"#),
            many.replacingOccurrences(of: #""O11":{"x":1,"y":null}"#, with: #""O11":{"x":1,"y":nul}"#),
        ]
        return (odd + oddNested).map { "[" + [compact, compact, $0, compact].joined(separator: ",\n") + "]" }
            + manyOdd.map { "[" + [many, many, $0, many].joined(separator: ",\n") + "]" }
    }()

    @Test(arguments: repeatedMemberCases)
    func membersRepeatedFromTheRecordBeforeAreReadAsJSONInputReadsThem(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.scanned(bytes) == Self.parsed(bytes))
        #expect(Self.scannedKeeping(bytes) == Self.parsedKeeping(bytes))
    }

    /// Records alike but for one, with runs of members of fields the scanner does not keep one after another: a run
    /// of steady members matched member by member in a record is matched in one comparison at the same place in the
    /// next (`KeyPredictions.matchRun`). The odd record changes a run at its start, inside, between two members, at its
    /// end and after it, and a record of sixty such members has runs cut at `KeyPredictions.runWidth`.
    static let repeatedRunCases: [String] = {
        let record = #"{"Id":1,"A":null,"B":false,"C":"x","D":1.5,"Number":10,"E":null,"F":true}"#
        let odd = [
            record.replacingOccurrences(of: #""A":null"#, with: #""A":nul"#),
            record.replacingOccurrences(of: #""A":null"#, with: #""A":nulls"#),
            record.replacingOccurrences(of: #""A":null"#, with: #""A":null,"A":null"#),
            record.replacingOccurrences(of: #""B":false"#, with: #""B":true"#),
            record.replacingOccurrences(of: #""C":"x","#, with: #""C":"x" ,"#),
            record.replacingOccurrences(of: #""C":"x","#, with: #""C":"x",,"#),
            record.replacingOccurrences(of: #""D":1.5"#, with: #""D":1.5e"#),
            record.replacingOccurrences(of: #""D":1.5"#, with: #""D":1.5,"Name":"Z""#),
            record.replacingOccurrences(of: #""D":1.5"#, with: #""D":1.5,"Number":11"#),
            record.replacingOccurrences(of: #""Number":10"#, with: #""Number":"ten""#),
            record.replacingOccurrences(of: #""E":null,"#, with: ""),
            record.replacingOccurrences(of: #""F":true}"#, with: #""F":true,"G":1}"#),
            record.replacingOccurrences(of: #""F":true}"#, with: #""F":true,}"#),
            record.replacingOccurrences(of: #""F":true}"#, with: #""F":truex}"#),
            record.replacingOccurrences(of: #""F":true}"#, with: #""F":true"#),
        ]
        let members = (0..<60).map { #""SettingNumber\#($0)":"a value of some length \#($0 % 10)""# }
        let long = #"{"Id":2,"# + members.joined(separator: ",") + #","Number":20}"#
        let longOdd = [
            long.replacingOccurrences(of: #"length 0","SettingNumber21""#, with: #"length 0" ,"SettingNumber21""#),
            long.replacingOccurrences(of: #""SettingNumber59":"a value of some length 9""#, with: #""SettingNumber59":7"#),
            long.replacingOccurrences(of: #""SettingNumber30""#, with: #""Name""#),
        ]
        // Enough records before the odd one for their members to be steady (`KeyPredictions.steadyRecords`), and
        // for their runs to be remembered and matched.
        let before = KeyPredictions.steadyRecords + 3
        return odd.map { "[" + (Array(repeating: record, count: before) + [$0, record, record]).joined(separator: ",\n") + "]" }
            + longOdd.map { "[" + (Array(repeating: long, count: before) + [$0, long, long]).joined(separator: ",") + "]" }
    }()

    @Test(arguments: repeatedRunCases)
    func runsOfMembersRepeatedFromTheRecordBeforeAreReadAsJSONInputReadsThem(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.scanned(bytes) == Self.parsed(bytes))
        #expect(Self.scannedKeeping(bytes) == Self.parsedKeeping(bytes))
    }

    /// Documents of several records, to be cut into pieces, some where a text looks like a record boundary.
    static let piecesCases: [String] = {
        let record = #"{"Id": 1, "Name": "Blåbær AS", "MailAddress": {"City": "Oslo"}}"#
        let tricky = #"{"Id": 2, "Name": "a},{"b": 1}, {c", "Number": 10002}"#
        let wrong = #"{"Id": 3, "Number": "x"}"#
        return [
            "[" + Array(repeating: record, count: 20).joined(separator: ",") + "]",
            "[" + Array(repeating: tricky, count: 20).joined(separator: ", ") + "]",
            "[" + (Array(repeating: record, count: 15) + [wrong] + Array(repeating: record, count: 4)).joined(separator: ",\n") + "]",
            "[" + (Array(repeating: record, count: 15) + [wrong, "{\"Id\": 4} {"]).joined(separator: ",") + "]",
            "[" + (Array(repeating: tricky, count: 6) + [wrong] + Array(repeating: record, count: 9) + ["{,}"])
                .joined(separator: ",") + "]",
            "[" + Array(repeating: record, count: 20).joined(separator: ",") + ",]",
            "[" + Array(repeating: record, count: 20).joined(separator: ","),
            "[" + Array(repeating: record, count: 20).joined(separator: ",") + "] x",
        ]
    }()

    @Test(arguments: [
        [0xEF, 0xBB, 0xBF, 0x5B, 0x5D] as [UInt8],  // UTF-8 byte-order mark
        [0xEF, 0xBB, 0xBF, 0x5B, 0x22, 0xE6, 0x22, 0x5D],  // the mark, then Windows-1252: unreadable
        Array(#"[{"Name": "Bl"#.utf8) + [0xE5] + Array(#"b\#u{E6}r"}]"#.utf8),  // Windows-1252 in a field
        Array(#"[{"City": "Troms"#.utf8) + [0xF8] + Array(#""}]"#.utf8),  // Windows-1252 in a skipped field
        Array(#"[{"Name": 1"#.utf8) + [0xF8] + Array(#"}]"#.utf8),  // Windows-1252 where JSON has no text
        [0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00],  // UTF-16 little-endian
        [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x7B, 0x00, 0x7D, 0x00, 0x5D],  // UTF-16 big-endian
        [0xFF, 0xFE, 0x5B],  // odd UTF-16
        [0x5B, 0x00, 0x5D],  // NUL
        Array(#"[{"Name": "a"#.utf8) + [0x00] + Array(#""}]"#.utf8),  // NUL in a string
        [0x5B, 0x31, 0x2C, 0x2C, 0x00],  // a syntax error before a NUL: not text wins
        [0xA0, 0x20],  // Windows-1252 no-break space only: whitespace, an empty array
        [0x85],  // Windows-1252 ellipsis
    ])
    func encodingsAsTextDecodingDecides(_ bytes: [UInt8]) {
        #expect(Self.scanned(bytes) == Self.parsed(bytes))
    }

    @Test func typeErrorsNameTheFirstRecordAndTheFirstDeclaredField() {
        let outcome = Self.scanned(Array(#"[{"Id": 1}, {"Name": 5, "Number": "x"}, {"Id": "y"}]"#.utf8))
        #expect(outcome.english == .failure(.unexpectedJSON(
            path: "p/C.json", jsonPath: "[1].Number", reason: "expected a whole number, found \"x\"")))
    }

    @Test func syntaxErrorsAfterATypeErrorWin() {
        let outcome = Self.scanned(Array("[{\"Id\": \"x\"},\n {\"Id\": 2} {\"Id\": 3}]".utf8))
        #expect(outcome.english == .failure(.malformedJSON(
            path: "p/C.json", line: 2, column: 12, reason: "unexpected '{' in an array; expected ',' or ']'")))
    }

    @Test func otherDecodableTypesGoThroughJSONInput() throws {
        struct Other: Decodable, Equatable { var Number: Int? }
        let records = try PowerOfficeSnapshotReader.records(of: Other.self, json: Data(#"[{"Number": 2e1}]"#.utf8), file: "x")
        #expect(records == [Other(Number: 20)])
    }

    @Test func readsLargeFilesInPlace() throws {
        // Enough records to pass the scanner's array-sizing and page-release points.
        let record = #"{"Id":1,"Number":10001,"Name":"Blåbær AS","MailAddress":{"City":"Oslo"},"Skip":"\#(String(repeating: "x", count: 200))"}"#
        let text = "[" + Array(repeating: record, count: 70_000).joined(separator: ",\n") + "]"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("JSONScannerTests-\(UUID()).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let mapped = try #require(MappedFile(path: url.path))
        let records = try PowerOfficeSnapshotReader.scan(
            PowerOfficeCustomer.self, bytes: mapped.bytes, file: "C.json", mapped: mapped)
        #expect(records.count == 70_000)
        #expect(records.last == PowerOfficeCustomer(Id: 1, Number: 10001, Name: "Blåbær AS"))
        // Sized once from the first records, not doubled past the need.
        #expect(records.capacity < 80_000)
    }

    // MARK: Random and mutated documents

    /// A small, seeded generator (the fake's), so that a failing case can be replayed.
    typealias SplitMix64 = FakePowerOffice.SplitMix64

    static let numbers = [
        "0", "-0", "12", "10001", "-7", "3000.0", "3e3", "1E2", "1.5", "-2.5e-3", "99999999999999999999",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e400", "0.1e1", "123456789012345678",
    ]
    static let strings = [
        #""""#, #""Blåbær AS""#, #""a\"b""#, #""\u00e6\n""#, #""\ud83d\ude00""#, #""\ud800""#, #""\/x""#,
        #""tab\there""#, #""post@blabaer.no""#, #""EHF""#, #""923609016""#, #""Et ganske langt navn AS""#, #""😀 ø""#,
    ]
    static let keys = PowerOfficeCustomer.ScannedRow.jsonFields.names + [
        "MailAddress", "ContactGroupIds", "LastChangedDateTimeOffset", "Num\\u0062er", "N\\u00e6vn", "Name ", "",
    ]

    static func value(_ random: inout SplitMix64, depth: Int = 0) -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1: return numbers.randomElement(using: &random) ?? "0"
        case 2, 3, 4: return strings.randomElement(using: &random) ?? "\"\""
        case 5: return Bool.random(using: &random) ? "true" : "false"
        case 6: return "null"
        case 7 where depth < 3:
            return "[" + (0..<Int.random(in: 0..<3, using: &random)).map { _ in value(&random, depth: depth + 1) }
                .joined(separator: ",") + "]"
        case 8 where depth < 3: return object(&random, depth: depth + 1)
        default: return strings.randomElement(using: &random) ?? "\"\""
        }
    }

    static func object(_ random: inout SplitMix64, depth: Int = 0) -> String {
        let members = (0..<Int.random(in: 0..<7, using: &random)).map { _ in
            let key = keys.randomElement(using: &random) ?? "Id"
            let space = Bool.random(using: &random) ? " " : ""
            return "\"\(key)\":\(space)\(typedValue(for: key, &random, depth: depth))"
        }
        return "{" + members.joined(separator: Bool.random(using: &random) ? ", " : ",\n ") + "}"
    }

    /// Mostly a value of the field's type, so that documents get decoded and not only rejected.
    static func typedValue(for key: String, _ random: inout SplitMix64, depth: Int) -> String {
        guard Int.random(in: 0..<12, using: &random) > 0 else { return value(&random, depth: depth) }
        switch key {
        case "Id", "Number": return numbers.randomElement(using: &random) ?? "1"
        case "IsPerson", "IsActive", "IsArchived": return ["true", "false", "null"].randomElement(using: &random) ?? "null"
        case let name where PowerOfficeCustomer.ScannedRow.jsonFields.names.contains(name):
            return Int.random(in: 0..<6, using: &random) == 0 ? "null" : strings.randomElement(using: &random) ?? "null"
        default: return value(&random, depth: depth)
        }
    }

    static func document(_ random: inout SplitMix64) -> [UInt8] {
        let items = (0..<Int.random(in: 0..<5, using: &random)).map { _ in
            Int.random(in: 0..<12, using: &random) == 0 ? value(&random) : object(&random)
        }
        return Array(("[" + items.joined(separator: Bool.random(using: &random) ? "," : ",\n") + "]").utf8)
    }

    static let interestingBytes: [UInt8] = Array("{}[],:\"\\ 0123456789-.eEtfnul\n\r\tx".utf8) + [0x00, 0xC3, 0xA6, 0xFF, 0xE2, 0x80]

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &random)
            let byte = interestingBytes.randomElement(using: &random) ?? 0x20
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes.remove(at: position)
            case 1: bytes.insert(byte, at: position)
            case 2: bytes[position] = byte
            case 3: bytes.removeSubrange(position...)
            default:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            }
        }
        return bytes
    }

    /// What Foundation's `JSONDecoder` makes of the bytes: the records, or `nil` when it throws.
    static func foundation(_ bytes: [UInt8]) -> [PowerOfficeCustomer]? {
        try? JSONDecoder().decode([PowerOfficeCustomer].self, from: Data(bytes))
    }

    @Test func randomAndMutatedDocumentsReadAsJSONInputReadsThem() {
        var random = SplitMix64(seed: 2026)
        var differences: [String] = []
        var accepted = 0
        for round in 0..<4000 {
            let original = Self.document(&random)
            let bytes = round % 4 == 0 ? original : Self.mutate(original, &random)
            let scanned = Self.scanned(bytes)
            if case .value = scanned { accepted += 1 }
            if scanned != Self.parsed(bytes), differences.count < 5 {
                differences.append("round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)\n"
                    + "  scanner: \(scanned)\n  JSONInput: \(Self.parsed(bytes))")
            }
            if round % 2 == 1, Self.scannedKeeping(bytes) != Self.parsedKeeping(bytes), differences.count < 5 {
                differences.append("round \(round), keeping few fields: \(String(decoding: bytes, as: UTF8.self).debugDescription)\n"
                    + "  keeping: \(Self.scannedKeeping(bytes))\n  JSONInput: \(Self.parsedKeeping(bytes))")
            }
            if round % 2 == 0, Self.scannedInPieces(bytes) != scanned, differences.count < 5 {
                differences.append("round \(round), in pieces: \(String(decoding: bytes, as: UTF8.self).debugDescription)\n"
                    + "  in pieces: \(Self.scannedInPieces(bytes))\n  in one: \(scanned)")
            }
        }
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
        // The generator must exercise both sides.
        #expect(accepted > 800 && accepted < 3600, "\(accepted) of 4000 accepted")
    }

    /// Foundation's decoder and LedgerLint agree on every document, except where `docs/performance.md` says they
    /// differ on purpose; each disagreement must be one of those, which `documentedDifference` recognises.
    @Test func randomAndMutatedDocumentsAgreeWithFoundation() {
        var random = SplitMix64(seed: 8259)
        var differences: [String] = []
        var documented: [String: Int] = [:]
        for round in 0..<3000 {
            let original = Self.document(&random)
            let bytes = round % 4 == 0 ? original : Self.mutate(original, &random)
            let scanned = Self.scanned(bytes)
            let decoded = Self.foundation(bytes)
            let shown = String(decoding: bytes, as: UTF8.self).debugDescription
            switch (scanned, decoded) {
            case (.value(let ours), let theirs?) where ours == theirs:
                continue
            case (.failure(let error), nil):
                // Where Foundation fails, LedgerLint fails too, saying where: line and column for a syntax
                // error, the JSON path for a value of the wrong type.
                switch error {
                case .malformedJSON(_, let line?, let column?, _) where line > 0 && column > 0: continue
                case .unexpectedJSON: continue  // the JSON path; an empty one is the top level
                case .notText, .unreadable: continue
                default: differences.append("no position in \(error) for \(shown)")
                }
            case (.otherError, _):
                differences.append("\(scanned) for \(shown)")
            default:
                if let reason = Self.documentedDifference(bytes, scanned) {
                    documented[reason, default: 0] += 1
                } else {
                    differences.append("LedgerLint: \(scanned)\nFoundation: \(decoded.map { "\($0)" } ?? "failed")\nfor \(shown)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n\n"))")
        // Each documented difference did come up, so the classification is tested too.
        #expect(documented.count >= 5, "\(documented)")
    }

    /// Why LedgerLint reads `bytes` differently from Foundation's `JSONDecoder`, if the reason is one of those
    /// documented in `docs/performance.md`; `nil` when it is not (a bug).
    static func documentedDifference(_ bytes: [UInt8], _ outcome: Outcome) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return "not UTF-8: read as Windows-1252"
        }
        if text.allSatisfy(\.isWhitespace) { return "an empty file is an empty array" }
        if bytes.contains(0) { return "a NUL byte: not a text file" }
        switch outcome {
        case .value:
            if hasLoneSurrogate(text) { return "a lone surrogate escape becomes U+FFFD" }
            if hasDuplicateKeys(bytes) { return "of duplicate keys, the last counts" }
        case .failure(.malformedJSON(_, _, _, let reason)):
            if reason.en.contains("trailing comma") { return "a trailing comma is an error" }
            // Foundation's decoder does not look into values it has no field for; JSONSerialization, which
            // reads every value, rejects the document as LedgerLint does.
            if (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) == nil {
                return "values without a field are checked too"
            }
        case .failure(.unexpectedJSON):
            if hasDuplicateKeys(bytes) { return "of duplicate keys, the last counts" }
        default:
            break
        }
        return nil
    }

    /// Whether a `\\uD800`–`\\uDFFF` escape is not half of a high-low pair.
    static func hasLoneSurrogate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        var pendingHigh = false
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                if pendingHigh { return true }
                index += 1
                continue
            }
            guard index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                let value = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
            else {
                if pendingHigh { return true }
                index += 2
                continue
            }
            if (0xDC00...0xDFFF).contains(value) {
                if !pendingHigh { return true }
                pendingHigh = false
            } else {
                if pendingHigh { return true }
                pendingHigh = (0xD800...0xDBFF).contains(value)
            }
            index += 6
        }
        return pendingHigh
    }

    /// Whether an object in the (syntactically valid) document has a property name twice, after unescaping.
    static func hasDuplicateKeys(_ bytes: [UInt8]) -> Bool {
        var objects: [Set<String>?] = []
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): objects.append([])
            case UInt8(ascii: "["): objects.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = objects.popLast()
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                let raw = String(decoding: bytes[start...min(index, bytes.count - 1)], as: UTF8.self)
                var next = index + 1
                while next < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"), case .some(.some(var keys)) = objects.last,
                    case .string(let key)? = try? JSONInput.parse(raw, path: "")
                {
                    if keys.contains(key) { return true }
                    keys.insert(key)
                    objects[objects.count - 1] = keys
                }
            default: break
            }
            index += 1
        }
        return false
    }
}
