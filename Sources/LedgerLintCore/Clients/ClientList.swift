import Foundation
import LedgerLintJSON
import LedgerLintText
import PowerOfficeGo

/// A bureau's PowerOffice Go clients, read from its clients file (`clients.json`): for `fetch --clients`, which
/// fetches each into its own folder, and for checking those folders.
///
///     {"clients": [{"name": "Fjordlys Regnskap AS", "folder": "fjordlys", "clientKeyEnv": "PO_CLIENT_FJORDLYS"}, …]}
///
/// The file names where each client key is kept (an environment variable or a private key file), never a key, so it
/// can be shared and committed. Read as strictly as every file a user writes: an unknown key is refused with its
/// JSON path and the closest allowed key, a wrong type with the value found, and names and folders must be unique,
/// since a second entry with the same folder would overwrite the first client's snapshot. Key files are not opened
/// here: checking saved folders needs no keys; `clientKey(of:environment:)` reads one when a client is fetched.
/// Format: docs/poweroffice-fetch.md ("Many clients (a bureau)"); schema: docs/clients.schema.json.
public struct ClientList: Sendable, Hashable {
    /// In the file's order.
    public var clients: [ClientEntry]
    /// The file it was read from, as given, for messages.
    public var path: String

    public init(clients: [ClientEntry], path: String) {
        self.clients = clients
        self.path = path
    }

    /// Reads and checks a clients file.
    public static func load(from url: URL) throws(ClientListError) -> ClientList {
        let path = url.relativePath
        let read: ClientsFile?
        do {
            read = try JSONInput.decodeFile(ClientsFile.self, at: url, strict: true)
        } catch {
            throw .invalid(error)
        }
        guard let file = read else { throw .notFound(path: path) }
        let folder = url.deletingLastPathComponent()
        let clients = file.clients.enumerated().map { index, entry in
            ClientEntry(
                name: entry.name, folder: entry.folder,
                key: entry.clientKeyEnv.map(ClientKeySource.environment)
                    ?? entry.clientKeyFile.map {
                        .file(URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL)
                    },
                index: index)
        }
        var names: [String: ClientEntry] = [:]
        var folders: [String: ClientEntry] = [:]
        for client in clients {
            if let first = names[client.name] {
                throw .duplicateName(path: path, name: client.name, first: first.index, second: client.index)
            }
            names[client.name] = client
            // As the file systems of macOS and Windows compare names: without regard to case or to how an accented
            // letter is composed.
            let folder = client.folder.precomposedStringWithCanonicalMapping.lowercased()
            if let first = folders[folder] {
                throw .duplicateFolder(path: path, folder: client.folder, first: first, second: client)
            }
            folders[folder] = client
        }
        return ClientList(clients: clients, path: path)
    }

    /// The clients named in `names` (`--only`), in the file's order; all of them when `names` is empty.
    ///
    /// - Throws: `ClientListError.unknownClient` for a name no entry has, with the closest names.
    public func selecting(only names: [String]) throws(ClientListError) -> ClientList {
        guard !names.isEmpty else { return self }
        let known = clients.map(\.name)
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw .unknownClient(path: path, name: unknown, known: known)
        }
        return ClientList(clients: clients.filter { names.contains($0.name) }, path: path)
    }

    /// Every client's key (`clientKey(of:environment:)`), by the client's `index`: a client whose key cannot be had
    /// (no key named, a variable not set) is that client's failure alone, for its run to report; a key file that is
    /// missing, empty or too open is a mistake on this machine and stops the run before anything is asked.
    ///
    /// - Throws: `ClientListError.keyFile`.
    public func clientKeys(environment: [String: String]) throws(ClientListError) -> [Int: Result<String, ClientListError>] {
        var keys: [Int: Result<String, ClientListError>] = [:]
        for client in clients {
            do {
                keys[client.index] = .success(try clientKey(of: client, environment: environment))
            } catch .keyFile(let path, let client, let problem) {
                throw ClientListError.keyFile(path: path, client: client, problem: problem)
            } catch {
                keys[client.index] = .failure(error)
            }
        }
        return keys
    }

    /// `client`'s client key, read from the variable or the file its entry names, and registered as a secret of the
    /// run at once (`RunSecrets`), so that it is blanked wherever it may turn up.
    ///
    /// A key file is refused, before a byte of it is read, unless only its owner can read it (as `--credentials`
    /// files are); it must hold the key alone, on one line (surrounding whitespace is dropped). Messages name the
    /// variable or the file, never a value.
    ///
    /// - Throws: `ClientListError.noKey`, `.keyVariableMissing` or `.keyFile`.
    public func clientKey(of client: ClientEntry, environment: [String: String]) throws(ClientListError) -> String {
        let key: String
        switch client.key {
        case nil:
            throw .noKey(path: path, client: client)
        case .environment(let variable):
            key = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !key.isEmpty else { throw .keyVariableMissing(path: path, client: client, variable: variable) }
        case .file(let url):
            let data: Data
            do {
                data = try PowerOfficeCredentials.readPrivateFile(url.path)
            } catch {
                throw .keyFile(path: path, client: client, problem: error)
            }
            key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // Not quoted: whatever the file holds may be a key.
            let reason: LocalizedText? =
                key.isEmpty
                ? LocalizedText(en: "it is empty", nb: "den er tom")
                : key.contains(where: \.isWhitespace)
                    ? LocalizedText(
                        en: "it holds more than one word; it should hold the client key alone",
                        nb: "den inneholder mer enn ett ord; den skal bare inneholde klientnøkkelen") : nil
            if let reason {
                throw .keyFile(path: path, client: client, problem: .keyFileUnreadable(path: url.path, reason: reason))
            }
        }
        RunSecrets.shared.register(key)
        return key
    }
}

