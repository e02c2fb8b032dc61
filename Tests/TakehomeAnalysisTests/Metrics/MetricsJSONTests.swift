import Foundation
import Testing
import TakehomeAnalysis
import TakehomeCore

/// The metrics of real folders of this repository (Python assignments and attacks, the Swift of the
/// core module), as `takehome metrics --format json` writes them: byte for byte what Foundation's
/// `JSONEncoder` wrote before `ReportJSONEncoder` replaced it, and read back to the same value.
@Suite struct MetricsJSONTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["Assignments", "Sandbox", "Sources/TakehomeCore"])
    func analysedFolderIsWrittenAsJSONEncoderWroteIt(_ folder: String) throws {
        let metrics = try MetricsAnalyzer().analyze(Self.repository.appendingPathComponent(folder)).report
        #expect((metrics.complexity?.functions.count ?? 0) > 20, "the folder has functions to write")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let written = try ReportCoding.encode(metrics: metrics)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: try encoder.encode(metrics) + [0x0A], as: UTF8.self))
        #expect(try JSONDecoder().decode(Report.Metrics.self, from: written) == metrics)
    }
}
