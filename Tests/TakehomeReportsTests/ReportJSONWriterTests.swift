import Foundation
import Testing
import TakehomeCore
@testable import TakehomeReports

/// The fast writer of `takehome metrics --format json` must give exactly JSONEncoder's bytes.
struct ReportJSONWriterTests {
    /// What ReportCoding's encoder makes of `value` (the same options, a trailing newline).
    private func reference(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test func metricsAreTheBytesReportCodingWrites() throws {
        let fast = try ReportJSONWriter.encode(Fixture.metrics)
        #expect(fast == (try ReportCoding.encode(metrics: Fixture.metrics)))
        #expect(try ReportJSONWriter.encode(Report.Metrics()) == ReportCoding.encode(metrics: Report.Metrics()))
    }

    struct Awkward: Encodable {
        var text = "quote \" backslash \\ slash / tab \t newline \n bell \u{07} escape \u{1B} é 日本 🙂"
        var numbers: [Double] = [0, -0.0, 3, 0.1, 1e-7, 1.5e20, -2.25, 1e300, Double.leastNonzeroMagnitude]
        var integers: [Int] = [0, -1, Int.max, Int.min]
        var unsigned: UInt64 = .max
        var flags = [true, false]
        var nothing: String? = nil
        var explicitNull: [String?] = [nil, "x"]
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String: [Int]]] = [["b": [1], "a": [], "B": [2, 3], "a10": [], "a1": [4], "é": [5], "_": []]]
        var float: Float = 0.1
    }

    @Test func escapesNumbersNullsEmptiesAndKeyOrderMatchJSONEncoder() throws {
        let written = String(decoding: try ReportJSONWriter.encode(Awkward()), as: UTF8.self)
        #expect(written == (try reference(Awkward())))
    }

    @Test func datesAreLeftToJSONEncoder() {
        struct Dated: Encodable { var when = Date(timeIntervalSince1970: 0) }
        #expect(throws: ReportJSONWriter.Unsupported.self) { try ReportJSONWriter.encode(Dated()) }
        #expect(throws: ReportJSONWriter.Unsupported.self) { try ReportJSONWriter.encode([Double.nan]) }
    }
}
