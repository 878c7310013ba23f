import Foundation
import Testing
import LedgerLintTestSupport

/// The samples in `docs/` are what the tool prints: each one follows a marker naming the command that makes it,
///
///     <!-- sample: check examples/demo --key 5020 -->
///     ```
///     …what `ledgerlint check examples/demo --key 5020` prints, run from the package root…
///     ```
///
/// and this test runs that command and compares. `LEDGERLINT_RECORD=1` rewrites the samples in place instead (and
/// fails, as re-recording goldens does), so a change of wording is one command and a reviewed diff.
@Suite struct DocSamplesTests {
    static let root = CommandLineTests.packageRoot
    static let documents = ["docs/output-formats.md", "docs/configuration.md", "docs/ci.md", "README.md"]
    /// Fixed so that samples do not change with the day they are made.
    static let environment = ["LANG": "en_US.UTF-8", "LEDGERLINT_TODAY": "2026-12-01", "LEDGERLINT_NOW": "2026-12-01T09:30:00Z"]

    struct Sample: CustomTestStringConvertible {
        var document: String
        var arguments: [String]
        /// The lines of the fenced block, and where they are in the document.
        var body: String
        var range: Range<String.Index>
        var testDescription: String { "\(document): ledgerlint \(arguments.joined(separator: " "))" }
    }

    static func text(of document: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
    }

    static func samples(in document: String, text: String) -> [Sample] {
        var samples: [Sample] = []
        var search = text.startIndex..<text.endIndex
        while let marker = text.range(of: "<!-- sample: ", range: search) {
            guard let close = text.range(of: " -->\n", range: marker.upperBound..<text.endIndex),
                let fenceEnd = text.range(of: "\n", range: close.upperBound..<text.endIndex)
            else { break }
            let fence = String(text[close.upperBound..<fenceEnd.lowerBound]).prefix { $0 == "`" }
            let start = fenceEnd.upperBound
            guard let end = text.range(of: "\n" + fence + "\n", range: start..<text.endIndex)
                ?? text.range(of: fence + "\n", range: start..<text.endIndex)
            else { break }
            let bodyEnd = text[end].hasPrefix("\n") ? text.index(after: end.lowerBound) : end.lowerBound
            let arguments = text[marker.upperBound..<close.lowerBound].split(separator: " ").map(String.init)
            samples.append(Sample(document: document, arguments: arguments, body: String(text[start..<bodyEnd]), range: start..<bodyEnd))
            search = end.upperBound..<text.endIndex
        }
        return samples
    }

    /// What a sample should show: stdout, with CSV's byte-order mark and CRLF line ends made readable.
    static func output(of sample: Sample) throws -> String {
        let run = try ledgerlint(sample.arguments, environment: environment, directory: root.path)
        #expect([0, 1].contains(run.status), "ledgerlint \(sample.arguments.joined(separator: " ")): \(run.stderr)")
        var output = run.stdout
        if output.hasPrefix("\u{FEFF}") { output.removeFirst() }
        return output.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test(arguments: documents)
    func samplesAreWhatTheToolPrints(document: String) throws {
        var text = try Self.text(of: document)
        let samples = Self.samples(in: document, text: text)
        if GoldenFiles.isRecording {
            for sample in samples.reversed() { text.replaceSubrange(sample.range, with: try Self.output(of: sample)) }
            try text.write(to: Self.root.appendingPathComponent(document), atomically: true, encoding: .utf8)
            Issue.record("re-recorded the samples in \(document)")
            return
        }
        for sample in samples {
            let output = try Self.output(of: sample)
            #expect(
                sample.body == output,
                Comment(
                    rawValue: "\(sample.testDescription) prints something else (- doc, + tool); re-record with "
                        + "LEDGERLINT_RECORD=1:\n" + GoldenFiles.lineDiff(expected: sample.body, actual: output)))
        }
    }

    @Test func theFormatsDocumentHasASampleOfEveryFormatButHTML() throws {
        let document = "docs/output-formats.md"
        let formats = Self.samples(in: document, text: try Self.text(of: document)).map { sample in
            sample.arguments.firstIndex(of: "--format").map { sample.arguments[$0 + 1] } ?? "text"
        }
        #expect(Set(formats) == ["text", "json", "junit", "sarif", "github", "markdown", "csv"])
    }
}