/// The file as it is written, checked entry by entry as it is decoded, so that a mistake is named at its JSON path.
/// The keys the decoder asks for are the keys allowed (`JSONInput.decode(strict:)`).
private struct ClientsFile: Decodable {
    var clients: [Entry]

    enum CodingKeys: String, CodingKey {
        case clients
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clients = try container.decode([Entry].self, forKey: .clients)
        guard !clients.isEmpty else {
            throw DecodingError.dataCorrupted(
                LocalizedText(
                    en: "the list is empty; give at least one client", nb: "listen er tom; oppgi minst én klient")
                    .decodingContext(container.codingPath + [CodingKeys.clients]))
        }
    }

    struct Entry: Decodable {
        var name: String
        var folder: String
        var clientKeyEnv: String?
        var clientKeyFile: String?

        enum CodingKeys: String, CodingKey {
            case name, folder, clientKeyEnv, clientKeyFile
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func refuse(_ key: CodingKeys, _ reason: LocalizedText) -> DecodingError {
                .dataCorrupted(reason.decodingContext(container.codingPath + [key]))
            }
            name = try container.decode(String.self, forKey: .name)
            guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw refuse(.name, LocalizedText(en: "must not be empty", nb: "kan ikke være tom"))
            }
            let givenFolder = try container.decodeIfPresent(String.self, forKey: .folder)
            folder = givenFolder ?? ClientEntry.folderName(for: name)
            if let problem = ClientEntry.folderProblem(folder) {
                throw givenFolder == nil
                    ? refuse(
                        .name,
                        LocalizedText(
                            en: "'\(name.excerpt)' has no letter or digit to make a folder name of; give the entry a "
                                + "'folder'",
                            nb: "'\(name.excerpt)' har ingen bokstav eller sifre å lage et mappenavn av; gi oppføringen en "
                                + "'folder'"))
                    : refuse(.folder, LocalizedText(verbatim: "'\(folder.excerpt)' ") + problem)
            }
            clientKeyEnv = try container.decodeIfPresent(String.self, forKey: .clientKeyEnv)
            clientKeyFile = try container.decodeIfPresent(String.self, forKey: .clientKeyFile)
            if clientKeyEnv != nil && clientKeyFile != nil {
                throw DecodingError.dataCorrupted(
                    LocalizedText(
                        en: "give either 'clientKeyEnv' or 'clientKeyFile', not both: a client has one client key",
                        nb: "oppgi enten 'clientKeyEnv' eller 'clientKeyFile', ikke begge: en klient har én klientnøkkel")
                        .decodingContext(container.codingPath))
            }
            // Not quoted: what is not a variable's name may well be a key pasted in its place.
            if let variable = clientKeyEnv, !Self.isVariableName(variable) {
                throw refuse(
                    .clientKeyEnv,
                    LocalizedText(
                        en: "not the name of an environment variable (letters, digits and _, not starting with a "
                            + "digit); give the variable's name, not the key",
                        nb: "ikke navnet på en miljøvariabel (bokstaver, sifre og _, ikke først et siffer); oppgi navnet "
                            + "på variabelen, ikke nøkkelen"))
            }
            if let file = clientKeyFile, file.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw refuse(.clientKeyFile, LocalizedText(en: "must not be empty", nb: "kan ikke være tom"))
            }
        }

        /// A POSIX shell's variable name: ASCII letters, digits and `_`, not starting with a digit.
        static func isVariableName(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
            return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        }
    }
}
