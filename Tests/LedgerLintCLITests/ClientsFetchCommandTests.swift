import FakePowerOffice
import Foundation
import LedgerLintCore
import LedgerLintTestSupport
import PowerOfficeGoTestSupport
import Testing

/// `ledgerlint fetch --clients FILE --out DIR`, a bureau's fetch, as a user runs it against a fake that serves several
/// clients of one integration.
@Suite("fetch --clients on the command line")
struct ClientsFetchCommandTests {
    let scratch = Scratch()

    /// The second client the fake knows, and a client key it does not.
    static let bolge = FakeClient(
        clientKey: "CLIENTKEY-bolge-7e21c4-secret", clientName: "Bølge Bygg AS", clientId: "b0b0b0b0-0000-4000-8000-000000000002",
        dataSet: .generated(customers: 80, seed: 7))
    static let unknownKey = "CLIENTKEY-make-9a3c55-secret"

    /// Every form of every key of these tests: none may be shown or written.
    static let secrets =
        secretForms + [bolge.clientKey, unknownKey]
        + [bolge.clientKey, unknownKey].map { Data("\(testKeys.applicationKey):\($0)".utf8).base64EncodedString() }

    /// A bureau of three clients: Fjordlys (the fake's first client, its key in `PO_FJORDLYS`), Bølge (its key in a
    /// private key file) and Måke (whose key, in `PO_MAKE`, the fake does not know), in `folder/clients.json`.
    struct Bureau {
        var server: FakePowerOfficeServer
        var folder: URL
        var clientsFile: URL
        var environment: [String: String]
        var out: URL
    }

    /// - Parameter bolge: the fake's second client, `Self.bolge` unless a test needs other lists for it.
    func bureau(
        rateLimited: Bool = false, customers: Int = 120, bolge: FakeClient = bolge, clients: String? = nil
    ) throws -> Bureau {
        let server = try makeServer(customers: customers, rateLimited: rateLimited) { $0.otherClients = [bolge] }
        let folder = try scratch.folder("ledgerlint-bureau")
        let json =
            clients ?? """
                {"clients": [
                  {"name": "Fjordlys Regnskap AS", "folder": "fjordlys", "clientKeyEnv": "PO_FJORDLYS"},
                  {"name": "Bølge Bygg AS", "clientKeyFile": "keys/bolge.key"},
                  {"name": "Måke Handel AS", "clientKeyEnv": "PO_MAKE"}
                ]}
                """
        let clientsFile = try write(json, to: "clients.json", in: folder)
        let keyFile = try write(Self.bolge.clientKey + "\n", to: "keys/bolge.key", in: folder)
        #expect(chmod(keyFile.path, 0o600) == 0)
        var environment = server.environment
        // Not used with --clients: every client key comes from the clients file.
        environment["POWEROFFICE_CLIENT_KEY"] = nil
        environment["PO_FJORDLYS"] = testKeys.clientKey
        environment["PO_MAKE"] = Self.unknownKey
        return Bureau(
            server: server, folder: folder, clientsFile: clientsFile, environment: environment,
            out: folder.appendingPathComponent("out"))
    }

