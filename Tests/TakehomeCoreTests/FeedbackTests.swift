import Foundation
import Testing
@testable import TakehomeCore

/// A submission with one of everything to improve: a failing hidden test (4 of 5 points earned), a
/// function over two thresholds, a factory with one product, half of a file unrun by its own tests,
/// plus, when asked, a surviving mutant and a function that reads the clock while deciding.
private func tangledReport(mutantsAndClock: Bool = false) -> Report {
    var hidden = TestSuiteResult(cases: [
        TestCase(id: "tests.hidden.test_pay::test_day", name: "test_day", status: .passed, points: 4, earned: 4),
        TestCase(id: "tests.hidden.test_pay::test_night", name: "test_night", status: .failed, points: 1, earned: 0,
                 message: "assert 96 == 120"),
    ])
    hidden.recount()
    let thresholds = Thresholds()
    let complexity = ComplexityMetrics(thresholds: thresholds, functions: [
        FunctionMetrics(file: "pay/calc.py", name: "pay", line: 10, endLine: 45, nloc: 30, ccn: 12, cognitive: 20, params: 2, maxNesting: 2),
        FunctionMetrics(file: "pay/rates.py", name: "night_rate", line: 5, endLine: 9, nloc: 4, ccn: 2, cognitive: 1, params: 1, maxNesting: 1),
    ], testFunctions: [], files: [])
    let design = OverEngineeringMetrics(signals: [
        DesignSignal(name: "single-product-patterns", value: 1, weight: 2, label: "pattern-named types with at most one product",
                     suggestion: "construct the product where it is needed",
                     places: [DesignPlace(file: "pay/factory.py", line: 3, name: "PayFactory", note: "1 product")]),
        DesignSignal(name: "single-implementation-abstractions", value: 0, weight: 3, label: "abstractions with one implementation",
                     suggestion: "use it directly", places: []),
    ], languages: ["python"])
    var testability = TestabilityMetrics(ownTests: OwnTestsMetrics(
        found: 4, passed: 4, coverage: Coverage(lines: 0.5), coverageTool: "coverage.py",
        files: [.init(file: "pay/calc.py", lines: 20, linesCovered: 10, branches: 0, branchesCovered: 0, uncoveredLines: "30-39")],
        uncoveredFunctions: [.init(file: "pay/calc.py", name: "night_bonus", line: 30)]))
    var findings = MetricFindings.findings(complexity: complexity, duplication: nil)
        + DesignFindings.findings(overEngineering: design, structural: nil)
        + [Finding(rule: "hygiene.readme", severity: .info, message: "No README.")]
    if mutantsAndClock {
        testability.mutation = MutationMetrics(budget: .init(mutants: 10, seconds: 60), run: 10, killed: 6, survived: 4, score: 0.6,
                                               survivors: [Mutant(file: "pay/calc.py", line: 41, function: "pay", operator: "relational",
                                                                  original: ">=", mutated: ">", start: 0, end: 0)])
        testability.structural = StructuralTestabilityMetrics(signals: [
            DesignSignal(name: "effects-in-decisions", value: 1, weight: 0, label: "functions that decide and read the clock",
                         suggestion: "pass the time in", places: [DesignPlace(file: "pay/calc.py", line: 10, name: "pay", note: "clock")]),
        ], languages: ["python"])
        findings += DesignFindings.findings(overEngineering: nil, structural: testability.structural)
    }
    var metrics = Report.Metrics(complexity: complexity)
    metrics.overEngineering = design
    metrics.testability = testability
    let score = RubricScorer(rubric: Rubric()).score(correctness: hidden, suiteName: "hidden", complexity: complexity,
                                                     design: design, testability: testability)
    return Report(tool: .init(version: "0.1.0"), mode: .grade, generatedAt: Date(timeIntervalSince1970: 0),
                  assignment: .init(id: "a", title: "A", language: "python", runner: "pytest", digest: "sha256:00"),
                  submission: .init(source: "file:///x", kind: "git"), tests: .init(hidden: hidden), metrics: metrics,
                  findings: findings, score: score)
}

/// The design part's points for `metrics`, as the rubric computes them, at the tangled report's test share.
private func designPoints(_ metrics: OverEngineeringMetrics, share: Double = 0.8) -> Double {
    DesignScore.part(metrics, weight: 10, testShare: share).earned ?? 0
}

