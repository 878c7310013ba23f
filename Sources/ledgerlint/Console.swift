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

    static func output(_ text: String) { output(Data(text.utf8)) }

    static func output(_ data: Data) { output([data]) }

    /// A report's parts, one after another.
    static func output(_ parts: [Data]) {
        for part in RunSecrets.shared.redact(parts: parts) { FileHandle.standardOutput.write(part) }
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

    /// Writes a file atomically (`OutputFile`), redacted.
    static func writeFile(_ data: Data, to path: String) throws(OutputError) {
        try writeFile([data], to: path)
    }

    /// The same, of a report's parts one after another.
    static func writeFile(_ parts: [Data], to path: String) throws(OutputError) {
        var file = try OutputFile(path)
        for part in RunSecrets.shared.redact(parts: parts) { try file.write(part) }
        try file.commit()
    }

    /// Writes a report, in its parts, to `--output` atomically (never a half-written file), or to stdout.
    static func write(_ report: [Data], to path: String?) throws(OutputError) {
        guard let path, path != "-" else {
            output(report)
            return
        }
        try writeFile(report, to: path)
    }
}
