import Foundation
import LedgerLintText
import PowerOfficeGo

/// One check of a snapshot, from configuration to `Report`: what `ledgerlint check` runs, as a library call.
///
/// Two steps, so that a caller can look at what the run will read before anything is read: `init` finds and loads
/// the configuration and applies it to the rules (`inputs` is then every file the run reads or looks for, which
/// `check` compares with the files it will write); `run` loads the baseline, reads the snapshot (or the Assist side
/// and PowerOffice now, with `live`), checks the configured ranges, evaluates the rules, applies `--key`, the
/// suppressions and the baseline, and returns the report. It writes nothing and prints nothing: warnings and the
/// baseline to write come back as values, in `CheckRun.Outcome`, for the caller to show and store.
///
/// Only the fields the rules read are kept, from the files and from a live fetch alike: at a million customers, the
/// rest is hundreds of megabytes.
public struct CheckRun: Sendable {
    /// What to check, and how.
    public struct Options: Sendable {
        /// The snapshot folder as the user named it: reports and `--key` sentences show it as given.
        public var snapshot: String
        /// The rules before the configuration's settings (`RuleSet.builtIn()`, or `--rules`).
        public var rules: RuleSet
        public var language: Language
        /// `--config`; without it, `ledgerlint.json` in the snapshot folder, then in `workingDirectory`.
        public var configPath: String?
        /// `--key`: only findings about these keys, and where each was found.
        public var keys: KeyFilter?
        /// `--baseline`: findings in it are not counted.
        public var baselinePath: String?
        /// A baseline already read, used when `baselinePath` is `nil` (a client's part of a `ClientsBaseline`).
        public var baseline: Baseline?
        /// `--write-baseline`: `Outcome.baseline` holds the baseline of this run's findings.
        public var writeBaseline: Bool
        /// Today as `yyyy-MM-dd`, for suppressions that expire.
        public var today: String
        /// When the check ran, for the headers of the reports a person reads.
        public var checkedAt: Date?
        public var workingDirectory: URL

        public init(
            snapshot: String, rules: RuleSet, language: Language = .en, configPath: String? = nil,
            keys: KeyFilter? = nil, baselinePath: String? = nil, writeBaseline: Bool = false, today: String,
            checkedAt: Date? = nil,
            workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ) {
            self.snapshot = snapshot
            self.rules = rules
            self.language = language
            self.configPath = configPath
            self.keys = keys
            self.baselinePath = baselinePath
            self.writeBaseline = writeBaseline
            self.today = today
            self.checkedAt = checkedAt
            self.workingDirectory = workingDirectory
        }
    }

    /// Reads PowerOffice now (`check --live`): the Assist side still comes from the snapshot folder, the PowerOffice
    /// side from what this returns, and the report's header from its manifest. Called after the Assist side is read.
    public typealias LiveSource = @Sendable () async throws -> FetchedResources

    /// What a run found.
    public struct Outcome: Sendable {
        public var report: Report
        /// The baseline of the run's findings (after suppressions), when `Options.writeBaseline` asked for it.
        public var baseline: Baseline?
        /// Suppressions that expired or matched nothing, in the configuration's order: to show, not to fail on.
        public var warnings: [CheckWarning]
    }

    public let options: Options
    /// The configuration found (an empty one when there is none).
    public let configuration: Configuration
    /// The configuration's file, when there is one.
    public let configurationURL: URL?
    /// The rules with the configuration applied: what will run.
    public let rules: RuleSet

    /// Finds and loads the configuration and applies it to the rules.
    ///
    /// - Throws: `ConfigurationError` for a configuration that is missing (`--config`) or wrong; `RuleError` for
    ///   rule files it names that are wrong.
    public init(_ options: Options) throws {
        self.options = options
        let folder = URL(fileURLWithPath: options.snapshot)
        configurationURL = try Configuration.locate(
            explicit: options.configPath, snapshot: folder, workingDirectory: options.workingDirectory)
        configuration = try configurationURL.map { url throws(ConfigurationError) in try Configuration.load(from: url) }
            ?? Configuration()
        rules = try options.rules.configured(configuration)
    }

