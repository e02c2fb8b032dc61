import Testing
@testable import TakehomeCore

private func signal(_ name: String, _ value: Double, weight: Double, reference: Double? = nil) -> DesignSignal {
    DesignSignal(name: name, value: value, weight: weight, label: name.replacingOccurrences(of: "-", with: " "),
                 suggestion: "do less", places: [DesignPlace(file: "a.py", line: 3, name: "A")], reference: reference)
}

/// Index 4 × 3 + 5 × 1 = 17.
private let heavy = [signal("one-implementation", 4, weight: 3, reference: 0), signal("types", 5, weight: 1, reference: 2)]

@Suite struct DesignScoringTests {
    @Test func anOverEngineeredSubmissionAgainstALeanReference() {
        let metrics = OverEngineeringMetrics(signals: heavy, languages: ["python"], referenceIndex: 7)
        #expect(metrics.index == 17)
        // (7 + 5) / (17 + 5) = 0.545 → 0.55; 10 × 0.55 × 0.8 = 4.4.
        let part = DesignScore.part(metrics, weight: 10, testShare: 0.8)
        #expect(part.earned == 4.4)
        #expect(part.measured)
        #expect(part.explanation == "over-engineering index 17, the reference's is 7: min(1, (7 + 5) / (17 + 5)) = 0.55; "
            + "10 × 0.55 × 0.8 (the share of test points earned) = 4.4; most of it from one implementation: 4 (the reference: 0), "
            + "types: 5 (the reference: 2)")
    }

    @Test func leanerThanTheReferenceEarnsTheWholeWeight() {
        let metrics = OverEngineeringMetrics(signals: [signal("types", 3, weight: 1)], languages: ["python"], referenceIndex: 7)
        // (7 + 5) / (3 + 5) = 1.5, capped at 1.
        #expect(DesignScore.part(metrics, weight: 10).earned == 10)
    }

    @Test func withoutAReferenceTheIndexIsComparedWithZero() {
        let metrics = OverEngineeringMetrics(signals: heavy, languages: ["python"])
        // 5 / (17 + 5) = 0.227 → 0.23; 10 × 0.23 = 2.3.
        let part = DesignScore.part(metrics, weight: 10)
        #expect(part.earned == 2.3)
        #expect(part.explanation.hasPrefix("over-engineering index 17, no reference solution, so compared with an index of 0"))
    }

    @Test func theRubricScoresDesignWhenTheModelRan() {
        let scorer = RubricScorer(rubric: Rubric())
        let metrics = OverEngineeringMetrics(signals: heavy, languages: ["python"], referenceIndex: 7)
        let part = scorer.score(correctness: nil, suiteName: "hidden", design: metrics).parts.first { $0.name == "design" }
        #expect(part?.measured == true && part?.earned == 5.5)
        #expect(scorer.score(correctness: nil, suiteName: "hidden").parts.first { $0.name == "design" }?.measured == false)
        // Static analysis ran (complexity) but found nothing the design model reads.
        let complexity = ComplexityMetrics(thresholds: Thresholds(), functions: [], testFunctions: [], files: [])
        let unread = scorer.score(correctness: nil, suiteName: "hidden", complexity: complexity).parts.first { $0.name == "design" }
        #expect(unread?.measured == false && unread?.explanation.contains("no source in a language the design model reads") == true)
    }

    @Test func findingsNameThePlacesAndTheReferenceOnlyAboveIt() {
        var metrics = OverEngineeringMetrics(signals: heavy + [signal("level", 1, weight: 1, reference: 1)], languages: ["python"])
        metrics.referenceIndex = 3
        let findings = DesignFindings.findings(overEngineering: metrics, structural: nil)
        // "level" equals the reference's value: no finding.
        #expect(findings.map(\.rule) == ["design.one-implementation", "design.types"])
        #expect(findings[0] == Finding(rule: "design.one-implementation", severity: .warning,
                                       message: "One implementation: 4 (the reference has 0) — A (a.py:3). Suggestion: do less.",
                                       file: "a.py", line: 3))
    }
}
