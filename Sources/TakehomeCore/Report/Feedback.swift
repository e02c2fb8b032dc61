/// What the report opens with: what is good, the few improvements that matter most (ranked by the
/// rubric points each costs) and, for reviewers, questions to ask in the review call. Built from a
/// report by `Feedback(_:)`, a pure function of its figures (docs/metrics.md, "Feedback");
/// `report.feedback` in JSON.
public struct Feedback: Codable, Sendable, Equatable {
    /// The most improvements the opening shows; the rest are in the findings.
    public static let improvementLimit = 5
    /// Zero-point improvements are shown only to reach this many.
    public static let improvementMinimum = 3

    /// What the figures show the submission does well, in rubric order.
    public var strengths: [Strength]
    /// The most important improvements, the costliest first, at most `improvementLimit`.
    public var improvements: [Improvement]
    /// Findings the improvements above do not cover ("and 7 more findings below").
    public var moreFindings: Int
    /// Questions for the review call, 3–6 when the code offers that many places; nil for candidates.
    public var questions: [InterviewQuestion]?

    /// Feedback as read back from a report.
    public init(strengths: [Strength], improvements: [Improvement], moreFindings: Int, questions: [InterviewQuestion]?) {
        self.strengths = strengths; self.improvements = improvements; self.moreFindings = moreFindings
        self.questions = questions
    }

    /// The feedback on `report`: strengths, ranked improvements and interview questions.
    public init(_ report: Report) {
        let ranked = ImprovementCandidates(report).ranked()
        let shown = Self.shown(ranked)
        let covered = Set(shown.flatMap(\.findings))
        strengths = FeedbackStrengths.strengths(of: report)
        improvements = shown.map(\.improvement)
        moreFindings = report.findings.indices.filter { !covered.contains($0) }.count
        questions = InterviewQuestions.questions(for: report, improvements: ranked)
    }

    /// The costliest improvements up to the limit; zero-point ones only to reach the minimum.
    static func shown(_ ranked: [ImprovementCandidate]) -> [ImprovementCandidate] {
        let costly = ranked.filter { $0.improvement.points > 0 }.prefix(improvementLimit)
        let free = ranked.filter { $0.improvement.points <= 0 }.prefix(max(0, improvementMinimum - costly.count))
        return Array(costly) + Array(free)
    }
}

/// One thing the submission does well, with the figure that shows it.
public struct Strength: Codable, Sendable, Equatable {
    /// The rubric part it speaks for: `correctness`, `complexity`, `duplication`, `design`, `testability`.
    public var area: String
    /// The sentence, figure included ("every function within the thresholds; the largest: ...").
    public var message: String

    public init(area: String, message: String) { self.area = area; self.message = message }
}

/// One improvement: what to change, where, and the rubric points it costs now.
public struct Improvement: Codable, Sendable, Equatable {
    /// The finding rule it comes from, e.g. `complexity.function` or `design.single-product-patterns`.
    public var rule: String
    /// The rubric part it belongs to: `correctness`, `complexity`, `duplication`, `design`, `testability`.
    public var area: String
    /// What was seen and what to do, in a sentence or two.
    public var message: String
    /// The place in the code: path relative to the submission, line, and the name there.
    public var file: String?
    public var line: Int?
    public var name: String?
    /// The points the submission would gain with it made (0 when no rubric part measures it).
    public var points: Double
    /// Those points per rubric part, largest first.
    public var parts: [PartPoints]
    /// `costs 2.4 of the design part's 10 points`, or why it costs none.
    public var impact: String

    public init(rule: String, area: String, message: String, file: String?, line: Int?, name: String?,
                points: Double, parts: [PartPoints], impact: String) {
        self.rule = rule; self.area = area; self.message = message; self.file = file; self.line = line
        self.name = name; self.points = points; self.parts = parts; self.impact = impact
    }

    /// Points of one rubric part, out of its weight.
    public struct PartPoints: Codable, Sendable, Equatable {
        public var part: String
        public var points: Double
        public var weight: Double
        public init(part: String, points: Double, weight: Double) { self.part = part; self.points = points; self.weight = weight }
    }
}

/// A question a reviewer can ask in the review call, tied to the code it is about.
public struct InterviewQuestion: Codable, Sendable, Equatable {
    /// `design`, `testability`, `complexity`, `correctness` or `duplication`.
    public var area: String
    /// The finding rule it comes from, or `walkthrough` when the code gave no finding to ask about.
    public var rule: String
    public var question: String
    /// The place it is about, when it has one in the submission.
    public var file: String?
    public var line: Int?

    public init(area: String, rule: String, question: String, file: String?, line: Int?) {
        self.area = area; self.rule = rule; self.question = question; self.file = file; self.line = line
    }
}
