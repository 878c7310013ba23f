import Foundation
import LedgerLintCore
import LedgerLintJSON
import LedgerLintText
import PowerOfficeGo

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reports of a check of many clients (the main one and every `--report`), written a client at a time: each
/// client's part goes to a temporary file as soon as the client is checked, and `finish` puts every report together
/// from the parts and the roll-up. So the run holds one client's findings, never every client's.
///
/// The temporary files are unlinked as soon as they are made and read back through their descriptors, so nothing
/// is left behind, whatever stops the run. As with one snapshot's reports, nothing is written to a report's place
/// until every report is put together: each file report is written beside its target and renamed into place, then
/// stdout (or a device or pipe named as `--output`) gets its report.
final class ClientsReportFiles {
    /// One report: where it goes (`nil`: stdout), its format's renderer, and its sections' files.
    private struct Target {
        var path: String?
        var renderer: any ClientsRenderer
        var sections: [String: FileHandle] = [:]
    }

    private var targets: [Target]

    /// - Parameter targets: each report, by path (`nil` for stdout) and the reporter of its format.
    init(_ targets: [(path: String?, reporter: any Reporter)]) {
        self.targets = targets.map { Target(path: $0.path, renderer: $0.reporter.clientsRenderer()) }
    }

    /// Writes `client`'s part of every report.
    func add(_ client: ClientsReport.Client, rollUp: ClientsRollUp) throws(OutputError) {
        for index in targets.indices {
            for part in targets[index].renderer.add(client, rollUp: rollUp) {
                let file = try section(part.section, of: index)
                do {
                    try file.write(contentsOf: RunSecrets.shared.redact(Data(part.text.utf8)))
                } catch {
                    throw OutputError.cannotWrite(path: targets[index].path ?? "-", reason: LocalizedText(describing: error))
                }
            }
        }
    }

    /// Puts every report together and writes it: the file reports first, each renamed into place once all are
    /// written, then the one for stdout or a device.
    func finish(_ rollUp: ClientsRollUp) throws(OutputError) {
        var staged: [(Int, OutputFile)] = []
        var inPlace: [(Int, OutputFile?)] = []
        do throws(OutputError) {
            for index in targets.indices {
                guard let path = targets[index].path, path != "-" else {
                    inPlace.append((index, nil))
                    continue
                }
                var file = try OutputFile(path)
                if file.inPlace {
                    inPlace.append((index, file))
                    continue
                }
                try assemble(index, rollUp: rollUp) { data throws(OutputError) in try file.write(data) }
                staged.append((index, file))
            }
        } catch {
            for (_, var file) in staged { file.discard() }
            throw error
        }
        for position in staged.indices {
            do throws(OutputError) {
                try staged[position].1.commit()
            } catch {
                // The reports not yet renamed into place are left as they were, with no temporary file beside them.
                for later in staged.indices where later > position { staged[later].1.discard() }
                throw error
            }
        }
        for (index, file) in inPlace {
            guard var file else {
                try assemble(index, rollUp: rollUp) { data in FileHandle.standardOutput.write(data) }
                continue
            }
            try assemble(index, rollUp: rollUp) { data throws(OutputError) in try file.write(data) }
            try file.commit()
        }
    }

    /// The report of target `index`, in pieces to `write`: its own text redacted, its sections' parts as written.
    private func assemble(_ index: Int, rollUp: ClientsRollUp, write: (Data) throws(OutputError) -> Void) throws(OutputError) {
        let target = targets[index]
        for piece in target.renderer.finish(rollUp) {
            switch piece {
            case .text(let text):
                try write(RunSecrets.shared.redact(Data(text.utf8)))
            case .section(let name):
                guard let file = target.sections[name] else { continue }
                do {
                    try file.seek(toOffset: 0)
                    while let chunk = try file.read(upToCount: 1 << 20), !chunk.isEmpty { try write(chunk) }
                } catch let error as OutputError {
                    throw error
                } catch {
                    throw OutputError.cannotWrite(path: target.path ?? "-", reason: LocalizedText(describing: error))
                }
            }
        }
    }

    /// The file of section `name` of target `index`: made and unlinked the first time.
    private func section(_ name: String, of index: Int) throws(OutputError) -> FileHandle {
        if let file = targets[index].sections[name] { return file }
        var template = Array((NSTemporaryDirectory() + "/ledgerlint-report-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw OutputError.cannotWrite(
                path: NSTemporaryDirectory(),
                reason: InputFile.systemReason(errno))
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        targets[index].sections[name] = file
        return file
    }
}
