/// The output formats `--format` accepts.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    case text
    case json
    case junit
    case sarif
    case github
    case markdown
    case html
    case csv
}
