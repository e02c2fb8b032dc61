import Testing
@testable import TakehomeCore

/// The testability part from own-test, mutation and structural figures, with points worked out by
/// hand (docs/metrics.md, "Scoring testability"; term weights 1, 2, 2).
@Suite struct TestabilityScoringTests {
    /// 5 found, 4 passed (0.8); lines 0.8 and branches 0.6 → covered 0.7; own = 0.7 × 0.8 = 0.56.
    static let own = OwnTestsMetrics(found: 5, passed: 4, failed: 1, coverage: Coverage(lines: 0.8, branches: 0.6))
    /// 12 of 20 mutants killed (0.6).
    static let mutation = MutationMetrics(budget: .init(mutants: 20, seconds: 120), run: 20, killed: 12, survived: 8, score: 0.6)

    /// Global mutable state 2 (the reference: 0), effects mixed with decisions 1 (the reference: 0).
    static func structural(reference: Bool) -> StructuralTestabilityMetrics {
        func signal(_ name: String, _ value: Double) -> DesignSignal {
            DesignSignal(name: name, value: value, weight: 1, label: name, suggestion: "", places: [], reference: reference ? 0 : nil)
        }
        return StructuralTestabilityMetrics(signals: [signal("global-mutable-state", 2), signal("effects-in-decisions", 1),
                                                      signal("singletons", 0)], languages: ["python"])
    }