    func fetch(_ bureau: Bureau, _ options: [String] = []) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await runBuiltBinary(
            "ledgerlint", ["fetch", "--clients", bureau.clientsFile.path, "--out", bureau.out.path] + options,
            environment: bureau.environment)
    }

    /// Every file under `folder`, by path relative to it, with its bytes.
    func files(in folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return found
        }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    @Test("two clients written as a fetch of each alone writes them, the rejected one reported and left as it was, exit 3, 10 requests a second")
    func bureauFetch() async throws {
        let bureau = try bureau(rateLimited: true)
        let oldMake = [
            "make-handel-as/poweroffice/Customers.json": "[{\"Id\": 1}]", "make-handel-as/manifest.json": "{\"client\": \"old\"}",
            "make-handel-as/assist/customers.csv": "Kundenummer;Navn\n1;A\n",
        ]
        for (path, text) in oldMake { try write(text, to: path, in: bureau.out) }
        let run = try await fetch(bureau, ["--page-size", "50"])
        let log = bureau.server.requests

        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        // The clients the fake knows: exactly what it serves.
        for (folder, served) in [("fjordlys", bureau.server.dataSet), ("bolge-bygg-as", Self.bolge.dataSet)] {
            for name in FakeDataSet.resourceNames {
                let file = bureau.out.appendingPathComponent("\(folder)/poweroffice/\(name).json")
                #expect(try Data(contentsOf: file) == served.jsonArray(name), "\(folder)/\(name)")
            }
        }
        // The one it refused: its folder byte for byte as it was, no staging left anywhere.
        let written = try files(in: bureau.out)
        for (path, text) in oldMake { #expect(written[path] == Data(text.utf8), "\(path)") }
        #expect(written.keys.filter { $0.hasPrefix("make-handel-as/") }.count == oldMake.count)
        #expect(!written.keys.contains { $0.contains(SnapshotStaging.stagingPrefix) || $0.contains(".poweroffice-previous-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: bureau.out.path).sorted() == ["bolge-bygg-as", "fjordlys", "make-handel-as"])

        // The table lists every client; the failure comes with the extension hint, naming the client's variable.
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "ledgerlint: fetched 2 of 3 clients into \(bureau.out.path); 1 failed", "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("  Fjordlys Regnskap AS  fjordlys ") && $0.hasSuffix(" 120        44              4                     11                      3") }, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("  Bølge Bygg AS ") && $0.contains(" bolge-bygg-as ") && $0.contains(" 80 ") }, "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("  Måke Handel AS ") && $0.hasSuffix(" failed, see below") }, "\(run.stderr)")
        #expect(run.stderr.contains("ledgerlint: Måke Handel AS (make-handel-as): PowerOffice Go (production, "))
        #expect(run.stderr.contains("ticked Aktiv in PowerOffice Go (Meny > Administrer > Innstillinger > Utvidelser), and PO_MAKE holds the client key"))

        // Every client of the run in one budget: never more than 10 requests in any second, and no 429.
        #expect(log.count > 10, "\(log.count)")
        #expect(!log.contains { $0.status == 429 })
        for (index, request) in log.enumerated() {
            let window = log[index...].prefix { $0.receivedAt.timeIntervalSince(request.receivedAt) < 1 }
            #expect(window.count <= 10, "\(window.count) requests within a second of request \(index)")
        }
        // Each client key asked for a token with the application key, and the rejected one for nothing else.
        let tokenRequests = log.filter { $0.path == FakePowerOfficeServer.tokenPath }
        #expect(tokenRequests.count == 3)
        #expect(log.allSatisfy { $0.method == "GET" || $0.path == FakePowerOfficeServer.tokenPath })

        // What a single fetch of Bølge writes is what the bureau's fetch wrote for it, the manifest but its time.
        let single = try scratch.folder("ledgerlint-po")
        var environment = bureau.environment
        environment["POWEROFFICE_CLIENT_KEY"] = Self.bolge.clientKey
        let alone = try await runBuiltBinary(
            "ledgerlint", ["fetch", "--out", single.path, "--page-size", "50", "--quiet"], environment: environment)
        #expect(alone.status == 0, "\(alone.stderr)")
        let aloneFiles = try files(in: single)
        let bolgeFiles = written.filter { $0.key.hasPrefix("bolge-bygg-as/") }
        #expect(Set(aloneFiles.keys) == Set(bolgeFiles.keys.map { String($0.dropFirst("bolge-bygg-as/".count)) }))
        for (path, data) in aloneFiles where path != "manifest.json" {
            #expect(bolgeFiles["bolge-bygg-as/" + path] == data, "\(path)")
        }
        func manifest(_ data: Data?) throws -> NSDictionary {
            let object = try JSONSerialization.jsonObject(with: data ?? Data()) as? [String: Any] ?? [:]
            return NSDictionary(dictionary: object.filter { $0.key != "fetchedAt" })
        }
        let bureauManifest = try manifest(bolgeFiles["bolge-bygg-as/manifest.json"])
        #expect(bureauManifest == (try manifest(aloneFiles["manifest.json"])))
        #expect(bureauManifest["client"] as? String == "Bølge Bygg AS")

        // No key, no token, anywhere.
        let tokens = log.compactMap { $0.headers["authorization"] }.filter { $0.hasPrefix("Bearer ") }.map { String($0.dropFirst(7)) }
        #expect(!tokens.isEmpty)
        let texts = [run.stdout, run.stderr] + written.values.map { String(decoding: $0, as: UTF8.self) }
        for text in texts {
            for secret in Self.secrets + tokens { #expect(!text.contains(secret)) }
        }
    }

    @Test(
        "a clients file that is wrong exits 2 before any request, naming the file and what is wrong",
        arguments: [
            (
                #"{"clients": [{"name": "A", "clientKeyEnv": "PO_A"}, {"name": "A", "clientKeyEnv": "PO_B"}]}"#,
                "clients.json: clients[0] and clients[1] are both named 'A'"
            ),
            (
                #"{"clients": [{"name": "A", "folder": "a"}, {"name": "B", "folder": "A"}]}"#,
                "clients[0] ('A') and clients[1] ('B') would both be written to the folder 'A'"
            ),
            (#"{"clients": [{"name": "A", "folder": "../a"}]}"#, "at clients[0].folder: '../a' must be one folder name, without '/'"),
            (
                #"{"clients": [{"name": "A", "clientKeyEnvv": "PO_A"}]}"#,
                "clients.json: at clients[0]: unknown key 'clientKeyEnvv'; did you mean 'clientKeyEnv'?"
            ),
            (
                #"{"clients": [{"name": "A", "clientKeyEnv": "PO_A", "clientKeyFile": "keys/bolge.key"}]}"#,
                "at clients[0]: give either 'clientKeyEnv' or 'clientKeyFile', not both"
            ),
            (#"{"clients": []}"#, "at clients: the list is empty"),
        ])
    func clientsFileRefused(json: String, message: String) async throws {
        let bureau = try bureau(clients: json)
        let run = try await fetch(bureau)

        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(bureau.server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: bureau.out.path))
    }

    @Test("a client's key file that others can read exits 2 before any request, with chmod advice")
    func keyFileTooOpen() async throws {
        let bureau = try bureau()
        let keyFile = bureau.folder.appendingPathComponent("keys/bolge.key")
        #expect(chmod(keyFile.path, 0o644) == 0)
        let run = try await fetch(bureau)

        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("(clients[1], 'Bølge Bygg AS'): \(keyFile.path): key file is readable by others (permissions 644)"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod 600 \(keyFile.path)"))
        #expect(bureau.server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: bureau.out.path))
    }

    @Test("a client whose variable is not set, and one with no key, fail; the others are fetched; exit 3")
    func missingVariable() async throws {
        var bureau = try bureau(clients: """
            {"clients": [
              {"name": "Fjordlys Regnskap AS", "clientKeyEnv": "PO_FJORDLYS"},
              {"name": "Bølge Bygg AS", "clientKeyEnv": "PO_BOLGE"},
              {"name": "Uten nøkkel AS"}
            ]}
            """)
        bureau.environment["PO_BOLGE"] = nil
        let run = try await fetch(bureau)

        #expect(run.status == 3, "\(run.stderr)")
        #expect(
            try Data(contentsOf: bureau.out.appendingPathComponent("fjordlys-regnskap-as/poweroffice/Customers.json"))
                == bureau.server.dataSet.jsonArray("Customers"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: bureau.out.path) == ["fjordlys-regnskap-as"])
        #expect(run.stderr.contains("ledgerlint: fetched 1 of 3 clients into"), "\(run.stderr)")
        #expect(run.stderr.contains("ledgerlint: Bølge Bygg AS (bolge-bygg-as): PO_BOLGE is not set, or empty: "), "\(run.stderr)")
        #expect(run.stderr.contains("ledgerlint: Uten nøkkel AS (uten-nokkel-as): "), "\(run.stderr)")
        #expect(run.stderr.contains("names no client key ('clientKeyEnv' or 'clientKeyFile'), so it cannot be fetched"))
        // Only Fjordlys was asked for anything.
        #expect(bureau.server.requests.filter { $0.path == FakePowerOfficeServer.tokenPath }.count == 1)
    }

    @Test("--only fetches the clients named (here with --credentials that has no clientKey); an unknown name exits 2 with the closest names; without --clients it is refused")
    func only() async throws {
        let bureau = try bureau()
        let unknown = try await fetch(bureau, ["--only", "Bolge Bygg AS"])
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("--only 'Bolge Bygg AS': no client of that name in \(bureau.clientsFile.path); did you mean 'Bølge Bygg AS'?"), "\(unknown.stderr)")
        #expect(bureau.server.requests.isEmpty)

        // The integration's keys from a key file without a clientKey, this time.
        let keys = try write(
            #"{"applicationKey": "\#(testKeys.applicationKey)", "subscriptionKey": "\#(testKeys.subscriptionKey)"}"#,
            to: "integration.json", in: bureau.folder)
        #expect(chmod(keys.path, 0o600) == 0)
        let environment = bureau.environment.filter { !$0.key.hasSuffix("_KEY") }
        let picked = try await runBuiltBinary(
            "ledgerlint",
            ["fetch", "--clients", bureau.clientsFile.path, "--out", bureau.out.path, "--only", "Bølge Bygg AS", "--quiet",
             "--credentials", keys.path],
            environment: environment)
        #expect(picked.status == 0, "\(picked.stderr)")
        #expect(picked.stderr.isEmpty, "--quiet, and nothing failed: \(picked.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bureau.out.path) == ["bolge-bygg-as"])

        let alone = try await runBuiltBinary("ledgerlint", ["fetch", "--out", bureau.out.path, "--only", "A"], environment: [:])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("--only goes with --clients FILE"), "\(alone.stderr)")
    }

    @Test("a retry says which client it is for")
    func retryLines() async throws {
        let bureau = try bureau(clients: #"{"clients": [{"name": "Fjordlys Regnskap AS", "clientKeyEnv": "PO_FJORDLYS"}]}"#)
        bureau.server.inject(.status(503), path: "Customers", page: 1)
        let run = try await fetch(bureau, ["--quiet"])

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("ledgerlint: Fjordlys Regnskap AS: retrying Customers page 1 in "), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }

    @Test("with --lang nb the table and the failures are Norwegian")
    func norwegian() async throws {
        let bureau = try bureau()
        let run = try await fetch(bureau, ["--lang", "nb", "--only", "Fjordlys Regnskap AS", "--only", "Måke Handel AS"])

        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("ledgerlint: hentet 1 av 2 klienter inn i \(bureau.out.path); 1 mislyktes\n  Klient "), "\(run.stderr)")
        #expect(run.stderr.contains(" mislyktes, se under\n"))
        #expect(run.stderr.contains("og at PO_MAKE inneholder klientnøkkelen som vises der"))
        let english = EnglishWords.found(in: run.stderr)
        #expect(english.isEmpty, "English words \(english) in:\n\(run.stderr)")
    }

    @Test("Ctrl-C removes what every client in flight staged, keeps their folders as they were, and exits 130")
    func interrupted() async throws {
        var bolge = Self.bolge
        bolge.dataSet = .generated(customers: 3000, seed: 7)
        let bureau = try bureau(customers: 3000, bolge: bolge)
        // Every client's customer page 3 takes a minute: the two the fake knows stall with two pages staged.
        bureau.server.inject(.slow(seconds: 60), path: "Customers", page: 3, times: 3)
        try write("[]", to: "fjordlys/poweroffice/Customers.json", in: bureau.out)
        let run = try RunningBinary(
            "ledgerlint",
            ["fetch", "--clients", bureau.clientsFile.path, "--out", bureau.out.path, "--page-size", "100", "--pages-in-flight", "1"],
            environment: bureau.environment)
        for _ in 0..<1000 where requests(bureau.server, to: "/v2/Customers").filter({ $0.query["PageNumber"] == "3" }).count < 2 {
            try await Task.sleep(for: .milliseconds(20))
        }
        let staged = try files(in: bureau.out).keys.filter { $0.contains(SnapshotStaging.stagingPrefix) }
        #expect(!staged.isEmpty)
        run.send(SIGINT)
        let result = await run.finish(limit: 60)

        #expect(!result.signalled && result.status == 130, "\(result)")
        #expect(result.stderr.hasSuffix("ledgerlint: interrupted (SIGINT); nothing was written to \(bureau.out.path)\n"), "\(result.stderr)")
        #expect(try files(in: bureau.out) == ["fjordlys/poweroffice/Customers.json": Data("[]".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: bureau.out.path) == ["fjordlys"])
    }

    @Test("check of the fetched folder names the clients as the file does, and --live reads each one under the run's one limit")
    func checkedFromTheFolderAndLive() async throws {
        let bureau = try bureau(rateLimited: true)
        let fetched = try await fetch(bureau)
        #expect(fetched.status == 3, "\(fetched.stderr)")
        // Each fetched client gets the demo's Assist export.
        let demoAssist = URL(fileURLWithPath: CommandLineTests.demo).appendingPathComponent("assist")
        for folder in ["fjordlys", "bolge-bygg-as", "make-handel-as"] {
            try FileManager.default.copyItem(
                at: demoAssist, to: bureau.out.appendingPathComponent(folder).appendingPathComponent("assist"))
        }
        let check = ["check", bureau.out.path, "--clients", bureau.clientsFile.path, "--format", "json", "--lang", "en"]
        let saved = try await runBuiltBinary("ledgerlint", check, environment: bureau.environment)
        // Måke was never fetched: its folder has no poweroffice/, so the run exits 2 after reporting the others.
        #expect(saved.status == 2, "\(saved.stderr)")
        let savedReport = try #require(try JSONSerialization.jsonObject(with: Data(saved.stdout.utf8)) as? [String: Any])
        let savedClients = try #require(savedReport["clients"] as? [[String: Any]])
        #expect(savedClients.map { $0["name"] as? String } == ["Fjordlys Regnskap AS", "Bølge Bygg AS", "Måke Handel AS"])
        #expect(savedClients[2]["error"] is String)

        // The fetch's requests out of the fake's window, so that what it counts below is this run's alone.
        try await Task.sleep(for: .milliseconds(1100))
        let before = bureau.server.requests.count
        let live = try await runBuiltBinary("ledgerlint", check + ["--live"], environment: bureau.environment)
        // Måke's key is refused by PowerOffice: exit 3, the others checked from what was read now.
        #expect(live.status == 3, "\(live.stderr)")
        let liveReport = try #require(try JSONSerialization.jsonObject(with: Data(live.stdout.utf8)) as? [String: Any])
        let liveClients = try #require(liveReport["clients"] as? [[String: Any]])
        for index in 0..<2 {
            #expect(NSArray(array: liveClients[index]["findings"] as? [Any] ?? [0])
                == NSArray(array: savedClients[index]["findings"] as? [Any] ?? [1]))
        }
        #expect((liveClients[2]["error"] as? String)?.contains("PO_MAKE") == true, "\(liveClients[2])")
        let requests = bureau.server.requests.dropFirst(before)
        #expect(Set(requests.map(\.method)).isSubset(of: ["GET", "POST"]))
        #expect(requests.filter { $0.method == "POST" }.allSatisfy { $0.path == FakePowerOfficeServer.tokenPath })
        #expect(!requests.contains { $0.status == 429 })
        for secret in Self.secrets { #expect(!(live.stdout + live.stderr).contains(secret)) }
    }
}
