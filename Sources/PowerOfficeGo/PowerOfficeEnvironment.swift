import Foundation
import LedgerLintJSON
import LedgerLintText

/// The PowerOffice Go environment a run reads from.
///
/// The three keys belong to one environment: demo keys are refused by production and the other way round, with the
/// same `invalid_client` answer as a wrong key, so the environment is part of every key error's message.
public enum PowerOfficeEnvironment: String, Sendable, Hashable, CaseIterable, Codable {
    case production
    case demo

    /// The v2 API base URL; resource paths (`/Customers`) are appended to it.
    public var apiURL: URL {
        switch self {
        case .production: return Self.url("https://goapi.poweroffice.net/v2")
        case .demo: return Self.url("https://goapi.poweroffice.net/Demo/v2")
        }
    }

    /// The OAuth2 token endpoint.
    public var tokenURL: URL {
        switch self {
        case .production: return Self.url("https://goapi.poweroffice.net/OAuth/Token")
        case .demo: return Self.url("https://goapi.poweroffice.net/Demo/OAuth/Token")
        }
    }

    /// The environment `text` was probably meant to name (`prod`, `Produktion`, `dmeo`), for a "did you mean".
    public static func closest(to text: String) -> Self? {
        Suggestion.closest(to: text.trimmingCharacters(in: .whitespaces), in: allCases.map(\.rawValue)).first
            .flatMap(Self.init(rawValue:))
    }

    private static func url(_ constant: StaticString) -> URL {
        guard let url = URL(string: "\(constant)") else { preconditionFailure("bad URL constant \(constant)") }
        return url
    }
}
