import Foundation
import Testing

@testable import LedgerLintCore

/// Joins and `unique` hash and compare keys by their bytes (`KeyText`); these hold that to comparing them as
/// strings, which is canonical equivalence, on the texts where bytes and strings part ways.
@Suite struct KeyTextTests {
    /// Pairs of different bytes that are one string, and pairs that only look alike.
    static let texts: [String] =
        UTF8TextTests.tricky + [
            "K", "\u{212A}", "Kelvin K", "Kelvin \u{212A}", "Å", "A\u{30A}", "\u{212B}", "é", "e\u{301}", "ﬁ", "fi",
            "\u{1100}\u{1161}\u{11A8}", "\u{AC01}", "q\u{323}\u{307}", "q\u{307}\u{323}", "Fjord Bygg AS", "10001",
            "123456789012345678", "1234567",
        ]

    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    @Test func sameKeysAreEqualStringsAndHashAlike() {
        for lhs in Self.texts {
            for rhs in Self.texts {
                let same = Self.withBytes(lhs) { left in Self.withBytes(rhs) { KeyText.same(left, $0) } }
                #expect(same == (lhs == rhs), "\(Array(lhs.unicodeScalars)) and \(Array(rhs.unicodeScalars))")
                if lhs == rhs {
                    #expect(Self.withBytes(lhs) { KeyText.hash($0) } == Self.withBytes(rhs) { KeyText.hash($0) })
                }
            }
        }
    }

    @Test func hashesSpreadShortNumbers() {
        // Customer numbers are the commonest keys: ten thousand of them take nearly as many hashes and fingerprints.
        let hashes = (10000..<20000).map { number in Self.withBytes(String(number)) { KeyText.hash($0) } }
        #expect(Set(hashes).count == hashes.count)
        #expect(Set(hashes.map { UInt32(truncatingIfNeeded: $0) }).count > 9_990)
    }

    @Test(arguments: [0, 1, -1, 9, 10, -10, 99_999, 100_000, Int64.max, Int64.min, Int64.min + 1])
    func wholeNumbersAreWrittenAsTheirText(_ number: Int64) {
        #expect(UTF8Text.withDecimal(number) { Array($0) } == Array(String(number).utf8))
        #expect(UTF8Text.withDecimal(number) { Array($0) } == Array(FieldValue.int(number).text.utf8))
    }

    /// The key `unique` groups a text by under each normalization, read in place, is the key it made as a string.
    @Test(arguments: UTF8TextTests.tricky)
    func uniqueKeysReadInPlaceAreTheStringKeys(_ text: String) throws {
        try UTF8TextTests.judge(text, field: "name") { field, dataset, record in
            for normalization in [Normalization.none, .digits, .caseInsensitive] {
                let bytes = normalization.withKeyUTF8(of: field, dataset, record) { Array($0) }
                #expect(bytes == Array(normalization.key(.string(text)).utf8), "\(normalization)")
            }
        }
    }

    static func rule(_ json: String) throws -> RuleSet {
        let rule = try RuleSet.decodeRule(Data(json.utf8), source: "test.json")
        return try RuleSet([(rule, "test.json")])
    }

    static let nameUnique = """
        {"id": "name-unique", "severity": "error", "name": {"en": "n", "nb": "n"},
         "description": {"en": "d", "nb": "d"}, "rationale": {"en": "r", "nb": "r"},
         "subject": "assist.customers", "check": {"kind": "unique", "field": "name", "other": "customerNumber"},
         "key": "{name}", "message": {"en": "{count}: {list}", "nb": "{count}: {list}"},
         "hint": {"en": "h", "nb": "h"}, "examples": {"pass": [], "fail": []}}
        """

    @Test func uniqueGroupsCanonicallyEqualNames() throws {
        let names = ["K", "\u{212A}", "é", "e\u{301}", "ﬁ", "fi", "10", "010", " 10 "]
        let customers = names.enumerated().map { AssistCustomer(customerNumber: String($0.offset + 1), name: $0.element) }
        let findings = try Self.rule(Self.nameUnique).evaluate(
            Dataset(Snapshot(assistCustomers: RecordTable(customers))), language: .en)
        #expect(findings.map(\.message).sorted() == ["2: 1, 2", "2: 3, 4", "3: 7, 8, 9"])
    }

    static let namedInPowerOffice = """
        {"id": "named", "severity": "error", "name": {"en": "n", "nb": "n"},
         "description": {"en": "d", "nb": "d"}, "rationale": {"en": "r", "nb": "r"},
         "subject": "assist.customers",
         "joins": [{"name": "po", "subject": "poweroffice.customers", "key": "{name}", "on": "{Name}"}],
         "check": {"kind": "exists-in", "join": "po"},
         "key": "{customerNumber}", "message": {"en": "m", "nb": "m"}, "hint": {"en": "h", "nb": "h"},
         "examples": {"pass": [], "fail": []}}
        """

    @Test func joinsFindCanonicallyEqualKeys() throws {
        let assist = ["Kelvin \u{212A}", "Kaf\u{E9}", "Caf\u{E9}", "ﬁsk", "Nobody", "K"]
        let customers = assist.enumerated().map { AssistCustomer(customerNumber: String($0.offset + 1), name: $0.element) }
        let powerOffice = ["Kelvin K", "Kafe\u{301}", "Caf\u{E9}", "fisk", "\u{212A}"].map { PowerOfficeCustomer(Name: $0) }
        let dataset = Dataset(
            Snapshot(
                assistCustomers: RecordTable(customers),
                powerOffice: PowerOfficeData(customers: RecordTable(powerOffice))))
        let findings = try Self.rule(Self.namedInPowerOffice).evaluate(dataset, language: .en)
        #expect(findings.map(\.key).sorted() == ["4", "5"], "only the ligature and the missing name have no match")
    }
}
