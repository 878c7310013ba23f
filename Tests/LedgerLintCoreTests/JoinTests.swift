import Testing

@testable import LedgerLintCore

/// A join finds, for each record, the first record of the other subject with the same key. `RecordCursor` tries the
/// record after the one it found last before looking in the index, and the index reads its slots ahead in stretches;
/// these hold both to the plain answer (the first record with the key, by a dictionary), in orders where the guess
/// is right, wrong, and right but not the first record with its key.
@Suite struct JoinTests {
    /// Names each Assist customer's joined PowerOffice customer: a finding per joined record, its message the
    /// joined record's name.
    static let joinedName = """
        {"id": "joined-name", "severity": "error", "name": {"en": "n", "nb": "n"},
         "description": {"en": "d", "nb": "d"}, "rationale": {"en": "r", "nb": "r"},
         "subject": "assist.customers",
         "joins": [{"name": "existing", "subject": "poweroffice.customers", "key": "{customerNumber}", "on": "{Number}"}],
         "where": [{"field": "existing.Name", "present": true}],
         "check": {"kind": "equals", "field": "name", "other": "existing.Name"},
         "key": "{customerNumber}", "message": {"en": "{existing.Name}", "nb": "{existing.Name}"},
         "hint": {"en": "h", "nb": "h"}, "examples": {"pass": [], "fail": []}}
        """

    /// The message of each Assist customer's finding by its number, as the rule gives them.
    static func joined(assist: [String], powerOffice: [Int64]) throws -> [String: String] {
        let customers = assist.map { AssistCustomer(customerNumber: $0, name: "Assist \($0)") }
        let records = powerOffice.enumerated().map { PowerOfficeCustomer(Number: $0.element, Name: "row \($0.offset)") }
        let dataset = Dataset(
            Snapshot(
                assistCustomers: RecordTable(customers), powerOffice: PowerOfficeData(customers: RecordTable(records))))
        let findings = try KeyTextTests.rule(Self.joinedName).evaluate(dataset, language: .en)
        return Dictionary(findings.map { ($0.key, $0.message) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same by a dictionary of each number's first row.
    static func expected(assist: [String], powerOffice: [Int64]) -> [String: String] {
        var first: [String: Int] = [:]
        for (row, number) in powerOffice.enumerated() where first[String(number)] == nil { first[String(number)] = row }
        return Dictionary(
            assist.compactMap { number in first[number].map { (number, "row \($0)") } },
            uniquingKeysWith: { first, _ in first })
    }

    @Test func theRecordAfterTheLastFoundIsTakenOnlyWhenItIsTheFirstWithItsKey() throws {
        // After 1 (row 1), row 2 has the key 2, but row 0 had it first.
        let joined = try Self.joined(assist: ["1", "2", "3"], powerOffice: [2, 1, 2, 3])
        #expect(joined == ["1": "row 1", "2": "row 0", "3": "row 3"])
    }

    @Test func ordersAlikeUnlikeAndMixedFindTheFirstRecordWithEachKey() throws {
        let inOrder = (0..<3000).map { Int64(10_000 + $0) }
        // Repeated numbers, a stretch reversed, numbers Assist does not have, and a shuffled tail.
        var mixed = inOrder
        for row in stride(from: 7, to: mixed.count, by: 7) { mixed[row] = mixed[row - 1] }
        mixed[400..<900].reverse()
        mixed.insert(contentsOf: [99_999, 99_998], at: 1500)
        var state: UInt64 = 42
        for row in stride(from: mixed.count - 1, to: 2000, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            mixed.swapAt(row, 2000 + Int(state >> 33) % (row - 2000 + 1))
        }
        let assistInOrder = (0..<3100).map { String(10_000 + $0) }
        let assistBackwards = Array(assistInOrder.reversed())
        for (assist, powerOffice) in [
            (assistInOrder, inOrder), (assistInOrder, mixed), (assistBackwards, inOrder), (assistBackwards, mixed),
        ] {
            let joined = try Self.joined(assist: assist, powerOffice: powerOffice)
            let expected = Self.expected(assist: assist, powerOffice: powerOffice)
            #expect(joined.count == expected.count)
            let wrong = expected.filter { joined[$0.key] != $0.value }.sorted { $0.key < $1.key }.prefix(3)
            #expect(wrong.isEmpty, "\(wrong.map { "\($0.key): \(joined[$0.key] ?? "none"), not \($0.value)" })")
        }
    }
}
