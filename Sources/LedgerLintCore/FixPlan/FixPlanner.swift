import Foundation
import LedgerLintText

/// Turns findings into fixes: which products to create or change, which Assist customers to give which new number,
/// and the steps of what only a person can do.
///
/// Reads the whole snapshot (every field), before `Dataset` drops the customers Assist does not export: their
/// numbers are taken too, and a new number must not collide with them.
public struct FixPlanner: Sendable {
    /// The renumbering finding's rules: a customer whose number cannot be kept.
    public static let renumberingRules: Set<String> = [
        "customer-number-range", "customer-number-missing", "customer-number-invalid", "customer-number-duplicate",
        "customer-number-conflict",
    ]

    public let snapshot: Snapshot
    /// The Assist customers as records, made once from the table (every one, exported or not).
    let customers: [AssistCustomer]
    /// The series new customer numbers come from.
    public let series: ClosedRange<Int64>
    /// Every customer number in use, in Assist (exported or not) and in PowerOffice.
    public let used: Set<Int64>
    /// PowerOffice's products by code, upper-cased (`A-4`); the first of a code that is there twice.
    let productsByCode: [String: PowerOfficeProduct]

    /// - Throws: `FixPlanError.seriesOutside` when `requestedSeries` is not inside one of PowerOffice's customer
    ///   number series.
    public init(snapshot: Snapshot, requestedSeries: ClosedRange<Int64>? = nil) throws(FixPlanError) {
        self.snapshot = snapshot
        let customers = Array(snapshot.assistCustomers)
        self.customers = customers
        var used = Set<Int64>()
        for customer in customers {
            if let number = Self.number(customer.customerNumber) { used.insert(number) }
        }
        for customer in snapshot.powerOffice.customers {
            if let number = customer.Number { used.insert(number) }
        }
        self.used = used
        productsByCode = Dictionary(
            snapshot.powerOffice.products.compactMap { product in product.Code.map { ($0.uppercased(), product) } },
            uniquingKeysWith: { first, _ in first })
        series = try NumberAllocator.choose(
            requested: requestedSeries, available: Self.customerSeries(of: snapshot), used: used)
    }

    /// PowerOffice's customer number series, or the default one the rules assume when the snapshot has none.
    public static func customerSeries(of snapshot: Snapshot) -> [NumberAllocator.Series] {
        let series = (snapshot.powerOffice.numberSeries ?? []).compactMap { entry in
            entry.customerRange.map { NumberAllocator.Series(range: $0, name: entry.Name, isDefault: entry.IsDefault ?? false) }
        }
        return series.isEmpty ? [NumberAllocator.Series(range: Dataset.defaultCustomerSeries, isDefault: true)] : series
    }

