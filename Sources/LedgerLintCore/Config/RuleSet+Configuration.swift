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
        if let severity = settings.severity { rule.severity = severity }
        if let ranges = settings.ranges {
            guard rule.check.kind == .inRanges else { throw refuse("ranges") }
            rule.check.ranges = ranges
        }
        if let values = settings.values {
            guard rule.check.kind == .oneOf else { throw refuse("values") }
            rule.check.values = values
        }
        if let pattern = settings.pattern {
            guard rule.check.kind == .pattern else { throw refuse("pattern") }
            rule.check.pattern = pattern
        }
        if let separators = settings.separators {
            guard rule.check.kind == .email else { throw refuse("separators") }
            rule.check.separators = separators
        }
        return rule
    }
}
