import Foundation
import LedgerLintJSON
import LedgerLintText

/// The three keys that open one PowerOffice Go client: application key, client key and subscription key.
///
/// The keys never leave this type except into request headers: `description`, `debugDescription` and reflection
/// (`dump`, `Mirror`) show a placeholder, and the type is deliberately not `Codable`, so it cannot be written into
/// a snapshot or report by accident. Load them with `fromEnvironment(_:)` or `load(keyFile:)`. Every set of keys
/// made is registered with `RunSecrets.shared` at once, so that no text leaving the process can carry them.
public struct PowerOfficeCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public static let applicationKeyVariable = "POWEROFFICE_APPLICATION_KEY"
    public static let clientKeyVariable = "POWEROFFICE_CLIENT_KEY"
    public static let subscriptionKeyVariable = "POWEROFFICE_SUBSCRIPTION_KEY"

    let applicationKey: String
    let clientKey: String
    let subscriptionKey: String

    public init(applicationKey: String, clientKey: String, subscriptionKey: String) {
        self.applicationKey = applicationKey
        self.clientKey = clientKey
        self.subscriptionKey = subscriptionKey
        for secret in secrets { RunSecrets.shared.register(secret) }
    }

    /// Reads the keys from `POWEROFFICE_APPLICATION_KEY`, `POWEROFFICE_CLIENT_KEY` and `POWEROFFICE_SUBSCRIPTION_KEY`.
    ///
    /// Surrounding whitespace is dropped (keys are usually pasted); an empty variable counts as missing, and the
    /// error names every missing variable at once.
    ///
    /// - Parameter includingClientKey: `false` for a run over many clients (`fetch --clients`), whose client keys come
    ///   from the clients file: `POWEROFFICE_CLIENT_KEY` is then neither needed nor read, and the keys have no client
    ///   key until `withClientKey(_:)` gives them one.
    public static func fromEnvironment(_ environment: [String: String], includingClientKey: Bool = true) throws -> Self {
        let names = [applicationKeyVariable, clientKeyVariable, subscriptionKeyVariable]
        let needed = includingClientKey ? names : names.filter { $0 != clientKeyVariable }
        let values = names.map { environment[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        let missing = zip(names, values).filter { needed.contains($0.0) && $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else { throw PowerOfficeError.missingKeys(variables: missing) }
        return Self(
            applicationKey: values[0], clientKey: includingClientKey ? values[1] : "", subscriptionKey: values[2])
    }

    /// Reads a key file: a JSON object `{"applicationKey": …, "clientKey": …, "subscriptionKey": …}`.
    ///
    /// The file is refused unless only its owner can read it (`chmod 600`), as ssh does with private keys, before a
    /// byte of it is read. Error messages name the file and the missing fields, never a value.
    ///
    /// - Parameter includingClientKey: `false` for a run over many clients, as in `fromEnvironment`: the file's
    ///   `clientKey` may then be absent, and is not used.
    public static func load(keyFile path: String, includingClientKey: Bool = true) throws -> Self {
        let data = try readPrivateFile(path)
        // JSONSerialization's own messages can quote the text around a syntax error, i.e. a key: not passed on.
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw PowerOfficeError.keyFileMalformed(
                path: path, reason: LocalizedText(en: "not a JSON object", nb: "ikke et JSON-objekt"))
        }
        let names = ["applicationKey", "clientKey", "subscriptionKey"]
        let values = names.map { ($0, (fields[$0] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") }
        let missing = values.filter { $0.1.isEmpty && (includingClientKey || $0.0 != "clientKey") }.map { "'\($0.0)'" }
        guard missing.isEmpty else {
            throw PowerOfficeError.keyFileMalformed(
                path: path,
                reason: LocalizedText(
                    en: "missing or empty " + missing.joined(separator: ", "),
                    nb: "mangler eller er tom: " + missing.joined(separator: ", ")))
        }
        return Self(
            applicationKey: values[0].1, clientKey: includingClientKey ? values[1].1 : "", subscriptionKey: values[2].1)
    }

    /// The bytes of a file that holds keys, refused before a byte of it is read unless it is a regular file only
    /// its owner can read (`chmod 600`), as ssh does with private keys: a key file others can read has leaked its
    /// keys to them. Shared by `load(keyFile:)` and a clients file's `clientKeyFile`, so that both refuse alike.
    ///
    /// - Throws: `PowerOfficeError.keyFileUnreadable` or `.keyFileTooOpen`, naming `path` as given.
    package static func readPrivateFile(_ path: String) throws(PowerOfficeError) -> Data {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: resolved)
        } catch {
            throw PowerOfficeError.keyFileUnreadable(
                path: path,
                reason: LocalizedText(
                    en: "no such file, or it cannot be opened", nb: "filen finnes ikke, eller den kan ikke åpnes"))
        }
        guard (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw PowerOfficeError.keyFileUnreadable(
                path: path, reason: LocalizedText(en: "not a regular file", nb: "ikke en vanlig fil"))
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else { throw PowerOfficeError.keyFileTooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw PowerOfficeError.keyFileUnreadable(
                path: path, reason: LocalizedText(en: "permission denied", nb: "ingen tilgang"))
        }
        return data
    }

    /// These keys with `clientKey` as the client key: the keys of another client of the same integration (one
    /// application key and one subscription key, a client key per client), registered as secrets like any.
    public func withClientKey(_ clientKey: String) -> Self {
        Self(applicationKey: applicationKey, clientKey: clientKey, subscriptionKey: subscriptionKey)
    }

    /// The token request's `Authorization` header value: `Basic base64(applicationKey:clientKey)`.
    var basicAuthorization: String {
        "Basic " + Data("\(applicationKey):\(clientKey)".utf8).base64EncodedString()
    }

    /// Every form in which these keys could leak: the keys, and the Basic credentials made from two of them.
    var secrets: [String] {
        [applicationKey, clientKey, subscriptionKey, String(basicAuthorization.dropFirst("Basic ".count))]
    }

    /// `text`, a server's answer, with these keys blanked even where they are shorter than
    /// `RunSecrets.minimumLength` (then too short to blank everywhere), and every registered secret blanked.
    ///
    /// For everything a server says before it goes into an error message: a proxy or a misconfigured server may
    /// echo a request header back. Redact the whole text before cutting it short, or a secret across the cut
    /// survives in part.
    func redactingKeys(in text: String) -> String {
        let short = secrets.filter { !$0.isEmpty && $0.count < RunSecrets.minimumLength }.sorted { $0.count > $1.count }
        let cleared = short.reduce(text) { $0.replacingOccurrences(of: $1, with: RunSecrets.placeholder) }
        return RunSecrets.shared.redact(cleared)
    }

    public var description: String { "PowerOfficeCredentials(keys hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