@Suite struct FeedbackImprovementTests {
    @Test func improvementsAreRankedByThePointsTheyCost() throws {
        let report = tangledReport()
        let feedback = Feedback(report)
        let rules = feedback.improvements.map(\.rule)
        #expect(Array(rules.prefix(2)) == ["tests.failing", "testability.uncovered-code"])
        #expect(Set(rules.dropFirst(2)) == ["complexity.function", "design.single-product-patterns"])
        #expect(feedback.improvements.map(\.points) == feedback.improvements.map(\.points).sorted(by: >))
        let improvement = { (rule: String) in try #require(feedback.improvements.first { $0.rule == rule }) }
        let failing = feedback.improvements[0]
        // 60 × 1/5 for the test, and the complexity part's factor 0.8 → 1: 15 × 0.8 × 1 − 15 × 0.8 × 0.8.
        #expect(failing.parts.first { $0.part == "correctness" }?.points == 12)
        #expect(failing.parts.first { $0.part == "complexity" }?.points == 2.4)
        #expect(failing.message == "1 of 2 hidden tests fail (`test_night`); find the case each one exercises and fix it.")
        let complexity = try improvement("complexity.function")
        // Two breaches cost 0.2 of the thresholds term: 15 × 1 × 0.8 − 15 × 0.8 × 0.8.
        #expect(complexity.points == 2.4)
        #expect(complexity.impact == "costs 2.4 of the complexity part's 15 points")
        #expect((complexity.file, complexity.line, complexity.name) == ("pay/calc.py", 10, "pay"))
        #expect(complexity.message.contains("cyclomatic complexity 12 (threshold 10), cognitive complexity 20 (threshold 15)"))
        let design = try improvement("design.single-product-patterns")
        var lean = try #require(report.metrics.overEngineering)
        lean.signals[0].value = 0
        lean = OverEngineeringMetrics(signals: lean.signals, languages: lean.languages)
        let expected = ScoreNumber.rounded(designPoints(lean) - designPoints(try #require(report.metrics.overEngineering)))
        #expect(design.points == expected && expected > 0)
        #expect((design.file, design.line, design.name) == ("pay/factory.py", 3, "PayFactory"))
        let coverage = try improvement("testability.uncovered-code")
        #expect((coverage.file, coverage.line, coverage.name) == ("pay/calc.py", 30, "night_bonus"))
        #expect(coverage.points > complexity.points)
        // The two complexity findings and the design finding are covered; the README one is left.
        #expect(feedback.moreFindings == 1)
    }

    @Test func tamperingIsTheImprovementOfATamperedSuite() throws {
        var report = tangledReport()
        report.tests.hidden?.tampering = ["the results were rewritten"]
        report.findings.append(Finding(rule: "tests.tampering-attempt", severity: .error, message: "conftest.py rewrites results",
                                       file: "conftest.py", line: 4))
        let first = try #require(Feedback(report).improvements.first)
        #expect(first.rule == "tests.tampering" && first.file == "conftest.py" && first.line == 4)
        #expect(first.message.hasPrefix("The hidden test results were tampered with (the results were rewritten)"))
        #expect(first.parts.first?.part == "correctness")
    }

    @Test func theImpactSentenceNamesEachPartItCosts() {
        let failing = Feedback(tangledReport()).improvements[0]
        #expect(failing.impact.hasPrefix("costs \(ScoreNumber.text(failing.points)) points: 12 of the correctness part's 60, "
            + "2.4 of the complexity part's 15"))
    }

    @Test func atMostFiveAreShownAndFreeOnesOnlyToReachThree() {
        let ranked = (1...8).map { number in
            ImprovementCandidate(improvement: Improvement(rule: "r\(number)", area: "design", message: "", file: nil, line: nil,
                                                          name: nil, points: number <= 6 ? Double(number) : 0, parts: [], impact: ""),
                                 findings: [], severity: .warning)
        }
        #expect(Feedback.shown(ranked).map(\.improvement.rule) == ["r1", "r2", "r3", "r4", "r5"])
        #expect(Feedback.shown(Array(ranked[5...])).map(\.improvement.rule) == ["r6", "r7", "r8"])
    }

    @Test func theFeedbackIsTheSameForTheSameReport() {
        #expect(Feedback(tangledReport(mutantsAndClock: true)) == Feedback(tangledReport(mutantsAndClock: true)))
    }
}

@Suite struct FeedbackStrengthTests {
    /// A report whose every figure clears its bar.
    private func cleanReport(coverage: Double = 0.92, mutantsRun: Int = 10) -> Report {
        var report = tangledReport()
        report.tests.hidden = ImprovementCandidates.passing(report.tests.hidden)
        report.metrics.complexity = ComplexityMetrics(thresholds: Thresholds(), functions: [
            FunctionMetrics(file: "pay/calc.py", name: "pay_for_week", line: 4, endLine: 20, nloc: 14, ccn: 7, cognitive: 6, params: 1, maxNesting: 2),
            FunctionMetrics(file: "pay/calc.py", name: "rate", line: 22, endLine: 25, nloc: 3, ccn: 2, cognitive: 1, params: 1, maxNesting: 1),
        ], testFunctions: [], files: [])
        report.metrics.duplication = DuplicationMetrics(minTokens: 50, source: DuplicationTotals(tokens: 400, duplicatedTokens: 0))
        report.metrics.overEngineering = OverEngineeringMetrics(signals: FeedbackStrengths.speculative.map {
            DesignSignal(name: $0, value: 0, weight: 1, label: $0, suggestion: "", places: [])
        }, languages: ["python"], referenceIndex: 3)
        report.metrics.testability = TestabilityMetrics(
            ownTests: OwnTestsMetrics(found: 6, passed: 6, coverage: Coverage(lines: coverage)),
            mutation: MutationMetrics(budget: .init(mutants: 10, seconds: 60), run: mutantsRun, killed: mutantsRun - 1,
                                      survived: 1, score: Double(mutantsRun - 1) / Double(mutantsRun)),
            structural: StructuralTestabilityMetrics(signals: [
                DesignSignal(name: "global-mutable-state", value: 0, weight: 0, label: "", suggestion: "", places: []),
            ], languages: ["python"]))
        return report
    }

