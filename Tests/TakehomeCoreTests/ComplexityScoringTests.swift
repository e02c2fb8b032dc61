import Testing
@testable import TakehomeCore

/// A function with the given figures (nloc 10, 1 parameter, nesting 1 unless given).
private func function(_ name: String, ccn: Int, cognitive: Int, nloc: Int = 10, params: Int = 1, nesting: Int = 1,
                      file: String = "pay.py", line: Int = 1) -> FunctionMetrics {
    FunctionMetrics(file: file, name: name, line: line, endLine: line + nloc, nloc: nloc, ccn: ccn, cognitive: cognitive,
                    params: params, maxNesting: nesting)
}

private func metrics(_ functions: [FunctionMetrics], reference: [FunctionMetrics]? = nil) -> ComplexityMetrics {
    let thresholds = Thresholds()
    return ComplexityMetrics(thresholds: thresholds, functions: functions, testFunctions: [], files: [],
                             reference: reference.map { ComplexityTotals($0, thresholds: thresholds) })
}

@Suite struct ComplexityScoringTests {
    @Test func aTangleAgainstASimpleReference() throws {
        // pay breaks ccn (14 > 10), cognitive (34 > 15), function-lines (72 > 50) and nesting (5 > 4);
        // rate breaks params (7 > 5): 5 breaches in 2 functions → thresholds 1 − 0.5 = 0.5.
        // Max cognitive 34 vs the reference's 6: (6 + 5) / (34 + 5) = 0.28.
        // Total cognitive 34 + 3 + 0 = 37 vs 6 + 2 = 8: (8 + 5) / (37 + 5) = 0.31.
        // Relative (0.28 + 0.31) / 2 = 0.295 → 0.3 (0.29 when the binary value falls short);
        // 15 × (0.5 + relative) / 2.
        let candidate = metrics([function("pay", ccn: 14, cognitive: 34, nloc: 72, nesting: 5),
                                 function("rate", ccn: 3, cognitive: 3, params: 7, line: 80),
                                 function("fmt", ccn: 1, cognitive: 0, line: 95)],
                                reference: [function("pay", ccn: 5, cognitive: 6), function("rate", ccn: 2, cognitive: 2)])
        let part = ComplexityScore.part(candidate, weight: 15)
        let relative = try #require([0.29, 0.3].first { part.explanation.contains("(0.5 + \($0)) / 2") })
        #expect(part.measured)
        #expect(part.earned == ((15 * (0.5 + relative) / 2) * 100).rounded() / 100)
        #expect(part.explanation.hasPrefix("5 threshold breaches in 2 functions (−0.1 each): 0.5; "
            + "max cognitive complexity 34, the reference's is 6 (0.28); "
            + "total cognitive complexity 37, the reference's is 8 (0.31); 15 × "), "\(part.explanation)")
    }

    @Test func asSimpleAsTheReferenceEarnsEverything() {
        let candidate = metrics([function("pay", ccn: 4, cognitive: 5), function("rate", ccn: 2, cognitive: 1)],
                                reference: [function("pay", ccn: 5, cognitive: 6), function("rate", ccn: 2, cognitive: 2)])
        let part = ComplexityScore.part(candidate, weight: 15)
        #expect(part.earned == 15)
        #expect(part.explanation == "no function over the thresholds (1); max cognitive complexity 5, the reference's is 6 (1); "
            + "total cognitive complexity 6, the reference's is 8 (1); 15 × (1 + 1) / 2 = 15")
    }

    @Test func withoutAReferenceOnlyTheThresholdsCount() {
        // ccn 12 > 10 and cognitive 20 > 15: 2 breaches → 0.8; 20 × 0.8 = 16.
        let part = ComplexityScore.part(metrics([function("pay", ccn: 12, cognitive: 20)]), weight: 20)
        #expect(part.earned == 16)
        #expect(part.explanation == "2 threshold breaches in 1 function (−0.1 each): 0.8; "
            + "no reference solution to compare with: 20 × 0.8 = 16")
    }

    @Test func manyBreachesBottomOutAtZeroForTheThresholdHalf() {
        let tangled = (0..<6).map { function("f\($0)", ccn: 20, cognitive: 30, line: $0 * 20 + 1) }  // 12 breaches
        let part = ComplexityScore.part(metrics(tangled, reference: tangled), weight: 10)
        // Thresholds 0; relative 1 (as complex as the reference): 10 × (0 + 1) / 2 = 5.
        #expect(part.earned == 5)
    }

    @Test func pointsAreEarnedInProportionToTheTestPointsEarned() {
        // 1 breach → 0.9; no reference: 15 × 0.9 × 0.75 = 10.125 → 10.13 (or 10.12 in binary).
        let candidate = metrics([function("pay", ccn: 12, cognitive: 3)])
        let part = ComplexityScore.part(candidate, weight: 15, testShare: 0.75)
        #expect(part.earned == 10.13 || part.earned == 10.12)
        #expect(part.explanation.hasPrefix("1 threshold breach in 1 function (−0.1 each): 0.9; no reference solution to "
            + "compare with: 15 × 0.9 × 0.75 (the share of test points earned) = 10.1"), "\(part.explanation)")
        let broken = ComplexityScore.part(candidate, weight: 15, testShare: 0)
        #expect(broken.earned == 0 && broken.measured)
        #expect(ComplexityScore.part(candidate, weight: 15, testShare: 1).explanation.hasSuffix("15 × 0.9 = 13.5"))
    }

    @Test func noFunctionsIsNotMeasured() {
        let part = ComplexityScore.part(metrics([]), weight: 15)
        #expect(!part.measured && part.earned == nil)
        #expect(part.explanation == "not measured: no functions found in the candidate's source code")
    }

    @Test func theRubricScorerUsesItAndCountsItInTheMaximum() {
        let scorer = RubricScorer(rubric: Rubric(weights: [("correctness", 60), ("complexity", 15)]))
        var suite = TestSuiteResult(cases: [TestCase(id: "t::a", name: "a", status: .passed, points: 3, earned: 3, durationMs: 1),
                                            TestCase(id: "t::b", name: "b", status: .failed, points: 1, earned: 0, durationMs: 1)])
        suite.recount()
        let score = scorer.score(correctness: suite, suiteName: "hidden",
                                 complexity: metrics([function("pay", ccn: 12, cognitive: 3)]))
        // Correctness 3/4 × 60 = 45; complexity 15 × 0.9 (one breach, no reference) × 0.75 = 10.13.
        #expect(score.parts[0].earned == 45 && score.max == 75)
        #expect(score.parts[1].earned == 10.13 || score.parts[1].earned == 10.12)
        let unmeasured = scorer.score(correctness: suite, suiteName: "hidden")
        #expect(unmeasured.max == 60 && unmeasured.parts[1].measured == false)
    }
}

