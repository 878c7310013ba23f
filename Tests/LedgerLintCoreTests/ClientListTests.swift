import Foundation
import LedgerLintTestSupport
import PowerOfficeGo
import Testing

@testable import LedgerLintCore
@testable import LedgerLintJSON
@testable import LedgerLintText

/// A bureau's clients file: what it holds, that every mistake in it is named where it is, that the schema editors use
/// accepts what the reader accepts, and how client keys are read.
@Suite struct ClientListTests {
    let scratch = Scratch()

    static let root = RuleFiles.folder.deletingLastPathComponent()

    /// Writes `json` as `clients.json` in a new folder and returns the file.
    func file(_ json: String, name: String = "clients.json") throws -> URL {
        let url = try scratch.folder("ClientListTests").appendingPathComponent(name)
        try Data(json.utf8).write(to: url)
        return url
    }

    func load(_ json: String) throws -> ClientList {
        try ClientList.load(from: file(json))
    }

    /// The message the reader refuses `json` with, or `nil` when it reads it.
    func refusal(_ json: String) throws -> String? {
        let url = try file(json)
        do {
            _ = try ClientList.load(from: url)
            return nil
        } catch {
            return error.message(.en)
        }
    }

    /// The sample in docs/poweroffice-fetch.md, after its marker.
    static func documentedSample() throws -> String {
        let text = try String(contentsOf: root.appendingPathComponent("docs/poweroffice-fetch.md"), encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- clients-file sample -->\n```json\n"))
        let end = try #require(text.range(of: "\n```", range: marker.upperBound..<text.endIndex))
        return String(text[marker.upperBound..<end.lowerBound])
    }

    static func schema() throws -> JSONSchemaSubset {
        try JSONSchemaSubset(contentsOf: root.appendingPathComponent("docs/clients.schema.json"))
    }

    static func schemaErrors(_ json: String) throws -> [String] {
        try schema().errors(in: JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    @Test func theDocumentedSampleIsRead() throws {
        let url = try file(try Self.documentedSample())
        let list = try ClientList.load(from: url)
        #expect(list.clients.map(\.name) == ["Fjordlys Regnskap AS", "Bølge Bygg AS", "Måke Handel AS"])
        #expect(list.clients.map(\.folder) == ["fjordlys", "bolge-bygg-as", "make-handel-as"])
        #expect(list.clients.map(\.index) == [0, 1, 2])
        let keyFile = url.deletingLastPathComponent().appendingPathComponent("keys/bolge-bygg.key").standardizedFileURL
        #expect(list.clients.map(\.key) == [.environment("PO_CLIENT_FJORDLYS"), .file(keyFile), nil])
        #expect(try Self.schemaErrors(try Self.documentedSample()).isEmpty)
    }

    /// `examples/bureau/clients.json` and the sample in docs/bureau.md, which users copy.
    @Test(arguments: ["examples/bureau/clients.json", "docs/bureau.md"])
    func theBureausExamplesAreRead(_ path: String) throws {
        var text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        if path.hasSuffix(".md") {
            // The first JSON block.
            let start = try #require(text.range(of: "```json\n"))
            let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
            text = String(text[start.upperBound..<end.lowerBound])
        }
        #expect(try Self.schemaErrors(text).isEmpty, "\(path)")
        let list = try ClientList.load(from: try file(text))
        #expect(list.clients.first?.folder == "fjordlys")
        #expect(list.clients.count == 2)
    }

    @Test func theSchemaUsesOnlyWhatItsTestChecks() throws {
        #expect(try Self.schema().unsupportedKeywords.isEmpty)
    }

    /// Files both the reader and the schema accept, and files both refuse, with what the reader's message says.
    static let agreed: [(json: String, refusal: [String]?)] = [
        (#"{"clients": [{"name": "A"}]}"#, nil),
        (#"{"clients": [{"name": "A", "folder": "a b", "clientKeyFile": "/k/a.key"}, {"name": "B", "clientKeyEnv": "_B1"}]}"#, nil),
        (#"{}"#, ["clients.json: at clients: required, but missing"]),
        (#"{"clients": []}"#, ["at clients: the list is empty; give at least one client"]),
        (#"{"clients": {"name": "A"}}"#, ["at clients: expected an array"]),
        (#"{"clients": ["A"]}"#, ["at clients[0]: expected an object"]),
        (#"{"clients": [{"folder": "a"}]}"#, ["at clients[0].name: required, but missing"]),
        (#"{"clients": [{"name": ""}]}"#, ["at clients[0].name: must not be empty"]),
        (#"{"clients": [{"name": " \n"}]}"#, ["at clients[0].name: must not be empty"]),
        (#"{"clients": [{"name": 5}]}"#, ["at clients[0].name: expected text", "found 5"]),
        (#"{"clients": [{"name": "A", "folder": "a/b"}]}"#, ["at clients[0].folder: 'a/b' must be one folder name"]),
        (#"{"clients": [{"name": "A", "folder": "."}]}"#, ["at clients[0].folder: '.' must not start with '.'"]),
        (#"{"clients": [{"name": "A", "folder": ".."}]}"#, ["at clients[0].folder: '..' must not start with '.'"]),
        (#"{"clients": [{"name": "A", "folder": ".hidden"}]}"#, ["'.hidden' must not start with '.'"]),
        (#"{"clients": [{"name": "A", "folder": ""}]}"#, ["at clients[0].folder: '' must not be empty"]),
        (#"{"clients": [{"name": "A", "folder": "a\u0001"}]}"#, ["must not hold control characters"]),
        (#"{"clients": [{"name": "A", "folder": true}]}"#, ["at clients[0].folder: expected text", "found true"]),
        (
            #"{"clients": [{"name": "A", "clientKeyEnv": "PO_A", "clientKeyFile": "a.key"}]}"#,
            ["at clients[0]: give either 'clientKeyEnv' or 'clientKeyFile', not both"]
        ),
        (#"{"clients": [{"name": "A", "clientKeyEnv": "1PO"}]}"#, ["at clients[0].clientKeyEnv: not the name of an environment variable"]),
        (#"{"clients": [{"name": "A", "clientKeyEnv": "PO A"}]}"#, ["at clients[0].clientKeyEnv: not the name"]),
        (#"{"clients": [{"name": "A", "clientKeyFile": " "}]}"#, ["at clients[0].clientKeyFile: must not be empty"]),
        (
            #"{"clients": [{"name": "A"}, {"name": "B"}, {"name": "C", "clientKeyEnvv": "PO_C"}]}"#,
            ["clients.json: at clients[2]: unknown key 'clientKeyEnvv'; did you mean 'clientKeyEnv'?", "allowed here: clientKeyEnv, clientKeyFile, folder, name"]
        ),
        (#"{"clients": [{"nmae": "A"}]}"#, ["at clients[0]: unknown key 'nmae'; did you mean 'name'? ('name' is required)"]),
        (#"{"client": [{"name": "A"}]}"#, ["unknown key 'client'; did you mean 'clients'?"]),
        ("{\"clients\": [", ["clients.json:1:14: not valid JSON"]),
    ]

    @Test(arguments: 0..<agreed.count)
    func theSchemaAndTheReaderAgree(_ index: Int) throws {
        let (json, expected) = Self.agreed[index]
        let refusal = try refusal(json)
        if let expected {
            let message = try #require(refusal, "the reader took \(json)")
            for part in expected { #expect(message.contains(part), "\(message)") }
            // Text that is not JSON is no instance to validate.
            if (try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))) != nil {
                #expect(!(try Self.schemaErrors(json)).isEmpty, "the schema takes \(json)")
            }
        } else {
            #expect(refusal == nil, "\(refusal ?? "")")
            let errors = try Self.schemaErrors(json)
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    /// What the schema cannot say: the reader alone refuses these, naming both entries.
    static let readerOnly: [(json: String, refusal: [String])] = [
        (
            #"{"clients": [{"name": "Fjordlys AS", "clientKeyEnv": "A"}, {"name": "B"}, {"name": "Fjordlys AS"}]}"#,
            ["clients.json: clients[0] and clients[2] are both named 'Fjordlys AS'"]
        ),
        (
            #"{"clients": [{"name": "Fjordlys AS", "folder": "fjordlys"}, {"name": "Fjordlys Regnskap", "folder": "Fjordlys"}]}"#,
            ["clients[0] ('Fjordlys AS') and clients[1] ('Fjordlys Regnskap') would both be written to the folder 'Fjordlys'"]
        ),
        (
            #"{"clients": [{"name": "Bølge AS"}, {"name": "bolge-as"}]}"#,
            ["clients[0] ('Bølge AS') and clients[1] ('bolge-as') would both be written to the folder 'bolge-as'"]
        ),
        (#"{"clients": [{"name": "★ ★"}]}"#, ["at clients[0].name: '★ ★' has no letter or digit to make a folder name of"]),
        // One "å" composed, one an "a" and a ring: one name to macOS.
        (
            #"{"clients": [{"name": "A", "folder": "\u00e5s"}, {"name": "B", "folder": "a\u030as"}]}"#,
            ["clients[0] ('A') and clients[1] ('B') would both be written to the folder"]
        ),
    ]

    @Test(arguments: 0..<readerOnly.count)
    func whatOnlyTheReaderRefuses(_ index: Int) throws {
        let (json, expected) = Self.readerOnly[index]
        let message = try #require(try refusal(json))
        for part in expected { #expect(message.contains(part), "\(message)") }
        #expect(try Self.schemaErrors(json).isEmpty)
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: ClientListError.notFound(path: "/nonexistent/clients.json")) {
            try ClientList.load(from: URL(fileURLWithPath: "/nonexistent/clients.json"))
        }
    }

    @Test(arguments: [
        ("Fjordlys Regnskap AS", "fjordlys-regnskap-as"), ("Bølge & Måke AS", "bolge-make-as"),
        ("  Ærlig Øl/Ås  ", "aerlig-ol-as"), ("Café Nord", "caf-nord"), ("AS 2024", "as-2024"), ("---", ""),
        ("ÆØÅ", "aeoa"),
    ])
    func defaultFolders(name: String, folder: String) {
        #expect(ClientEntry.folderName(for: name) == folder)
    }

    @Test func onlyPicksClientsInTheFilesOrder() throws {
        let list = try load(#"{"clients": [{"name": "A AS"}, {"name": "Bølge AS"}, {"name": "C AS"}]}"#)
        #expect(try list.selecting(only: []).clients.map(\.name) == ["A AS", "Bølge AS", "C AS"])
        let picked = try list.selecting(only: ["C AS", "A AS"])
        #expect(picked.clients.map(\.name) == ["A AS", "C AS"])
        #expect(picked.clients.map(\.index) == [0, 2], "each keeps its place in the file, for messages")
        let error = #expect(throws: ClientListError.self) { try list.selecting(only: ["Bolge AS"]) }
        let message = error?.message(.en) ?? ""
        #expect(message.contains("--only 'Bolge AS': no client of that name in "), "\(message)")
        #expect(message.contains("did you mean 'Bølge AS'?"), "\(message)")
        #expect(message.contains("(3 clients: 'A AS', 'Bølge AS', 'C AS')"), "\(message)")
    }

    @Test func clientKeysComeFromTheVariableOrTheFileTheEntryNames() throws {
        let url = try file(
            #"{"clients": [{"name": "A", "clientKeyEnv": "PO_A"}, {"name": "B", "clientKeyFile": "keys/b.key"}, {"name": "C"}]}"#)
        let keys = url.deletingLastPathComponent().appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let keyFile = keys.appendingPathComponent("b.key")
        try Data("  CLIENTKEY-from-file-1\n".utf8).write(to: keyFile)
        #expect(chmod(keyFile.path, 0o600) == 0)
        let list = try ClientList.load(from: url)
        let (a, b, c) = (list.clients[0], list.clients[1], list.clients[2])

        #expect(try list.clientKey(of: a, environment: ["PO_A": " CLIENTKEY-from-env-1\n"]) == "CLIENTKEY-from-env-1")
        #expect(RunSecrets.shared.contains("CLIENTKEY-from-env-1"), "blanked from the moment it is read")
        #expect(try list.clientKey(of: b, environment: [:]) == "CLIENTKEY-from-file-1")
        #expect(RunSecrets.shared.contains("CLIENTKEY-from-file-1"))

        for environment in [[:], ["PO_A": " "]] {
            #expect(throws: ClientListError.keyVariableMissing(path: url.relativePath, client: a, variable: "PO_A")) {
                try list.clientKey(of: a, environment: environment)
            }
        }
        #expect(throws: ClientListError.noKey(path: url.relativePath, client: c)) { try list.clientKey(of: c, environment: [:]) }

        #expect(chmod(keyFile.path, 0o640) == 0)
        #expect(
            throws: ClientListError.keyFile(
                path: url.relativePath, client: b, problem: .keyFileTooOpen(path: keyFile.path, mode: 0o640))
        ) { try list.clientKey(of: b, environment: [:]) }
        #expect(chmod(keyFile.path, 0o600) == 0)
        for (contents, reason) in [("\n", "it is empty"), ("CLIENTKEY-one CLIENTKEY-two", "it holds more than one word")] {
            try Data(contents.utf8).write(to: keyFile)
            let error = #expect(throws: ClientListError.self) { try list.clientKey(of: b, environment: [:]) }
            let message = error?.message(.en) ?? ""
            #expect(message.contains("(clients[1], 'B'): \(keyFile.path): key file cannot be read: \(reason)"), "\(message)")
            #expect(!message.contains("CLIENTKEY-one"))
        }
        try FileManager.default.removeItem(at: keyFile)
        let missing = #expect(throws: ClientListError.self) { try list.clientKey(of: b, environment: [:]) }
        #expect(missing?.message(.en).contains("no such file") == true)
    }

    @Test func aKeyPastedWhereTheVariableNameGoesIsNotQuoted() throws {
        let message = try #require(try refusal(#"{"clients": [{"name": "A", "clientKeyEnv": "CLIENTKEY 55aa13f0 secret"}]}"#))
        #expect(!message.contains("55aa13f0"), "\(message)")
    }
}
