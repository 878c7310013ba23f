import Foundation
import LedgerLintText
import LedgerLintJSON

/// The project settings in `ledgerlint.json`: which rules run and how, extra rule files, and suppressions.
///
/// Strict on purpose: an unknown key or a bad value is an error naming the key, because a CI gate that silently
/// ignores a misspelt setting passes when it should fail. Format: `docs/configuration.md`; schema:
/// `docs/ledgerlint.schema.json`.
public struct Configuration: Sendable, Hashable {
    /// Per-rule settings, by rule id.
    public var rules: [String: RuleSettings]
    /// Extra rule files or folders, resolved against the configuration file's folder.
    public var ruleFiles: [URL]
    public var suppressions: [Suppression]
    /// The file it was read from, for messages.
    public var path: String

    public init(rules: [String: RuleSettings] = [:], ruleFiles: [URL] = [], suppressions: [Suppression] = [], path: String = "") {
        self.rules = rules
        self.ruleFiles = ruleFiles
        self.suppressions = suppressions
        self.path = path
    }

    /// How one rule is changed.
    public struct RuleSettings: Sendable, Hashable {
        public var enabled: Bool = true
        public var severity: Severity?
        /// Replacements for the rule's check options: `ranges`, `values`, `pattern`, `separators`.
        public var ranges: [[Int64]]?
        public var values: [FieldValue]?
        public var pattern: String?
        public var separators: String?

        public init(enabled: Bool = true, severity: Severity? = nil) {
            self.enabled = enabled
            self.severity = severity
        }
    }

    /// The file names looked for, in this order: given with `--config`, else in the snapshot folder, else in the
    /// working directory.
    public static let fileName = "ledgerlint.json"

