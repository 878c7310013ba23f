import Foundation
import LedgerLintJSON
import LedgerLintText
import PowerOfficeGo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file the run writes, written atomically: into a temporary file beside it, renamed into place by `commit`, so
/// readers see the old file or the new one and never half of one. (Foundation's `.atomic` on Linux leaves a folder
/// behind in /tmp for every write.)
///
/// A symbolic link is followed, so the file it points to is replaced rather than the link. A target that is no
/// regular file (`/dev/stdout`, a named pipe another program reads) is written to as it is (`inPlace`): renaming
/// over it would replace the device itself. What is written here is not redacted; `Console` redacts first.
struct OutputFile {
    /// The path as the command line named it, for messages.
    let path: String
    let target: URL
    /// Where the bytes go until `commit`; `nil` when the target is written in place.
    let temporary: URL?
    private var handle: FileHandle?

    /// Whether the target is written as it is, not replaced.
    var inPlace: Bool { temporary == nil }

    /// Checks that the file can be written where `path` says, and starts it.
    init(_ path: String) throws(OutputError) {
        self.path = path
        target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        if case .other = InputFile.kind(at: target.path) {
            temporary = nil
            return
        }
        let folder = target.deletingLastPathComponent()
        guard InputFile.kind(at: folder.path) == .folder else {
            // Foundation would say "The file doesn't exist", of the temporary file.
            throw OutputError.cannotWrite(
                path: path,
                reason: LocalizedText(
                    en: "there is no folder \(folder.path); create it first, or write somewhere else",
                    nb: "mappen \(folder.path) finnes ikke; opprett den først, eller skriv et annet sted"))
        }
        temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    }

    /// Appends `data`.
    mutating func write(_ data: Data) throws(OutputError) {
        do {
            if handle == nil {
                if let temporary {
                    guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                        throw OutputError.cannotWrite(path: path, reason: InputFile.systemReason(errno))
                    }
                }
                guard let opened = FileHandle(forWritingAtPath: (temporary ?? target).path) else {
                    throw OutputError.cannotWrite(path: path, reason: InputFile.systemReason(errno))
                }
                handle = opened
            }
            try handle?.write(contentsOf: data)
        } catch let error as OutputError {
            discard()
            throw error
        } catch {
            discard()
            throw cannotWrite(error)
        }
    }

    /// Puts the file in place: renames the temporary file over the target.
    mutating func commit() throws(OutputError) {
        if handle == nil { try write(Data()) }
        do {
            try handle?.close()
            handle = nil
        } catch {
            discard()
            throw cannotWrite(error)
        }
        guard let temporary else { return }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = InputFile.systemReason(errno)
            discard()
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Leaves the target as it was: the temporary file is removed.
    mutating func discard() {
        try? handle?.close()
        handle = nil
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    private func cannotWrite(_ error: any Error) -> OutputError {
        let posix = InputFile.systemReason(of: error)
        let english = (error as NSError).localizedFailureReason ?? error.localizedDescription
        return OutputError.cannotWrite(path: path, reason: LocalizedText(en: english, nb: posix?.nb ?? english))
    }
}
