import LedgerLintText

/// Why two runs cannot be compared (`ledgerlint diff OLD NEW`): the run stops (exit 2) rather than report a change
/// that is not one.
public enum DiffError: LocalizedMessageError, Sendable, Hashable {
    /// `path` is neither a file nor a folder.
    case runNotFound(path: String)
    /// One run is of one snapshot and the other of many clients.
    case oneAgainstMany(one: String, many: String)

    /// One of every case, for the test that every message is in both languages.
    public static let samples: [DiffError] = [
        .runNotFound(path: "yesterday.json"), .oneAgainstMany(one: "examples/demo", many: "clients"),
    ]

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .runNotFound(let path):
            LocalizedText(
                en: "\(path): no such report or snapshot folder",
                nb: "\(path): finnes ikke, verken som rapport eller som uttrekksmappe")[language]
        case .oneAgainstMany(let one, let many):
            LocalizedText(
                en: "\(one) is a check of one snapshot and \(many) of many clients, so they cannot be compared; "
                    + "compare the client's own run, for example \(many)/<client>",
                nb: "\(one) er en kontroll av ett uttrekk og \(many) av flere klienter, så de kan ikke sammenlignes; "
                    + "sammenlign med klientens egen kjøring, for eksempel \(many)/<klient>")[language]
        }
    }
}
