/// What suppressions did to a run's findings.
public struct SuppressionResult: Sendable, Hashable {
    /// Findings no suppression matched: these are shown and counted.
    public var kept: [Finding]
    public var suppressed: [SuppressedFinding]
    /// Suppressions past their `expires` date: they no longer hide anything, and the run says so.
    public var expired: [Suppression]
    /// Suppressions in force that matched no finding: probably fixed, and worth removing.
    public var unused: [Suppression]

    /// Applies suppressions to findings as of `today` (`yyyy-MM-dd`; a suppression applies through its `expires`
    /// day).
    public init(applying suppressions: [Suppression], to findings: [Finding], today: String) {
        let active = suppressions.filter { ($0.expires ?? "9999-12-31") >= today }
        expired = suppressions.filter { ($0.expires ?? "9999-12-31") < today }
        guard !active.isEmpty else {
            // Nothing to match: the findings as they are, not copied one by one.
            (kept, suppressed, unused) = (findings, [], [])
            return
        }
        // Index by rule and key so that many suppressions cost no more than a few.
        var byRuleAndKey: [RuleAndKey: [Int]] = [:]
        for (index, suppression) in active.enumerated() {
            byRuleAndKey[RuleAndKey(rule: suppression.rule, key: suppression.key), default: []].append(index)
        }
        var used = Array(repeating: false, count: active.count)
        var kept: [Finding] = []
        var suppressed: [SuppressedFinding] = []
        for finding in findings {
            let candidates = byRuleAndKey[RuleAndKey(rule: finding.rule, key: finding.key)] ?? []
            if let match = candidates.first(where: { active[$0].matches(finding) }) {
                used[match] = true
                suppressed.append(SuppressedFinding(finding: finding, reason: active[match].reason, expires: active[match].expires))
            } else {
                kept.append(finding)
            }
        }
        self.kept = kept
        self.suppressed = suppressed
        unused = active.indices.filter { !used[$0] }.map { active[$0] }
    }

    private struct RuleAndKey: Hashable {
        var rule: String
        var key: String
    }
}
