import FakePowerOffice
import Foundation
import Testing

@testable import LedgerLintCore

/// New customer numbers, over random series and random numbers in use: never one in use, never outside the series,
/// never twice, in ascending order, the same every time, and every free number before the series counts as full.
@Suite struct NumberAllocatorTests {
    static func randomCase(_ random: inout SplitMix64) -> (series: ClosedRange<Int64>, used: Set<Int64>) {
        let from = Int64.random(in: 0...20_000, using: &random)
        let series = from...(from + Int64.random(in: 0...60, using: &random))
        var used = Set<Int64>()
        // Numbers in use inside the series, around it, and far away.
        for _ in 0..<Int.random(in: 0...80, using: &random) {
            used.insert(Int64.random(in: (series.lowerBound - 10)...(series.upperBound + 10), using: &random))
        }
        if Bool.random(using: &random) { used.insert(series.upperBound) }
        return (series, used)
    }

    @Test func allocationHoldsItsPromisesOverRandomCases() {
        var random = SplitMix64(seed: 0x5EED_F1C5)
        for _ in 0..<500 {
            let (series, used) = Self.randomCase(&random)
            var allocator = NumberAllocator(series: series, used: used)
            var taken: [Int64] = []
            while let number = allocator.take() { taken.append(number) }
            #expect(taken.allSatisfy(series.contains), "outside \(series): \(taken)")
            #expect(taken.allSatisfy { !used.contains($0) }, "a number in use was handed out")
            #expect(taken == taken.sorted() && Set(taken).count == taken.count, "not ascending and distinct: \(taken)")
            #expect(Int64(taken.count) == NumberAllocator.free(in: series, used: used), "full before every free number")
            #expect(allocator.take() == nil, "a full series stays full")

            var again = NumberAllocator(series: series, used: used)
            #expect(taken.map { _ in again.take() } == taken.map(Optional.some), "not deterministic")
        }
    }

    @Test func theLastNumberOfTheWidestSeriesIsHandedOutWithoutOverflow() {
        var allocator = NumberAllocator(series: (Int64.max - 1)...Int64.max, used: [Int64.max - 1])
        #expect(allocator.take() == Int64.max)
        #expect(allocator.take() == nil)
    }

    static let series: [NumberAllocator.Series] = [
        .init(range: 10000...19999, name: "Kunder", isDefault: true),
        .init(range: 50000...50009, name: "Assist", isDefault: false),
        .init(range: 60000...60099, name: "Assist 2", isDefault: false),
    ]

    @Test func theNonDefaultSeriesWithTheMostFreeNumbersIsChosen() throws {
        #expect(try NumberAllocator.choose(requested: nil, available: Self.series, used: []) == 60000...60099)
        // Used up but for 5 numbers: the first non-default series, with 10 free, wins.
        let used = Set((60000...60094).map(Int64.init))
        #expect(try NumberAllocator.choose(requested: nil, available: Self.series, used: used) == 50000...50009)
    }

    @Test func theDefaultSeriesIsChosenWhenThereIsNoOther() throws {
        let only = [Self.series[0]]
        #expect(try NumberAllocator.choose(requested: nil, available: only, used: []) == 10000...19999)
    }

    @Test func aRequestedSeriesMustLieInsideACustomerSeries() throws {
        #expect(try NumberAllocator.choose(requested: 15000...15999, available: Self.series, used: []) == 15000...15999)
        for outside: ClosedRange<Int64> in [19000...20500, 40000...40010, 50005...60005] {
            #expect(throws: FixPlanError.self) {
                try NumberAllocator.choose(requested: outside, available: Self.series, used: [])
            }
        }
    }
}

extension NumberAllocatorTests {
    @Test func aSeriesWiderThanAnyCountIsCountedWithoutTrapping() {
        #expect(NumberAllocator.free(in: Int64.min...Int64.max, used: [0]) == Int64.max - 1)
    }
}

