import Foundation
import LedgerLintCore

/// `ledgerlint check <snapshot>`: read both systems, run the rules, apply the configuration's suppressions and the
/// baseline, write the reports.
struct CheckCommand {
    var snapshot: String
    var format: OutputFormat
    var output: String?
    var reports: [(format: OutputFormat, path: String)]
    var failOn: FailThreshold
    var common: CommonOptions
    var configPath: String?
    var baselinePath: String?
    var writeBaselinePath: String?
    /// `--key`: only findings about these keys, and where each was found.
    var keys: KeyFilter?
    /// `--live`: read PowerOffice now instead of from the snapshot's `poweroffice/`.
    var live: PowerOfficeOptions?
    var environment: [String: String]
    /// `LEDGERLINT_NOW`: the check time the reports show instead of the clock's (for tests and reproducible runs).
    var fixedNow: Date?

    init(_ arguments: Arguments, environment: [String: String]) throws {
        var arguments = arguments
        if arguments.flag("--help") || arguments.flag("-h") { throw HelpRequested(text: Usage.check) }
        format = try arguments.choice("--format", as: OutputFormat.self) ?? .text
        output = try arguments.value("--output")
        reports = try arguments.values("--report").map { spec throws(UsageError) in
            guard let equals = spec.firstIndex(of: "="), let format = OutputFormat(rawValue: String(spec[..<equals])),
                spec.index(after: equals) < spec.endIndex
            else {
                throw .notAReport(spec, formats: OutputFormat.allCases.map(\.rawValue))
            }
            return (format, String(spec[spec.index(after: equals)...]))
        }
        failOn = try arguments.choice("--fail-on", as: FailThreshold.self) ?? .error
        configPath = try arguments.value("--config")
        baselinePath = try arguments.value("--baseline")
        writeBaselinePath = try arguments.value("--write-baseline")
        let keys = try arguments.values("--key")
        if keys.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw UsageError.keyEmpty
        }
        self.keys = keys.isEmpty ? nil : KeyFilter(keys: keys)
        live = arguments.flag("--live") ? try PowerOfficeOptions(&arguments) : nil
        common = try CommonOptions(&arguments, environment: environment)
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let snapshot = positionals.first else {
            throw positionals.isEmpty ? UsageError.snapshotMissing : .oneSnapshotOnly(given: positionals)
        }
        if baselinePath != nil && writeBaselinePath != nil {
            throw UsageError.baselineAndWriteBaseline
        }
        if let now = environment["LEDGERLINT_NOW"] {
            guard let date = ReportTime.parse(now) else {
                throw UsageError.badNow(value: now)
            }
            fixedNow = date
        }
        self.snapshot = snapshot
        self.environment = environment
    }

    func run() async throws -> ExitCode {
        let checkedAt = fixedNow ?? Date()
        var clock = PhaseClock(enabled: environment["LEDGERLINT_TIMINGS"] != nil)
        let folder = URL(fileURLWithPath: snapshot)
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var configuration = Configuration()
        let configurationURL = try Configuration.locate(
            explicit: configPath, snapshot: folder, workingDirectory: workingDirectory)
        if let configurationURL { configuration = try Configuration.load(from: configurationURL) }
        let rules = try common.rules.configured(configuration)
        let inputs =
            SnapshotLayout.all.map { folder.appendingPathComponent($0).relativePath } + rules.files
            + [configurationURL?.path, baselinePath, live?.credentialsFile].compactMap { $0 }
        try outputs.check(against: inputs)
        let baseline = try baselinePath.map { path throws(ConfigurationError) in try Baseline.load(from: URL(fileURLWithPath: path)) }
        clock.lap("read configuration")

        var metadata = SnapshotManifest.read(from: folder)
        let data: Snapshot
        if let live {
            (data, metadata) = try await live.liveSnapshot(assistFrom: folder, environment: environment)
        } else {
            // Only the fields the rules read are kept: at a million customers, the rest is hundreds of megabytes.
            let fields = keys == nil ? rules.fieldsRead : rules.fieldsRead.adding(KeyFilter.fieldsRead)
            data = try SnapshotReader.read(at: folder, keeping: fields)
        }
        // Before `Dataset` drops the customers Assist does not export: those are what `--key` must explain.
        let matches = keys?.matches(in: data) ?? []
        clock.lap("read snapshot")
        let dataset = Dataset(consume data)
        try rules.checkRanges(against: dataset)
        clock.lap("derive model")
        var findings = rules.evaluate(dataset, language: common.language)
        clock.lap("evaluate \(rules.rules.count) rules (\(findings.count) findings)")

        if let keys { findings = findings.filter(keys.selects) }
        let suppression = SuppressionResult(applying: configuration.suppressions, to: findings, today: today)
        warn(about: suppression, in: configuration)

        if let writeBaselinePath {
            let written = Baseline(findings: suppression.kept)
            try Console.writeFile(written.encoded(), to: writeBaselinePath)
            let count = written.entries.count
            Console.diagnostic(
                LocalizedText(
                    en: "wrote a baseline of \(count) findings to \(writeBaselinePath)",
                    nb: "skrev en baseline med \(count) funn til \(writeBaselinePath)"))
        }
        var counted = suppression.kept
        var comparison: BaselineComparison? = nil
        if let baseline {
            (counted, comparison) = baseline.compare(suppression.kept)
        }
        let report = Report(
            findings: counted, rules: rules.rules, language: common.language, snapshot: snapshot,
            suppressed: suppression.suppressed, baseline: comparison, metadata: metadata, filterKeys: keys?.keys,
            lookups: keys?.lookups(matches, findings: counted, folder: snapshot, language: common.language) ?? [],
            checkedAt: checkedAt)

        // Render everything before writing anything, so a failing report cannot leave half of them behind.
        let color = format == .text && output == nil && Console.colorAllowed(environment: environment)
        let main = format.reporter(color: color).render(report)
        let extra = reports.map { ($0.path, $0.format.reporter(color: false).render(report)) }
        for (path, text) in extra { try Console.write(text, to: path) }
        try Console.write(main, to: output)
        clock.lap("write reports")

        if writeBaselinePath != nil { return .clean }
        return failOn.isMet(by: report.summary) ? .findings : .clean
    }

    /// Everything this run writes, as the command line named it.
    var outputs: OutputFiles {
        var targets = reports.map { OutputFiles.Target(option: "--report \($0.format.rawValue)=\($0.path)", path: $0.path) }
        if let output { targets.insert(.init(option: "--output \(output)", path: output), at: 0) }
        if let writeBaselinePath { targets.append(.init(option: "--write-baseline \(writeBaselinePath)", path: writeBaselinePath)) }
        return OutputFiles(targets: targets)
    }

    /// Today as `yyyy-MM-dd` in the local time zone; `LEDGERLINT_TODAY` fixes it (for tests and reproducible runs).
    var today: String {
        if let fixed = environment["LEDGERLINT_TODAY"] { return fixed }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    private func warn(about suppression: SuppressionResult, in configuration: Configuration) {
        for entry in suppression.expired {
            let expires = entry.expires ?? "?"
            Console.diagnostic(
                LocalizedText(
                    en: "warning: \(configuration.path): the suppression of \(entry.label) expired on \(expires) and no "
                        + "longer applies",
                    nb: "advarsel: \(configuration.path): unntaket for \(entry.label) gikk ut \(expires) og gjelder ikke "
                        + "lenger"))
        }
        for entry in suppression.unused {
            Console.diagnostic(
                LocalizedText(
                    en: "warning: \(configuration.path): the suppression of \(entry.label) matched no finding; remove it "
                        + "if the problem is fixed",
                    nb: "advarsel: \(configuration.path): unntaket for \(entry.label) traff ingen funn; fjern det hvis "
                        + "problemet er rettet"))
        }
    }
}
