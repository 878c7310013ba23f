import Foundation
import LedgerLintText
import LedgerLintJSON

/// The rules of one run, each checked and compiled, with the file it came from.
public struct RuleSet: Sendable {
    /// The rules in run order (by id).
    public var rules: [Rule] { compiled.map(\.rule) }
    /// Rule id → the file it was read from (`rules/customer-number-range.json`, or `built-in:…`).
    public let sources: [String: String]
    let compiled: [CompiledRule]
    /// The rule files read to make the set (none for the built-in set): inputs that no output may replace.
    public internal(set) var files: [String] = []

    /// Compiles rules given as values; `source` names where each came from, for error messages.
    public init(_ rules: [(rule: Rule, source: String)]) throws(RuleError) {
        var compiled: [CompiledRule] = []
        var sources: [String: String] = [:]
        for (rule, source) in rules.sorted(by: { $0.rule.id < $1.rule.id }) {
            if let earlier = sources[rule.id] {
                throw RuleError.duplicateID(id: rule.id, paths: [earlier, source])
            }
            guard Self.isRuleID(rule.id) else {
                throw RuleError.invalid(
                    path: source, jsonPath: "id",
                    reason: LocalizedText(
                        en: "'\(rule.id)' is not a rule id (lowercase words joined by '-')",
                        nb: "'\(rule.id)' er ikke en regel-id (ord med små bokstaver bundet sammen med '-')")
                        + Suggestion.didYouMean(rule.id, in: Self.ruleID(near: rule.id).map { [$0] } ?? []))
            }
            do {
                compiled.append(try CompiledRule(rule))
            } catch {
                throw RuleError.invalid(path: source, jsonPath: error.path, reason: error.reason)
            }
            sources[rule.id] = source
        }
        self.compiled = compiled
        self.sources = sources
    }

