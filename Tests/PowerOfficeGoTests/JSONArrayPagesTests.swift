import Foundation
import Testing
@testable import LedgerLintText
@testable import PowerOfficeGo

@Suite("JSONArrayPages")
struct JSONArrayPagesTests {
    @Test("pages of objects are joined byte for byte; blank pages and empty arrays add nothing")
    func joins() throws {
        var pages = JSONArrayPages()
        #expect(try pages.append(Data(#" [{"Id":1,"Name":"Å \"AS\""} , {"Id":2.50,"x":[{}]}]"#.utf8)) == 2)
        #expect(try pages.append(Data("  \r\n".utf8)) == 0)
        #expect(try pages.append(Data("[]".utf8)) == 0)
        #expect(try pages.append(Data(#"[{"Id":3,"Extra":null}]"#.utf8)) == 1)
        #expect(pages.count == 3)
        #expect(
            String(decoding: pages.json, as: UTF8.self)
                == #"[{"Id":1,"Name":"Å \"AS\""} , {"Id":2.50,"x":[{}]},{"Id":3,"Extra":null}]"#)
    }

    @Test(
        "a page that is not a JSON array of objects is refused, saying why",
        arguments: [
            (#"[{"Id":1},{"Id":2"#, "not valid JSON (17 bytes; truncated?): line 1, column 18:"),
            (#"[{"Id":1,}]"#, "not valid JSON (11 bytes; truncated?): line 1, column 10:"),
            (#"{"Id":1}"#, "expected a bare JSON array, as the v2 API returns lists"),
            (#"{"data":[],"success":true}"#, "this looks like the older v1 API: check POWEROFFICE_API_URL"),
            (#"[{"Id":1},2]"#, "expected an array of objects; at [1]: expected an object, found 2"),
        ])
    func refuses(page: String, reason: String) {
        var pages = JSONArrayPages()
        do {
            _ = try pages.append(Data(page.utf8))
            Issue.record("accepted \(page)")
        } catch let problem as JSONArrayPages.Problem {
            #expect(problem.reason.en.contains(reason), "\(problem.reason.en)")
        } catch {
            Issue.record("not a JSONArrayPages.Problem: \(error)")
        }
    }

    @Test(
        "a page whose rows were all added before is a repeat, whatever its bytes: shuffled, re-stamped, text Ids",
        arguments: [
            (#"[{"Id":1,"T":"a"},{"Id":2,"T":"a"}]"#, #"[{"Id":2,"T":"b"},{"Id":1,"T":"b"}]"#),
            (#"[{"Id":"09ab","N":1},{"Id":"1c0f"}]"#, #"[{"Id":"1c0f"},{"N":2,"Id":"09ab"}]"#),
            // Rows without an Id: only the same bytes again can be told apart.
            (#"[{"Name":"A"}]"#, #"[{"Name":"A"}]"#),
        ])
    func repeatedPage(first: String, second: String) throws {
        var pages = JSONArrayPages()
        _ = try pages.append(Data(first.utf8))
        #expect(throws: JSONArrayPages.Repeat.self) { _ = try pages.append(Data(second.utf8)) }
        #expect(String(decoding: pages.json, as: UTF8.self) == first)
    }

    @Test("a page that brings some rows again is an overlap, and is not added", arguments: [
        #"[{"Id":3},{"Id":4},{"Id":5}]"#,
        // The same row twice on one page.
        #"[{"Id":6},{"Id":6}]"#,
    ])
    func overlappingPage(second: String) throws {
        var pages = JSONArrayPages()
        _ = try pages.append(Data(#"[{"Id":1},{"Id":2},{"Id":3}]"#.utf8))
        #expect(throws: JSONArrayPages.Overlap.self) { _ = try pages.append(Data(second.utf8)) }
        #expect(pages.count == 3)
        // The rows of the refused page were not taken as read: they are new to the next page that brings them.
        #expect(try pages.append(Data(#"[{"Id":4},{"Id":5},{"Id":6}]"#.utf8)) == 3)
    }

    @Test("rows are told apart by Id, numbers and texts alike; an Id of another type counts as none")
    func ids() throws {
        let rows = try JSONArrayPages.rows(
            in: Data(#"[{"Id":7},{"Id":"09ab"},{"Id":null},{"Name":"x"},{"Id":1.5},{"Id":{"x":1}},{"Id":-2}]"#.utf8))
        #expect(rows.count == 7)
        #expect(rows.ids == [.number(7), .text("09ab"), .number(-2)])
    }

    @Test("pages written as they come make the same array as pages kept")
    func writtenAsTheyCome() throws {
        let pages = [#"[{"Id":1},{"Id":2}]"#, "[ ]", #" [{"Id":3}] "#]
        for count in 0...pages.count {
            var kept = JSONArrayPages()
            var written = Data()
            var streamed = JSONArrayPages(output: { written.append($0) })
            for page in pages.prefix(count) {
                _ = try kept.append(Data(page.utf8))
                _ = try streamed.append(Data(page.utf8))
            }
            try streamed.finish()
            #expect(written == kept.json, "\(count) pages: \(String(decoding: written, as: UTF8.self))")
            #expect(streamed.count == kept.count)
        }
    }
}

extension JSONArrayPages {
    /// Checks `page` as the client does (`rows(in:)`) and adds its items; returns how many it had.
    mutating func append(_ page: Data) throws -> Int {
        let rows = try Self.rows(in: page)
        try append(page, rows: rows)
        return rows.count
    }
}
