import Testing

@testable import LedgerLintCore

/// `unique` sees a subject's records a stretch at a time, reading ahead in its index for the stretch first
/// (`UniqueCheck.see(rows:pointing:in:_:_:)`); this holds it to counting by a dictionary, with repeats inside a
/// stretch, across stretch boundaries and far apart, and records the conditions leave out between them.
@Suite struct UniqueCheckTests {
    static let numberUnique = """
        {"id": "number-unique", "severity": "error", "name": {"en": "n", "nb": "n"},
         "description": {"en": "d", "nb": "d"}, "rationale": {"en": "r", "nb": "r"},
         "subject": "assist.customers", "where": [{"field": "customerNumber", "present": true}],
         "check": {"kind": "unique", "field": "customerNumber", "other": "name"},
         "key": "{customerNumber}", "message": {"en": "{count}: {list}", "nb": "{count}: {list}"},
         "hint": {"en": "h", "nb": "h"}, "examples": {"pass": [], "fail": []}}
        """

    @Test func repeatsAreCountedWhereverTheyFallInTheStretches() throws {
        var numbers: [String?] = (0..<1000).map { String(20_000 + $0) }
        // Repeats 1, 31, 32, 33 and 500 records after the first, in and across stretches of 32; blanks between.
        for (row, distance) in [(3, 1), (40, 31), (100, 32), (200, 33), (250, 500), (251, 500), (600, 1)] {
            numbers[row + distance] = numbers[row]
        }
        for row in stride(from: 5, to: 1000, by: 37) { numbers[row] = nil }
        let customers = numbers.enumerated().map { AssistCustomer(customerNumber: $0.element, name: "c\($0.offset)") }
        let findings = try KeyTextTests.rule(Self.numberUnique).evaluate(
            Dataset(Snapshot(assistCustomers: RecordTable(customers))), language: .en)

        var rows: [String: [Int]] = [:]
        for (row, number) in numbers.enumerated() { if let number { rows[number, default: []].append(row) } }
        let expected = rows.filter { $0.value.count > 1 }.mapValues { "\($0.count): " + $0.map { "c\($0)" }.joined(separator: ", ") }
        #expect(Dictionary(findings.map { ($0.key, $0.message) }, uniquingKeysWith: { $1 }) == expected)
        #expect(findings.count == expected.count)
    }
}
