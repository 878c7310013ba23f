import Foundation
import LedgerLintTestSupport
import Testing

@testable import LedgerLintCore
@testable import LedgerLintText

/// `fix-plan` on the demo: every file it writes, in both languages, and a check of the demo with the plan's imports
/// made by hand (by the small applier below, not by the plan's own dry run) leaves only what the plan calls manual.
@Suite struct FixPlanTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demo = root.appendingPathComponent("examples/demo")
    let scratch = Scratch()

    static func plan(of snapshot: URL, language: Language = .en, series: ClosedRange<Int64>? = nil) async throws -> FixPlan {
        let run = try CheckRun(
            CheckRun.Options(snapshot: snapshot.path, rules: try RuleSet.builtIn(), language: language, today: "2026-12-01"))
        return try await run.fixPlan(requestedSeries: series)
    }

    static func findings(of snapshot: URL) async throws -> [Finding] {
        let run = try CheckRun(CheckRun.Options(snapshot: snapshot.path, rules: try RuleSet.builtIn(), today: "2026-12-01"))
        return try await run.run().report.findings
    }

    @Test(arguments: [Language.en, .nb])
    func everyFileMatchesItsGoldenFile(language: Language) async throws {
        let plan = try await Self.plan(of: Self.demo, language: language)
        let files = try FixPlanFiles.render(plan)
        #expect(files.map(\.path) == [
            "plan.json", "poweroffice/products-to-create.json", "poweroffice/products-to-update.json",
            "poweroffice/products-to-create.csv", "assist/customer-numbers.csv", "steps.md",
        ])
        for file in files {
            let text = String(decoding: file.data, as: UTF8.self).replacingOccurrences(of: Self.demo.path, with: "examples/demo")
            golden.assertText(text, matches: "fix-plan-\(language.rawValue)/\(file.path)")
        }
    }

    @Test func theDemoPlanFixesWhatItSaysAndProvesIt() async throws {
        let plan = try await Self.plan(of: Self.demo)
        #expect(plan.summary == FixPlan.Summary(findings: 18, safe: 2, review: 6, manual: 10, unfixed: 0))
        #expect(plan.dryRun.new.isEmpty)
        #expect(plan.dryRun.fixedBySafe == 2 && plan.dryRun.fixedByReview == 6 && plan.dryRun.left.count == 10)
        #expect(
            FixPlanSteps.summaryLine(plan)
                == "18 findings: 2 fixed by safe fixes, 6 by fixes to review, 10 need manual steps; "
                + "after the plan: 10 findings left (all manual), 0 new")
        let renumbered = plan.fixes.compactMap { fix -> String? in
            guard case .renumberCustomer(let from, let name, let to, _) = fix.change else { return nil }
            return "\(from ?? "-") \(name ?? "-") → \(to)"
        }
        // In the order of the Assist export: 5020 (line 6), K-77, the one without a number, the second 10006, 10007.
        #expect(renumbered == [
            "10007 Strand Regnskap AS → 10011", "10006 Vik Transport Øst; avd. Hamar → 10010", "K-77 Ås Snekkeri → 10005",
            "- Nygård Maling → 10009", "5020 Lia Gårdsbutikk → 10000",
        ])
    }

    /// The check the issue asks for: the imports made by hand, then checked again.
    @Test func applyingTheImportsByHandLeavesOnlyWhatThePlanCallsManual() async throws {
        let copy = try scratch.copy(of: Self.demo.path, as: "fix-plan-demo")
        let folder = scratch.url("fix-plan-out")
        try FixPlanWriter.write(try FixPlanFiles.render(try await Self.plan(of: copy)), to: folder)

        let renumbering = try Applier.apply(plan: folder, to: copy)
        let left = try await Self.findings(of: copy).map { finding in
            // A renumbered customer is known by its old key.
            "\(finding.rule) \(finding.system == .assist ? renumbering[finding.key] ?? finding.key : finding.key)"
        }
        let planJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json")))
        let fixes = try #require((planJSON as? [String: Any])?["fixes"] as? [[String: Any]])
        let manual = fixes.filter { $0["applicability"] as? String == "manual" }
            .map { "\($0["rule"] as? String ?? "") \($0["key"] as? String ?? "")" }
        #expect(left.sorted() == manual.sorted())
        #expect(!manual.isEmpty)
    }

    @Test func aFullSeriesLeavesTheRestToAPerson() async throws {
        let plan = try await Self.plan(of: Self.demo, series: 10000...10000)
        #expect(plan.series == 10000...10000)
        let renumbers = plan.fixes.filter { FixPlanner.renumberingRules.contains($0.rule) }
        #expect(renumbers.map(\.applicability) == [.manual, .manual, .manual, .manual, .review])
        #expect(renumbers.prefix(4).allSatisfy { $0.description.contains("10000–10000 has no free number left") })
        #expect(plan.dryRun.new.isEmpty)
    }

    @Test func aFindingThePlanCausesIsNamedAsNew() throws {
        let rules = try RuleSet.builtIn()
        let snapshot = try SnapshotReader.read(at: Self.demo)
        let findings = rules.evaluate(Dataset(snapshot), language: .en)
        let caused = Finding(
            rule: "product-code-orphan", severity: .warning, message: "made by the plan", hint: "", system: .poweroffice,
            entity: .product, key: "A-3")
        let plan = try FixPlan(
            snapshot: "demo", data: snapshot, findings: findings, rules: rules.rules,
            planner: FixPlanner(snapshot: snapshot), language: .en, recheck: { _ in findings + [caused] })
        #expect(plan.dryRun.new == [caused])
        #expect(plan.dryRun.fixedBySafe == 0 && plan.dryRun.fixedByReview == 0)
        #expect(FixPlanSteps.summaryLine(plan).hasSuffix(", 1 new"))
    }

    @Test func aSeriesOutsidePowerOfficesIsRefused() async throws {
        await #expect(throws: FixPlanError.seriesOutside(requested: 50000...59999, available: [10000...19999])) {
            _ = try await Self.plan(of: Self.demo, series: 50000...59999)
        }
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws {
        let folder = try scratch.folder("fix-plan-full-folder")
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: FixPlanError.folderNotEmpty(path: folder.path)) {
            try FixPlanWriter.write([("plan.json", Data("{}".utf8))], to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

}

/// Makes a plan's imports the way a person (or a script of theirs) would, knowing only the files' documented
/// shapes: products appended to and patched in `Products.json`, customers renumbered in `customers.csv`.
enum Applier {
    /// - Returns: for each new customer number, the key the customer had (its old number, or its name).
    static func apply(plan: URL, to snapshot: URL) throws -> [String: String] {
        let productsURL = snapshot.appendingPathComponent("poweroffice/Products.json")
        var products = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: productsURL)) as? [[String: Any]])
        let created = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: plan.appendingPathComponent("poweroffice/products-to-create.json"))) as? [[String: Any]])
        var nextID = products.compactMap { $0["Id"] as? Int }.max() ?? 0
        for body in created {
            nextID += 1
            var product = body
            product["Id"] = nextID
            product["IsArchived"] = false
            products.append(product)
        }
        let patches = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: plan.appendingPathComponent("poweroffice/products-to-update.json"))) as? [[String: Any]])
        for patch in patches {
            let id = try #require(patch["Id"] as? Int)
            let index = try #require(products.firstIndex { $0["Id"] as? Int == id })
            for operation in try #require(patch["patch"] as? [[String: Any]]) {
                #expect(operation["op"] as? String == "replace")
                let path = try #require(operation["path"] as? String)
                // JSON Patch paths name the property in camelCase: /standardSalesAccount is StandardSalesAccount.
                let property = path.dropFirst().prefix(1).uppercased() + path.dropFirst(2)
                products[index][property] = operation["value"]
            }
        }
        try JSONSerialization.data(withJSONObject: products).write(to: productsURL)

        let rows = try csvRows(plan.appendingPathComponent("assist/customer-numbers.csv"))
        #expect(rows.first == ["customer_number", "name", "new_customer_number", "reason"])
        let customersURL = snapshot.appendingPathComponent("assist/customers.csv")
        var customers = try csvRows(customersURL)
        var oldKeys: [String: String] = [:]
        for row in rows.dropFirst() {
            let index = try #require(customers.indices.first { customers[$0][0] == row[0] && customers[$0][1] == row[1] })
            customers[index][0] = row[2]
            oldKeys[row[2]] = row[0].isEmpty ? row[1] : row[0]
        }
        let text = customers.map { row in
            row.map { $0.contains(";") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ";")
        }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: customersURL)
        return oldKeys
    }

    /// `;`-separated rows, quotes honoured, a byte-order mark and CR dropped.
    static func csvRows(_ url: URL) throws -> [[String]] {
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n") {
            var cells = [""]
            var quoted = false
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                if character == "\"" && quoted && index + 1 < characters.count && characters[index + 1] == "\"" {
                    cells[cells.count - 1].append("\"")
                    index += 1
                } else if character == "\"" {
                    quoted.toggle()
                } else if character == ";" && !quoted {
                    cells.append("")
                } else {
                    cells[cells.count - 1].append(character)
                }
                index += 1
            }
            rows.append(cells)
        }
        return rows
    }
}
