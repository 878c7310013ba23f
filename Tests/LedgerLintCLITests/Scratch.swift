import Foundation

/// Temporary files and folders for one test, removed when the test's suite instance goes away (Swift Testing makes
/// one instance per test), so runs leave nothing behind in the temporary directory.
final class Scratch: @unchecked Sendable {
    // Only touched from the test that owns the instance.
    private var made: [URL] = []

    /// A new, unused path in the temporary directory; nothing is created.
    func url(_ prefix: String, extension pathExtension: String = "") -> URL {
        var url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        if !pathExtension.isEmpty { url.appendPathExtension(pathExtension) }
        made.append(url)
        return url
    }

    /// A new, empty folder.
    func folder(_ prefix: String) throws -> URL {
        let folder = url(prefix)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A copy of the demo snapshot to change freely.
    func demoCopy() throws -> URL {
        let copy = url("ledgerlint-demo")
        try FileManager.default.copyItem(atPath: CommandLineTests.demo, toPath: copy.path)
        return copy
    }

    deinit {
        for url in made { try? FileManager.default.removeItem(at: url) }
    }
}
