import LedgerLintText

extension Report {
    /// The findings of one rule, with the rule when it is one of `rules`.
    struct RuleGroup {
        var id: String
        var rule: Rule?
        var findings: [Finding]

        /// The rule's name in `language`, or its id for a finding whose rule is not in the report.
        func name(_ language: Language) -> String { rule?.name[language] ?? id }
    }

    /// The rule with this id, if it ran.
    func rule(withID id: String) -> Rule? {
        rules.first { $0.id == id }
    }

    /// `findings` grouped by rule, in report order (most severe rule first, then by rule id), each group keeping
    /// report order. Rules without findings are left out.
    var findingsByRule: [RuleGroup] {
        Self.groups(findings, rules: rules)
    }

    static func groups(_ findings: [Finding], rules: [Rule]) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        var index: [String: Int] = [:]
        for finding in findings {
            if let position = index[finding.rule] {
                groups[position].findings.append(finding)
            } else {
                index[finding.rule] = groups.count
                groups.append(RuleGroup(id: finding.rule, rule: rules.first { $0.id == finding.rule }, findings: [finding]))
            }
        }
        return groups
    }
}
