import Foundation
import Testing
import LedgerLintTestSupport

@testable import LedgerLintCore

/// The rule set's findings come in report order however its rules were scheduled on the cores (largest first,
/// `CompiledRule.estimatedWork`) and however each rule's findings were moved into the whole list; and `Report` finds
/// a list out of that order by any of the fields the order compares.
@Suite struct EvaluationOrderTests {
    let scratch = Scratch()

    /// The demo with 600 more Assist customers, a defect or none each, so that the customer rules have many
    /// findings each and the others the demo's one or two.
    func snapshot() throws -> URL {
        let demo = RuleFiles.folder.deletingLastPathComponent().appendingPathComponent("examples/demo")
        let folder = try scratch.copy(of: demo.path, as: "evaluation-order")
        let customers = folder.appendingPathComponent("assist/customers.csv")
        var csv = try String(contentsOf: customers, encoding: .utf8)
        for index in 0..<600 {
            let number = ["\(10_100 + index)", "", "\(9_000 + index)", "10100", "1x\(index)"][index % 5]
            let organization = index % 7 == 0 ? "123456789" : "974760673"
            let email = index % 3 == 0 ? "not-an-address" : index % 11 == 0 ? "" : "post\(index)@firma.no"
            let sendMethod = index % 4 == 0 ? "EHF" : "E-post"
            csv += "\(number);Kunde \(index);\(organization);\(email);\(sendMethod);Ja\r\n"
        }
        try Data(csv.utf8).write(to: customers)
        return folder
    }

    @Test func theSetsFindingsAreEachRuleAloneSortedIntoReportOrder() throws {
        let rules = try RuleSet.builtIn()
        let dataset = Dataset(try SnapshotReader.read(at: try snapshot()))
        let together = rules.evaluate(dataset, language: .en)
        let alone = try rules.rules.flatMap { rule in
            try RuleSet([(rule: rule, source: rule.id)]).evaluate(dataset, language: .en)
        }
        #expect(Set(together.map(\.rule)) == Set(rules.rules.map(\.id)), "every rule has findings")
        #expect(together.count > 500)
        // `sorted` is stable: each rule's own findings keep the order the rule alone gave them.
        #expect(together == alone.sorted(by: Finding.reportOrder))
    }

    /// Each pair of neighbours differs in one of the fields the order compares, in the order it compares them.
    static let ordered = [
        finding(.error, "a-rule", "A-2", line: 3),
        finding(.error, "a-rule", "A-2", line: 4),
        finding(.error, "a-rule", "A-10", line: 1),
        finding(.error, "b-rule", "A-1", line: 1),
        finding(.warning, "a-rule", "A-1", line: nil),
        finding(.info, "a-rule", "A-1", line: nil),
    ]

    @Test func aListInReportOrderIsKeptAsItIs() {
        #expect(Finding.areInReportOrder(Self.ordered))
        #expect(Finding.areInReportOrder([]) && Finding.areInReportOrder([Self.ordered[5]]))
        #expect(Report(findings: Self.ordered, rules: [], language: .en, snapshot: "").findings == Self.ordered)
    }

    @Test(arguments: 1..<ordered.count)
    func twoNeighboursSwappedAreFoundAndSorted(at index: Int) {
        var swapped = Self.ordered
        swapped.swapAt(index - 1, index)
        #expect(!Finding.areInReportOrder(swapped))
        #expect(Finding.reportOrder(Self.ordered[index - 1], Self.ordered[index]))
        #expect(!Finding.reportOrder(Self.ordered[index], Self.ordered[index - 1]))
        #expect(Report(findings: swapped, rules: [], language: .en, snapshot: "").findings == Self.ordered)
    }

    static func finding(_ severity: Severity, _ rule: String, _ key: String, line: Int?) -> Finding {
        Finding(
            rule: rule, severity: severity, message: "Message.", hint: "Hint.", system: .assist, entity: .customer,
            key: key, location: line.map { SourceLocation(file: "assist/customers.csv", line: $0) })
    }
}
