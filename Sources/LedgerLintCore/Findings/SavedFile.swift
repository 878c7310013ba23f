import Foundation
import LedgerLintJSON
import LedgerLintText

/// A file LedgerLint writes and reads back: a baseline, a JSON report. It carries the version of its format.
protocol SavedFile: Decodable {
    var version: Int { get }
}

extension SavedFile {
    /// Reads one strictly where the type says so (unknown keys refused only for a strict type), naming the option
    /// that writes it when the file is not shaped like one.
    static func read(from url: URL, writtenBy option: String, strict: Bool = true) throws(SavedFileError) -> Self
    {
        let path = url.relativePath
        // Said after what is wrong, whether the file is not JSON at all or JSON of another shape: the likeliest cause
        // is another file given in its place.
        let which = isItWrittenBy(option)
        let file: Self
        do {
            guard let read = try JSONInput.decodeFile(Self.self, at: url, strict: strict) else {
                throw SavedFileError.notFound(path: path)
            }
            file = read
        } catch let error as SavedFileError {
            throw error
        } catch JSONError.malformedJSON(_, let line, let column, let reason) {
            throw .unreadable(.malformedJSON(path: path, line: line, column: column, reason: reason + which))
        } catch JSONError.unexpectedJSON(_, let jsonPath, let reason) {
            throw .unreadable(.unexpectedJSON(path: path, jsonPath: jsonPath, reason: reason + which))
        } catch let error as JSONError {
            throw .unreadable(error)
        } catch {
            throw .unreadable(.unexpectedJSON(path: path, jsonPath: "", reason: LocalizedText(describing: error)))
        }
        guard file.version == FileVersion.supported else { throw .unsupportedVersion(path: path, version: file.version) }
        return file
    }

    /// ` (is this a file written by --write-baseline?)`: said after what is wrong with a file of the wrong shape.
    static func isItWrittenBy(_ option: String) -> LocalizedText {
        LocalizedText(en: " (is this a file written by \(option)?)", nb: " (er dette en fil skrevet av \(option)?)")
    }
}

extension Baseline: SavedFile {}
