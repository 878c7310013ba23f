import LedgerLintText

/// The version LedgerLint's own files carry (`ledgerlint.json`, baselines), and what one it cannot read is called.
enum FileVersion {
    /// The one version this build reads and writes.
    static let supported = 1

    /// `path: version 2 is not supported; this ledgerlint reads version 1`.
    static func unsupported(_ version: Int, path: String) -> LocalizedText {
        LocalizedText(
            en: "\(path): version \(version) is not supported; this ledgerlint reads version \(supported)",
            nb: "\(path): versjon \(version) støttes ikke; denne ledgerlint leser versjon \(supported)")
    }
}