/// The same promises where the plan makes them: over random exports and PowerOffice customers, checked by the real
/// rules, no new number is one anybody has, none is outside the series or handed out twice, every customer to
/// renumber gets a number or, once the series is full, a manual step, and the plan is the same every time.
extension NumberAllocatorTests {
    static func randomSnapshot(_ random: inout SplitMix64) -> Snapshot {
        let series = Int64(10000)...(10000 + Int64.random(in: 3...40, using: &random))
        var customers: [AssistCustomer] = []
        for index in 0..<Int.random(in: 3...30, using: &random) {
            let number: String? =
                switch Int.random(in: 0..<6, using: &random) {
                case 0: nil
                case 1: "K-\(index)"
                case 2: "\(Int.random(in: 1...9999, using: &random))"
                default: "\(Int64.random(in: series.lowerBound...(series.upperBound + 5), using: &random))"
                }
            customers.append(
                AssistCustomer(
                    customerNumber: number, name: "Kunde \(index)", email: "k\(index)@example.no",
                    export: Int.random(in: 0..<5, using: &random) > 0,
                    location: LedgerLintCore.SourceLocation(file: "assist/customers.csv", line: index + 2)))
        }
        let powerOffice = (0..<Int.random(in: 0...10, using: &random)).map { index in
            PowerOfficeCustomer(
                Id: Int64(index), Number: Int64.random(in: series, using: &random), Name: "PO \(index)",
                InvoiceDeliveryType: "EmailInvoice")
        }
        return Snapshot(
            assistCustomers: RecordTable(customers),
            powerOffice: PowerOfficeData(
                customers: RecordTable(powerOffice),
                numberSeries: [
                    PowerOfficeNumberSeries(
                        SubLedgerNumberSeriesType: "Customer", FromInclusive: series.lowerBound,
                        ToInclusive: series.upperBound, IsDefault: true)
                ]))
    }

    @Test func thePlansNewNumbersHoldTheSamePromisesOverRandomSnapshots() throws {
        let rules = try RuleSet.builtIn()
        var random = SplitMix64(seed: 0xF1C5_0002)
        for _ in 0..<80 {
            let snapshot = Self.randomSnapshot(&random)
            let findings = rules.evaluate(Dataset(snapshot), language: .en)
            let planner = try FixPlanner(snapshot: snapshot)
            let fixes = planner.fixes(for: findings, language: .en)
            #expect(planner.fixes(for: findings, language: .en) == fixes, "not deterministic")

            var numberOf: [LedgerLintCore.SourceLocation: Int64] = [:]
            for fix in fixes {
                guard case .renumberCustomer(_, _, let to, let location?) = fix.change else { continue }
                #expect(numberOf[location, default: to] == to, "one customer, two new numbers")
                numberOf[location] = to
            }
            let numbers = Array(numberOf.values)
            // Taken, counted here from the snapshot itself: every Assist number (exported or not) and PowerOffice's.
            let taken = Set(
                snapshot.assistCustomers.compactMap { $0.customerNumber.flatMap { Int64($0) } }
                    + snapshot.powerOffice.customers.compactMap(\.Number))
            #expect(numbers.allSatisfy(planner.series.contains), "outside \(planner.series): \(numbers)")
            #expect(numbers.allSatisfy { !taken.contains($0) }, "a number in use: \(numbers)")
            #expect(Set(numbers).count == numbers.count, "a number twice: \(numbers)")
            let full = fixes.contains { FixPlanner.renumberingRules.contains($0.rule) && $0.applicability == .manual }
            if full {
                #expect(Int64(planner.series.count - taken.filter(planner.series.contains).count) == Int64(numbers.count))
            }
            // Every renumbering finding has a fix.
            for finding in findings where FixPlanner.renumberingRules.contains(finding.rule) {
                #expect(fixes.contains { $0.rule == finding.rule && $0.key == finding.key }, "\(finding.rule) \(finding.key)")
            }
        }
    }
}
