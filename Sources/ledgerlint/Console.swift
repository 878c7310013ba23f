import Foundation
import LedgerLintCore
import LedgerLintText
import LedgerLintJSON
import PowerOfficeGo

/// stdout carries the report only; everything else goes to stderr.
///
/// Everything written here, to the terminal or to a file, passes through `RunSecrets` first: the one exit where
/// the run's keys and access tokens are blanked, whatever text carries them.
enum Console {
    /// The language of the run (`--lang`, else `LANG`), set once by `CommandLineTool.run` before anything is
    /// parsed or written, and only read after: for lines written where no command's options are at hand (an
    /// interrupt, a retry).
    nonisolated(unsafe) static var language = Language.en

    static func output(_ text: String) {
        FileHandle.standardOutput.write(RunSecrets.shared.redact(Data(text.utf8)))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(RunSecrets.shared.redact(Data(text.utf8)))
    }

    /// One line for the user on stderr, `ledgerlint: ` in front: an error or a warning. The text may quote data
    /// (a cell, a key, a server's answer), so control characters are made harmless as in the text report.
    static func diagnostic(_ message: String) {
        error("ledgerlint: " + TerminalText.sanitized(message) + "\n")
    }

    /// The same, in the language of the run.
    static func diagnostic(_ message: LocalizedText) {
        diagnostic(message[language])
    }

    /// Whether colour may be used on stdout: a terminal, and `NO_COLOR` not set (any value, per no-color.org).
    static func colorAllowed(environment: [String: String]) -> Bool {
        environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// Writes a file atomically: a temporary file beside it, renamed into place, so readers see the old file or
    /// the new one and never half of one. (Foundation's `.atomic` on Linux leaves a folder behind in /tmp for
    /// every write.)
    ///
    /// A symbolic link is followed, so the file it points to is replaced rather than the link. A target that is no
    /// regular file (`/dev/stdout`, a named pipe another program reads) is written to as it is: renaming over it
    /// would replace the device itself.
    static func writeFile(_ data: Data, to path: String) throws(OutputError) {
        // Redacted before any way of writing is chosen, so that every way writes the redacted bytes.
        let data = RunSecrets.shared.redact(data)
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        if case .other = InputFile.kind(at: target.path) {
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw OutputError.cannotWrite(path: path, reason: InputFile.systemReason(errno))
            }
            do {
                try handle.write(contentsOf: data)
                try handle.close()
            } catch {
                throw OutputError.cannotWrite(path: path, reason: LocalizedText(describing: error))
            }
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
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else {
                let reason = InputFile.systemReason(errno)
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            let posix = InputFile.systemReason(of: error)
            let english = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw OutputError.cannotWrite(path: path, reason: LocalizedText(en: english, nb: posix?.nb ?? english))
        }
    }

    /// Writes a report to `--output` atomically (never a half-written file), or to stdout.
    static func write(_ text: String, to path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            output(text)
            return
        }
        try writeFile(Data(text.utf8), to: path)
    }
}
