import Foundation
import LedgerLintCore
import LedgerLintText
import PowerOfficeGo

/// `ledgerlint fetch --clients FILE --out DIR [--only NAME]…`: a bureau's clients, each into `DIR/<folder>/` as
/// `fetch --out DIR/<folder>` writes it, by `ClientsFetch`; here only the options, the lines on stderr and the exit
/// code. See docs/poweroffice-fetch.md ("Many clients (a bureau)").
extension FetchCommand {
    func fetchClients(listedIn file: String) async throws -> ExitCode {
        // Everything that can be wrong on this machine, before PowerOffice is asked anything (exit 2).
        var configuration = try powerOffice.configuration(environment: environment, includingClientKey: false)
        if powerOffice.pagesInFlight == nil { configuration.pagesInFlight = ClientsFetch.pagesInFlight }
        let list = try ClientList.load(from: URL(fileURLWithPath: file)).selecting(only: only)
        let run = ClientsFetch(
            clients: list, into: URL(fileURLWithPath: out), configuration: configuration, environment: environment)
        let out = out
        Interrupts.handle { Self.interrupted(fetched: run.discard(), of: list.clients.count, out: out) }
        try run.prepare()

        let line = powerOffice.progressLine(configuration, clients: list.clients.count)
        let outcomes = try await run.run { event in
            switch event {
            case .started(let client):
                line?.started(client: client.name)
            case .progress(let client, let progress):
                line?.update(progress, client: client.name)
            case .retry(let client, let notice):
                PowerOfficeOptions.say(notice, line: line, client: client.name)
            case .finished(let outcome):
                line?.finished(client: outcome.client.name)
            }
        }
        line?.clear()
        let failed = outcomes.filter { if case .failure = $0.result { true } else { false } }
        if !powerOffice.quiet || !failed.isEmpty {
            Console.error(ClientsFetchSummary.text(outcomes, out: out, failuresOnly: powerOffice.quiet)[Console.language])
        }
        return failed.isEmpty ? .clean : .powerOffice
    }

    /// What an interrupt's line adds, once every client's staged files are gone: how many clients made it into `out`.
    static func interrupted(fetched: Int, of total: Int, out: String) -> LocalizedText {
        fetched == 0
            ? interrupted(committed: false, out: out)
            : LocalizedText(
                en: "\(fetched) of \(total) clients were fetched into \(out); the others were left as they were",
                nb: "\(fetched) av \(total) klienter ble hentet inn i \(out); de andre ble latt være som de var")
    }
}
