import FakePowerOffice
import Foundation
import PowerOfficeGoTestSupport
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

/// Retries and failures that say what happened, in words, and a bounded time for a server that never answers.
@Suite("PowerOfficeTransport: retries that speak")
struct PowerOfficeTransportTests {
    @Test("a server that never answers costs two timeouts, each retry is announced, and the end says it in words")
    func neverAnswers() async throws {
        let server = try makeServer()
        server.inject(.slow(seconds: 5), path: "ClientIntegrationInformation", times: 10)
        var configuration = fastConfiguration(server)
        // Long enough that the token request, on a loaded machine, is never what times out.
        configuration.requestTimeout = 2
        let notices = Collected<RetryNotice>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: configuration) { notices.append($0) }
                .clientIntegrationInformation()
        }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.resource == "ClientIntegrationInformation" && exhausted.attempts == 2)
        #expect(exhausted.lastProblem.en == "no answer within 2 s")
        #expect(notices.values.map(\.description) == ["retrying ClientIntegrationInformation in 0 s: no answer within 2 s"])
        #expect(requests(server, to: "/v2/ClientIntegrationInformation").count == 2)
        let message = try #require(error?.localizedDescription)
        #expect(!message.contains("NSURLErrorDomain") && !message.contains("-1001"), "\(message)")
    }

    @Test("a refused connection is named as such, with a line for each retry")
    func refusedConnection() async throws {
        let configuration = try unreachableConfiguration()
        let notices = Collected<RetryNotice>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: configuration) { notices.append($0) }.fetchAll()
        }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.attempts == 5 && exhausted.lastProblem.en == "connection refused")
        #expect(notices.values.map(\.subject.en) == Array(repeating: "the access token", count: 4))
        #expect(notices.values.map(\.problem.en) == Array(repeating: "connection refused", count: 4))
        let norwegian = notices.values.first?.message(.nb) ?? ""
        #expect(norwegian.hasPrefix("prøver tilgangstokenet igjen om ") && norwegian.hasSuffix(" s: tilkoblingen ble avvist"))
    }

    @Test("a dropped connection is retried and named")
    func droppedConnection() async throws {
        let server = try makeServer()
        server.inject(.dropConnection, path: "Customers", page: 1, times: 10)
        let notices = Collected<RetryNotice>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server)) { notices.append($0) }.fetchAll()
        }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.lastProblem.en == "the connection was closed without an HTTP answer")
        #expect(notices.values.first?.subject == LocalizedText(en: "Customers page 1", nb: "Customers side 1"))
    }

    @Test("an HTML page answered with 200 is called an HTML page, with its title and what to check")
    func htmlInsteadOfJSON() async throws {
        let server = try makeServer()
        let page = "<!DOCTYPE html><html><head><title>Logg inn &amp; fortsett</title></head><body>…</body></html>"
        server.inject(.answer(status: 200, contentType: "text/html; charset=utf-8", body: page), path: "Customers")
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        #expect(
            error?.english
                == .malformedResponse(
                    resource: "Customers", page: 1,
                    reason: "an HTML page (title: Logg inn & fortsett) instead of JSON: is POWEROFFICE_API_URL right, "
                        + "or is a proxy in the way?"))
    }

    struct ErrorBodyCase: Sendable, CustomTestStringConvertible {
        var name: String
        var answer: FakeFault
        /// The last problem once retries run out, in English.
        var lastProblem: String
        var testDescription: String { name }
    }

    static let errorBodyCases = [
        ErrorBodyCase(
            name: "an HTML error page is named by its title",
            answer: .answer(
                status: 503, contentType: "text/html",
                body: "<html><head><title>503 Service Unavailable</title></head><body>\(String(repeating: "x", count: 500))</body></html>"),
            lastProblem: "HTTP 503 (an HTML page (title: 503 Service Unavailable))"),
        ErrorBodyCase(
            name: "a plain-text error body is redacted whole, then cut to 300 characters",
            answer: .answer(
                status: 502, contentType: "text/plain",
                body: String(repeating: "y", count: 290) + " {ocp-apim-subscription-key} " + String(repeating: "z", count: 100)),
            lastProblem: "HTTP 502 (" + String(repeating: "y", count: 290) + " ••• zzzzz…)"),
    ]

    @Test("an error body is put in words when retries run out", arguments: errorBodyCases)
    func errorBodyInWords(_ testCase: ErrorBodyCase) async throws {
        let server = try makeServer()
        server.inject(testCase.answer, path: "Products", times: 10)
        let error = await powerOfficeError { _ = try await fetchAll(from: server) }

        guard let exhausted = exhaustedRetries(error) else { return }
        #expect(exhausted.lastProblem.en == testCase.lastProblem)
    }
}
