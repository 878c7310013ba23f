import Foundation
import LedgerLintText
import LedgerLintJSON

/// The code-scanning report: SARIF 2.1.0, which GitHub code scanning, GitLab and Azure DevOps load.
///
/// One run, whose `tool.driver.rules` lists every rule that ran (so a viewer can show what was checked, and
/// `ruleIndex` points into it). Each finding is a result with its rule, level, message and hint, a logical
/// location for the record (`assist/customer/5000`) and a physical one in the snapshot file it came from, relative
/// to where ledgerlint ran, so that a viewer opens the right CSV line. Suppressed findings are results with an
/// accepted external suppression and its reason; with a baseline, results carry `baselineState` (`new`, or
/// `unchanged` for findings the baseline already had, which are included so that code scanning keeps them open).
///
/// Results are identified across runs and languages by `partialFingerprints["ledgerlint/v1"]`, a hash of rule,
/// system, entity, occurrence and key, never of the message. Output is pretty-printed with sorted keys, so the
/// same report gives the same bytes. The mapping is documented in `docs/output-formats.md`.
public struct SarifReporter: Reporter {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    static let sarifVersion = "2.1.0"
    /// The key of our entry in `partialFingerprints`; the version changes if the fingerprint's recipe does.
    static let fingerprintKey = Fingerprints.CodingKeys.ledgerlint.rawValue

    public init() {}

    public func render(_ report: Report) -> String {
        JSONWriter.document(log(report), capacity: 2 * JSONReporter.capacity(findings: report.findings.count))
    }

    public func renderData(_ report: Report) -> Data {
        JSONWriter.documentData(log(report), capacity: 2 * JSONReporter.capacity(findings: report.findings.count))
    }

    public func renderParts(_ report: Report) -> [Data] {
        JSONWriter.documentDataParts(log(report), capacity: 2 * JSONReporter.capacity(findings: report.findings.count))
    }

    /// What `render(_:)` writes, as a value.
    func log(_ report: Report) -> Log {
        Log(schema: Self.schemaURI, version: Self.sarifVersion, runs: [run(report)])
    }

    /// One run per client, in the run's order. Each carries `automationDetails.id` `ledgerlint/<folder>/`, the
    /// category GitHub code scanning keeps apart, so one upload holds every client and an alert of one client is
    /// never closed by another's run. A client that could not be checked is a run without results whose
    /// invocation failed, with the reason as its notification.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// `{"$schema", "runs": [...], "version"}` in key order, so each client's run is written as it comes.
    struct Clients: ClientsRenderer {
        static let runs = JSONOutput.StreamedArray(key: "runs")
        let reporter: SarifReporter
        var count = 0

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            let run: Run
            switch client.result {
            case .checked(let single):
                var checked = reporter.run(single)
                checked.properties.client = client.name
                checked.properties.folder = client.folder
                checked.automationDetails = .init(id: "\(Tool.name)/\(client.folder)/")
                run = checked
            case .failed(let reason):
                let notification = Invocation.Notification(level: "error", message: .init(text: reason))
                run = Run(
                    tool: SarifReporter.tool(rules: []), language: rollUp.language.rawValue, results: ConcurrentElements([]),
                    properties: RunProperties(
                        snapshot: rollUp.folder + "/" + client.folder, client: client.name, folder: client.folder),
                    automationDetails: .init(id: "\(Tool.name)/\(client.folder)/"),
                    invocations: [.init(executionSuccessful: false, toolExecutionNotifications: [notification])])
            }
            defer { count += 1 }
            return [.text(Self.runs.element(run, first: count == 0))]
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let empty = count == 0
            return [
                .text(JSONReporter.encoded { try Self.runs.opening(before: Schema(schema: SarifReporter.schemaURI), empty: empty) }),
                .parts,
                .text(JSONReporter.encoded { try Self.runs.closing(after: Version(version: SarifReporter.sarifVersion), empty: empty) }),
            ]
        }

