import Foundation

/// One PowerOffice client the fake serves besides its first: a bureau's other client, with its own client key,
/// name, id, lists and missing privileges, under the integration's one application key and subscription key
/// (`FakePowerOfficeServer.Configuration.otherClients`).
///
/// A token is issued for the client whose key was in the token request, and the API's `GET`s with that token serve
/// that client's lists, as PowerOffice does; the rate limit still counts every request by its subscription key, so
/// that clients of one integration share it.
public struct FakeClient: Sendable, Hashable {
    public var clientKey: String
    public var clientName: String
    public var clientId: String
    public var dataSet: FakeDataSet
    /// As `FakePowerOfficeServer.Configuration.invalidPrivileges`, for this client.
    public var invalidPrivileges: [String]

    public init(
        clientKey: String, clientName: String, clientId: String = UUID().uuidString.lowercased(),
        dataSet: FakeDataSet = .generated(), invalidPrivileges: [String] = []
    ) {
        self.clientKey = clientKey
        self.clientName = clientName
        self.clientId = clientId
        self.dataSet = dataSet
        self.invalidPrivileges = invalidPrivileges
    }

    /// `count` clients that serve `dataSet` (one copy in memory, however many there are), named `Klient 1 AS` …
    /// with the client keys `demo-client-key-1` …: what `fake-poweroffice --clients N` adds, for trying and timing
    /// a bureau's fetch.
    public static func generated(_ count: Int, dataSet: FakeDataSet) -> [FakeClient] {
        (0..<max(0, count)).map { index in
            let number = index + 1
            let id = String(format: "00000000-0000-4000-8000-%012d", number)
            return FakeClient(
                clientKey: "demo-client-key-\(number)", clientName: "Klient \(number) AS", clientId: id, dataSet: dataSet)
        }
    }
}