    @Test func threeTermsRelativeToTheReference() {
        var own = Self.own
        // The reference: 10 of 10 (1), lines 1 and branches 0.8 → 0.9. min(1, 0.56 / 0.9) = 0.6222 → 0.62.
        own.reference = .init(found: 10, passed: 10, coverage: Coverage(lines: 1, branches: 0.8))
        // The reference's tests kill 18 of 20 (0.9): min(1, 0.6 / 0.9) = 0.6667 → 0.67.
        var mutation = Self.mutation
        mutation.reference = .init(run: 20, killed: 18, score: 0.9)
        // Load 3 against 0: (0 + 2) / (3 + 2) = 0.4. Mean (0.62 + 2 × 0.67 + 2 × 0.4) / 5 = 0.55; 15 × 0.55 = 8.25.
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: own, mutation: mutation,
                                                            structural: Self.structural(reference: true)), weight: 15)
        #expect(part.measured && part.earned == 8.25)
        #expect(part.explanation == "own tests (weight 1): 4 of 5 passed (0.8); 80% of lines and 60% of branches covered (0.7); "
            + "0.7 × 0.8 = 0.56; the reference's: 10 of 10 passed, 100% of lines and 80% of branches covered (0.9); "
            + "min(1, 0.56 / 0.9) = 0.62; mutation (weight 2): own tests kill 12 of 20 mutants (60%); the reference's kill "
            + "18 of 20 (90%): min(1, 0.6 / 0.9) = 0.67; structure (weight 2): global-mutable-state: 2, effects-in-decisions: 1 "
            + "(load 3), the reference's load is 0: min(1, (0 + 2) / (3 + 2)) = 0.4; (1 × 0.62 + 2 × 0.67 + 2 × 0.4) / 5 = 0.55; "
            + "15 × 0.55 = 8.25")
    }

    @Test func absoluteScaleWithoutReferenceFigures() {
        // own 0.56, mutation 0.6, structure (0 + 2) / (3 + 2) = 0.4: (0.56 + 1.2 + 0.8) / 5 = 0.51; 15 × 0.51 = 7.65.
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: Self.own, mutation: Self.mutation,
                                                            structural: Self.structural(reference: false)), weight: 15)
        #expect(part.earned == 7.65)
        #expect(part.explanation.contains("the reference solution has no tests of its own to compare with: absolute scale"))
        #expect(part.explanation.contains("no reference figure to compare with: absolute scale"))
        #expect(part.explanation.contains("no reference, so compared with a load of 0"))
    }

    @Test func beatingTheReferenceIsCappedAtTheWeight() {
        var own = OwnTestsMetrics(found: 3, passed: 3, coverage: Coverage(lines: 1))
        own.reference = .init(found: 4, passed: 4, coverage: Coverage(lines: 0.5, branches: 0.5))
        var mutation = MutationMetrics(budget: .init(mutants: 10, seconds: 60), run: 10, killed: 10, score: 1)
        mutation.reference = .init(run: 10, killed: 7, score: 0.7)
        #expect(TestabilityScore.part(TestabilityMetrics(ownTests: own, mutation: mutation), weight: 10).earned == 10)
    }

    @Test func noTestsFoundEarnNothingHoweverTestableTheCode() {
        // own 0, mutation 0; the structure term is not counted without tests: (1 × 0 + 2 × 0) / 3 = 0.
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: OwnTestsMetrics(),
                                                            structural: Self.structural(reference: true)), weight: 15)
        #expect(part.measured && part.earned == 0)
        #expect(part.explanation == "own tests (weight 1): no tests of the candidate's own were found: 0; "
            + "mutation (weight 2): no tests of their own to kill a mutant: 0; structure (weight 2): not counted without "
            + "tests of their own (easy to test is worth nothing untested), left out; (1 × 0 + 2 × 0) / 3 = 0; 15 × 0 = 0")
    }

    @Test func testsThatGiveNoPassingRunKillNoMutant() {
        // No test passes unmutated: nothing judges a mutant, so none is caught. (0.56 + 2 × 0 + 2 × 0.4) / 5 = 0.27; 15 × 0.27 = 4.05.
        let mutation = MutationMetrics(budget: .init(mutants: 40, seconds: 120),
                                       notMeasured: "no test of the candidate's passes before any mutant is made (5 found)",
                                       generated: 50, selected: 40)
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: Self.own, mutation: mutation,
                                                            structural: Self.structural(reference: true)), weight: 15)
        #expect(part.earned == 4.05)
        #expect(part.explanation.contains("mutation (weight 2): no test of the candidate's passes before any mutant is made "
            + "(5 found): no mutant can be caught, 0"))
    }

    @Test func nothingToMutateLeavesTheMeanAndSaysWhy() {
        // (0.56 + 2 × 0.4) / 3 = 0.45; 15 × 0.45 = 6.75.
        let mutation = MutationMetrics(budget: .init(mutants: 40, seconds: 120),
                                       notMeasured: "the source has nothing the mutation operators change")
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: Self.own, mutation: mutation,
                                                            structural: Self.structural(reference: true)), weight: 15)
        #expect(part.earned == 6.75)
        #expect(part.explanation.contains("mutation (weight 2): not measured (the source has nothing the mutation operators change), left out"))
        #expect(part.explanation.hasSuffix("(1 × 0.56 + 2 × 0.4) / 3 = 0.45; 15 × 0.45 = 6.75"))
    }

    @Test func aTamperedRunIsNoEvidenceEitherWay() {
        // Own tests and mutation are left out; the structure term alone: 0.4; 15 × 0.4 = 6.
        var own = Self.own
        own.tampered = true
        let part = TestabilityScore.part(TestabilityMetrics(ownTests: own, mutation: Self.mutation,
                                                            structural: Self.structural(reference: true)), weight: 15)
        #expect(part.measured && part.earned == 6)
        #expect(part.explanation.hasPrefix("own tests (weight 1): not measured (the run's results were tampered with: "
            + "no evidence either way), left out; mutation (weight 2): not measured (the run's results were tampered with"))
        #expect(part.explanation.hasSuffix("0.4; 15 × 0.4 = 6"))
        // Without a structure term nothing is left: the part is not measured and leaves the maximum.
        let bare = TestabilityScore.part(TestabilityMetrics(ownTests: own), weight: 15)
        #expect(!bare.measured && bare.earned == nil && bare.explanation.hasPrefix("not measured: own tests (weight 1): not measured"))
    }

    @Test func testsWithoutMeasuredCoverageEarnNothingForThatTerm() {
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
        // Own tests only (0.56), the other two terms left out: 15 × 0.56 = 8.4.
        let measured = RubricScorer(rubric: rubric).score(correctness: suite, suiteName: "hidden",
                                                          testability: TestabilityMetrics(ownTests: Self.own))
        #expect(measured.max == 75 && measured.total == 68.4)
    }
}
