extension OutputFormat {
    /// The reporter that writes this format.
    ///
    /// `color` only affects `text`; the caller decides it (a terminal on stdout, and no `NO_COLOR`), so reporters
    /// stay pure.
    public func reporter(color: Bool) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color)
        case .json: JSONReporter()
        case .junit: JUnitReporter()
        case .sarif: SarifReporter()
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter()
        case .csv: CSVReporter()
        }
    }
}
