import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LedgerLintJSON
import LedgerLintText

/// The rate budget of one subscription key, shared through a small file by every LedgerLint process on this machine
/// that uses the key.
///
/// PowerOffice allows 10 requests per second per subscription key, however many processes send them: four
/// `fetch`es at once, each keeping its own 10 per second, sent four times that and failed on 429s. The file holds
/// the times at which the last requests with the key were sent (`MonotonicTime`, in nanoseconds, one a line). A
/// process locks it (`flock`), reads it, adds its request if every window allows one more and writes it back, or
/// learns when one would fit; so together the processes keep to the limit that each keeps alone.
///
/// The file is named after the key's SHA-256 (`rate-` and the first 16 bytes in hex), never the key itself, in
/// `ledgerlint/` under `$XDG_RUNTIME_DIR`, else `$XDG_CACHE_HOME`, else `~/.cache` (`defaultFolder(environment:)`),
/// and only its owner may read it. Described in docs/poweroffice-fetch.md ("Rate limit").
public final class SharedRateBudget: @unchecked Sendable {
    /// The most send times kept in the file: more than any limit a run uses needs.
    static let keptTimes = 64

    public let file: URL
    private let descriptor: Int32

    /// Opens, creating it if needed, the budget of `subscriptionKey` in `folder` (created too, private to the user);
    /// `nil` when that cannot be done, and the limit then holds within this process only.
    public init?(folder: URL, subscriptionKey: String) {
        file = folder.appendingPathComponent("rate-" + SHA256.hex(Array(subscriptionKey.utf8)).prefix(32))
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }

    /// `ledgerlint/` in the user's runtime folder (`$XDG_RUNTIME_DIR`: in memory, cleared at logout), else cache
    /// folder (`$XDG_CACHE_HOME`, else `$HOME/.cache`); `nil` if the environment names none of them.
    public static func defaultFolder(environment: [String: String]) -> URL? {
        func folder(_ variable: String) -> URL? {
            guard let path = environment[variable], path.hasPrefix("/") else { return nil }
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let base =
            folder("XDG_RUNTIME_DIR") ?? folder("XDG_CACHE_HOME")
            ?? folder("HOME").map { $0.appendingPathComponent(".cache", isDirectory: true) }
        return base?.appendingPathComponent("ledgerlint", isDirectory: true)
    }

    /// Records a request sent now and returns `nil`, or returns when one would fit in `limit`, counting every
    /// process's requests.
    func record(limit: RateLimit) -> Duration? {
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        // Read under the lock: a time another process wrote is then never later than this one.
        let now = MonotonicTime.now()
        // Times after now were written before the machine last started: the clock began again from zero.
        var times = readTimes().filter { $0 <= now }
        let slot = limit.nextSlot(after: times, at: now)
        guard slot <= now else { return slot }
        times.append(now)
        writeTimes(times.suffix(Self.keptTimes))
        return nil
    }

    /// The times in the file, ascending; none for an empty or unreadable file.
    private func readTimes() -> [Duration] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return [] }
        return String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n")
            .compactMap { Int64($0).map(Duration.nanoseconds) }.sorted()
    }

    private func writeTimes(_ times: some Sequence<Duration>) {
        let text = Array(times.map { String(MonotonicTime.nanoseconds($0)) + "\n" }.joined().utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }
}