    /// An Assist customer number as a whole number, as the rules read it.
    static func number(_ text: String?) -> Int64? {
        text.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// One fix per finding that has one, in the findings' order; new customer numbers are handed out in the order
    /// of the customers in the Assist export.
    public func fixes(for findings: [Finding], language: Language) -> [Fix] {
        var customerAt: [SourceLocation: Int] = [:]
        for (index, customer) in customers.enumerated() {
            if let location = customer.location { customerAt[location] = index }
        }

        // Who gets a new number, for which finding: finding index → the customers (indices) it renumbers.
        var holders: [Int: [Int]] = [:]
        let duplicates = duplicateHoldersToRenumber(customers)
        for (index, finding) in findings.enumerated() where Self.renumberingRules.contains(finding.rule) {
            if finding.rule == "customer-number-duplicate" {
                holders[index] = duplicates[finding.key.trimmingCharacters(in: .whitespaces)] ?? []
            } else if let location = finding.location, let holder = customerAt[location] {
                holders[index] = [holder]
            }
        }
        // In the order of the export, each customer once, however many of its findings renumber it.
        var allocator = NumberAllocator(series: series, used: used)
        var newNumber: [Int: Int64?] = [:]
        for holder in Set(holders.values.joined()).sorted() {
            newNumber[holder] = allocator.take()
        }

        var fixes: [Fix] = []
        for (index, finding) in findings.enumerated() {
            if Self.renumberingRules.contains(finding.rule) {
                for holder in holders[index] ?? [] {
                    let customer = customers[holder]
                    let from = customer.customerNumber.flatMap { $0.isEmpty ? nil : $0 }
                    let who = FixPlanWords.customer(number: from, name: customer.name)
                    if case let number?? = newNumber[holder] {
                        fixes.append(
                            Fix(
                                rule: finding.rule, key: finding.key, system: .assist,
                                change: .renumberCustomer(from: from, name: customer.name, to: number, location: customer.location),
                                description: FixPlanWords.renumber(from: from, name: customer.name, to: number)[language]))
                    } else {
                        fixes.append(
                            Fix(
                                rule: finding.rule, key: finding.key, system: .assist, change: .manual,
                                description: FixPlanWords.seriesFull(series, who: who)[language]))
                    }
                }
            } else if let fix = fix(for: finding, customers: customers, customerAt: customerAt, language: language) {
                fixes.append(fix)
            }
        }
        return fixes
    }

    /// For each number held by more than one exported customer, every holder but the one that keeps it: the one
    /// whose organisation number is that of PowerOffice's customer with the number, else the first in the file.
    func duplicateHoldersToRenumber(_ customers: [AssistCustomer]) -> [String: [Int]] {
        var byNumber: [String: [Int]] = [:]
        for (index, customer) in customers.enumerated() where customer.export {
            guard let number = customer.customerNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty else { continue }
            byNumber[number, default: []].append(index)
        }
        var organizationOf: [Int64: String] = [:]
        for customer in snapshot.powerOffice.customers {
            if let number = customer.Number, let organization = customer.OrganizationNumber {
                organizationOf[number] = Self.digits(organization)
            }
        }
        var result: [String: [Int]] = [:]
        for (number, holders) in byNumber where holders.count > 1 {
            let wanted = Self.number(number).flatMap { organizationOf[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            let keeper = holders.first { holder in
                wanted != nil && customers[holder].organizationNumber.map(Self.digits) == wanted
            } ?? holders[0]
            result[number] = holders.filter { $0 != keeper }
        }
        return result
    }

    static func digits(_ text: String) -> String { String(text.filter(\.isWholeNumber)) }

    /// The fix for a finding about a product group, or the steps for one only a person can fix.
    func fix(
        for finding: Finding, customers: [AssistCustomer], customerAt: [SourceLocation: Int], language: Language
    ) -> Fix? {
        let group = productGroup(of: finding)
        let code = group.map { "A-\($0.number)" } ?? finding.key
        let product = productsByCode[code.uppercased()]
        func make(_ system: System, _ change: Fix.Change, _ text: LocalizedText) -> Fix {
            Fix(rule: finding.rule, key: finding.key, system: system, change: change, description: text[language])
        }
        switch finding.rule {
        case "product-code-missing":
            guard let group else { break }
            let name = group.name.flatMap { $0.isEmpty ? nil : $0 } ?? "Produktgruppe \(group.number)"
            let account = group.salesAccount.map(Int64.init)
            return make(
                .poweroffice, .createProduct(code: code, name: name, salesAccount: account),
                FixPlanWords.createProduct(code: code, name: name, account: account))
        case "sales-account-mismatch":
            guard let account = group?.salesAccount.map(Int64.init) else { break }
            guard let id = product?.Id else {
                return make(.poweroffice, .manual, FixPlanWords.updateProduct(code: code, account: account, was: nil))
            }
            return make(
                .poweroffice, .updateProduct(code: code, id: id, salesAccount: account),
                FixPlanWords.updateProduct(code: code, account: account, was: product?.StandardSalesAccount))
        case "product-code-archived":
            guard let id = product?.Id else {
                return make(.poweroffice, .manual, FixPlanWords.unarchiveProduct(code: code))
            }
            return make(.poweroffice, .unarchiveProduct(code: code, id: id), FixPlanWords.unarchiveProduct(code: code))
        default:
            break
        }
        let customer = finding.location.flatMap { customerAt[$0] }.map { customers[$0] }
        let who = customer.map { FixPlanWords.customer(number: $0.customerNumber, name: $0.name) } ?? finding.key
        let groupText = group.map { "\($0.number)" } ?? finding.key
        let account = group?.salesAccount.map(String.init) ?? "?"
        guard
            let (system, steps) = FixPlanWords.manual(
                rule: finding.rule, who: who, system: finding.system, group: groupText, account: account)
        else { return nil }
        return make(system, .manual, steps)
    }

    /// The Assist product group a finding is about: the one at its location, else the one its key names (`A-4`).
    func productGroup(of finding: Finding) -> AssistProductGroup? {
        guard finding.entity == .productGroup else { return nil }
        let groups = snapshot.assistProductGroups ?? AssistProductGroup.assumed
        if let location = finding.location, let group = groups.first(where: { $0.location == location }) { return group }
        let digits = finding.key.uppercased().hasPrefix("A-") ? String(finding.key.dropFirst(2)) : finding.key
        return Int(digits).flatMap { number in groups.first { $0.number == number } }
    }
}