        /// The log's members before `runs`, and after.
        struct Schema: Encodable {
            var schema: String
            enum CodingKeys: String, CodingKey { case schema = "$schema" }
        }

        struct Version: Encodable {
            var version: String
        }
    }

    /// The run of one report.
    func run(_ report: Report) -> Run {
        let language = report.language
        // Each rule's first place in the tool's list.
        let ruleIndex = Dictionary(
            report.rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // The results: the findings, then with a baseline the unchanged ones, then the suppressed ones. Whether a
        // suppressed finding is new is not known (suppression is applied before the baseline), so it gets no
        // baselineState.
        let tracksBaseline = report.baseline != nil
        let unchanged = report.baseline?.unchanged.sorted(by: Finding.reportOrder) ?? []
        let (findings, afterUnchanged) = (report.findings.count, report.findings.count + unchanged.count)
        @Sendable func entry(_ index: Int) -> (finding: Finding, baselineState: String?, suppression: SuppressedFinding?) {
            if index < findings { return (report.findings[index], tracksBaseline ? "new" : nil, nil) }
            if index < afterUnchanged { return (unchanged[index - findings], "unchanged", nil) }
            let suppressed = report.suppressed[index - afterUnchanged]
            return (suppressed.finding, nil, suppressed)
        }
        let count = afterUnchanged + report.suppressed.count
        // Each result's occurrence of its identity, counted in turn; the results then made on every core as they are
        // written.
        @Sendable func identity(_ index: Int) -> Identity {
            // The finding's fields where it lies, not the finding copied out (a dozen references retained).
            if index < findings { return Identity(report.findings[index]) }
            if index < afterUnchanged { return Identity(unchanged[index - findings]) }
            return Identity(report.suppressed[index - afterUnchanged].finding)
        }
        let occurrences = Self.occurrences(count, identity: identity)
        let files = SnapshotFiles(snapshot: report.snapshot)
        let results = ConcurrentElements(count: count) { index in
            let (finding, baselineState, suppression) = entry(index)
            return Result(
                finding, report: report, files: files, ruleIndex: ruleIndex[finding.rule],
                fingerprint: Self.fingerprint(finding, occurrence: occurrences[index]),
                baselineState: baselineState, suppression: suppression
            )
        }

        return Run(
            tool: Self.tool(rules: report.rules.map { Descriptor($0, language: language) }),
            language: language.rawValue,
            results: results,
            properties: RunProperties(report)
        )
    }

    static func tool(rules: [Descriptor]) -> ToolInfo {
        ToolInfo(driver: Driver(name: Tool.name, version: Tool.version, semanticVersion: Tool.version, rules: rules))
    }

    /// `error`, `warning` or `note`: SARIF's word for `info`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// What identifies a finding across runs and languages: rule, system, entity and key.
    struct Identity: Hashable, Sendable {
        var rule: String
        var system: System
        var entity: Entity
        var key: String

        init(_ finding: borrowing Finding) {
            rule = finding.rule
            system = finding.system
            entity = finding.entity
            key = finding.key
        }
    }

    /// For each of `count` results, in turn, how many of the results up to it have its identity: 1 for the first.
    ///
    /// A table of the first result with each identity, by hash, counts the others. It holds positions, not
    /// identities, so that counting copies and retains no text.
    static func occurrences(_ count: Int, identity: (Int) -> Identity) -> [Int] {
        let hashes = (0..<count).map { identity($0).hashValue }
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        var firsts = [Int](repeating: -1, count: capacity)
        var occurrences = [Int](repeating: 1, count: count)
        // For a first result, how many with its identity so far.
        var seen = [Int](repeating: 0, count: count)
        for index in 0..<count {
            var slot = hashes[index] & (capacity - 1)
            while true {
                let first = firsts[slot]
                if first < 0 {
                    firsts[slot] = index
                    seen[index] = 1
                    break
                }
                if hashes[first] == hashes[index], identity(first) == identity(index) {
                    seen[first] += 1
                    occurrences[index] = seen[first]
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
        }
        return occurrences
    }

    /// The `ledgerlint/v1` partial fingerprint: FNV-1a (64 bit, hex) of `rule|system|entity|occurrence|key`.
    ///
    /// `occurrence` is 1 for the first result with that identity in the log, 2 for the second, …, so two records
    /// that share a key (a customer number exported twice) stay two alerts instead of being merged. Only the key
    /// can contain `|`, and it comes last, so different identities never give the same text. A hash rather than
    /// the text keeps the fingerprint short whatever the key; 64 bits are plenty for one client's records.
    static func fingerprint(_ finding: Finding, occurrence: Int) -> String {
        // The text's parts hashed in turn, as the text joined would be, without joining them.
        var hash = FNV1a64()
        hash.add(finding.rule)
        hash.add("|")
        hash.add(finding.system.rawValue)
        hash.add("|")
        hash.add(finding.entity.rawValue)
        hash.add("|")
        hash.add(String(occurrence))
        hash.add("|")
        hash.add(finding.key)
        return hash.hex
    }

    /// FNV-1a over the UTF-8 bytes, as 16 lowercase hex digits. Implemented here because CryptoKit is not
    /// available on Linux and the fingerprint needs stability, not secrecy.
    static func fnv1a64(_ text: String) -> String {
        var hash = FNV1a64()
        hash.add(text)
        return hash.hex
    }

    /// FNV-1a, 64 bits, over text added a part at a time.
    struct FNV1a64 {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                for byte in utf8 {
                    value ^= UInt64(byte)
                    value = value &* 0x0000_0100_0000_01b3
                }
            }
        }

        /// The 16 lowercase hex digits, zeros in front.
        var hex: String {
            let digits = Array("0123456789abcdef".utf8)
            return String(unsafeUninitializedCapacity: 16) { buffer in
                for index in 0..<16 { buffer[index] = digits[Int((value >> (60 - 4 * UInt64(index))) & 0xF)] }
                return 16
            }
        }
    }

    /// A relative URI reference for a path: every byte outside `A–Z a–z 0–9 - . _ ~ /` is percent-encoded
    /// (spaces, `æøå` as UTF-8, `%`, `#`, `?`, and `:` so that a first segment is never read as a scheme).
    static func uri(forPath path: String) -> String {
        var utf8Path = path
        // Most paths have nothing to encode: the path itself, without a copy.
        if utf8Path.withUTF8({ $0.allSatisfy(isUnreserved) }) { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if isUnreserved(byte) {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether a byte stays as it is in a URI reference: `A–Z a–z 0–9 - . _ ~ /`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default: false
        }
    }

    static let why = LocalizedText(en: "Why", nb: "Hvorfor")
    static let fix = LocalizedText(en: "How to fix", nb: "Slik retter du det")
}

// MARK: - Document

extension SarifReporter {
    struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: ToolInfo
        /// The language of messages, as `--lang` chose it.
        var language: String
        /// Each result made as it is written.
        var results: ConcurrentElements<Result>
        var properties: RunProperties
        /// In a check of many clients: which client the run is (`ledgerlint/<folder>/`).
        var automationDetails: AutomationDetails? = nil
        /// Only for a client that could not be checked.
        var invocations: [Invocation]? = nil
    }

    struct AutomationDetails: Encodable {
        var id: String
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]

        struct Notification: Encodable {
            var level: String
            var message: Text
        }
    }

    struct ToolInfo: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var rules: [Descriptor]
    }

    /// What the snapshot was: SARIF has no field for it, so it goes in the run's property bag.
    struct RunProperties: Encodable {
        var snapshot: String
        var client: String?
        /// The client's folder, in a check of many clients.
        var folder: String?
        var fetchedAt: String?
        var environment: String?
        /// `--key`: the keys the run was filtered to, and the sentence saying where each was found.
        var filter: Filter?

        struct Filter: Encodable {
            var keys: [String]
            var lookups: [String]
        }

        init(snapshot: String, client: String?, folder: String?) {
            self.snapshot = snapshot
            self.client = client
            self.folder = folder
        }

        init(_ report: Report) {
            snapshot = report.snapshot
            client = report.metadata?.client
            fetchedAt = report.metadata?.fetchedAt
            environment = report.metadata?.environment
            filter = report.filterKeys.map { Filter(keys: $0, lookups: report.lookups.map(\.note)) }
        }
    }

    /// A rule, as SARIF's `reportingDescriptor`.
    struct Descriptor: Encodable {
        var id: String
        /// SARIF wants a locale-independent identifier here, not a sentence: the id in PascalCase.
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
        var properties: Properties

        struct Configuration: Encodable {
            var level: String
        }

        struct Properties: Encodable {
            var severity: String
            var subject: String
            var tags: [String]
        }

        init(_ rule: Rule, language: Language) {
            id = rule.id
            name = rule.id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .map { $0.prefix(1).uppercased() + $0.dropFirst() }
                .joined()
            shortDescription = Text(text: rule.name[language])
            fullDescription = Text(text: rule.description[language])
            help = Text(
                text: "\(SarifReporter.why[language]): \(rule.rationale[language])\n\n"
                    + "\(SarifReporter.fix[language]): \(rule.hint[language])"
            )
            defaultConfiguration = Configuration(level: SarifReporter.level(rule.severity))
            properties = Properties(
                severity: rule.severity.rawValue, subject: rule.subject.rawValue, tags: ["ledgerlint", "data-quality"]
            )
        }
    }

    /// A `message` or `multiformatMessageString` with plain text only.
    struct Text: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: Fingerprints
        var baselineState: String?
        var suppressions: [Suppression]?

        init(
            _ finding: Finding, report: Report, files: SnapshotFiles, ruleIndex: Int?, fingerprint: String,
            baselineState: String?, suppression: SuppressedFinding?
        ) {
            ruleId = finding.rule
            self.ruleIndex = ruleIndex
            level = SarifReporter.level(finding.severity)
            let hint = finding.hint.isEmpty ? "" : "\n\n\(MarkdownReporter.capitalized(TextReporter.hintLabel[report.language])): \(finding.hint)"
            message = Text(text: finding.message + hint)
            let physical = files.path(of: finding).map { path in
                PhysicalLocation(
                    artifactLocation: .init(uri: SarifReporter.uri(forPath: path)),
                    region: finding.location?.line.flatMap { $0 >= 1 ? Region(startLine: $0) : nil }
                )
            }
            let logical = LogicalLocation(
                name: finding.key,
                fullyQualifiedName: "\(finding.system.rawValue)/\(finding.entity.rawValue)/\(finding.key)",
                kind: finding.entity.rawValue
            )
            locations = [Location(physicalLocation: physical, logicalLocations: [logical])]
            partialFingerprints = Fingerprints(ledgerlint: fingerprint)
            self.baselineState = baselineState
            suppressions = suppression.map {
                [Suppression(
                    kind: "external", status: "accepted", justification: $0.reason,
                    properties: $0.expires.map { Suppression.Properties(expires: $0) }
                )]
            }
        }
    }

    /// `partialFingerprints`: ours alone, under `fingerprintKey`.
    struct Fingerprints: Encodable {
        var ledgerlint: String

        enum CodingKeys: String, CodingKey {
            /// The version changes if the fingerprint's recipe does.
            case ledgerlint = "ledgerlint/v1"
        }
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
    }

    struct LogicalLocation: Encodable {
        var name: String
        var fullyQualifiedName: String
        var kind: String
    }

    struct Suppression: Encodable {
        var kind: String
        var status: String
        var justification: String
        var properties: Properties?

        struct Properties: Encodable {
            /// The last day the suppression applies (`yyyy-MM-dd`).
            var expires: String
        }
    }
}