    @Test func strengthsStateTheirFigures() {
        let strengths = Feedback(cleanReport()).strengths
        #expect(strengths.map(\.area) == ["correctness", "complexity", "duplication", "design", "testability", "testability", "testability"])
        #expect(strengths[0].message == "all 2 hidden tests pass")
        #expect(strengths[1].message.contains("the largest: `pay_for_week` at CCN 7, cognitive 6"))
        #expect(strengths[2].message.contains("400 tokens"))
        #expect(strengths[3].message.contains("over-engineering index 0, the reference's 3"))
        #expect(strengths[4].message == "your 6 own tests all pass and run 92% of the solution's lines")
        #expect(strengths[5].message == "your tests kill 9 of 10 mutants of the solution (90%)")
    }

    @Test func aFigureBelowItsBarIsNoStrength() {
        let strengths = Feedback(cleanReport(coverage: 0.7, mutantsRun: 4)).strengths.map(\.message)
        #expect(!strengths.contains { $0.contains("own tests") || $0.contains("mutants") })
        // Well-covered lines under tests that let most mutants live are not a strength.
        let weak = Feedback(cleanReport(mutantsRun: 10)).strengths.map(\.message)
        #expect(weak.contains { $0.contains("own tests all pass") })
        var unchecked = cleanReport()
        unchecked.metrics.testability?.mutation?.score = 0.4
        #expect(!Feedback(unchecked).strengths.contains { $0.message.contains("own tests all pass") })
        let tangled = Feedback(tangledReport()).strengths
        #expect(tangled.isEmpty, "nothing in the tangled report clears a bar: \(tangled)")
    }

