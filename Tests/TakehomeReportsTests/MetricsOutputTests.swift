import Foundation
import Testing
import TakehomeCore
@testable import TakehomeReports

@Suite struct MetricsOutputTests {
    @Test func tableGolden() throws {
        let text = MetricsTable.render(Fixture.metrics)
        try GoldenFile.check(text, named: "metrics.table.txt")
        #expect(MetricsTable.renderUTF8(Fixture.metrics) == Array(text.utf8))
        let rows = text.split(separator: "\n").dropFirst().prefix(4)
        // Most complex first: pay, night_hours, Rates.for_day, Rates.__init__.
        #expect(rows.map { $0.split(separator: " ").first.map(String.init) ?? "" }
                == ["pay", "night_hours", "Rates.for_day", "Rates.__init__"])
        #expect(rows.first?.hasSuffix("ccn,cognitive,function-lines,nesting") == true)
    }

    @Test func csvGolden() throws {
        let text = MetricsCSV.render(Fixture.metrics)
        try GoldenFile.check(text, named: "metrics.csv")
        #expect(MetricsCSV.renderUTF8(Fixture.metrics) == Array(text.utf8))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "file,name,line,endLine,nloc,ccn,cognitive,params,maxNesting,kind,language")
        #expect(lines.count == 1 + 5 + 1)  // header, four source and one test function, the final line break
        #expect(lines[1] == "shiftpay/pay.py,pay,12,88,64,14,34,3,5,source,python")
    }

    @Test func csvCellsAreQuotedAndNeverFormulas() {
        #expect(MetricsCSV.cell("plain") == "plain")
        #expect(MetricsCSV.cell("a,b") == "\"a,b\"")
        #expect(MetricsCSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(MetricsCSV.cell("two\r\nlines") == "\"two\r\nlines\"")
        #expect(MetricsCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(MetricsCSV.cell("@sum") == "'@sum")
        #expect(MetricsCSV.cell("-5") == "-5")
    }

    @Test func columnsLineUpByCharactersNotBytes() {
        // "café" is 5 bytes and 4 characters; the second name spells its é as e + U+0301.
        func aligned(_ header: [String]?, _ columns: [MetricsTable.Column], indent: Int = 0) -> String {
            String(decoding: MetricsTable.aligned(header, columns: columns, indent: indent), as: UTF8.self)
        }
        let lines = aligned(["NAME", "CCN"], [.left(["café", "cafe\u{301}s", "plain"]), .numbers([3, 12, 1])])
        #expect(lines == "NAME   CCN\ncafé     3\ncafe\u{301}s   12\nplain    1")
        #expect(aligned(nil, [.left(["a", "bb"]), .left(["", "x "])]) == "a\nbb  x")
        // Indented: trailing spaces go, the indent stays; right-aligned text and negative numbers.
        #expect(aligned(nil, [.left(["a", "", "bb"]), .left(["", "", "x "])], indent: 2) == "  a\n  \n  bb  x")
        #expect(aligned(["N", "WORD"], [.numbers([-5, 120]), .right(["é", "ab"])]) == "  N  WORD\n -5     é\n120    ab")
    }

    @Test func candidateTextIsShownOnOneLineWithoutItsControlCharacters() {
        #expect(ReportText.oneLine("Rates.for_day") == "Rates.for_day")
        #expect(ReportText.oneLine("a\u{1B}[2Jb\tc\r\nd\u{7F}") == "a^[[2Jb c  d^?")
        #expect(ReportText.oneLine("x\u{202E}y\u{85}é") == "x\\u{202e}y\\u{85}é")
    }

    @Test func emptyMetricsStillRenderTotals() {
        let empty = Report.Metrics(size: SizeMetrics(), complexity: ComplexityMetrics(thresholds: Thresholds(), functions: [],
                                   testFunctions: [], files: []), duplication: DuplicationMetrics(minTokens: 50))
        let table = MetricsTable.render(empty)
        #expect(table.hasPrefix("No functions found.\n\nLANGUAGE  KIND    FILES  NLOC  COMMENTS  BLANK  FUNCTIONS\n"))
        #expect(MetricsCSV.render(empty) == MetricsCSV.header.joined(separator: ",") + "\r\n")
    }

    @Test func metricsJSONIsTheReportsMetricsObject() throws {
        let alone = try JSONSerialization.jsonObject(with: ReportCoding.encode(metrics: Fixture.metrics)) as? NSDictionary
        let report = try JSONSerialization.jsonObject(with: ReportCoding.encode(Fixture.buggy.report)) as? [String: Any]
        #expect(alone != nil && alone == report?["metrics"] as? NSDictionary)
    }
}
