import LedgerLintText
import PowerOfficeGo

/// A snapshot folder that cannot be written as asked: the fetch stops (exit 2, a problem on this machine, not with
/// PowerOffice), and nothing that was there is replaced.
///
/// Its own domain, not a `PowerOfficeError`: the client reads PowerOffice and knows nothing of snapshot folders.
public enum SnapshotError: LocalizedMessageError, Sendable, Hashable {
    /// Writing `path` failed for `reason` (a file where a folder should be, a full disk, a rename refused).
    case writeFailed(path: String, reason: LocalizedText)

    /// One of every case, for the test that every message is in both languages.
    static let samples: [SnapshotError] = [
        .writeFailed(path: "/tmp/out", reason: LocalizedText(en: "disk full", nb: "disken er full")),
    ]

    /// The message in English, for library users; the command line asks for `message(_:)` in the run's language.
    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .writeFailed(let path, let reason):
            return RunSecrets.shared.redact(
                LocalizedText(
                    en: "\(path): cannot write the snapshot: \(reason.en); nothing was replaced",
                    nb: "\(path): kan ikke skrive uttrekket: \(reason.nb); ingenting ble erstattet")[language])
        }
    }
}
