import Foundation
import LedgerLintJSON
import LedgerLintText
import PowerOfficeGo

/// Problems with a bureau's clients file (`clients.json`), or with a client key it points at.
///
/// The file's own problems stop the run before anything is asked of PowerOffice (exit 2): a run that misread which
/// client goes in which folder could write one client's data over another's. So does a key file that cannot be used,
/// as a `--credentials` file does. A client with no key, or whose variable is not set, is that client's problem only:
/// `fetch --clients` reports it for that client and fetches the others (a CI job may be given some clients' secrets
/// only). Every case names the file and the entry; none carries a key.
public enum ClientListError: LocalizedMessageError, Sendable, Hashable {
    case notFound(path: String)
    /// The file cannot be read, is not JSON, or is not shaped like a clients file: the strict JSON reader's words,
    /// with the JSON path (`clients[2]`), the value found and, for an unknown key, the closest allowed one.
    case invalid(JSONError)
    /// Two entries with one name: `first` and `second` are their places in the file.
    case duplicateName(path: String, name: String, first: Int, second: Int)
    /// Two entries whose folders are the same but for letter case.
    case duplicateFolder(path: String, folder: String, first: ClientEntry, second: ClientEntry)
    /// `--only` named a client the file does not have; `known` are the names it has.
    case unknownClient(path: String, name: String, known: [String])
    /// The entry names neither `clientKeyEnv` nor `clientKeyFile`, and the client was to be fetched.
    case noKey(path: String, client: ClientEntry)
    /// The variable the entry names is not set, or empty.
    case keyVariableMissing(path: String, client: ClientEntry, variable: String)
    /// The key file the entry names cannot be used: missing, not private, empty (`PowerOfficeError`'s key file cases).
    case keyFile(path: String, client: ClientEntry, problem: PowerOfficeError)

    public var errorDescription: String? { message(.en) }

    public func message(_ language: Language) -> String {
        switch self {
        case .notFound(let path):
            return (LocalizedText(verbatim: "\(path): ") + InputFile.noSuchFile)[language]
        case .invalid(let error):
            return error.message(language)
        case .duplicateName(let path, let name, let first, let second):
            return LocalizedText(
                en: "\(path): clients[\(first)] and clients[\(second)] are both named '\(name.excerpt)'; give each client "
                    + "a name of its own (--only and the reports name clients by it)",
                nb: "\(path): clients[\(first)] og clients[\(second)] heter begge '\(name.excerpt)'; gi hver klient sitt "
                    + "eget navn (--only og rapportene viser klientene ved navnet)")[language]
        case .duplicateFolder(let path, let folder, let first, let second):
            let (one, other) = (first.name.excerpt, second.name.excerpt)
            return LocalizedText(
                en: "\(path): \(first.jsonPath) ('\(one)') and \(second.jsonPath) ('\(other)') would both be written to "
                    + "the folder '\(folder.excerpt)' (folders are compared without regard to letter case, as macOS and "
                    + "Windows do), one client over the other; give one of them a 'folder' of its own",
                nb: "\(path): \(first.jsonPath) ('\(one)') og \(second.jsonPath) ('\(other)') ville begge blitt skrevet til "
                    + "mappen '\(folder.excerpt)' (mappene sammenlignes uten hensyn til store og små bokstaver, slik macOS "
                    + "og Windows gjør), den ene klienten over den andre; gi en av dem sin egen 'folder'")[language]
        case .unknownClient(let path, let name, let known):
            let shown = known.prefix(10).map { "'\($0.excerpt)'" }.joined(separator: ", ") + (known.count > 10 ? ", …" : "")
            return (LocalizedText(
                en: "--only '\(name.excerpt)': no client of that name in \(path)",
                nb: "--only '\(name.excerpt)': ingen klient med det navnet i \(path)")
                + Suggestion.didYouMean(name, in: known)
                + LocalizedText(
                    en: " (\(known.count) client\(known.count == 1 ? "" : "s"): \(shown))",
                    nb: " (\(known.count) klient\(known.count == 1 ? "" : "er"): \(shown))"))[language]
        case .noKey(let path, let client):
            return LocalizedText(
                en: "\(path): \(client.jsonPath) ('\(client.name.excerpt)') names no client key ('clientKeyEnv' or "
                    + "'clientKeyFile'), so it cannot be fetched; its saved folder can still be checked",
                nb: "\(path): \(client.jsonPath) ('\(client.name.excerpt)') oppgir ingen klientnøkkel ('clientKeyEnv' "
                    + "eller 'clientKeyFile'), så den kan ikke hentes; den lagrede mappen kan fortsatt kontrolleres")[language]
        case .keyVariableMissing(let path, let client, let variable):
            return LocalizedText(
                en: "\(variable) is not set, or empty: \(path) (\(client.jsonPath)) says it holds the client key "
                    + "(klientnøkkel) of '\(client.name.excerpt)'",
                nb: "\(variable) er ikke satt, eller er tom: \(path) (\(client.jsonPath)) sier at den inneholder "
                    + "klientnøkkelen til '\(client.name.excerpt)'")[language]
        case .keyFile(let path, let client, let problem):
            return "\(path) (\(client.jsonPath), '\(client.name.excerpt)'): " + problem.message(language)
        }
    }
}
