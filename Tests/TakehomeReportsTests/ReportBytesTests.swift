import Foundation
import Testing
import TakehomeCore

/// Every fixture report, as the reviewer and as the candidate sees it, is written byte for byte as
/// Foundation's `JSONEncoder` wrote report.json before `ReportJSONEncoder` replaced it.
@Suite struct ReportBytesTests {
    /// The oracle: `JSONEncoder` with report.json's options and a final newline.
    private func foundationJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test(arguments: Fixture.allCases) func fixtureReportsAreTheBytesJSONEncoderWrote(_ fixture: Fixture) throws {
        let report = fixture.report
        #expect(String(decoding: try ReportCoding.encode(report), as: UTF8.self) == (try foundationJSON(report)))
        let candidate = CandidateView.mask(report, hiddenPath: "tests/hidden")
        #expect(String(decoding: try ReportCoding.encode(candidate), as: UTF8.self) == (try foundationJSON(candidate)))
        #expect(try ReportCoding.decode(ReportCoding.encode(candidate)) == candidate)
    }

    @Test func aMetricsObjectAloneIsTheBytesJSONEncoderWrote() throws {
        #expect(String(decoding: try ReportCoding.encode(metrics: Fixture.metrics), as: UTF8.self) == (try foundationJSON(Fixture.metrics)))
    }
}
