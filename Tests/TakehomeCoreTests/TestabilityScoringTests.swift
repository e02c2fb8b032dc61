import Testing
@testable import TakehomeCore

/// The testability part from own-test figures, with points worked out by hand (docs/metrics.md).
@Suite struct TestabilityScoringTests {
    /// 5 found, 4 passed (0.8); lines 0.8 and branches 0.6 → covered 0.7; own = 0.7 × 0.8 = 0.56.
    static let own = OwnTestsMetrics(found: 5, passed: 4, failed: 1, coverage: Coverage(lines: 0.8, branches: 0.6))

    @Test func relativeToTheReferencesOwnTests() {
        var own = Self.own
        // The reference: 10 of 10 (1), lines 1 and branches 0.8 → 0.9. min(1, 0.56 / 0.9) = 0.6222 → 0.62; 15 × 0.62 = 9.3.
        own.reference = .init(found: 10, passed: 10, coverage: Coverage(lines: 1, branches: 0.8))
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: own), weight: 15)
        #expect(part.measured && part.earned == 9.3)
        #expect(part.explanation == "own tests: 4 of 5 passed (0.8); 80% of lines and 60% of branches covered (0.7); "
            + "0.7 × 0.8 = 0.56; the reference's own tests: 10 of 10 passed, 100% of lines and 80% of branches covered (0.9); "
            + "min(1, 0.56 / 0.9) = 0.62; 15 × 0.62 = 9.3")
    }

    @Test func absoluteScaleWithoutAReferenceThatHasTests() {
        // 15 × 0.56 = 8.4.
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: Self.own), weight: 15)
        #expect(part.earned == 8.4)
        #expect(part.explanation.hasSuffix("no tests of its own to compare with: absolute scale; 15 × 0.56 = 8.4"))
    }

    @Test func beatingTheReferenceIsCappedAtTheWeight() {
        var own = OwnTestsMetrics(found: 3, passed: 3, coverage: Coverage(lines: 1))
        own.reference = .init(found: 4, passed: 4, coverage: Coverage(lines: 0.5, branches: 0.5))
        #expect(TestabilityScore.part(TestabilityMetrics(ownTests: own), weight: 10).earned == 10)
    }

    @Test func noTestsFoundEarnsNothingAndSaysSo() {
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: OwnTestsMetrics()), weight: 15)
        #expect(part.measured && part.earned == 0)
        #expect(part.explanation == "no tests of the candidate's own were found: 0; 15 × 0 = 0")
    }

    @Test func testsWithoutMeasuredCoverageEarnNothing() {
        let own = OwnTestsMetrics(found: 2, passed: 2, coverageNote: "the coverage tool wrote no report")
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: own), weight: 15)
        #expect(part.earned == 0)
        #expect(part.explanation.contains("(the coverage tool wrote no report): 0"))
    }

    @Test func notRunIsNotMeasuredAndLeftOutOfTheMaximum() {
        let rubric = Rubric(weights: [("correctness", 60), ("testability", 15)])
        let suite = TestSuiteResult(total: 1, passed: 1, pointsEarned: 1, pointsPossible: 1)
        let unmeasured = RubricScorer(rubric: rubric).score(correctness: suite, suiteName: "hidden")
        #expect(unmeasured.max == 60)
        #expect(unmeasured.parts.last?.measured == false)
        let measured = RubricScorer(rubric: rubric).score(correctness: suite, suiteName: "hidden",
                                                          testability: TestabilityMetrics(ownTests: Self.own))
        #expect(measured.max == 75 && measured.total == 68.4)
    }
}
