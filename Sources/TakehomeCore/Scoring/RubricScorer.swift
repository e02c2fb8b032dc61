import Foundation

/// Turns measured results into the rubric's points. Parts whose analysis has not run are reported
/// as not measured and left out of the maximum.
public struct RubricScorer: Sendable {
    public var rubric: Rubric

    public init(rubric: Rubric) { self.rubric = rubric }

    /// Scores correctness from the graded suite (hidden tests, or public ones in `check` mode) and
    /// complexity from the candidate's source functions and design from the over-engineering index
    /// (nil when static analysis did not run), in proportion to the suite's points earned, and
    /// testability from the candidate's own tests (nil when they were not run).
    public func score(correctness suite: TestSuiteResult?, suiteName: String, complexity: ComplexityMetrics? = nil,
                      design: OverEngineeringMetrics? = nil, testability: TestabilityMetrics? = nil) -> Score {
        var parts: [Score.Part] = []
        for (name, weight) in rubric.weights {
            if name == "correctness", let suite {
                parts.append(correctnessPart(suite, weight: weight, suiteName: suiteName))
            } else if name == "complexity", let complexity {
                let share = suite.map { $0.pointsPossible > 0 ? $0.pointsEarned / $0.pointsPossible : 0 }
                parts.append(ComplexityScore.part(complexity, weight: weight, testShare: share))
            } else if name == "design", let design {
                let share = suite.map { $0.pointsPossible > 0 ? $0.pointsEarned / $0.pointsPossible : 0 }
                parts.append(DesignScore.part(design, weight: weight, testShare: share))
            } else if name == "testability", testability?.ownTests != nil {
                parts.append(TestabilityScore.part(testability, weight: weight))
            } else {
                let reason = name == "correctness" ? "no tests to grade correctness with"
                    : name == "design" && complexity != nil
                        ? "not measured: the solution has no source in a language the design model reads (docs/metrics.md, \"The design model\")"
                        : "not measured: this analysis is not part of this takehome yet"
                parts.append(Score.Part(name: name, weight: weight, earned: nil, measured: false, explanation: reason))
            }
        }
        let measured = parts.filter(\.measured)
        let total = measured.reduce(0) { $0 + ($1.earned ?? 0) }
        let max = measured.reduce(0) { $0 + $1.weight }
        let percent = max > 0 ? (total / max * 100) : 0
        return Score(total: rounded(total), max: max, percent: rounded(percent), parts: parts)
    }

    private func correctnessPart(_ suite: TestSuiteResult, weight: Double, suiteName: String) -> Score.Part {
        let fraction = suite.pointsPossible > 0 ? suite.pointsEarned / suite.pointsPossible : 0
        var explanation = "\(format(suite.pointsEarned)) of \(format(suite.pointsPossible)) test points on the \(suiteName) tests "
            + "(\(suite.passed)/\(suite.total) passed) × weight \(format(weight))"
        if let failure = suite.loadFailure {
            explanation += "; the tests could not load the solution: \(failure.message)"
        }
        if suite.tampered {
            explanation += "; tampering detected, the tests concerned earn nothing"
        }
        return Score.Part(name: "correctness", weight: weight, earned: rounded(fraction * weight), measured: true,
                          explanation: explanation)
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
