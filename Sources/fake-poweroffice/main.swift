// fake-poweroffice: serves a generated (or given) PowerOffice Go client on 127.0.0.1 for local demos of
// `ledgerlint fetch` and `check --live`. See docs/poweroffice-fetch.md.
import FakePowerOffice
import LedgerLintCore
import Foundation

let usage = """
    usage: fake-poweroffice [--port N] [--customers N] [--data SNAPSHOT] [--clients N] [--token-lifetime SECONDS]
                            [--invalid-privilege NAME]... [--latency MS] [--no-rate-limit] [--quiet]

      --port N                  listen on 127.0.0.1:N (default: a free port)
      --customers N             generate N customers (default 2500)
      --data SNAPSHOT           serve SNAPSHOT/poweroffice/*.json instead of generated data
      --clients N               also serve N more clients with the same data, named "Klient 1 AS" ...
                                with the client keys demo-client-key-1 ... (for fetch --clients)
      --token-lifetime SECONDS  expires_in of issued tokens (default 1200)
      --invalid-privilege NAME  answer 403 for endpoints needing NAME (Customer, Product,
                                GeneralLedgerAccount, CommonServices); repeatable
      --latency MS              hold every answer back MS milliseconds, as a distant server
                                would (default 0); concurrent requests wait side by side
      --no-rate-limit           do not answer 429 above 10 requests per second
      --quiet                   do not log requests to stderr

    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("fake-poweroffice: \(message)\n".utf8))
    exit(2)
}

var configuration = FakePowerOfficeServer.Configuration()
var customers = 2500
var dataFolder: String?
var otherClients = 0
var quiet = false
var arguments = CommandLine.arguments.dropFirst()
func value(for option: String, from arguments: inout ArraySlice<String>) -> String {
    guard let value = arguments.popFirst() else { fail("\(option) needs a value\n\n\(usage)") }
    return value
}
while let argument = arguments.popFirst() {
    switch argument {
    case "--port":
        guard let port = UInt16(value(for: argument, from: &arguments)) else {
            fail("--port: expected a number from 0 to 65535")
        }
        configuration.port = port
    case "--customers":
        guard let count = Int(value(for: argument, from: &arguments)), count >= 0 else {
            fail("--customers: expected a number")
        }
        customers = count
    case "--data":
        dataFolder = value(for: argument, from: &arguments)
    case "--clients":
        guard let count = Int(value(for: argument, from: &arguments)), count >= 0 else {
            fail("--clients: expected a number, 0 or more")
        }
        otherClients = count
    case "--token-lifetime":
        guard let seconds = Double(value(for: argument, from: &arguments)), seconds > 0 else {
            fail("--token-lifetime: expected seconds")
        }
        configuration.tokenLifetime = seconds
    case "--invalid-privilege":
        configuration.invalidPrivileges.append(value(for: argument, from: &arguments))
    case "--latency":
        guard let milliseconds = Double(value(for: argument, from: &arguments)), milliseconds >= 0,
            milliseconds.isFinite
        else {
            fail("--latency: expected milliseconds, 0 or more")
        }
        configuration.latency = milliseconds / 1000
    case "--no-rate-limit":
        configuration.rateLimit = nil
    case "--quiet":
        quiet = true
    case "-h", "--help":
        FileHandle.standardOutput.write(Data(usage.utf8))
        exit(0)
    default:
        fail("unknown argument '\(argument)'\n\n\(usage)")
    }
}

if !quiet {
    configuration.log = { request in
        let query =
            request.query.isEmpty
            ? ""
            : "?"
                + request.query.map { "\($0.key)=\($0.value)" }.sorted()
                .joined(separator: "&")
        let status = request.status.map(String.init) ?? "dropped"
        FileHandle.standardError.write(Data("\(request.method) \(request.path)\(query) -> \(status)\n".utf8))
    }
}

let dataSet: FakeDataSet
do {
    dataSet =
        try dataFolder.map {
            try FakeDataSet(
                snapshotFolder: URL(fileURLWithPath: $0), powerOfficeFolder: SnapshotLayout.powerOfficeFolder,
                file: SnapshotLayout.powerOfficeFile(named:))
        }
        ?? .generated(customers: customers)
} catch {
    fail("\(error)")
}

configuration.otherClients = FakeClient.generated(otherClients, dataSet: dataSet)
let server: FakePowerOfficeServer
do {
    server = try FakePowerOfficeServer(dataSet: dataSet, configuration: configuration)
} catch {
    fail("cannot listen: \(error)")
}

let counts = FakeDataSet.resourceNames.map { "\($0) \(dataSet.lists[$0]?.count ?? 0)" }.joined(separator: ", ")
let exports = server.environment.sorted(by: { $0.key < $1.key }).map { "export \($0.key)=\($0.value)\n" }.joined()
FileHandle.standardOutput.write(
    Data(
        """
        Fake PowerOffice Go v2 on \(server.baseURL.absoluteString) (Ctrl-C to stop)
        Serving: \(counts)\(otherClients > 0 ? "\nAnd \(otherClients) more clients with the same lists: client keys demo-client-key-1 to demo-client-key-\(otherClients)" : "")
        These demo keys are the fake's own; point ledgerlint at it with:

        \(exports)

        """.utf8))

while true {
    sleep(3600)
}
