import LedgerLintText

/// The GitHub Actions report: workflow commands that GitHub turns into annotations on the run and the diff.
///
/// ```
/// ::error file=examples/demo/assist/customers.csv,line=7,title=customer-number-range%3A 5000::Customer number … — Give …
/// ::notice file=examples/demo/poweroffice/Customers.json,title=customer-send-method%3A 10042::Customer 10042 …
/// ledgerlint: 2 errors, 0 warnings, 1 info
/// ```
///
/// One command per finding, most severe first (report order): `error`, `warning`, or `notice` for info. `file` is
/// the snapshot file joined to the snapshot folder as given on the command line, so run ledgerlint from the
/// repository root; PowerOffice records point at the file they are read from. GitHub shows at most 10
/// annotations of each type per step, so at most 10 of each are written, and when any were left out a closing
/// `::notice::` says how many (it takes one of the 10 notice places itself). The last line is a plain summary.
/// Suppressed findings and findings already in the baseline are not annotated; the summary counts them.
///
/// Escaping follows `@actions/core`: data gets `%`, CR and LF encoded, property values also `:` and `,`, so data
/// can neither end a command nor start another. Other control characters (ESC above all) become U+FFFD, as in the
/// text report, so data cannot recolour or rewrite the job log. Documented in `docs/output-formats.md`.
public struct GitHubReporter: Reporter {
    /// Annotations of one type that GitHub displays per step.
    static let limitPerType = 10

    public init() {}

    public func render(_ report: Report) -> String {
        // Plain log lines, not annotations: a filtered run says so before anything else.
        let filter: [String] = report.filterSentence.map { filter in
            ([filter] + report.lookups.map(\.note)).map { "\(Tool.name): " + Self.escapedData($0) }
        } ?? []
        var annotations = Annotations()
        for finding in report.findings {
            annotations.add(finding) { command(for: finding, in: report) }
        }
        return (filter + lines(annotations, language: report.language) + [summary(report)]).joined(separator: "\n") + "\n"
    }

    /// The annotations of every client together, most severe first, within GitHub's 10 of each type per step; a
    /// client that could not be checked is an `::error` of its own (counted among the 10 first). Each title starts
    /// with the client's folder. Then a summary line per client (`ledgerlint: fjordlys: 2 errors, …`) and the total.
    public func clientsRenderer() -> any ClientsRenderer { Clients(reporter: self) }

    /// Keeps what the report needs as the clients come, and writes it all at the end: the annotations of every
    /// client are ordered together, and at most `limitPerType` of each type are written, so only those are kept.
    struct Clients: ClientsRenderer {
        let reporter: GitHubReporter
        var failed: [String] = []
        var annotations = Annotations()
        var summaries: [String] = []

        mutating func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) -> [ClientsReportPart] {
            switch client.result {
            case .checked(let single):
                for finding in single.findings {
                    annotations.add(finding) { reporter.command(for: finding, in: single, client: client.folder) }
                }
                summaries.append(reporter.summary(single, client: client.folder))
            case .failed(let reason):
                failed.append(
                    "::error title=" + GitHubReporter.escapedProperty("\(Tool.name): \(client.folder)") + "::"
                        + GitHubReporter.escapedData(
                            client.name + ": " + ClientsRollUp.couldNotBeChecked[rollUp.language] + ": " + reason))
            }
            return []
        }

