import Foundation

/// Temporary files and folders for one test, removed when the test's suite instance goes away (Swift Testing makes
/// one instance per test), so runs leave nothing behind in the temporary directory.
public final class Scratch: @unchecked Sendable {
    // Only touched from the test that owns the instance.
    private var made: [URL] = []

    public init() {}

    /// A new, unused path in the temporary directory; nothing is created.
    public func url(_ prefix: String, extension pathExtension: String = "") -> URL {
        var url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        if !pathExtension.isEmpty { url.appendPathExtension(pathExtension) }
        made.append(url)
        return url
    }

    /// A new, empty folder.
    public func folder(_ prefix: String) throws -> URL {
        let folder = url(prefix)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the folder at `path` (a snapshot, say) to change freely.
    public func copy(of path: String, as prefix: String) throws -> URL {
        let copy = url(prefix)
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        return copy
    }

    deinit {
        for url in made { try? FileManager.default.removeItem(at: url) }
    }
}
