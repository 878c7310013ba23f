import LedgerLintText

/// `steps.md` and the summary line: the plan as a person works through it, in order (the number series, then
/// PowerOffice's products, then Assist's customers, then what only a person can do).
public enum FixPlanSteps {
    /// Ruff's way of saying it: `18 findings: 3 fixed by safe fixes, 7 by fixes to review, 7 need manual steps,
    /// 1 has no fix; after the plan: 8 findings left (7 manual, 1 without a fix), 0 new`.
    public static func summaryLine(_ plan: FixPlan) -> String {
        let summary = plan.summary
        let dry = plan.dryRun
        let words = Words(language: plan.language)
        var parts = [
            words.fixedBySafe(dry.fixedBySafe), words.fixedByReview(dry.fixedByReview), words.manual(summary.manual),
        ]
        if summary.unfixed > 0 { parts.append(words.unfixed(summary.unfixed)) }
        let leftManual = dry.left.filter { plan.applicability(of: $0) == .manual }.count
        let leftUnfixed = dry.left.filter { plan.applicability(of: $0) == nil }.count
        let leftOther = dry.left.count - leftManual - leftUnfixed - dry.new.count
        return words.findings(summary.findings) + ": " + parts.joined(separator: ", ") + "; "
            + words.after(left: dry.left.count, manual: leftManual, unfixed: leftUnfixed, other: leftOther)
            + ", " + words.new(dry.new.count)
    }

    public static func markdown(_ plan: FixPlan) -> String {
        let words = Words(language: plan.language)
        var out = "# \(words.title) \(MarkdownReporter.escaped(plan.snapshot))\n\n\(summaryLine(plan)).\n\n"
        out += words.intro + "\n"

        out += "\n## 1. \(words.seriesHeading)\n\n"
        out += "- [ ] " + words.series(FixPlanWords.range(plan.series)) + "\n"

        let products = plan.fixes.filter { $0.system == .poweroffice && $0.applicability != .manual }
        out += "\n## 2. \(words.productsHeading)\n\n"
        out += products.isEmpty ? words.nothing + "\n" : words.productsIntro + "\n\n"
        for fix in products { out += item(fix, words) }

        let customers = plan.fixes.filter { if case .renumberCustomer = $0.change { true } else { false } }
        out += "\n## 3. \(words.customersHeading)\n\n"
        out += customers.isEmpty ? words.nothing + "\n" : words.customersIntro + "\n\n"
        var seen = Set<Int64>()
        for fix in customers {
            if case .renumberCustomer(_, _, let to, _) = fix.change, !seen.insert(to).inserted { continue }
            out += item(fix, words)
        }

        let manual = plan.fixes.filter { $0.applicability == .manual }
        out += "\n## 4. \(words.manualHeading)\n\n"
        out += manual.isEmpty ? words.nothing + "\n" : ""
        for fix in manual { out += item(fix, words) }

        let unfixed = plan.findings.filter { plan.applicability(of: $0) == nil }
        if !unfixed.isEmpty {
            out += "\n## \(words.unfixedHeading)\n\n"
            for finding in unfixed {
                out += "- `\(finding.rule)` \(MarkdownReporter.escaped(finding.key)): \(MarkdownReporter.escaped(finding.message))\n"
            }
        }
        return out
    }

    static func item(_ fix: Fix, _ words: Words) -> String {
        "- [ ] \(MarkdownReporter.escaped(fix.description)) (`\(fix.rule)`, \(words.applicability(fix.applicability)))\n"
    }

    struct Words: LocalizedWords {
        var language: Language

        var title: String { pick("Fix plan for", "Retteplan for") }
        var intro: String {
            pick(
                "Work through the steps in order. The plan changes nothing by itself: LedgerLint only reads PowerOffice.",
                "Gå gjennom stegene i rekkefølge. Planen endrer ingenting selv: LedgerLint bare leser fra PowerOffice.")
        }
        var seriesHeading: String { pick("Customer number series", "Kundenummerserie") }
        func series(_ range: String) -> String {
            pick(
                "New customer numbers are taken from the series \(range); check that it exists under "
                    + "\(FixPlanWords.seriesMenu) (add it there first if not).",
                "Nye kundenumre hentes fra serien \(range); kontroller at den finnes under \(FixPlanWords.seriesMenu) "
                    + "(legg den til der først hvis ikke).")
        }
        var productsHeading: String { pick("Products in PowerOffice", "Produkter i PowerOffice") }
        var productsIntro: String {
            pick(
                "By hand, or as imports: `poweroffice/products-to-create.json` (POST /Products), "
                    + "`poweroffice/products-to-update.json` (PATCH /Products/{Id}), or "
                    + "`poweroffice/products-to-create.csv` to type from.",
                "For hånd, eller som import: `poweroffice/products-to-create.json` (POST /Products), "
                    + "`poweroffice/products-to-update.json` (PATCH /Products/{Id}), eller "
                    + "`poweroffice/products-to-create.csv` å skrive inn fra.")
        }
        var customersHeading: String { pick("Customer numbers in Assist", "Kundenumre i Assist") }
        var customersIntro: String {
            pick(
                "Before the export; the list is in `assist/customer-numbers.csv`.",
                "Før eksporten; listen står i `assist/customer-numbers.csv`.")
        }
        var manualHeading: String { pick("By hand", "For hånd") }
        var unfixedHeading: String { pick("Findings the plan has no fix for", "Funn planen ikke har noen retting for") }
        var nothing: String { pick("Nothing to do.", "Ingenting å gjøre.") }

        func applicability(_ kind: FixApplicability) -> String {
            switch kind {
            case .safe: pick("safe", "sikker")
            case .review: pick("check before you make it", "kontroller før du gjør den")
            case .manual: pick("by hand", "for hånd")
            }
        }

        func findings(_ count: Int) -> String { pick("\(count) findings", "\(count) funn") }
        func fixedBySafe(_ count: Int) -> String {
            pick("\(count) fixed by safe fixes", "\(count) rettes av sikre rettinger")
        }
        func fixedByReview(_ count: Int) -> String {
            pick("\(count) by fixes to review", "\(count) av rettinger som bør kontrolleres")
        }
        func manual(_ count: Int) -> String { pick("\(count) need manual steps", "\(count) må rettes for hånd") }
        func unfixed(_ count: Int) -> String {
            count == 1 ? pick("1 has no fix", "1 har ingen retting") : pick("\(count) have no fix", "\(count) har ingen retting")
        }
        func after(left: Int, manual: Int, unfixed: Int, other: Int) -> String {
            var parts: [String] = []
            if manual > 0 { parts.append(manual == left ? pick("all manual", "alle for hånd") : pick("\(manual) manual", "\(manual) for hånd")) }
            if unfixed > 0 { parts.append(pick("\(unfixed) without a fix", "\(unfixed) uten retting")) }
            if other > 0 { parts.append(pick("\(other) the plan should have fixed", "\(other) som planen skulle ha rettet")) }
            let detail = parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
            return pick("after the plan: \(left) findings left", "etter planen: \(left) funn igjen") + detail
        }
        func new(_ count: Int) -> String { pick("\(count) new", "\(count) nye") }
    }
}
