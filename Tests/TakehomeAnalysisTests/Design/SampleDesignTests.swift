import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let assignment = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Assignments/shift-pay-python")

private func index(_ folder: String) throws -> OverEngineeringMetrics {
    let metrics = try MetricsAnalyzer().analyze(assignment.appendingPathComponent(folder))
    return try #require(metrics.overEngineering)
}

@Suite struct SampleDesignTests {
    @Test func theOverEngineeredSampleScoresFarAboveTheCleanOneAndTheReference() throws {
        let over = try index("samples/over-engineered"), clean = try index("samples/clean"), reference = try index("reference")
        #expect(over.index > 3 * max(clean.index, reference.index))
        #expect(over.index > clean.index + 20 && over.index > reference.index + 20)
        // Seven of its nine Abstract* classes have a single implementation: AbstractValidator has four and
        // AbstractPolicyProvider has a test double (Doubler in tests/test_shiftpay.py).
        #expect(over.signal("single-implementation-abstractions")?.value == 7)
        #expect(clean.signal("single-implementation-abstractions")?.value == 0)
        #expect(reference.signal("single-implementation-abstractions")?.value == 0)
    }
}
