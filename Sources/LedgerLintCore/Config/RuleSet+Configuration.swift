import Foundation
import LedgerLintText

extension RuleSet {
    /// This rule set with a configuration applied: extra rule files added, rules turned off, severities and check
    /// parameters replaced.
    ///
    /// - Throws: `ConfigurationError` for settings that name no rule or do not fit the rule's check, `RuleError`
    ///   for extra rule files that cannot be read.
    public func configured(_ configuration: Configuration) throws -> RuleSet {
        var entries = compiled.map { ($0.rule, sources[$0.rule.id] ?? $0.rule.id) }
        var files = self.files
        for url in configuration.ruleFiles {
            let extra = try RuleSet.load(from: url)
            entries += extra.compiled.map { ($0.rule, extra.sources[$0.rule.id] ?? $0.rule.id) }
            files += extra.files
        }
        let ids = entries.map(\.0.id)
        let known = Set(ids)
        for id in configuration.rules.keys.sorted() where !known.contains(id) {
            throw ConfigurationError.unknownRule(path: configuration.path, key: "rules.\(id)", id: id, known: ids)
        }
        // A suppression of a rule that does not exist hides nothing, for ever: a misspelt id, as under `rules`. A rule
        // turned off is still known.
        for (index, suppression) in configuration.suppressions.enumerated() where !known.contains(suppression.rule) {
            throw ConfigurationError.unknownRule(
                path: configuration.path, key: "suppressions[\(index)].rule", id: suppression.rule, known: ids)
        }
        // Nothing added or changed: the set as it is, not compiled again.
        if configuration.ruleFiles.isEmpty && configuration.rules.isEmpty { return self }
        var configured: [(Rule, String)] = []
        for (rule, source) in entries {
            guard let settings = configuration.rules[rule.id] else {
                configured.append((rule, source))
                continue
            }
            guard settings.enabled else { continue }
            configured.append((try Self.apply(settings, to: rule, path: configuration.path), "\(source) (configured by \(configuration.path))"))
        }
        var set = try RuleSet(configured)
        set.files = files
        return set
    }

    private static func apply(_ settings: Configuration.RuleSettings, to rule: Rule, path: String) throws(ConfigurationError) -> Rule {
        var rule = rule
        let key = "rules.\(rule.id)"
        func refuse(_ parameter: String) -> ConfigurationError {
            .badValue(
                path: path, key: "\(key).\(parameter)",
                reason: LocalizedText(
                    en: "\(rule.id) runs a '\(rule.check.kind.rawValue)' check, which takes no '\(parameter)'",
                    nb: "\(rule.id) kjører en '\(rule.check.kind.rawValue)'-kontroll, som ikke tar '\(parameter)'"))
        }
        /// Sets one of the check's options, if the settings give it, on a rule of the one kind that takes it.
        func set<Value>(
            _ value: Value?, _ parameter: String, _ option: WritableKeyPath<Check, Value?>, onlyFor kind: CheckKind
        ) throws(ConfigurationError) {
            guard let value else { return }
            guard rule.check.kind == kind else { throw refuse(parameter) }
            rule.check[keyPath: option] = value
        }
        if let severity = settings.severity { rule.severity = severity }
        try set(settings.ranges, "ranges", \.ranges, onlyFor: .inRanges)
        try set(settings.values, "values", \.values, onlyFor: .oneOf)
        try set(settings.pattern, "pattern", \.pattern, onlyFor: .pattern)
        try set(settings.separators, "separators", \.separators, onlyFor: .email)
        return rule
    }
}
