import Foundation
import LedgerLintJSON
import LedgerLintText

/// The files of a fix plan, rendered: `plan.json`, the PowerOffice product imports, the Assist renumbering and
/// `steps.md`, each as `(path in the plan's folder, bytes)`. Pure: `FixPlanWriter` puts them on disk.
public enum FixPlanFiles {
    public static let plan = "plan.json"
    public static let productsToCreate = "poweroffice/products-to-create.json"
    public static let productsToUpdate = "poweroffice/products-to-update.json"
    public static let productsToCreateCSV = "poweroffice/products-to-create.csv"
    public static let customerNumbers = "assist/customer-numbers.csv"
    public static let steps = "steps.md"

    public static func render(_ plan: FixPlan) throws -> [(path: String, data: Data)] {
        [
            (Self.plan, try JSONOutput.document(PlanDocument(plan))),
            (productsToCreate, try JSONOutput.document(plan.fixes.compactMap(ProductPost.init))),
            (productsToUpdate, try JSONOutput.document(plan.fixes.compactMap(ProductPatch.init))),
            (productsToCreateCSV, csv(productRows(plan), header: productHeader(plan.language))),
            (customerNumbers, csv(customerRows(plan), header: customerHeader(plan.language))),
            (steps, Data(FixPlanSteps.markdown(plan).utf8)),
        ]
    }

    /// `plan.json`'s summary, which `fix-plan --format json` prints too.
    public static func summaryDocument(_ plan: FixPlan) throws -> Data {
        try JSONOutput.document(SummaryDocument(plan))
    }

    // MARK: - JSON

    struct PlanDocument: Encodable {
        var version = 1
        var tool: JSONReporter.ToolInfo
        var snapshot: String
        var series: Series
        var summary: FixPlan.Summary
        var dryRun: DryRunRecord
        var fixes: [FixRecord]

        init(_ plan: FixPlan) {
            tool = JSONReporter.ToolInfo(name: Tool.name, version: Tool.version)
            snapshot = plan.snapshot
            series = Series(from: plan.series.lowerBound, to: plan.series.upperBound)
            summary = plan.summary
            dryRun = DryRunRecord(plan.dryRun)
            fixes = plan.fixes.map(FixRecord.init)
        }
    }

    /// The customer number series new numbers come from.
    struct Series: Encodable {
        var from: Int64
        var to: Int64
    }

    struct SummaryDocument: Encodable {
        var summary: FixPlan.Summary
        var dryRun: DryRunRecord

        init(_ plan: FixPlan) {
            summary = plan.summary
            dryRun = DryRunRecord(plan.dryRun)
        }
    }

    struct DryRunRecord: Encodable {
        var fixedBySafe: Int
        var fixedByReview: Int
        var left: Int
        var new: [NewFinding]

        struct NewFinding: Encodable {
            var rule: String
            var key: String
            var message: String
        }

        init(_ dryRun: FixPlan.DryRun) {
            fixedBySafe = dryRun.fixedBySafe
            fixedByReview = dryRun.fixedByReview
            left = dryRun.left.count
            new = dryRun.new.map { NewFinding(rule: $0.rule, key: $0.key, message: $0.message) }
        }
    }

    /// A value of a fix: text, a whole number, or null (written, not left out).
    enum Value: Encodable {
        case text(String)
        case number(Int64)
        case flag(Bool)
        case none

        init(_ text: String?) { self = text.map(Value.text) ?? .none }
        init(_ number: Int64?) { self = number.map(Value.number) ?? .none }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            case .flag(let flag): try container.encode(flag)
            case .none: try container.encodeNil()
            }
        }
    }

    struct FixRecord: Encodable {
        var rule: String
        var key: String
        var system: String
        var applicability: String
        var action: String
        var values: [String: Value]
        var description: String

        init(_ fix: Fix) {
            rule = fix.rule
            key = fix.key
            system = fix.system.rawValue
            applicability = fix.applicability.rawValue
            action = fix.action
            description = fix.description
            switch fix.change {
            case .createProduct(let code, let name, let account):
                values = ["Code": .text(code), "Name": .text(name), "StandardSalesAccount": Value(account)]
            case .updateProduct(let code, let id, let account):
                values = ["Code": .text(code), "Id": .number(id), "StandardSalesAccount": .number(account)]
            case .unarchiveProduct(let code, let id):
                values = ["Code": .text(code), "Id": .number(id)]
            case .renumberCustomer(let from, let name, let to, _):
                values = ["from": Value(from), "name": Value(name), "to": .number(to)]
            case .manual:
                values = [:]
            }
        }
    }

    /// A body for `POST /Products` (`ProductPostDto`).
    struct ProductPost: Encodable {
        var Code: String
        var Name: String
        var StandardSalesAccount: Value

        init?(_ fix: Fix) {
            guard case .createProduct(let code, let name, let account) = fix.change else { return nil }
            Code = code
            Name = name
            StandardSalesAccount = Value(account)
        }
    }

    /// A JSON Patch for `PATCH /Products/{Id}`.
    struct ProductPatch: Encodable {
        var Id: Int64
        var Code: String
        var patch: [Operation]

        struct Operation: Encodable {
            var op = "replace"
            var path: String
            var value: Value
        }

        init?(_ fix: Fix) {
            switch fix.change {
            case .updateProduct(let code, let id, let account):
                (Id, Code) = (id, code)
                patch = [Operation(path: "/standardSalesAccount", value: .number(account))]
            case .unarchiveProduct(let code, let id):
                (Id, Code) = (id, code)
                patch = [Operation(path: "/isArchived", value: .flag(false))]
            default:
                return nil
            }
        }
    }

    // MARK: - CSV, as the CSV report writes it for Excel

    static func csv(_ rows: [[String]], header: [String]) -> Data {
        Data(CSVReporter.document([header] + rows).utf8)
    }

    static func productHeader(_ language: Language) -> [String] {
        language == .nb ? ["Kode", "Navn", "Standard salgskonto"] : ["Code", "Name", "Standard sales account"]
    }

    static func productRows(_ plan: FixPlan) -> [[String]] {
        plan.fixes.compactMap { fix in
            guard case .createProduct(let code, let name, let account) = fix.change else { return nil }
            return [code, name, account.map(String.init) ?? ""]
        }
    }

    static func customerHeader(_ language: Language) -> [String] {
        language == .nb
            ? ["Kundenummer", "Navn", "Nytt kundenummer", "Årsak"]
            : ["customer_number", "name", "new_customer_number", "reason"]
    }

    static func customerRows(_ plan: FixPlan) -> [[String]] {
        var seen = Set<Int64>()
        return plan.fixes.compactMap { fix in
            guard case .renumberCustomer(let from, let name, let to, _) = fix.change, seen.insert(to).inserted
            else { return nil }
            return [from ?? "", name ?? "", String(to), plan.ruleNames[fix.rule]?[plan.language] ?? fix.rule]
        }
    }
}
