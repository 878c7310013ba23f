import Foundation

/// Writes `text` as UTF-8 to `relative` inside `folder`, making the folders on the way, and returns the file's URL:
/// for tests that lay out a snapshot, a configuration or a rule file by hand.
@discardableResult
public func write(_ text: String, to relative: String, in folder: URL) throws -> URL {
    let file = folder.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return file
}
