import Foundation
import Testing

@testable import LedgerLintCore

/// Assist's JSON customer export is scanned a customer at a time (`AssistCustomerJSONTable`); decoding the whole
/// array through a tree (`AssistExportReader.decodeArray`) is the reference it is held to: the same customers, or
/// the same error in both languages, for every kind of value, mistake and encoding.
@Suite struct AssistJSONScanTests {
    static let file = "assist/customers.json"

    /// What reading gives: the customers, or the error as it reads.
    enum Outcome: Equatable, CustomStringConvertible {
        case customers([AssistCustomer])
        case error(String)

        var description: String {
            switch self {
            case .customers(let customers): "customers \(customers)"
            case .error(let error): "error \(error)"
            }
        }
    }

    static func outcome(_ read: () throws -> [AssistCustomer]) -> Outcome {
        do {
            return .customers(try read())
        } catch {
            return .error(String(describing: error) + " | " + ((error as? any LocalizedError)?.errorDescription ?? ""))
        }
    }

    static func scanned(_ data: Data) -> Outcome {
        outcome { Array(try AssistExportReader.customers(json: data, file: file)) }
    }

    static func throughTree(_ data: Data) -> Outcome {
        outcome {
            try AssistExportReader.decodeArray(AssistCustomerJSON.self, json: data, file: file).enumerated().map {
                try $1.customer(at: SourceLocation(file: file, record: $0 + 1), codingPath: "[\($0)]")
            }
        }
    }

    static let documents: [String] = [
        // Values as exports write them.
        #"[{"customerNumber": "10001", "name": " Blåbær AS ", "organizationNumber": 923609016, "email": "a@b.no", "sendMethod": "EHF", "export": "Ja"}]"#,
        #"[{"customerNumber": 1e3}, {"customerNumber": 2.0}, {"customerNumber": -0}, {"customerNumber": 1e400}, {"customerNumber": 1.5}]"#,
        #"[{"customerNumber": 12345678901234567890}, {"customerNumber": -9223372036854775808}, {"customerNumber": 9.3e18}]"#,
        #"[{"export": true}, {"export": false}, {"export": 1}, {"export": 0}, {"export": 1.0}, {"export": "nei"}, {"export": ""}, {"export": " yes "}, {"export": null}]"#,
        #"[{"name": null, "email": "", "sendMethod": null}, {}, {"unknown": {"deep": [1, {"x": null}]}, "name": "A"}]"#,
        #"[{"name": "Først", "name": "Sist"}, {"name": "\u00e5 \"sitat\" \\ \/ \n"}, {"email": "  \t  "}]"#,
        #"  [ ]  "#,
        // Values of the wrong type: the first, in declaration order, of the first record that has one.
        #"[{"customerNumber": true}]"#,
        #"[{"name": {"a": 1, "b": 2}}]"#,
        #"[{"email": [1, 2, 3]}]"#,
        #"[{"export": 2}]"#,
        #"[{"export": "kanskje"}]"#,
        #"[{"export": {}}]"#,
        #"[{"sendMethod": 5}]"#,
        #"[{"name": "ok"}, {"email": false, "customerNumber": []}]"#,
        #"[{"export": "nja", "name": true}]"#,
        #"[{"name": true, "name": "fixed"}]"#,
        #"[{"name": "x"}, 3]"#,
        #"[null]"#,
        // A send method Assist does not have, and what comes before it.
        #"[{"sendMethod": "Faks"}]"#,
        #"[{"sendMethod": "Faks"}, {"sendMethod": "Brev"}]"#,
        #"[{"sendMethod": "Faks"}, {"name": "ok"}, {"export": 7}]"#,
        // Syntax, before any type error.
        #"[{"export": 7}, {"name": "a",}]"#,
        #"[{"name": "a"}"#,
        #"[{"name" "a"}]"#,
        #"[{"name": 'a'}]"#,
        #"[{"customerNumber": 01}]"#,
        // Documents that are no array of customers.
        "",
        " \n\t ",
        "{}",
        #"{"data": []}"#,
        "null",
        "17",
        #""text""#,
        "[] []",
    ]

    @Test(arguments: documents)
    func aDocumentReadsAsTheTreeReadsIt(_ document: String) {
        let data = Data(document.utf8)
        #expect(Self.scanned(data) == Self.throughTree(data))
    }

    static let encodings: [(name: String, bytes: Data)] = [
        ("UTF-8 with a byte-order mark", Data([0xEF, 0xBB, 0xBF]) + Data(#"[{"name": "Ærlig"}]"#.utf8)),
        ("Windows-1252", Data(#"[{"name": "Bl"#.utf8) + Data([0xE5]) + Data(#"b"}]"#.utf8)),
        ("UTF-16LE", Data([0xFF, 0xFE]) + Data(#"[{"name": "Øy"}]"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })),
        ("a byte-order mark before bytes that are no UTF-8",
            Data([0xEF, 0xBB, 0xBF]) + Data(#"[{"name": "Bl"#.utf8) + Data([0xE5]) + Data(#"b"}]"#.utf8)),
        ("Windows-1252 with a type error", Data(#"[{"name": "Bl"#.utf8) + Data([0xE5]) + Data(#"b", "export": 7}]"#.utf8)),
        ("UTF-16BE", Data([0xFE, 0xFF]) + Data(#"[{"export": "x"}]"#.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })),
        ("not text", Data([0x5B, 0x00, 0x01, 0x5D])),
        ("a line break in a string", Data("[{\"name\": \"a\nb\"}]".utf8)),
    ]

    @Test(arguments: encodings.indices)
    func anEncodingReadsAsTheTreeReadsIt(_ index: Int) {
        let (name, data) = Self.encodings[index]
        #expect(Self.scanned(data) == Self.throughTree(data), "\(name)")
    }

    @Test func aRunThatKeepsSomeFieldsKeepsOnlyThose() throws {
        let data = Data(#"[{"customerNumber": "10001", "name": "A", "email": "a@b.no"}]"#.utf8)
        let table = try AssistExportReader.customers(
            json: data, file: Self.file, keeping: FieldSelection([.assistCustomers: ["email"]]))
        func value(_ name: String) -> FieldValue { table.value(RecordTable<AssistCustomer>.column(named: name), 0) }
        #expect(table.count == 1)
        #expect(value("email") == FieldValue("a@b.no"))
        #expect(value("name") == .null)
        #expect(table.location(at: 0) == SourceLocation(file: Self.file, record: 1))
    }
}