    @Test func mostlyPassingTestsCountFromNinetyPercentOfThePoints() {
        var report = cleanReport()
        report.tests.hidden = tangledReport().tests.hidden
        #expect(Feedback(report).strengths.first?.area != "correctness")
    }
}

@Suite struct InterviewQuestionTests {
    @Test func questionsTakeTurnsOverTheAreasAndNameTheCode() throws {
        let questions = try #require(Feedback(tangledReport(mutantsAndClock: true)).questions)
        #expect((3...6).contains(questions.count))
        #expect(Array(questions.map(\.area).prefix(4)) == ["design", "testability", "complexity", "correctness"])
        #expect(questions[0].question.hasPrefix("`PayFactory` (pay/factory.py:3) builds a single product"))
        #expect(questions[2].question.hasPrefix("`pay` (pay/calc.py:10) has a cognitive complexity of 20"))
        let texts = questions.map(\.question)
        #expect(texts.contains { $0.hasPrefix("Your tests leave 4 mutants alive, e.g. `>=` → `>` in `pay` at pay/calc.py:41") })
        #expect(texts.contains { $0.hasPrefix("`pay` (pay/calc.py:10) reads the clock itself") })
        #expect(questions.allSatisfy { $0.file != nil && $0.line != nil })
    }

    @Test func aFailingTestIsTiedToTheFunctionNamedLikeIt() {
        let functions = [
            FunctionMetrics(file: "p.py", name: "validate_policy", line: 3, endLine: 9, nloc: 6, ccn: 7, cognitive: 9, params: 1, maxNesting: 2),
            FunctionMetrics(file: "p.py", name: "night_hours", line: 12, endLine: 20, nloc: 8, ccn: 3, cognitive: 2, params: 2, maxNesting: 1),
            FunctionMetrics(file: "p.py", name: "Pay.roundHours", line: 22, endLine: 30, nloc: 8, ccn: 3, cognitive: 2, params: 2, maxNesting: 1),
        ]
        #expect(InterviewQuestions.namesake(of: "test_night_premium_hours_are_rounded", in: functions)?.name == "night_hours")
        #expect(InterviewQuestions.namesake(of: "test_round_hours", in: functions)?.name == "Pay.roundHours")
        #expect(InterviewQuestions.namesake(of: "test_weekly_total", in: functions) == nil)
    }

    @Test func withoutFindingsTheLargestCodeIsWalkedThrough() throws {
        var report = tangledReport()
        report.tests.hidden = ImprovementCandidates.passing(report.tests.hidden)
        report.metrics.overEngineering = nil
        report.metrics.testability = nil
        report.metrics.complexity = ComplexityMetrics(thresholds: Thresholds(), functions: [
            FunctionMetrics(file: "pay/calc.py", name: "pay", line: 4, endLine: 20, nloc: 14, ccn: 7, cognitive: 6, params: 1, maxNesting: 2),
            FunctionMetrics(file: "pay/rates.py", name: "rate", line: 2, endLine: 5, nloc: 3, ccn: 2, cognitive: 1, params: 1, maxNesting: 1),
        ], testFunctions: [], files: [])
        report.metrics.size = SizeMetrics(files: [
            FileSize(path: "pay/calc.py", language: "python", kind: .source, nloc: 40, commentLines: 0, blankLines: 0, functions: 1),
            FileSize(path: "pay/rates.py", language: "python", kind: .source, nloc: 8, commentLines: 0, blankLines: 0, functions: 1),
        ])
        let questions = try #require(Feedback(report).questions)
        #expect(questions.map(\.rule) == ["walkthrough", "walkthrough", "walkthrough"])
        #expect(questions.map { "\($0.file ?? ""):\($0.line ?? 0)" } == ["pay/calc.py:4", "pay/rates.py:2", "pay/calc.py:1"])
    }
}

@Test func candidateViewDropsTheQuestionsAndHiddenTestNames() throws {
    var report = tangledReport(mutantsAndClock: true)
    report.feedback = Feedback(report)
    #expect(report.feedback?.improvements.first?.message.contains("test_night") == true)
    let masked = CandidateView.mask(report, hiddenPath: "tests/hidden")
    let feedback = try #require(masked.feedback)
    #expect(feedback.questions == nil)
    #expect(feedback.improvements.first?.message.contains("`hidden test 2`") == true)
    #expect(feedback.improvements.map(\.points) == report.feedback?.improvements.map(\.points))
    let json = String(decoding: try ReportCoding.encode(masked), as: UTF8.self)
    #expect(!json.contains("test_night") && !json.contains("\"questions\""))
    #expect(String(decoding: try ReportCoding.encode(report), as: UTF8.self).contains("\"questions\""))
}
