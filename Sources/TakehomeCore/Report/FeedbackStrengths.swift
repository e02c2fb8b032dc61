/// What a submission does well, read from the same figures the report measures, each stated only
/// when its figure clears the bar below (docs/metrics.md, "Feedback").
enum FeedbackStrengths {
    /// The share of graded test points that counts as mostly correct.
    static let passingShare = 0.9
    /// Line coverage by the candidate's own tests that counts as well tested.
    static let coverageBar = 0.8
    /// The mutation score below which covered lines do not count as tested (when it was measured).
    static let checkedBar = 0.5
    /// Mutation score, over at least `mutantsNeeded` mutants run, that counts as tests that guard.
    static let mutationBar = 0.8, mutantsNeeded = 5
    /// The over-engineering signals that measure speculative structure.
    static let speculative = ["single-implementation-abstractions", "unused-abstractions", "single-product-patterns",
                              "pass-through-functions", "deep-inheritance"]

    static func strengths(of report: Report) -> [Strength] {
        [correctness(report), complexity(report.metrics.complexity), duplication(report.metrics.duplication),
         design(report.metrics.overEngineering)].compactMap { $0 } + testability(report.metrics.testability)
    }

    static func correctness(_ report: Report) -> Strength? {
        let noun = report.mode == .grade ? "hidden test" : "public test"
        guard let suite = report.mode == .grade ? report.tests.hidden : report.tests.public,
              suite.total > 0, suite.loadFailure == nil, !suite.tampered, suite.pointsPossible > 0 else { return nil }
        if suite.passed == suite.total {
            return Strength(area: "correctness", message: suite.total == 1 ? "the 1 \(noun) passes" : "all \(suite.total) \(noun)s pass")
        }
        let share = suite.pointsEarned / suite.pointsPossible
        guard share >= passingShare else { return nil }
        return Strength(area: "correctness", message: "\(suite.passed) of \(suite.total) \(noun)s pass "
            + "(\(percent(share)) of the test points)")
    }

    static func complexity(_ complexity: ComplexityMetrics?) -> Strength? {
        guard let complexity, complexity.source.functions > 0, complexity.source.breaches == 0 else { return nil }
        let thresholds = complexity.thresholds
        let largest = complexity.functions.max { ($0.ccn, $0.cognitive, $1.line) < ($1.ccn, $1.cognitive, $0.line) }!
        var message = "every function within the thresholds (CCN \(thresholds.ccn), cognitive \(thresholds.cognitive), "
            + "\(thresholds.functionLines) lines); the largest: `\(largest.name)` at CCN \(largest.ccn), cognitive \(largest.cognitive)"
        if let reference = complexity.reference, reference.functions > 0, complexity.source.cognitive <= reference.cognitive {
            message += "; total cognitive complexity \(complexity.source.cognitive), the reference's \(reference.cognitive)"
        }
        return Strength(area: "complexity", message: message)
    }

    static func duplication(_ duplication: DuplicationMetrics?) -> Strength? {
        guard let duplication, duplication.source.tokens > 0, duplication.source.duplicatedTokens == 0 else { return nil }
        return Strength(area: "duplication", message: "no duplicated code in the solution (no run of \(duplication.minTokens) "
            + "or more tokens repeats in its \(duplication.source.tokens) tokens)")
    }

    static func design(_ metrics: OverEngineeringMetrics?) -> Strength? {
        guard let metrics else { return nil }
        let signals = speculative.compactMap { metrics.signal($0) }
        guard signals.count == speculative.count, signals.allSatisfy({ $0.value == 0 }) else { return nil }
        var message = "no speculative abstractions: 0 abstractions with one implementation, 0 pattern-named types with a "
            + "single product, 0 pass-through functions, no deep inheritance"
        if let reference = metrics.referenceIndex, metrics.index <= reference {
            message += "; over-engineering index \(ScoreNumber.text(metrics.index)), the reference's \(ScoreNumber.text(reference))"
        }
        return Strength(area: "design", message: message)
    }

    static func testability(_ testability: TestabilityMetrics?) -> [Strength] {
        var strengths: [Strength] = []
        // Lines run by tests that let most mutants survive are run, not checked: no strength.
        let checked = (testability?.mutation?.score).map { $0 >= checkedBar } ?? true
        if let own = testability?.ownTests, own.found > 0, own.passed == own.found, checked,
           let coverage = own.coverage, coverage.lines >= coverageBar {
            strengths.append(Strength(area: "testability", message: "your \(own.found) own tests all pass and run "
                + "\(percent(coverage.lines)) of the solution's lines"))
        }
        if let mutation = testability?.mutation, mutation.run >= mutantsNeeded, let score = mutation.score, score >= mutationBar {
            strengths.append(Strength(area: "testability", message: "your tests kill \(mutation.killed) of \(mutation.run) "
                + "mutants of the solution (\(percent(score)))"))
        }
        if let structural = testability?.structural, !structural.signals.isEmpty, structural.signals.allSatisfy({ $0.value == 0 }) {
            strengths.append(Strength(area: "testability", message: "decisions are kept apart from the clock, randomness, the "
                + "environment and I/O; no global mutable state, no singletons, collaborators are passed in"))
        }
        return strengths
    }

    static func percent(_ share: Double) -> String { ScoreNumber.text((share * 1000).rounded() / 10) + "%" }
}
