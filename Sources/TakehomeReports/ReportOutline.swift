import TakehomeCore

/// What the terminal and Markdown reports say, in reading order, derived once from the report so
/// the two formats never disagree. Every sentence comes from data the report holds; nothing is
/// scored or guessed here. Text from the submission is not yet made safe: each format does that.
struct ReportOutline {
    /// A suite with the name its tests go by: `hidden`, `public` or `own` (the candidate's).
    struct NamedSuite {
        var name: String
        var suite: TestSuiteResult
        var noun: String { "\(name) test" }
    }

    /// A test that did not pass, as the failing-tests table lists it.
    struct FailingTest {
        var suite: String
        var label: String
        var status: TestCase.Status
        var points: Double
        var message: String?
    }

    var title: String
    /// Label and value of each header line, in order.
    var header: [(label: String, value: String)] = []
    var suites: [NamedSuite] = []
    var good: [String] = []
    /// The costliest improvements, how many findings they leave out, and the reviewer's questions.
    var improvements: [Improvement] = []
    var moreFindings = 0
    var questions: [InterviewQuestion] = []
    var loadFailures: [String] = []
    var tampering: [String] = []
    var limits: [String] = []
    var failing: [FailingTest] = []
    /// Findings, most severe first, each group in the report's order.
    var findings: [(severity: Finding.Severity, findings: [Finding])] = []

    var hasProblems: Bool {
        !(loadFailures.isEmpty && tampering.isEmpty && limits.isEmpty && failing.isEmpty && findings.isEmpty)
    }

    init(_ report: Report) {
        title = "\(report.assignment.title) (\(report.assignment.id))"
        let tests = report.tests
        suites = [("hidden", tests.hidden), ("public", tests.public), ("own", tests.candidate)]
            .compactMap { name, suite in suite.map { NamedSuite(name: name, suite: $0) } }
        header = Self.header(report)
        good = Self.good(report, suites: suites)
        improvements = report.feedback?.improvements ?? []
        moreFindings = report.feedback?.moreFindings ?? 0
        questions = report.feedback?.questions ?? []
        for named in suites {
            let suite = named.suite
            if let failure = suite.loadFailure {
                var text = "The tests could not load your solution: " + ReportText.sentence(failure.message)
                if let path = failure.expectedPath { text += " Expected at \(path)." }
                text += " (\(ReportText.count(failure.affectedTests, named.noun)) could not run.)"
                loadFailures.append(text)
            }
            tampering += suite.tampering.map { "\(named.name) tests: " + ReportText.sentence($0) }
            for sentence in suite.limitsHit where !limits.contains(sentence) { limits.append(sentence) }
            for testCase in suite.cases where testCase.status == .failed || testCase.status == .errored {
                // Tests that errored because the solution would not load are the load failure above.
                if suite.loadFailure != nil, testCase.status == .errored { continue }
                failing.append(FailingTest(suite: named.name, label: Self.label(testCase), status: testCase.status,
                                           points: testCase.points, message: testCase.message))
            }
        }
        findings = Finding.Severity.allCases.reversed().compactMap { severity in
            let group = report.findings.filter { $0.severity == severity }
            return group.isEmpty ? nil : (severity, group)
        }
    }

    /// The test's id, or its name when the id no longer names it (a masked hidden test).
    static func label(_ testCase: TestCase) -> String {
        testCase.id.hasSuffix(testCase.name) ? testCase.id : testCase.name
    }

    /// `file:line`, `file` or nil.
    static func place(_ finding: Finding) -> String? {
        guard let file = finding.file else { return nil }
        return finding.line.map { "\(file):\($0)" } ?? file
    }

    /// The place of an improvement or question: `file:line`, `file` or nil.
    static func place(file: String?, line: Int?) -> String? {
        guard let file else { return nil }
        return line.map { "\(file):\($0)" } ?? file
    }

    /// `and 7 more findings below`, or nil when the improvements cover every finding.
    var moreFindingsLine: String? {
        moreFindings > 0 ? "and \(ReportText.count(moreFindings, "more finding")) below" : nil
    }

    /// `earned/weight`, or `not measured`.
    static func partPoints(_ part: Score.Part) -> String {
        guard part.measured, let earned = part.earned else { return "not measured" }
        return ReportText.points(earned, of: part.weight)
    }

    /// `57.5/60 (95.83%)`.
    static func scoreLine(_ score: Score) -> String {
        "\(ReportText.points(score.total, of: score.max)) (\(ReportText.number(score.percent))%)"
    }

    /// One line per suite: counts, points, time and coverage.
    static func suiteLine(_ suite: TestSuiteResult) -> String {
        var text = "\(suite.passed)/\(suite.total) passed, \(suite.failed) failed, \(suite.errored) errored, "
            + "\(suite.skipped) skipped; \(ReportText.points(suite.pointsEarned, of: suite.pointsPossible)) points; "
            + ReportText.duration(milliseconds: suite.durationMs)
        if let coverage = suite.coverage {
            text += "; line coverage \(ReportText.number(coverage.lines * 100))%"
            if let branches = coverage.branches { text += ", branch coverage \(ReportText.number(branches * 100))%" }
        }
        return text
    }

    private static func header(_ report: Report) -> [(label: String, value: String)] {
        let submission = report.submission
        var rows: [(label: String, value: String)] = [("Submission", "\(submission.source) (\(submission.kind))")]
        if let ref = submission.ref { rows.append(("Ref", ref)) }
        if let commit = submission.commit {
            let time = submission.commitTime.map { ", committed \(ReportText.date($0))" } ?? ""
            rows.append(("Commit", ReportText.shortCommit(commit) + time))
        } else if let time = submission.commitTime {
            rows.append(("Committed", ReportText.date(time)))
        }
        if submission.blind {
            rows.append(("Authors", "withheld (blind grading)"))
        } else if !submission.authors.isEmpty {
            let authors = submission.authors.map { "\($0.name) <\($0.email)> (\(ReportText.count($0.commits, "commit")))" }
            rows.append(("Authors", authors.joined(separator: ", ")))
        }
        if let commits = report.history.commits {
            var text = ReportText.count(commits, "commit")
            if let first = report.history.firstCommitTime, let last = report.history.lastCommitTime {
                text += ", \(ReportText.date(first)) to \(ReportText.date(last))"
            }
            rows.append(("History", text))
        }
        rows.append(("Graded", "\(report.mode.rawValue), \(report.audience.rawValue) view, "
            + "\(report.tool.name) \(report.tool.version), \(ReportText.date(report.generatedAt))"))
        return rows
    }

    /// The feedback's strengths, then how the runs fared against the limits.
    private static func good(_ report: Report, suites: [NamedSuite]) -> [String] {
        var good = report.feedback?.strengths.map(\.message) ?? []
        let phasesHit = report.sandbox?.phases.contains { !$0.limitsHit.isEmpty } ?? false
        // A run that could not load the solution says nothing about its speed.
        let loaded = suites.allSatisfy { $0.suite.loadFailure == nil }
        if !suites.isEmpty, loaded, suites.allSatisfy({ $0.suite.limitsHit.isEmpty }), !phasesHit {
            if let sandbox = report.sandbox, let longest = sandbox.phases.map(\.wallSeconds).max(),
               sandbox.limits.wallSeconds > 0 {
                let within = longest <= sandbox.limits.wallSeconds / 2 ? "well within" : "within"
                good.append("finished \(within) the limits (longest run \(ReportText.seconds(longest)) "
                    + "of \(TimeSpan(seconds: sandbox.limits.wallSeconds)))")
            } else {
                good.append("finished within the limits")
            }
        }
        return good
    }
}
