import Foundation

/// The fake's endpoints: the token endpoint and the v2 `GET`s. Called with the server's lock held.
extension FakePowerOfficeServer {
    private static var invalidSubscription: [String: Any] {
        [
            "statusCode": 401,
            "message":
                "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
        ]
    }

    /// - Parameter variant: for `FakeFault.ignorePageNumber`, which answer this is (rows reordered and marked).
    func route(_ request: HTTPRequest, now: Date, variant: Int? = nil) -> HTTPResponse {
        let keys = configuration.keys
        guard request.headers["ocp-apim-subscription-key"] == keys.subscriptionKey else {
            return .json(401, Self.invalidSubscription)
        }
        if request.path == Self.tokenPath { return token(request, now: now) }
        guard request.path.hasPrefix(Self.apiPath + "/") else {
            return .problem(404, title: "Not found", detail: "No endpoint at \(request.path)")
        }
        guard request.method == "GET" else {
            return .problem(405, title: "Method not allowed", detail: "The fake serves GET only")
        }
        guard let index = client(of: request, now: now) else {
            return HTTPResponse(status: 401, headers: [("WWW-Authenticate", "Bearer")])
        }
        let client = clients[index]
        let name = String(request.path.dropFirst(Self.apiPath.count + 1))
        if name == "ClientIntegrationInformation" {
            let invalid = client.invalidPrivileges
            let valid = Self.allPrivileges.flatMap { [$0, $0 + "_Full"] }.filter { !invalid.contains($0) }
            return .json(
                200,
                [
                    "ClientId": client.clientId, "ClientName": client.clientName,
                    "ActiveClientSubscriptions": ["Accounting", "Invoicing"], "ValidPrivileges": valid,
                    "InvalidPrivileges": invalid,
                ])
        }
        guard let privilege = Self.privilege(for: name) else {
            return .problem(404, title: "Not found", detail: "No endpoint at \(request.path)")
        }
        if client.invalidPrivileges.contains(privilege) {
            return .problem(
                403, title: "Forbidden",
                detail: "The integration does not have the required privilege to use this endpoint")
        }
        return page(of: name, in: client.dataSet, query: request.query, variant: variant)
    }

    /// The index in `clients` of the client that `request`'s bearer token was issued for, if the token is valid.
    func client(of request: HTTPRequest, now: Date) -> Int? {
        guard let bearer = request.headers["authorization"], bearer.hasPrefix("Bearer "),
            let token = tokens[String(bearer.dropFirst(7))], token.expiry > now
        else { return nil }
        return token.client
    }

    private func token(_ request: HTTPRequest, now: Date) -> HTTPResponse {
        guard request.method == "POST" else {
            return .problem(405, title: "Method not allowed", detail: "The token endpoint takes POST")
        }
        let form = String(decoding: request.body, as: UTF8.self)
        guard request.headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true,
            form.split(separator: "&").contains("grant_type=client_credentials")
        else {
            return .json(400, ["error": "unsupported_grant_type"])
        }
        let applicationKey = configuration.keys.applicationKey
        let client = clients.firstIndex {
            request.headers["authorization"]
                == "Basic " + Data("\(applicationKey):\($0.clientKey)".utf8).base64EncodedString()
        }
        guard let client else {
            return .json(
                400,
                [
                    "error": "invalid_client",
                    "error_description":
                        "Client integration not found. Please ensure the provided keys are matching the desired environment.",
                ])
        }
        let token =
            UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        tokens[token] = (now.addingTimeInterval(configuration.tokenLifetime), client)
        issuedTokens += 1
        return .json(
            200,
            [
                "access_token": token, "token_type": "bearer",
                "expires_in": Int(configuration.tokenLifetime.rounded(.up)),
            ])
    }

    private func page(of name: String, in data: FakeDataSet, query: [String: String], variant: Int?) -> HTTPResponse {
        if let odata = query.keys.first(where: { $0.hasPrefix("$") || $0.hasPrefix("%24") }) {
            return .problem(400, title: "Bad request", detail: "OData parameter \(odata) is not supported in v2")
        }
        // The lists are kept in Id order: that order is all the fake can sort by.
        if let orderBy = query["OrderBy"], !["Id", "Id%20asc", "Id+asc"].contains(orderBy) {
            return .problem(400, title: "Bad request", detail: "OrderBy '\(orderBy)': the fake orders by Id (ascending) only")
        }
        guard let pageNumber = Int(query["PageNumber"] ?? "1"), pageNumber >= 1,
            let pageSize = Int(query["PageSize"] ?? "5000"), pageSize >= 1
        else {
            return .problem(
                400, title: "Unable to cast object(s)", detail: "PageNumber and PageSize must be positive numbers")
        }
        guard pageSize <= 20000 else {
            return .problem(400, title: "Bad request", detail: "PageSize can not be larger than MaxPageSize (20000)")
        }
        let total = data.lists[name]?.count ?? 0
        let start = min((pageNumber - 1) * pageSize, total)
        let end = min(start + pageSize, total)
        guard start < end else { return HTTPResponse(status: 204) }
        var headers: [(String, String)] = []
        if configuration.paginationHeader {
            let pages = (total + pageSize - 1) / pageSize
            headers.append(
                (
                    "X-Pagination",
                    #"{"TotalCount":\#(total),"PageSize":\#(pageSize),"CurrentPage":\#(pageNumber),"TotalPages":\#(pages)}"#
                ))
        }
        return HTTPResponse(
            status: 200, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: data.page(name, from: start, to: end, variant: variant))
    }

    static func privilege(for name: String) -> String? {
        switch name {
        case "Customers": return "Customer"
        case "Products", "ProductGroups": return "Product"
        case "GeneralLedgerAccounts": return "GeneralLedgerAccount"
        case "SubLedgerNumberSeries", "OrganizationSettings", "VatCodes": return "CommonServices"
        default: return nil
        }
    }
}