@Suite struct MetricFindingsTests {
    @Test func eachBreachNamesTheFunctionItsValueTheThresholdAndWhatToTry() {
        let complexity = metrics([function("Pay.total", ccn: 14, cognitive: 3, params: 7, file: "pay.py", line: 12)])
        let findings = MetricFindings.findings(complexity: complexity, duplication: nil)
        #expect(findings == [
            Finding(rule: "complexity.ccn", severity: .warning,
                    message: "Pay.total has a cyclomatic complexity of 14 (threshold 10): split its decisions into smaller "
                        + "functions, or replace a long if/else or switch chain with a lookup table.",
                    file: "pay.py", line: 12),
            Finding(rule: "complexity.params", severity: .warning,
                    message: "Pay.total takes 7 parameters (threshold 5): group the parameters that travel together into a "
                        + "value type, and replace flag parameters with separate functions.",
                    file: "pay.py", line: 12),
        ])
    }

    @Test func breachesAreCappedMostExcessiveFirstWithACountOfTheRest() {
        let functions = (1...20).map { function("f\($0)", ccn: 10 + $0, cognitive: 0, line: $0 * 10) }
        let findings = MetricFindings.findings(complexity: metrics(functions), duplication: nil)
        #expect(findings.count == MetricFindings.breachLimit + 1)
        #expect(findings.first?.message.hasPrefix("f20 has a cyclomatic complexity of 30") == true)
        #expect(findings.last == Finding(rule: "complexity.more", severity: .info,
                                         message: "5 more threshold breaches are not listed here; "
                                            + "metrics.complexity.functions holds every function's figures."))
    }

    @Test func clonesInvolvingSourceCodeBecomeFindingsWithBothPlaces() {
        let place = { (file: String, line: Int) in CloneLocation(file: file, line: line, endLine: line + 9) }
        let duplication = DuplicationMetrics(minTokens: 50, clones: [
            ClonePair(tokens: 80, scope: .source, first: place("a.py", 3), second: place("b.py", 40)),
            ClonePair(tokens: 70, scope: .test, first: place("tests/t1.py", 1), second: place("tests/t2.py", 1)),
            ClonePair(tokens: 60, scope: .mixed, first: place("a.py", 3), second: place("tests/t3.py", 5)),
        ])
        let findings = MetricFindings.findings(complexity: nil, duplication: duplication)
        #expect(findings == [
            Finding(rule: "duplication.clone", severity: .warning,
                    message: "Lines 40–49 repeat a.py lines 3–12 (80 tokens): extract the shared code into one function "
                        + "and call it from both places.", file: "b.py", line: 40),
            Finding(rule: "duplication.clone", severity: .info,
                    message: "Lines 5–14 repeat a.py lines 3–12 (60 tokens): the test repeats code of the solution; test "
                        + "the solution's function instead of a copy of it.", file: "tests/t3.py", line: 5),
        ])
    }
}
