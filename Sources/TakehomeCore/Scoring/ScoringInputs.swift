/// The figures a report's score was computed from, read back from the report, so that the scoring
/// can be run again on an edited copy: "what would the score be if this function were within the
/// thresholds?". The difference is an improvement's impact, by the rubric's own formulas.
struct ScoringInputs {
    var rubric: Rubric
    var suite: TestSuiteResult?
    var suiteName: String
    var complexity: ComplexityMetrics?
    var design: OverEngineeringMetrics?
    var testability: TestabilityMetrics?

    /// The inputs of `report`'s score; the rubric is read from its score parts.
    init(_ report: Report) {
        rubric = Rubric(weights: report.score.parts.map { ($0.name, $0.weight) })
        suiteName = report.mode == .grade ? "hidden" : "public"
        suite = report.mode == .grade ? report.tests.hidden : report.tests.public
        complexity = report.metrics.complexity
        design = report.metrics.overEngineering
        testability = report.metrics.testability
    }

    /// The score these inputs earn.
    func score() -> Score {
        RubricScorer(rubric: rubric).score(correctness: suite, suiteName: suiteName, complexity: complexity,
                                           design: design, testability: testability)
    }

    /// The points per part that `edit` would gain over these inputs, largest first; parts that gain
    /// nothing are left out.
    func gain(from edit: (inout ScoringInputs) -> Void) -> [Improvement.PartPoints] {
        var edited = self
        edit(&edited)
        let before = score().parts, after = edited.score().parts
        return zip(before, after).compactMap { old, new -> Improvement.PartPoints? in
            let points = ScoreNumber.rounded((new.earned ?? 0) - (old.earned ?? 0))
            return points > 0 ? Improvement.PartPoints(part: old.name, points: points, weight: old.weight) : nil
        }.sorted { ($0.points, $1.part) > ($1.points, $0.part) }
    }

    /// `costs 2.4 of the design part's 10 points`, or `costs 5.2 points: 4 of the correctness part's 60, ...`.
    static func impact(_ parts: [Improvement.PartPoints]) -> String {
        let each = parts.map { "\(ScoreNumber.text($0.points)) of the \($0.part) part's \(ScoreNumber.text($0.weight))" }
        switch parts.count {
        case 0: return "costs no rubric points"
        case 1: return "costs " + each[0] + " points"
        default:
            let total = ScoreNumber.rounded(parts.reduce(0) { $0 + $1.points })
            return "costs \(ScoreNumber.text(total)) points: " + each.joined(separator: ", ")
        }
    }
}
