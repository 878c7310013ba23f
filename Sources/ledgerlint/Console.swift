import Foundation

/// stdout carries the report only; everything else goes to stderr.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether colour may be used on stdout: a terminal, and `NO_COLOR` not set (any value, per no-color.org).
    static func colorAllowed(environment: [String: String]) -> Bool {
        environment["NO_COLOR"] == nil && isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
    }

    /// Writes a file atomically: a temporary file renamed into place, never a half-written file.
    static func writeFile(_ data: Data, to path: String) throws(OutputError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw OutputError.cannotWrite(path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
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
