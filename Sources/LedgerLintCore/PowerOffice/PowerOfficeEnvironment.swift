import Foundation

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
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard typed.count >= 2 else { return nil }
        return allCases.first { $0.rawValue.hasPrefix(typed) || typed.hasPrefix($0.rawValue) }
            ?? allCases.first { editDistance(Array(typed), Array($0.rawValue)) <= 2 }
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    private static func url(_ constant: StaticString) -> URL {
        guard let url = URL(string: "\(constant)") else { preconditionFailure("bad URL constant \(constant)") }
        return url
    }
}