    /// Whether `id` is lowercase words of ASCII letters and digits joined by single `-` (`customer-number-range`),
    /// as `^[a-z0-9]+(-[a-z0-9]+)*$` says. Looked at byte by byte: a regular expression cost every run some
    /// milliseconds to set up, a tenth of the demo's whole check.
    static func isRuleID(_ id: String) -> Bool {
        let letters = UInt8(ascii: "a")...UInt8(ascii: "z")
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        return id.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).allSatisfy { word in
            !word.isEmpty && word.allSatisfy { letters.contains($0) || digits.contains($0) }
        }
    }

    /// The id `id` was probably meant to be, for "did you mean": lower case, each run of other ASCII characters (a
    /// space, `_`, `.`) one `-`. `nil` when that is no id either (a letter beyond ASCII).
    static func ruleID(near id: String) -> String? {
        var near = ""
        for character in id.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                near.append(character)
            } else if character.isASCII {
                if !near.isEmpty && near.last != "-" { near.append("-") }
            } else {
                return nil
            }
        }
        while near.last == "-" { near.removeLast() }
        return isRuleID(near) ? near : nil
    }

    /// The rule set built into the binary, from the package's `rules/` folder.
    public static func builtIn() throws(RuleError) -> RuleSet {
        var rules: [(Rule, String)] = []
        for file in BuiltinRuleFiles.encoded where isRuleFileName(file.name) {
            let source = "built-in:rules/\(file.name)"
            guard let data = Data(base64Encoded: file.base64) else {
                throw RuleError.unreadable(
                    path: source, reason: LocalizedText(en: "the embedded copy is damaged", nb: "den innebygde kopien er skadet"))
            }
            rules.append((try decodeRule(data, source: source), source))
        }
        return try RuleSet(rules)
    }

    /// Reads a rule file, or every rule file in a folder (`*.json`, not `*.schema.json`).
    public static func load(from url: URL) throws(RuleError) -> RuleSet {
        let kind = InputFile.kind(at: url.path)
        guard kind != .missing else { throw RuleError.notFound(path: url.path) }
        var files = [url]
        if kind == .folder {
            do {
                files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                    .filter { isRuleFileName($0.lastPathComponent) }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                throw RuleError.unreadable(
                    path: url.path, reason: InputFile.systemReason(of: error) ?? LocalizedText(describing: error))
            }
            guard !files.isEmpty else { throw RuleError.noRules(path: url.path) }
        }
        var rules: [(Rule, String)] = []
        for file in files {
            let data: Data
            do {
                data = try InputFile.read(file.path)
            } catch {
                throw RuleError.unreadable(path: file.path, reason: error.reason)
            }
            rules.append((try decodeRule(data, source: file.path), file.path))
        }
        var set = try RuleSet(rules)
        set.files = files.map(\.path)
        return set
    }

    static func isRuleFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasSuffix(".schema.json")
    }

    static func decodeRule(_ data: Data, source: String) throws(RuleError) -> Rule {
        do {
            let value = try JSONInput.parse(data, path: source)
            return try JSONInput.decode(Rule.self, from: value, path: source, strict: true)
        } catch JSONError.malformedJSON(let path, let line, let column, let reason) {
            throw RuleError.malformedJSON(path: path, line: line, column: column, reason: reason)
        } catch JSONError.unexpectedJSON(let path, let jsonPath, let reason) {
            throw RuleError.invalid(path: path, jsonPath: jsonPath, reason: reason)
        } catch {
            throw RuleError.unreadable(path: source, reason: LocalizedText(describing: error))
        }
    }

    /// The fields of each subject the rules read: all a check needs to keep of the records it reads
    /// (`SnapshotReader.read(at:keeping:)`).
    public var fieldsRead: FieldSelection {
        var fields: [Subject: Set<String>] = [:]
        for field in compiled.flatMap(\.fieldsRead) { fields[field.subject, default: []].insert(field.field) }
        return FieldSelection(fields)
    }

    /// The rule with an id, if the set has it.
    public func rule(id: String) -> Rule? { compiled.first { $0.rule.id == id }?.rule }

    /// Checks that the rules can judge this dataset: configured `in-ranges` ranges must overlap the series they
    /// narrow, or every record would fail for the configuration's sake rather than the data's.
    ///
    /// - Throws: `RuleError.rangesOutsideModel`, naming the rule's source (and the configuration that set the
    ///   ranges), the ranges and the series.
    public func checkRanges(against dataset: Dataset) throws(RuleError) {
        for rule in compiled {
            guard let (configured, model) = rule.check.rangesProblem(in: dataset) else { continue }
            throw RuleError.rangesOutsideModel(
                id: rule.rule.id, source: sources[rule.rule.id] ?? rule.rule.id, ranges: configured, model: model)
        }
    }

    /// Runs every rule on a dataset. Findings come in report order; messages and hints in `language`.
    public func evaluate(_ dataset: Dataset, language: Language) -> [Finding] {
        let indexes = JoinIndexes()
        // Each slot is written by exactly one iteration.
        let results = Locked([[Finding]?](repeating: nil, count: compiled.count))
        // Largest first (longest-processing-time scheduling): the threads take rules in this order, so the small
        // ones fill in at the end instead of one large rule running alone while the other cores wait.
        let work = compiled.map { $0.estimatedWork(in: dataset) }
        let schedule = compiled.indices.sorted { (-work[$0], $0) < (-work[$1], $1) }
        // Each rule's findings sorted by key (on the rule's own thread), and the rules in report order, give report
        // order without sorting all findings together.
        DispatchQueue.concurrentPerform(iterations: compiled.count) { step in
            let index = schedule[step]
            var findings = compiled[index].evaluate(dataset, language: language, indexes: indexes)
            // Most often in key order already (records by customer number): then not sorted, which copies them.
            if !Finding.areInKeyOrder(findings) { findings.sort(by: Finding.keyOrder) }
            results.withLock { $0[index] = findings }
        }
        let order = compiled.indices.sorted {
            let (lhs, rhs) = (compiled[$0].rule, compiled[$1].rule)
            return lhs.severity != rhs.severity ? lhs.severity > rhs.severity : lhs.id < rhs.id
        }
        // Taken out of the box and moved into the whole list, not copied: a copy of a finding retains each of its
        // texts, and letting the rule's copy go releases them again, some 40 ms on one core for 80 000 findings.
        // `popLast` moves a rule's last finding out, so the list is filled from its end.
        var parts = results.withLock { slots in
            defer { slots = [] }
            return order.map { slots[$0] ?? [] }
        }
        let total = parts.reduce(0) { $0 + $1.count }
        return [Finding](unsafeUninitializedCapacity: total) { buffer, initialized in
            var end = total
            for index in parts.indices.reversed() {
                while let finding = parts[index].popLast() {
                    end -= 1
                    buffer.initializeElement(at: end, to: finding)
                }
                parts[index] = []  // its storage let go at once, as the list grows
            }
            initialized = total
        }
    }
}
