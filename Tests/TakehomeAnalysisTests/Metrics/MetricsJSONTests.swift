import Foundation
import Testing
@testable import TakehomeAnalysis
@testable import TakehomeCore

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

    /// The parts handed out while the analysis finishes (sizes and complexity, duplication, the
    /// design signals), written ahead at the depth `takehome metrics` places them (copied) or at
    /// the top (re-indented), stand in for themselves byte for byte; an empty folder's parts hold
    /// empty lists (and it has no design signals).
    @Test(arguments: ["Assignments", "Sources/TakehomeCore", ""])
    func partsWrittenWhileTheAnalysisFinishesAreTheSameBytes(_ folder: String) throws {
        let root = folder.isEmpty ? FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID())") : Self.repository.appendingPathComponent(folder)
        if folder.isEmpty { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false) }
        defer { if folder.isEmpty { try? FileManager.default.removeItem(at: root) } }
        let handedOut = HandedOut()
        let metrics = try MetricsAnalyzer().analyze(root, whenFinished: handedOut.add).report
        var early = Report.Metrics()
        for part in handedOut.parts {
            switch part {
            case .sizeAndComplexity(let size, let complexity): early.size = size; early.complexity = complexity
            case .duplication(let duplication): early.duplication = duplication
            case .design(let overEngineering, let structural):
                early.overEngineering = overEngineering
                early.testability = TestabilityMetrics(structural: structural)
            }
        }
        #expect(early == metrics, "the parts handed out are the final ones, each once")
        #expect(handedOut.parts.count == (folder.isEmpty ? 2 : 3))
        let whole = String(decoding: try ReportCoding.encode(metrics: metrics), as: UTF8.self)
        for depth in [0, 1] {
            let parts = try handedOut.parts.flatMap { try $0.prewritten(depth: depth) }
            #expect(String(decoding: try ReportCoding.encode(metrics: metrics, prewritten: parts), as: UTF8.self) == whole, "written at depth \(depth)")
        }
    }

    /// The parts `analyze` hands out, from whichever threads.
    private final class HandedOut: @unchecked Sendable {
        private let lock = NSLock()
        private var handedOut: [CodeMetrics.FinishedPart] = []
        @Sendable func add(_ part: CodeMetrics.FinishedPart) { lock.withLock { handedOut.append(part) } }
        var parts: [CodeMetrics.FinishedPart] { lock.withLock { handedOut } }
    }

    /// In a whole report, `metrics.complexity` sits two levels down: a part written one level down
    /// is re-indented there; a value without the part's type is unchanged by it.
    @Test func aPartIsReindentedWhereItSitsDeeper() throws {
        let metrics = try MetricsAnalyzer().analyze(Self.repository.appendingPathComponent("Assignments")).report
        var report = Report(tool: .init(version: "0.1.0"), mode: .grade, generatedAt: Date(timeIntervalSince1970: 0),
                            assignment: .init(id: "a", title: "A", language: "python", runner: "pytest", digest: "sha256:00"),
                            submission: .init(source: "file:///x", kind: "git"), tests: .init(), findings: [],
                            score: RubricScorer(rubric: Rubric()).score(correctness: nil, suiteName: "hidden"))
        report.metrics = metrics
        let part = try PrewrittenJSON(metrics.complexity!, depth: 1)
        #expect(try ReportJSONEncoder.encode(report, suffix: "\n", prewritten: [part]) == (try ReportCoding.encode(report)))
        let duplicationOnly = Report.Metrics(duplication: metrics.duplication)
        #expect(try ReportCoding.encode(metrics: duplicationOnly, prewritten: [part]) == (try ReportCoding.encode(metrics: duplicationOnly)))
    }
}
