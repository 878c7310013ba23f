import FakePowerOffice
import Foundation
import LedgerLintCore
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

/// Retries and failures that say what happened, in words, and a bounded time for a server that never answers.
@Suite("PowerOfficeTransport: retries that speak")
struct PowerOfficeTransportTests {
    @Test("a server that never answers costs two timeouts, each retry is announced, and the end says it in words")
    func neverAnswers() async throws {
        let server = try makeServer()
        server.inject(.slow(seconds: 3), path: "ClientIntegrationInformation", times: 10)
        var configuration = fastConfiguration(server)
        configuration.requestTimeout = 1
        let notices = Collected<RetryNotice>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: configuration) { notices.append($0) }
                .clientIntegrationInformation()
        }

        guard case .retriesExhausted(let resource, _, let attempts, let lastProblem) = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(resource == "ClientIntegrationInformation" && attempts == 2)
        #expect(lastProblem.en == "no answer within 1 s")
        #expect(notices.values.map(\.description) == ["retrying ClientIntegrationInformation in 0 s: no answer within 1 s"])
        #expect(requests(server, to: "/v2/ClientIntegrationInformation").count == 2)
        let message = try #require(error?.localizedDescription)
        #expect(!message.contains("NSURLErrorDomain") && !message.contains("-1001"), "\(message)")
    }

    @Test("a refused connection is named as such, with a line for each retry")
    func refusedConnection() async throws {
        let nowhere = try #require(URL(string: "http://127.0.0.1:1"))
        let configuration = PowerOfficeConfiguration(
            environment: .demo, credentials: testCredentials, apiURL: nowhere.appendingPathComponent("v2"),
            tokenURL: nowhere.appendingPathComponent("OAuth/Token"), retryPolicy: RetryPolicy(timeScale: 0.01))
        let notices = Collected<RetryNotice>()
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: configuration) { notices.append($0) }.fetchAll()
        }

        guard case .retriesExhausted(_, _, let attempts, let lastProblem) = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(attempts == 5 && lastProblem.en == "connection refused")
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

        guard case .retriesExhausted(_, _, _, let lastProblem) = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(lastProblem.en == "the connection was closed without an HTTP answer")
        #expect(notices.values.first?.subject == LocalizedText(en: "Customers page 1", nb: "Customers side 1"))
    }

    @Test("an HTML page answered with 200 is called an HTML page, with its title and what to check")
    func htmlInsteadOfJSON() async throws {
        let server = try makeServer()
        let page = "<!DOCTYPE html><html><head><title>Logg inn &amp; fortsett</title></head><body>…</body></html>"
        server.inject(.answer(status: 200, contentType: "text/html; charset=utf-8", body: page), path: "Customers")
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server)).fetchAll()
        }

        #expect(
            error?.english
                == .malformedResponse(
                    resource: "Customers", page: 1,
                    reason: "an HTML page (title: Logg inn & fortsett) instead of JSON: is POWEROFFICE_API_URL right, "
                        + "or is a proxy in the way?"))
    }

    @Test("an HTML error page is named by its title when retries run out")
    func htmlErrorPage() async throws {
        let server = try makeServer()
        let page = "<html><head><title>503 Service Unavailable</title></head><body>\(String(repeating: "x", count: 500))</body></html>"
        server.inject(.answer(status: 503, contentType: "text/html", body: page), path: "Products", times: 10)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server)).fetchAll()
        }

        guard case .retriesExhausted(_, _, _, let lastProblem) = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(lastProblem.en == "HTTP 503 (an HTML page (title: 503 Service Unavailable))")
    }

    @Test("a plain-text error body is redacted whole, then cut to 300 characters")
    func plainTextCut() async throws {
        let server = try makeServer()
        let body = String(repeating: "y", count: 290) + " {ocp-apim-subscription-key} " + String(repeating: "z", count: 100)
        server.inject(.answer(status: 502, contentType: "text/plain", body: body), path: "Products", times: 10)
        let error = await powerOfficeError {
            _ = try await PowerOfficeClient(configuration: fastConfiguration(server)).fetchAll()
        }

        guard case .retriesExhausted(_, _, _, let lastProblem) = error else {
            Issue.record("expected retriesExhausted, got \(String(describing: error))")
            return
        }
        #expect(lastProblem.en == "HTTP 502 (" + String(repeating: "y", count: 290) + " ••• zzzzz…)")
    }
}
