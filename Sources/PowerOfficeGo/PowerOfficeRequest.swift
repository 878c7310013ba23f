import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import LedgerLintJSON
import LedgerLintText

/// A request LedgerLint may send to PowerOffice Go: a `GET`, or the OAuth2 token `POST`. Nothing else.
///
/// This is what makes the client read-only by construction: the initialiser is private, the two factories are the
/// only way to make a request, and the transport sends nothing but a `PowerOfficeRequest`.
struct PowerOfficeRequest: Sendable {
    let urlRequest: URLRequest

    private init(_ urlRequest: URLRequest) {
        self.urlRequest = urlRequest
    }

    /// `GET url` with the bearer token and the subscription key.
    static func get(
        _ url: URL, accessToken: String, credentials: PowerOfficeCredentials, timeout: TimeInterval
    ) -> Self {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        request.setValue("Bearer \(accessToken)", forHTTPHeaderField: "Authorization")
        request.setValue(credentials.subscriptionKey, forHTTPHeaderField: "Ocp-Apim-Subscription-Key")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return Self(request)
    }

    /// The client-credentials token request: `POST url`, Basic auth with the application and client key, the
    /// subscription key, and the form body `grant_type=client_credentials`.
    static func token(_ url: URL, credentials: PowerOfficeCredentials, timeout: TimeInterval) -> Self {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue(credentials.basicAuthorization, forHTTPHeaderField: "Authorization")
        request.setValue(credentials.subscriptionKey, forHTTPHeaderField: "Ocp-Apim-Subscription-Key")
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data("grant_type=client_credentials".utf8)
        return Self(request)
    }

    /// The URL as error messages show it: scheme, host, port and path, without query or user info.
    var displayURL: String {
        guard let url = urlRequest.url else { return "?" }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.user = nil
        components?.password = nil
        return components?.string ?? url.path
    }
}
