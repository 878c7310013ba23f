import FakePowerOffice
import Foundation
import LedgerLintTestSupport
import LedgerLintCore
import PowerOfficeGoTestSupport
import Testing
@testable import PowerOfficeGo

/// `ledgerlint fetch` and `check --live` as a user runs them, against the fake.
@Suite("fetch and check --live on the command line")
struct FetchCommandTests {
    let scratch = Scratch()

    @Test("fetch writes the snapshot, says what it read, and shows no key")
    func fetch() async throws {
        let server = try makeServer(customers: 700)
        let folder = try scratch.folder("ledgerlint-po")
        let run = try await runBuiltBinary("ledgerlint", 
            ["fetch", "--out", folder.path, "--environment", "demo", "--page-size", "300"],
            environment: server.environment)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Customers 700, Products 44"))
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("poweroffice/Customers.json"))
                == server.dataSet.jsonArray("Customers"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path))
        for secret in secretForms { #expect(!run.stderr.contains(secret)) }
        // Pages 1 to 3 (the last short), and up to 3 more asked for ahead (`--pages-in-flight`, 4 by default).
        let customerPages = requests(server, to: "/v2/Customers")
        #expect((3...3 + PowerOfficeConfiguration.defaultPagesInFlight - 1).contains(customerPages.count))
        #expect(customerPages.filter { Int($0.query["PageNumber"] ?? "") ?? 0 > 3 }.allSatisfy { $0.status == 204 })
    }

    @Test("under LANG=nb_NO, the retry lines and the closing summary are Norwegian")
    func fetchInNorwegian() async throws {
        let server = try makeServer(customers: 100)
        server.inject(.status(503), path: "Customers", page: 1)
        let folder = try scratch.folder("ledgerlint-po")
        var environment = server.environment
        environment["LANG"] = "nb_NO.UTF-8"
        let run = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path], environment: environment)

        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("ledgerlint: prøver Customers side 1 igjen om ") == true, "\(run.stderr)")
        #expect(lines.first?.contains(" s: HTTP 503") == true, "\(run.stderr)")
        #expect(lines.last?.hasPrefix("ledgerlint: hentet 'Fjordlys Regnskap AS' (production) inn i ") == true, "\(run.stderr)")
        let refused = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path, "--lang", "nb"], environment: [:])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("ledgerlint: Nøklene til PowerOffice Go mangler: sett "), "\(refused.stderr)")
    }

    @Test("--pages-in-flight reads ahead and writes the same snapshot; out of range, it is refused")
    func pagesInFlight() async throws {
        let server = try makeServer(customers: 700)
        let folder = try scratch.folder("ledgerlint-po")
        let run = try await runBuiltBinary("ledgerlint", 
            ["fetch", "--out", folder.path, "--page-size", "100", "--pages-in-flight", "4", "--quiet"],
            environment: server.environment)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try Data(contentsOf: folder.appendingPathComponent("poweroffice/Customers.json"))
                == server.dataSet.jsonArray("Customers"))
        let refused = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path, "--pages-in-flight", "11"], environment: [:])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pages in flight 11 is out of range; expected 1 to 10"))
        let notANumber = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path, "--pages-in-flight", "x"], environment: [:])
        #expect(notANumber.status == 2)
    }

    @Test(
        "bad fetch options exit 2 (usage), not 3, and say what is expected",
        arguments: [
            (["--environment", "prod"], "did you mean 'production'?"),
            (["--environment", "Dmeo"], "did you mean 'demo'?"),
            (["--page-size", "0"], "page size 0 is out of range; PowerOffice accepts 1 to 20000"),
            (["--page-size", "30000"], "page size 30000 is out of range"),
            (["--pages-in-flight", "11"], "pages in flight 11 is out of range; expected 1 to 10"),
            (["--timeout", "0"], "--timeout 0 is out of range; expected 1 to 3600 seconds"),
            (["--timeout", "soon"], "--timeout 'soon' is not a number of seconds"),
        ])
    func badOptions(options: [String], message: String) async throws {
        let server = try makeServer()
        let folder = try scratch.folder("ledgerlint-po")
        // With keys that work: the option alone is at fault.
        let run = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path] + options, environment: server.environment)

        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(server.requests.isEmpty)
    }

    @Test("a snapshot folder that cannot be written exits 2, before PowerOffice is asked anything")
    func unwritableFolder() async throws {
        let server = try makeServer()
        let folder = try scratch.folder("ledgerlint-po")
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let run = try await runBuiltBinary("ledgerlint", 
            ["fetch", "--out", file.appendingPathComponent("snapshot").path], environment: server.environment)

        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("\(file.path) is a file, not a folder"), "\(run.stderr)")
        #expect(server.requests.isEmpty)
    }

    @Test("refused keys exit 3 with the extension hint and leave the snapshot alone")
    func refusedKeys() async throws {
        let server = try makeServer()
        let folder = try scratch.folder("ledgerlint-po")
        var environment = server.environment
        environment["POWEROFFICE_CLIENT_KEY"] = "CLIENTKEY-wrong-secret"
        let run = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path], environment: environment)

        #expect(run.status == 3)
        #expect(run.stderr.contains("ticked Aktiv in PowerOffice Go (Meny > Administrer > Innstillinger > Utvidelser)"))
        for secret in secretForms + ["CLIENTKEY-wrong-secret"] { #expect(!run.stderr.contains(secret)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("missing keys exit 2 naming the variables; an open key file exits 2 with chmod advice: local problems")
    func keyProblems() async throws {
        let missing = try await runBuiltBinary("ledgerlint", ["fetch", "--out", "unused"], environment: [:])
        #expect(missing.status == 2)
        #expect(
            missing.stderr.contains(
                "set POWEROFFICE_APPLICATION_KEY, POWEROFFICE_CLIENT_KEY, POWEROFFICE_SUBSCRIPTION_KEY"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("po-keys-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"{"applicationKey": "a", "clientKey": "c", "subscriptionKey": "s"}"#.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let open = try await runBuiltBinary("ledgerlint", ["fetch", "--out", "unused", "--credentials", file.path], environment: [:])
        #expect(open.status == 2)
        #expect(open.stderr.contains("chmod 600"))
    }

    @Test("keys and the access token a server echoes are blanked on stderr")
    func echoedSecretsNotPrinted() async throws {
        let server = try makeServer()
        server.inject(badRequest(detail: "Authorization={authorization}; key {ocp-apim-subscription-key}"), path: "Customers")
        let folder = try scratch.folder("ledgerlint-po")
        let run = try await runBuiltBinary("ledgerlint", ["fetch", "--out", folder.path], environment: server.environment)

        #expect(run.status == 3)
        #expect(run.stderr.contains("Authorization=Bearer •••; key •••"), "\(run.stderr)")
        let token = try #require(requests(server, to: "/v2/Customers").first?.headers["authorization"]?.dropFirst(7))
        #expect(!run.stderr.contains(token))
        for secret in secretForms { #expect(!run.stderr.contains(secret)) }
    }

    @Test("a key in what PowerOffice says is blanked in the report on stdout and in report files")
    func reportsRedacted() async throws {
        let server = try makeServer(customers: 50) { $0.clientName = "Fjordlys \(testKeys.clientKey)" }
        let folder = try assistOnlySnapshot(in: scratch)
        let reportFile = folder.appendingPathComponent("report.html")
        let run = try await runBuiltBinary("ledgerlint", 
            ["check", folder.path, "--live", "--format", "markdown", "--report", "html=\(reportFile.path)", "--fail-on", "never"],
            environment: server.environment)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Fjordlys •••"))
        let html = try String(contentsOf: reportFile, encoding: .utf8)
        #expect(html.contains("Fjordlys •••"))
        for text in [run.stdout, run.stderr, html] {
            for secret in secretForms { #expect(!text.contains(secret)) }
        }
    }

    @Test("every retry is a line on stderr, also with --quiet and when stderr is not a terminal")
    func retryLines() async throws {
        let server = try makeServer()
        server.inject(.slow(seconds: 3), path: "Customers", page: 1)
        let folder = try scratch.folder("ledgerlint-po")
        let run = try await runBuiltBinary("ledgerlint", 
            ["fetch", "--out", folder.path, "--timeout", "1", "--quiet"], environment: server.environment)

        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "ledgerlint: retrying Customers page 1 in 0.5 s: no answer within 1 s\n")
    }

    @Test("check --live reads assist/ from disk and PowerOffice from the API, and writes nothing")
    func checkLive() async throws {
        let server = try makeServer(customers: 50)
        let folder = try assistOnlySnapshot(in: scratch)
        let run = try await runBuiltBinary("ledgerlint", 
            ["check", folder.path, "--live", "--format", "markdown", "--fail-on", "never"],
            environment: server.environment)

        #expect(run.status == 0, "\(run.stderr)")
        // The report header names the client read live, as it would a fetched snapshot's manifest.
        #expect(run.stdout.contains("Fjordlys Regnskap AS"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["assist"])
        #expect(server.requests.contains { $0.path == "/v2/Customers" })
    }

    @Test("two ledgerlint processes with one key share PowerOffice's 10 requests per second")
    func twoProcesses() async throws {
        let server = try makeServer(customers: 500, rateLimited: true)
        let runtime = try scratch.folder("ledgerlint-po")
        let folders = try [scratch.folder("ledgerlint-po"), scratch.folder("ledgerlint-po")]
        let environment = server.environment.merging(["XDG_RUNTIME_DIR": runtime.path]) { $1 }
        let runs = try await withThrowingTaskGroup(of: (status: Int32, stdout: String, stderr: String).self) { group in
            for folder in folders {
                group.addTask {
                    try await runBuiltBinary(
                        "ledgerlint", ["fetch", "--out", folder.path, "--page-size", "100", "--quiet"],
                        environment: environment)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.stderr))")
        let log = server.requests
        #expect(log.count >= 24)
        #expect(!log.contains { $0.status == 429 }, "\(log.filter { $0.status == 429 }.count) answers 429")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runtime.appendingPathComponent("ledgerlint").path).count == 1)
    }
}

/// A snapshot folder with an Assist export of one customer and no PowerOffice side, for `check --live`; `scratch`
/// removes it.
func assistOnlySnapshot(in scratch: Scratch) throws -> URL {
    let folder = try scratch.folder("ledgerlint-po")
    let assist = folder.appendingPathComponent("assist")
    try FileManager.default.createDirectory(at: assist, withIntermediateDirectories: true)
    try Data(
        "Kundenummer;Navn;Organisasjonsnummer;E-post;Sendingsmetode;Eksporteres\n10001;Fjord AS;;post@fjord.no;E-post;Ja\n"
            .utf8
    ).write(to: assist.appendingPathComponent("customers.csv"))
    return folder
}
