import FakePowerOffice
import Foundation
import PowerOfficeGo

/// Keys that are easy to search for: none of them may turn up outside the headers they belong in.
public let testKeys = FakePowerOfficeServer.Keys(
    applicationKey: "APPKEY-7c1e9d42-secret", clientKey: "CLIENTKEY-55aa13f0-secret",
    subscriptionKey: "SUBKEY-0d9b6e21-secret")

public let testCredentials = PowerOfficeCredentials(
    applicationKey: testKeys.applicationKey, clientKey: testKeys.clientKey, subscriptionKey: testKeys.subscriptionKey)

/// Every form a key could leak in: the raw keys and the Basic credentials made from them.
public let secretForms = [
    testKeys.applicationKey, testKeys.clientKey, testKeys.subscriptionKey,
    Data("\(testKeys.applicationKey):\(testKeys.clientKey)".utf8).base64EncodedString(),
]

/// A fake server with the test keys. `rateLimited` keeps PowerOffice's 10 requests per second; most tests turn it off
/// and shrink the client's waits, so that they run in milliseconds.
public func makeServer(
    customers: Int = 120, rateLimited: Bool = false,
    _ adjust: (inout FakePowerOfficeServer.Configuration) -> Void = { _ in }
) throws -> FakePowerOfficeServer {
    var configuration = FakePowerOfficeServer.Configuration()
    configuration.keys = testKeys
    if !rateLimited { configuration.rateLimit = nil }
    adjust(&configuration)
    return try FakePowerOfficeServer(dataSet: .generated(customers: customers), configuration: configuration)
}

/// A 400 answer with a ProblemDetails body whose `Detail` is `detail`, in which `{name}` stands for the request's
/// header `name`: a server that echoes what it was sent.
public func badRequest(detail: String) -> FakeFault {
    .answer(status: 400, contentType: "application/problem+json", body: #"{"Title":"Bad Request","Detail":"\#(detail)"}"#)
}

/// Requests to one path, e.g. `"/v2/Customers"`.
public func requests(_ server: FakePowerOfficeServer, to path: String) -> [RecordedRequest] {
    server.requests.filter { $0.path == path }
}