        func finish(_ rollUp: ClientsRollUp) -> [ClientsReportPiece] {
            let lines = failed + reporter.lines(annotations, language: rollUp.language, taken: failed.count) + summaries
                + ["\(Tool.name): " + GitHubReporter.escapedData(rollUp.totalLine)]
            return [.text(lines.joined(separator: "\n") + "\n")]
        }
    }

    /// The annotations to write, kept as findings come in: of each type the first `limitPerType` in report order
    /// (findings that compare equal in the order they came, as a stable sort leaves them), and how many there were.
    struct Annotations {
        var kept: [Severity: [(finding: Finding, command: String)]] = [:]
        var counts: [Severity: Int] = [:]

        /// Counts `finding`, and keeps it with its command (made only then) when it is among the first.
        mutating func add(_ finding: Finding, command: () -> String) {
            counts[finding.severity, default: 0] += 1
            var list = kept[finding.severity] ?? []
            if list.count == GitHubReporter.limitPerType, let last = list.last, !Finding.reportOrder(finding, last.finding) {
                return
            }
            let index = list.firstIndex { Finding.reportOrder(finding, $0.finding) } ?? list.count
            list.insert((finding, command()), at: index)
            if list.count > GitHubReporter.limitPerType { list.removeLast() }
            kept[finding.severity] = list
        }
    }

    /// One command per finding, at most `limitPerType` of each type (`taken` errors already written), and a notice
    /// of how many were left out.
    func lines(_ annotations: Annotations, language: Language, taken: Int = 0) -> [String] {
        let counts = annotations.counts
        let overflow = Severity.allCases.contains { (counts[$0] ?? 0) > Self.limitPerType - (($0 == .error) ? taken : 0) }
        var lines: [String] = []
        var leftOut: [Severity: Int] = [:]
        for severity in Severity.allCases.reversed() {
            // The closing notice is a notice too, so it needs a free place among the 10.
            var limit = severity == .info && overflow ? Self.limitPerType - 1 : Self.limitPerType
            if severity == .error { limit = max(0, limit - taken) }
            lines += (annotations.kept[severity] ?? []).prefix(limit).map(\.command)
            leftOut[severity] = max(0, (counts[severity] ?? 0) - limit)
        }
        if leftOut.values.contains(where: { $0 > 0 }) {
            lines.append("::notice title=\(Self.escapedProperty(Tool.name))::" + Self.escapedData(leftOutText(leftOut, language: language)))
        }
        return lines
    }

    /// `::error file=…,line=…,title=<rule>: <key>::<message> — <hint>`.
    func command(for finding: Finding, in report: Report, client: String? = nil) -> String {
        var properties: [String] = []
        if let file = finding.snapshotFile(in: report.snapshot) {
            properties.append("file=" + Self.escapedProperty(file))
            if let line = finding.location?.line, line >= 1 {
                properties.append("line=\(line)")
            }
        }
        let title = (client.map { $0 + ": " } ?? "") + "\(finding.rule): \(finding.key)"
        properties.append("title=" + Self.escapedProperty(title))
        let text = finding.hint.isEmpty ? finding.message : "\(finding.message) — \(finding.hint)"
        return "::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::\(Self.escapedData(text))"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// `ledgerlint: 2 errors, 1 warning, 0 info`, then what was not counted, if anything.
    func summary(_ report: Report, client: String? = nil) -> String {
        let language = report.language
        var line = "\(Tool.name): " + (client.map { Self.escapedData($0) + ": " } ?? "")
            + TextReporter(color: false).summaryLine(report.summary, language: language)
        var notCounted: [String] = []
        if !report.suppressed.isEmpty {
            notCounted.append(Self.suppressedText(report.suppressed.count)[language])
        }
        if let baseline = report.baseline {
            notCounted.append(Self.baselineText(unchanged: baseline.unchanged.count, fixed: baseline.fixed.count)[language])
        }
        if !notCounted.isEmpty {
            line += " (" + notCounted.joined(separator: "; ") + ")"
        }
        return line
    }

    func leftOutText(_ leftOut: [Severity: Int], language: Language) -> String {
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = leftOut[severity], count > 0 else { return nil }
            return TextReporter.countText(count, severity, language: language)
        }.joined(separator: ", ")
        return LocalizedText(
            en: "\(counts) not annotated: GitHub shows at most \(Self.limitPerType) annotations of each type per step. "
                + "The full report is in the other formats (--format sarif, json, html).",
            nb: "\(counts) ikke vist som merknader: GitHub viser høyst \(Self.limitPerType) merknader av hver type per steg. "
                + "Hele rapporten finnes i de andre formatene (--format sarif, json, html)."
        )[language]
    }

    static func suppressedText(_ count: Int) -> LocalizedText {
        LocalizedText(en: "\(count) suppressed", nb: "\(count) unntatt")
    }

    static func baselineText(unchanged: Int, fixed: Int) -> LocalizedText {
        LocalizedText(
            en: "\(unchanged) unchanged and \(fixed) fixed since the baseline",
            nb: "\(unchanged) uendret og \(fixed) rettet siden baseline"
        )
    }

    /// Escapes a command's message as `@actions/core` does: `%`, CR and LF.
    static func escapedData(_ text: String) -> String {
        escaped(text, property: false)
    }

    /// Escapes a property value as `@actions/core` does: as data, and `:` and `,`, which end a value.
    static func escapedProperty(_ text: String) -> String {
        escaped(text, property: true)
    }

    /// Scalar by scalar, so that a CR LF pair (one `Character` in Swift) becomes `%0D%0A`.
    private static func escaped(_ text: String, property: Bool) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case ":" where property: result += "%3A"
            case "," where property: result += "%2C"
            case _ where TerminalText.isControl(scalar) && scalar != "\t": result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
