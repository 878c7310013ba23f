import Foundation
import Testing

@testable import LedgerLintCore
@testable import LedgerLintJSON
@testable import LedgerLintText

/// The JSON and SARIF reports are written by `JSONWriter`; their records' `Encodable` conformances say the same
/// shape to `JSONEncoder`. The two must give the same bytes, or the reports changed: the golden files compare JSON
/// as parsed values, so a member out of key order or a different escape would pass them.
@Suite struct JSONReporterWriterTests {
    /// Reports that reach every member: the format sample (suppressed findings with and without an end date, a
    /// baseline, snapshot metadata), the same filtered by `--key` with lookups of every kind, and an empty one.
    static func reports(_ language: Language) -> [Report] {
        var filtered = FormatSample.report(language)
        filtered.filterKeys = ["5000", "A-7", "missing"]
        filtered.lookups = [
            KeyLookup(
                key: "5000",
                matches: [
                    .init(
                        system: .assist, entity: .customer, number: "5000", name: "Ærlig \"Øl\" AS",
                        location: .init(file: "assist/customers.csv", line: 7), exported: true),
                    .init(
                        system: .poweroffice, entity: .customer, number: "5000", name: nil, resource: "Customers",
                        id: 9_007_199_254_740_993),
                ], findings: 2, folder: "examples/demo", language: language),
            KeyLookup(
                key: "A-7",
                matches: [
                    .init(
                        system: .assist, entity: .productGroup, number: "7", name: "Tøy\tsko",
                        location: .init(file: "assist/product-groups.json", record: 3), exported: false)
                ], findings: 1, folder: "examples/demo", language: language),
            KeyLookup(key: "missing", matches: [], findings: 0, folder: "examples/demo", language: language),
        ]
        let empty = Report(findings: [], rules: [], language: language, snapshot: "")
        return [FormatSample.report(language), filtered, empty]
    }

    @Test(arguments: Language.allCases)
    func theJSONReportIsWhatTheEncoderWrites(language: Language) {
        for report in Self.reports(language) {
            #expect(JSONReporter().render(report) == JSONReporter.text(JSONReporter.document(report)))
        }
    }

    @Test(arguments: Language.allCases)
    func theSARIFLogIsWhatTheEncoderWrites(language: Language) {
        for report in Self.reports(language) {
            #expect(SarifReporter().render(report) == JSONReporter.text(SarifReporter().log(report)))
        }
    }

    /// The command line writes `renderData`'s bytes; tests read `render`'s text. They are one report.
    @Test(arguments: Language.allCases)
    func theBytesWrittenAreTheTextRendered(language: Language) {
        let reporters: [any Reporter] = OutputFormat.allCases.map { $0.reporter(color: false) }
        for report in Self.reports(language) {
            for reporter in reporters {
                #expect(reporter.renderData(report) == Data(reporter.render(report).utf8), "\(type(of: reporter))")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func eachClientIsWhatTheEncoderWrites(language: Language) async throws {
        for client in try await ClientsRunTests.sample(language).clients {
            let record = JSONReporter.ClientRecord(
                name: client.name, folder: client.folder, findings: client.report.map(JSONReporter.Findings.init),
                error: client.result.failure)
            #expect(JSONWriter.document(record) == JSONReporter.text(record))
        }
    }
}
