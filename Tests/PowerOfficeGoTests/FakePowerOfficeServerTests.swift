import FakePowerOffice
import Foundation
import PowerOfficeGo
import PowerOfficeGoTestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The fake itself, spoken to directly: it must behave like the documented API, or the client tests prove nothing.
@Suite("FakePowerOfficeServer")
struct FakePowerOfficeServerTests {
    @Test("the fake serves the lists the client reads, by the same names, spelt out on its own")
    func resourcesAreTheClients() {
        #expect(FakeDataSet.resourceNames == PowerOfficeResource.allCases.map(\.path))
    }

    @Test("PowerOffice's paging rules: PageSize at most 20000, OData parameters rejected, 204 past the end")
    func pagingRules() async throws {
        let server = try makeServer(customers: 10)
        let token = try await requestToken(server)
        #expect(try await get(server, "Customers?PageNumber=1&PageSize=20001", token: token).status == 400)
        #expect(try await get(server, "Customers?$top=5", token: token).status == 400)
        #expect(try await get(server, "Customers?PageNumber=2&PageSize=10", token: token).status == 204)
        let (status, body, _) = try await get(server, "Customers", token: token)
        #expect(status == 200 && body == server.dataSet.jsonArray("Customers"))
    }

    @Test("expired or forgotten tokens get 401; unknown paths 404; non-GET 405")
    func tokensAndMethods() async throws {
        let server = try makeServer()
        let token = try await requestToken(server)
        #expect(try await get(server, "ProductGroups", token: token).status == 200)
        #expect(try await get(server, "Nothing", token: token).status == 404)
        server.expireAllTokens()
        #expect(try await get(server, "ProductGroups", token: token).status == 401)

        let shortLived = try makeServer { $0.tokenLifetime = 0.05 }
        let expiring = try await requestToken(shortLived)
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await get(shortLived, "ProductGroups", token: expiring).status == 401)

        var delete = URLRequest(url: server.apiURL.appendingPathComponent("Customers"))
        delete.httpMethod = "DELETE"
        delete.setValue(testKeys.subscriptionKey, forHTTPHeaderField: "Ocp-Apim-Subscription-Key")
        delete.setValue("Bearer \(try await requestToken(server))", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: delete)
        #expect((response as? HTTPURLResponse)?.statusCode == 405)
    }

    @Test("requests above the limit (the token request included) get 429 with Retry-After")
    func rateLimit() async throws {
        // 3 per 60 s rather than 10 per 1 s, so that a slow, busy test machine cannot spread the requests out.
        let server = try makeServer(rateLimited: true) { $0.rateLimit = (3, 60) }
        let token = try await requestToken(server)
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await get(server, "ProductGroups", token: token).status) }
        #expect(statuses == [200, 200, 429, 429])
        let limited = try await get(server, "ProductGroups", token: token)
        #expect(limited.status == 429 && limited.retryAfter == "1")
        #expect(String(decoding: limited.body, as: UTF8.self).contains("Rate limit is exceeded"))
    }

    @Test("several clients: a token serves the lists of the client it was issued for; the limit is the subscription key's")
    func severalClients() async throws {
        let other = FakeClient(
            clientKey: "CLIENTKEY-other-secret", clientName: "Måke Handel AS", clientId: "other-id",
            dataSet: .generated(customers: 7, seed: 7), invalidPrivileges: ["Product"])
        let server = try makeServer(customers: 10, rateLimited: true) {
            $0.otherClients = [other]
            $0.rateLimit = (4, 60)
        }
        let first = try await requestToken(server)
        let second = try await requestToken(server, clientKey: other.clientKey)
        #expect(try await get(server, "Customers", token: first).body == server.dataSet.jsonArray("Customers"))
        #expect(try await get(server, "Customers", token: second).body == other.dataSet.jsonArray("Customers"))
        #expect(server.dataSet(clientKey: other.clientKey) == other.dataSet)
        #expect(server.dataSet(clientKey: "unknown") == nil)
        // Five requests under one subscription key, two client keys: the fifth is over the limit of four.
        #expect(try await get(server, "Products", token: second).status == 429)

        let unlimited = try makeServer { $0.otherClients = [other] }
        let token = try await requestToken(unlimited, clientKey: other.clientKey)
        let (_, body, _) = try await get(unlimited, "ClientIntegrationInformation", token: token)
        let information = try JSONDecoder().decode(ClientIntegrationInformation.self, from: body)
        #expect(information.ClientName == "Måke Handel AS" && information.ClientId == "other-id")
        #expect(information.InvalidPrivileges == ["Product"])
        #expect(try await get(unlimited, "Products", token: token).status == 403)
        #expect(try await get(unlimited, "Products", token: try await requestToken(unlimited)).status == 200)
        let unknown = try await tokenAnswer(unlimited, clientKey: "CLIENTKEY-unknown")
        #expect(unknown.status == 400 && unknown.object?["error"] as? String == "invalid_client")
    }

    @Test("latency holds back every answer, and concurrent requests wait it out side by side")
    func latency() async throws {
        let latency = 0.05
        let server = try makeServer { $0.latency = latency }
        let clock = ContinuousClock()
        var start = clock.now
        let token = try await requestToken(server)
        #expect(clock.now - start >= .seconds(latency), "the token endpoint waits too")
        start = clock.now
        #expect(try await get(server, "ProductGroups", token: token).status == 200)
        #expect(clock.now - start >= .seconds(latency))

        // Served one at a time, a request would be taken in only once the one before was answered; side by side,
        // requests sent together are held back together. Counted at the fake (`mostAtOnce`), not timed; a longer
        // latency, so that a busy machine sending them late still finds the first ones waiting.
        let slow = try makeServer { $0.latency = 0.3 }
        let slowToken = try await requestToken(slow)
        let count = 5
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<count { group.addTask { try await get(slow, "ProductGroups", token: slowToken).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: count))
        #expect(slow.mostAtOnce(to: "/v2/ProductGroups") >= 2, "requests were taken in one at a time")
    }

    private func requestToken(
        _ server: FakePowerOfficeServer, clientKey: String = testKeys.clientKey
    ) async throws -> String {
        try #require(try await tokenAnswer(server, clientKey: clientKey).object?["access_token"] as? String)
    }

    /// The token endpoint's answer to a request with the test keys, but `clientKey` for the client key.
    private func tokenAnswer(
        _ server: FakePowerOfficeServer, clientKey: String
    ) async throws -> (status: Int, object: [String: Any]?) {
        var request = URLRequest(url: server.tokenURL)
        request.httpMethod = "POST"
        let basic = Data("\(testKeys.applicationKey):\(clientKey)".utf8).base64EncodedString()
        request.setValue("Basic \(basic)", forHTTPHeaderField: "Authorization")
        request.setValue(testKeys.subscriptionKey, forHTTPHeaderField: "Ocp-Apim-Subscription-Key")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data("grant_type=client_credentials".utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func get(
        _ server: FakePowerOfficeServer, _ target: String, token: String
    ) async throws -> (status: Int, body: Data, retryAfter: String?) {
        let url = try #require(URL(string: server.apiURL.absoluteString + "/" + target))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue(testKeys.subscriptionKey, forHTTPHeaderField: "Ocp-Apim-Subscription-Key")
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, data, http?.value(forHTTPHeaderField: "Retry-After"))
    }
}
