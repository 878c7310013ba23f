import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LedgerLintJSON
import LedgerLintText

/// The secrets of this run (the three keys, the Basic string made from two of them, and every access token issued),
/// and the one place where they are blanked out of text that leaves the process.
///
/// Everything that goes out passes through `redact`: stderr and stdout (`Console` in the command line), report and
/// baseline files, the snapshot's list files and manifest, and error messages (`PowerOfficeError`). A server may
/// echo a request header back in an error page, a proxy may put a token in its own page, and a customer's note
/// field may hold a pasted key: none of it is shown or stored as is.
///
/// Secrets shorter than `minimumLength` characters are not registered: blanking them wherever they appear would
/// blank ordinary words and numbers. Texts a server sent are also cleared of the run's own keys of any length
/// (`PowerOfficeCredentials.redactingKeys(in:)`), as before. Registration is process-wide and only grows: a secret
/// once seen stays blanked for the rest of the process.
public final class RunSecrets: @unchecked Sendable {
    /// The registry every part of the process uses.
    public static let shared = RunSecrets()
    /// Shorter secrets are left alone outside server texts; real keys and tokens are far longer.
    public static let minimumLength = 8
    /// What a secret is replaced with.
    public static let placeholder = "•••"

    // `secrets` is guarded by `lock`; texts are redacted from any thread.
    private let lock = NSLock()
    /// UTF-8 bytes of every registered form, longest first (so that a secret inside a longer one is blanked whole).
    private var secrets: [[UInt8]] = []

    public init() {}

    /// Adds `secret` (and its JSON-escaped form, when that differs) unless it is shorter than `minimumLength`.
    public func register(_ secret: String) {
        guard secret.count >= Self.minimumLength else { return }
        // JSON encoders may write "/" as "\/": a Basic string echoed inside a JSON page would otherwise slip by.
        let forms = Set([secret, secret.replacingOccurrences(of: "/", with: "\\/")])
        lock.withLock {
            for form in forms where !secrets.contains(Array(form.utf8)) {
                secrets.append(Array(form.utf8))
            }
            secrets.sort { $0.count > $1.count }
        }
    }

    /// Whether `text` is a registered secret (for tests).
    public func contains(_ text: String) -> Bool {
        lock.withLock { secrets.contains(Array(text.utf8)) }
    }

    /// `text` with every registered secret replaced by `placeholder`.
    public func redact(_ text: String) -> String {
        let bytes = Data(text.utf8)
        let redacted = redact(bytes)
        return redacted.count == bytes.count && redacted == bytes ? text : String(decoding: redacted, as: UTF8.self)
    }

    /// `data` with every registered secret replaced by the UTF-8 bytes of `placeholder`; `data` itself (no copy)
    /// when it holds none.
    ///
    /// Fast enough for every page of a large fetch (66 MB for 100 000 customers): each secret is looked for with
    /// `memchr` on the byte of it that is rarest in the data (counted on a sample), and compared in full only
    /// where that byte occurs, instead of comparing at every position.
    public func redact(_ data: Data) -> Data {
        let secrets = lock.withLock { self.secrets }
        guard let shortest = secrets.last?.count, data.count >= shortest else { return data }
        let matches = data.withUnsafeBytes { buffer -> [Range<Int>] in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return [] }
            return Self.matches(of: secrets, in: UnsafeBufferPointer(start: base, count: buffer.count))
        }
        guard !matches.isEmpty else { return data }
        let placeholder = Data(Self.placeholder.utf8)
        var output = Data(capacity: data.count)
        var copied = 0
        for range in matches {
            output.append(data[data.startIndex + copied..<data.startIndex + range.lowerBound])
            output.append(placeholder)
            copied = range.upperBound
        }
        output.append(data[(data.startIndex + copied)...])
        return output
    }

    /// `parts`, written one after another, with every registered secret replaced as `redact(_:)` replaces it in
    /// their bytes joined: the parts as they are when no secret is registered; else joined first, so that a secret
    /// that begins in one part and ends in the next is found too.
    public func redact(parts: [Data]) -> [Data] {
        guard parts.count > 1 else { return parts.map(redact) }
        guard lock.withLock({ !secrets.isEmpty }) else { return parts }
        var joined = Data(capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(part) }
        return [redact(joined)]
    }

    /// Where the secrets occur in `bytes`, as sorted ranges with overlapping ones merged.
    private static func matches(of secrets: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return [] }
        var frequency = [Int](repeating: 0, count: 256)
        var step = max(1, bytes.count / 65536)
        if step > 1 { step |= 1 }  // an odd stride, so that regular records do not always sample the same column
        var index = 0
        while index < bytes.count {
            frequency[Int(bytes[index])] += 1
            index += step
        }
        var found: [Range<Int>] = []
        for secret in secrets where secret.count <= bytes.count {
            // The anchor: the byte of the secret seen least often in the data.
            var anchor = 0
            for offset in secret.indices where frequency[Int(secret[offset])] < frequency[Int(secret[anchor])] {
                anchor = offset
            }
            secret.withUnsafeBufferPointer { needle in
                guard let needleBase = needle.baseAddress else { return }
                let anchorByte = Int32(needle[anchor])
                // Anchor positions that leave room for the whole secret around them.
                var position = anchor
                let last = bytes.count - needle.count + anchor
                while position <= last {
                    guard let hit = memchr(base + position, anchorByte, last - position + 1) else { break }
                    let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                    let start = at - anchor
                    if memcmp(base + start, needleBase, needle.count) == 0 {
                        found.append(start..<start + needle.count)
                        position = at + needle.count
                    } else {
                        position = at + 1
                    }
                }
            }
        }
        guard found.count > 1 else { return found }
        found.sort { $0.lowerBound < $1.lowerBound }
        var merged = [found[0]]
        for range in found.dropFirst() {
            if let previous = merged.last, range.lowerBound < previous.upperBound {
                merged[merged.count - 1] = previous.lowerBound..<max(previous.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