    /// Every file the run reads or looks for, whether it exists or not, as the user would name it: the snapshot's
    /// files, the rule files, the configuration and the baseline.
    public var inputs: [String] {
        let folder = URL(fileURLWithPath: options.snapshot)
        return SnapshotLayout.all.map { folder.appendingPathComponent($0).relativePath } + rules.files
            + [configurationURL?.path, options.baselinePath].compactMap { $0 }
    }

    /// Runs the check.
    ///
    /// - Parameters:
    ///   - live: reads PowerOffice now instead of from the snapshot's `poweroffice/`.
    ///   - phase: called as each phase ends, with its name (`read snapshot`), for timings.
    /// - Throws: `SavedFileError` for a baseline that cannot be read; `InputError` for a snapshot that cannot;
    ///   `RuleError` for configured ranges that do not fit the snapshot; whatever `live` throws.
    public func run(live: LiveSource? = nil, phase: (String) -> Void = { _ in }) async throws -> Outcome {
        let baseline = try options.baselinePath.map { path throws(SavedFileError) in
            try Baseline.load(from: URL(fileURLWithPath: path))
        } ?? options.baseline
        phase("read configuration")

        let keys = options.keys
        let fields = keys == nil ? rules.fieldsRead : rules.fieldsRead.adding(KeyFilter.fieldsRead)
        let (data, metadata) = try await read(live: live, keeping: fields)
        // Before `Dataset` drops the customers Assist does not export: those are what `--key` must explain.
        let matches = keys?.matches(in: data) ?? []
        phase("read snapshot")
        var findings = try findings(in: consume data, phase: phase)

        if let keys { findings = findings.filter(keys.selects) }
        let suppression = SuppressionResult(applying: configuration.suppressions, to: findings, today: options.today)
        var counted = suppression.kept
        var comparison: BaselineComparison? = nil
        if let baseline {
            (counted, comparison) = baseline.compare(suppression.kept)
        }
        let report = Report(
            findings: counted, rules: rules.rules, language: options.language, snapshot: options.snapshot,
            suppressed: suppression.suppressed, baseline: comparison, metadata: metadata, filterKeys: keys?.keys,
            lookups: keys?.lookups(
                matches, findings: counted, folder: options.snapshot, language: options.language) ?? [],
            checkedAt: options.checkedAt)
        return Outcome(
            report: report, baseline: options.writeBaseline ? Baseline(findings: suppression.kept) : nil,
            warnings: CheckWarning.warnings(about: suppression, in: configuration))
    }

    /// Reads the snapshot folder, or its Assist side and PowerOffice now (`live`), keeping `fields`; with the
    /// manifest that describes the PowerOffice side.
    func read(live: LiveSource?, keeping fields: FieldSelection) async throws -> (Snapshot, SnapshotManifest?) {
        let folder = URL(fileURLWithPath: options.snapshot)
        guard let live else {
            return (try SnapshotReader.read(at: folder, keeping: fields), SnapshotManifest.read(from: folder))
        }
        let assist = try SnapshotReader.readAssist(at: folder, keeping: fields)
        let fetched = try await live()
        let data = Snapshot(
            assistCustomers: assist.customers, assistProductGroups: assist.productGroups,
            powerOffice: try PowerOfficeData(fetched, keeping: fields))
        return (data, SnapshotManifest(fetched))
    }

    /// The rules' findings on `data`, before `--key`, suppressions and the baseline.
    ///
    /// - Throws: `RuleError` for configured ranges that do not fit the snapshot.
    func findings(in data: consuming Snapshot, phase: (String) -> Void = { _ in }) throws -> [Finding] {
        let dataset = Dataset(consume data)
        try rules.checkRanges(against: dataset)
        phase("derive model")
        let findings = rules.evaluate(dataset, language: options.language)
        phase("evaluate \(rules.rules.count) rules (\(findings.count) findings)")
        return findings
    }
}
