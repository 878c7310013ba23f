import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LedgerLintText

/// The one way LedgerLint opens a file it was given to read: snapshot files, `ledgerlint.json`, rule files,
/// baselines.
///
/// Only regular files are read. Opening a named pipe (FIFO) for reading waits until something writes to it, which
/// for a CI job means for ever; a device or socket is no better. So a file is opened without waiting
/// (`O_NONBLOCK`, which regular files ignore), looked at through the open descriptor (no window between looking and
/// reading), and refused unless it is a regular file. Each error domain turns a `Problem` into its own error with
/// the path as the user gave it.
public enum InputFile {
    /// Why a path cannot be read as a file; `reason` reads after "cannot be read: ".
    public struct Problem: Error, Sendable, Hashable {
        public var reason: LocalizedText
        /// There is nothing at the path (optional files are then simply absent).
        public var isMissing: Bool
    }

    /// What is at a path, following symbolic links.
    public enum Kind: Sendable, Hashable {
        case missing
        case file
        case folder
        /// A FIFO, device or socket, described for messages (`a named pipe (FIFO)`).
        case other(LocalizedText)
    }

    /// What is at `path`.
    public static func kind(at path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return kind(of: status.st_mode)
    }

    private static func kind(of mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFIFO: .other(LocalizedText(en: "a named pipe (FIFO)", nb: "et navngitt rør (FIFO)"))
        case S_IFCHR, S_IFBLK: .other(LocalizedText(en: "a device", nb: "en enhet"))
        case S_IFSOCK: .other(LocalizedText(en: "a socket", nb: "en socket"))
        default: .other(LocalizedText(en: "not a regular file", nb: "ikke en vanlig fil"))
        }
    }

    /// Opens the regular file at `path` for reading and returns its descriptor and size; the caller closes it.
    ///
    /// - Throws: `Problem` when there is no file, it cannot be opened, or it is not a regular file.
    static func openForReading(_ path: String) throws(Problem) -> (descriptor: Int32, size: Int) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw Problem(reason: code == ENOENT ? Self.noSuchFile : systemReason(code), isMissing: code == ENOENT)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = systemReason(errno)
            close(descriptor)
            throw Problem(reason: reason, isMissing: false)
        }
        switch kind(of: status.st_mode) {
        case .file:
            return (descriptor, Int(status.st_size))
        case .folder:
            close(descriptor)
            throw Problem(reason: LocalizedText(en: "it is a folder, not a file", nb: "det er en mappe, ikke en fil"), isMissing: false)
        case .other(let what):
            close(descriptor)
            throw Problem(
                reason: LocalizedText(
                    en: "it is \(what.en), not a regular file; only regular files are read",
                    nb: "det er \(what.nb), ikke en vanlig fil; bare vanlige filer leses"),
                isMissing: false)
        case .missing:
            close(descriptor)
            throw Problem(reason: Self.noSuchFile, isMissing: true)
        }
    }

    package static let noSuchFile = LocalizedText(en: "no such file", nb: "filen finnes ikke")

    /// What the system says of the `errno` under a Foundation error (its `NSUnderlyingErrorKey`), when there is one:
    /// Foundation's own texts are English only.
    public static func systemReason(of error: any Error) -> LocalizedText? {
        guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        else { return nil }
        return systemReason(Int32(underlying.code))
    }

    /// What the system says of `code` (an `errno`), in both languages for the problems a user meets (no access, a
    /// full disk), else as the system says it, in English.
    public static func systemReason(_ code: Int32) -> LocalizedText {
        let english = String(cString: strerror(code))
        switch code {
        case ENOENT: return LocalizedText(en: english, nb: "finnes ikke")
        case EACCES, EPERM: return LocalizedText(en: english, nb: "ingen tilgang")
        case EISDIR: return LocalizedText(en: english, nb: "det er en mappe")
        case ENOTDIR: return LocalizedText(en: english, nb: "en del av stien er ikke en mappe")
        case ENOSPC: return LocalizedText(en: english, nb: "ikke mer plass på disken")
        case EROFS: return LocalizedText(en: english, nb: "filsystemet er skrivebeskyttet")
        case EEXIST: return LocalizedText(en: english, nb: "finnes allerede")
        case ENAMETOOLONG: return LocalizedText(en: english, nb: "navnet er for langt")
        case EIO: return LocalizedText(en: english, nb: "inn-/utdatafeil")
        default: return LocalizedText(verbatim: english)
        }
    }

    /// The bytes of the regular file at `path`.
    ///
    /// - Throws: `Problem`, as `open`, or when reading fails.
    public static func read(_ path: String) throws(Problem) -> Data {
        let (descriptor, size) = try openForReading(path)
        defer { close(descriptor) }
        var data = Data(count: size)
        var filled = 0
        // The size may change while reading: read until the end, growing past `size` if need be.
        while true {
            if filled == data.count { data.count += max(4096, data.count / 2) }
            let count = data.withUnsafeMutableBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return readBytes(descriptor, base + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Problem(reason: systemReason(errno), isMissing: false)
            }
            if count == 0 { break }
            filled += count
        }
        data.count = filled
        return data
    }
}

/// The system's `read`, which `InputFile.read` hides inside the type.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
