import LedgerLintText

/// The fixes for a check's findings, and what a check of the snapshot with them made would find: the dry run that
/// proves the plan.
public struct FixPlan: Sendable {
    /// How many findings each kind of fix takes care of; every finding is counted once, by its least automatic fix.
    public struct Summary: Sendable, Hashable, Encodable {
        public var findings: Int
        public var safe: Int
        public var review: Int
        public var manual: Int
        public var unfixed: Int
    }

    /// The check again, on the snapshot with every `safe` and `review` fix made.
    public struct DryRun: Sendable, Hashable {
        /// Findings with a safe fix that are gone.
        public var fixedBySafe: Int
        /// Findings with a fix to review that are gone.
        public var fixedByReview: Int
        /// What is still found (renumbered customers under their old keys).
        public var left: [Finding]
        /// Findings the plan caused: each is an error in the plan.
        public var new: [Finding]
    }

    /// The snapshot folder as the user named it.
    public var snapshot: String
    /// The customer number series new numbers come from.
    public var series: ClosedRange<Int64>
    /// The check's findings, after suppressions.
    public var findings: [Finding]
    public var fixes: [Fix]
    public var dryRun: DryRun
    public var language: Language
    /// What `applicability(of:)` looks up.
    let applicabilities: [FixKey: FixApplicability]
    /// Each rule's name, for the files a person reads.
    public var ruleNames: [String: LocalizedText]

    /// Plans the fixes for `findings` and checks `data` again with them made (`recheck`: the same rules and
    /// configuration as the check that found them).
    public init(
        snapshot: String, data: Snapshot, findings: [Finding], rules: [Rule], planner: FixPlanner,
        language: Language, recheck: (Snapshot) throws -> [Finding]
    ) rethrows {
        self.snapshot = snapshot
        ruleNames = Dictionary(rules.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.series = planner.series
        self.findings = findings
        self.language = language
        let fixes = planner.fixes(for: findings, language: language)
        self.fixes = fixes
        let applicabilities = Self.applicabilities(of: fixes)
        self.applicabilities = applicabilities

        // A renumbered customer's findings carry its new number as their key; they are matched by its old one.
        var oldKey: [String: String] = [:]
        for fix in fixes {
            if case .renumberCustomer(let from, let name, let to, _) = fix.change {
                oldKey[String(to)] = from ?? name ?? ""
            }
        }
        let after = try recheck(data.applying(fixes)).map { finding in
            guard finding.system == .assist, finding.entity == .customer, let key = oldKey[finding.key] else { return finding }
            var renamed = finding
            renamed.key = key
            return renamed
        }
        let before = Set(findings.map(BaselineEntry.init))
        let remaining = Set(after.map(BaselineEntry.init))
        var fixedBySafe = 0
        var fixedByReview = 0
        for finding in findings where !remaining.contains(BaselineEntry(finding)) {
            switch applicabilities[FixKey(rule: finding.rule, key: finding.key)] {
            case .safe?: fixedBySafe += 1
            case .review?: fixedByReview += 1
            case .manual?, nil: break
            }
        }
        dryRun = DryRun(
            fixedBySafe: fixedBySafe, fixedByReview: fixedByReview, left: after,
            new: after.filter { !before.contains(BaselineEntry($0)) })
    }

    /// Each finding's least automatic fix (`manual` over `review` over `safe`), by rule and key.
    static func applicabilities(of fixes: [Fix]) -> [FixKey: FixApplicability] {
        var kinds: [FixKey: FixApplicability] = [:]
        for fix in fixes {
            let key = FixKey(rule: fix.rule, key: fix.key)
            kinds[key] = [kinds[key], fix.applicability].compactMap { $0 }.max { $0.rank < $1.rank }
        }
        return kinds
    }

    /// The finding's least automatic fix; `nil` when it has none.
    public func applicability(of finding: Finding) -> FixApplicability? {
        applicabilities[FixKey(rule: finding.rule, key: finding.key)]
    }

    public var summary: Summary {
        var summary = Summary(findings: findings.count, safe: 0, review: 0, manual: 0, unfixed: 0)
        for finding in findings {
            switch applicability(of: finding) {
            case .safe?: summary.safe += 1
            case .review?: summary.review += 1
            case .manual?: summary.manual += 1
            case nil: summary.unfixed += 1
            }
        }
        return summary
    }

    /// Whether every finding at or above `threshold` has a safe fix or one to review (exit 0 rather than 1).
    public func fixesAll(atOrAbove threshold: FailThreshold) -> Bool {
        findings.allSatisfy { finding in
            !threshold.counts(finding.severity) || [.safe, .review].contains(applicability(of: finding))
        }
    }
}

/// What a fix is for: its finding's rule and key.
struct FixKey: Hashable {
    var rule: String
    var key: String
}

extension FixApplicability {
    /// How much a person has to do: `safe` least, `manual` most.
    var rank: Int {
        switch self {
        case .safe: 0
        case .review: 1
        case .manual: 2
        }
    }
}
