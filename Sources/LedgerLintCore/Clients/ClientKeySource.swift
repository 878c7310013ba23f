import Foundation

/// Where one client's PowerOffice client key is kept, as a clients file says: never the key itself, so that the
/// file can be shared, reviewed and committed.
public enum ClientKeySource: Sendable, Hashable {
    /// An environment variable (`clientKeyEnv`), such as a CI secret.
    case environment(String)
    /// A file holding the key alone (`clientKeyFile`), resolved against the clients file's folder; refused unless only
    /// its owner can read it, as `--credentials` files are.
    case file(URL)

    /// The variable or the file's path, as messages name it: never a key.
    public var name: String {
        switch self {
        case .environment(let variable): variable
        case .file(let url): url.path
        }
    }
}
