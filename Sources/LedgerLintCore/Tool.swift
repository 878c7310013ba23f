/// Name and version that reports carry. `Tool.commit` is generated at build time from the git checkout
/// (Plugins/EmbedRulesPlugin, Sources/embed-commit).
public enum Tool {
    public static let name = "ledgerlint"
    /// The one place the version is written.
    public static let version = "0.1.0"

    /// What `ledgerlint --version` prints after the name: `0.1.0 (1b5db2b)`, or `0.1.0 (unknown commit)` for a
    /// build outside a git checkout.
    public static var versionAndCommit: String { "\(version) (\(commit ?? "unknown commit"))" }
}