    /// Finds the configuration for a run: `explicit` if given (it must exist), else `ledgerlint.json` in the
    /// snapshot folder, else in the working directory, else none.
    public static func locate(explicit: String?, snapshot: URL, workingDirectory: URL) throws(ConfigurationError) -> URL? {
        if let explicit {
            guard FileManager.default.fileExists(atPath: explicit) else { throw .notFound(path: explicit) }
            return URL(fileURLWithPath: explicit)
        }
        for folder in [snapshot, workingDirectory] {
            let candidate = folder.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Reads and checks a configuration file.
    public static func load(from url: URL) throws(ConfigurationError) -> Configuration {
        let path = url.relativePath
        let data = try ConfigurationError.reading(url, path: path)
        let root: JSONInput.Value
        do {
            root = try JSONInput.parse(data, path: path)
        } catch JSONError.malformedJSON(_, let line, let column, let reason) {
            throw .malformedJSON(path: path, line: line, column: column, reason: reason)
        } catch {
            throw .malformedJSON(path: path, line: nil, column: nil, reason: LocalizedText(describing: error))
        }
        return try ConfigurationParser(path: path, folder: url.deletingLastPathComponent()).configuration(root)
    }
}

/// A finding accepted on purpose, with the reason, until an optional date.
public struct Suppression: Sendable, Hashable, Codable {
    public var rule: String
    public var key: String
    public var reason: String
    /// Last day it applies, `yyyy-MM-dd`; after it the finding is reported again.
    public var expires: String?
    /// Narrow the match when one key exists in both systems.
    public var system: System?
    public var entity: Entity?

    public init(rule: String, key: String, reason: String, expires: String? = nil, system: System? = nil, entity: Entity? = nil) {
        self.rule = rule
        self.key = key
        self.reason = reason
        self.expires = expires
        self.system = system
        self.entity = entity
    }

    func matches(_ finding: Finding) -> Bool {
        finding.rule == rule && finding.key == key
            && (system == nil || system == finding.system) && (entity == nil || entity == finding.entity)
    }

    /// `customer-number-range 5020`.
    public var label: String { "\(rule) \(key)" }
}

/// Walks the parsed JSON of a configuration file, naming every key it does not know.
struct ConfigurationParser {
    let path: String
    let folder: URL

    func configuration(_ root: JSONInput.Value) throws(ConfigurationError) -> Configuration {
        let members = try object(root, at: "", allowed: ["$schema", "version", "rules", "ruleFiles", "suppressions"])
        if let version = members["version"] {
            let number = try integer(version, at: "version")
            guard number == FileVersion.supported else { throw .unsupportedVersion(path: path, version: Int(number)) }
        }
        var configuration = Configuration(path: path)
        if let rules = members["rules"] {
            for (id, value) in try object(rules, at: "rules", allowed: nil).sorted(by: { $0.key < $1.key }) {
                configuration.rules[id] = try ruleSettings(value, at: "rules.\(id)")
            }
        }
        if let files = members["ruleFiles"] {
            configuration.ruleFiles = try array(files, at: "ruleFiles").enumerated().map { index, value throws(ConfigurationError) in
                let relative = try string(value, at: "ruleFiles[\(index)]")
                return URL(fileURLWithPath: relative, relativeTo: folder).standardizedFileURL
            }
        }
        if let suppressions = members["suppressions"] {
            configuration.suppressions = try array(suppressions, at: "suppressions").enumerated().map {
                index, value throws(ConfigurationError) in try suppression(value, at: "suppressions[\(index)]")
            }
        }
        return configuration
    }

    private func ruleSettings(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> Configuration.RuleSettings {
        if case .string(let word) = value {
            if word == "off" { return .init(enabled: false) }
            guard let severity = Severity(rawValue: word) else {
                let names = ["off"] + Severity.names
                let list = names.joined(separator: ", ")
                throw .badValue(
                    path: path, key: key,
                    reason: LocalizedText(
                        en: "'\(word.excerpt)' is not one of: \(list)",
                        nb: "'\(word.excerpt)' er ikke blant de tillatte verdiene: \(list)")
                        + Suggestion.didYouMean(word, in: names))
            }
            return .init(severity: severity)
        }
        let members = try object(value, at: key, allowed: ["enabled", "severity", "ranges", "values", "pattern", "separators"])
        var settings = Configuration.RuleSettings()
        if let enabled = members["enabled"] { settings.enabled = try bool(enabled, at: "\(key).enabled") }
        if let severity = members["severity"] { settings.severity = try named(severity, at: "\(key).severity") }
        if let ranges = members["ranges"] {
            settings.ranges = try array(ranges, at: "\(key).ranges").enumerated().map { index, pair throws(ConfigurationError) in
                let bounds = try array(pair, at: "\(key).ranges[\(index)]").enumerated().map { position, bound throws(ConfigurationError) in
                    try integer(bound, at: "\(key).ranges[\(index)][\(position)]")
                }
                guard bounds.count == 2, bounds[0] <= bounds[1] else {
                    throw .badValue(
                        path: path, key: "\(key).ranges[\(index)]",
                        reason: LocalizedText(
                            en: "a range is [from, to] with from ≤ to", nb: "et område er [fra, til] med fra ≤ til"))
                }
                return bounds
            }
            if settings.ranges?.isEmpty == true {
                throw .badValue(
                    path: path, key: "\(key).ranges",
                    reason: LocalizedText(en: "give at least one range", nb: "oppgi minst ett område"))
            }
        }
        if let values = members["values"] {
            settings.values = try array(values, at: "\(key).values").enumerated().map { index, item throws(ConfigurationError) in
                switch item {
                case .string(let text): return .string(text)
                case .bool(let flag): return .bool(flag)
                case .number(let text):
                    guard let number = Int64(text) else {
                        throw .badValue(
                            path: path, key: "\(key).values[\(index)]",
                            reason: LocalizedText(
                                en: "'\(text.excerpt)' is not a whole number", nb: "'\(text.excerpt)' er ikke et heltall"))
                    }
                    return .int(number)
                default:
                    throw .badValue(
                        path: path, key: "\(key).values[\(index)]",
                        reason: LocalizedText(
                            en: "expected text, a number or true/false", nb: "skal være tekst, et tall eller true/false"))
                }
            }
        }
        if let pattern = members["pattern"] { settings.pattern = try string(pattern, at: "\(key).pattern") }
        if let separators = members["separators"] { settings.separators = try string(separators, at: "\(key).separators") }
        return settings
    }

    private func suppression(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> Suppression {
        let members = try object(value, at: key, allowed: ["rule", "key", "reason", "expires", "system", "entity"])
        func required(_ name: String) throws(ConfigurationError) -> String {
            guard let member = members[name] else {
                throw .badValue(path: path, key: "\(key).\(name)", reason: JSONInput.requiredKey)
            }
            let text = try string(member, at: "\(key).\(name)")
            guard text.hasContent else {
                throw .badValue(
                    path: path, key: "\(key).\(name)", reason: LocalizedText(en: "must not be empty", nb: "kan ikke være tom"))
            }
            return text
        }
        var suppression = Suppression(rule: try required("rule"), key: try required("key"), reason: try required("reason"))
        if let expires = members["expires"] {
            let text = try string(expires, at: "\(key).expires")
            guard Self.isDate(text) else {
                throw .badValue(
                    path: path, key: "\(key).expires",
                    reason: LocalizedText(
                        en: "'\(text.excerpt)' is not a date like 2027-01-31",
                        nb: "'\(text.excerpt)' er ikke en dato på formen 2027-01-31"))
            }
            suppression.expires = text
        }
        if let system = members["system"] { suppression.system = try named(system, at: "\(key).system") }
        if let entity = members["entity"] { suppression.entity = try named(entity, at: "\(key).entity") }
        return suppression
    }

    /// `yyyy-MM-dd` naming a real day.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    // MARK: - Typed access that names the key on failure

    private func object(_ value: JSONInput.Value, at key: String, allowed: Set<String>?) throws(ConfigurationError) -> [String: JSONInput.Value] {
        guard case .object(let members) = value else {
            throw .badValue(
                path: path, key: key,
                reason: JSONInput.Expected.found(JSONInput.Expected.object, value.summary))
        }
        if let allowed, let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            let name = key.isEmpty ? unknown : "\(key).\(unknown)"
            throw .unknownKey(path: path, key: name, allowed: allowed.sorted())
        }
        return members
    }

    private func array(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> [JSONInput.Value] {
        guard case .array(let items) = value else {
            throw .badValue(
                path: path, key: key,
                reason: JSONInput.Expected.found(JSONInput.Expected.array, value.summary))
        }
        return items
    }

    private func string(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> String {
        guard case .string(let text) = value else {
            throw .badValue(
                path: path, key: key,
                reason: JSONInput.Expected.found(LocalizedText(en: "expected text", nb: "skal være tekst"), value.summary))
        }
        return text
    }

    /// Text naming one of `T`'s cases.
    private func named<T: NamedCases>(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> T {
        let text = try string(value, at: key)
        guard let parsed = T(rawValue: text) else { throw .badValue(path: path, key: key, reason: T.notOneOf(text)) }
        return parsed
    }

    private func bool(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> Bool {
        guard case .bool(let flag) = value else {
            throw .badValue(path: path, key: key, reason: JSONInput.Expected.found(JSONInput.Expected.bool, value.summary))
        }
        return flag
    }

    private func integer(_ value: JSONInput.Value, at key: String) throws(ConfigurationError) -> Int64 {
        guard case .number(let text) = value, let number = Int64(text) else {
            throw .badValue(path: path, key: key, reason: JSONInput.Expected.found(JSONInput.Expected.wholeNumber, value.summary))
        }
        return number
    }
}
