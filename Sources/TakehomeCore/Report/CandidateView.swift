/// The candidate's view of a report: hidden tests keep their counts and points but lose their
/// names, messages and output; findings about hidden-test files are dropped; and every remaining
/// sentence and output is passed through one redaction of hidden-test source and expected values.
/// One function for every renderer and every candidate-audience output (report, and the CI bot's
/// PR comment and annotations), so no renderer decides what a candidate may see.
public enum CandidateView {
    /// `hiddenPath`: where hidden tests sit in a run directory; `hiddenSources`: their files' text.
    public static func mask(_ report: Report, hiddenPath: String? = nil, hiddenSources: [String] = []) -> Report {
        let redaction = HiddenTestRedaction(sources: hiddenSources, testIDs: report.tests.hidden?.cases.map(\.id) ?? [])
        let clean = { (text: String) in redaction.redact(scrub(text, hiddenPath: hiddenPath)) }
        var masked = report
        masked.audience = .candidate
        if var hidden = masked.tests.hidden {
            hidden.cases = hidden.cases.enumerated().map { index, testCase in
                var copy = testCase
                copy.id = "hidden-\(index + 1)"
                copy.name = "hidden test \(index + 1)"
                copy.message = nil
                return copy
            }
            hidden.output = nil
            masked.tests.hidden = hidden
        }
        masked.tests.hidden = masked.tests.hidden.map { redact($0, clean) }
        masked.tests.public = masked.tests.public.map { redact($0, clean) }
        masked.tests.candidate = masked.tests.candidate.map { redact($0, clean) }
        masked.findings = report.findings.filter { finding in
            guard let hiddenPath, let file = finding.file else { return true }
            return !(file == hiddenPath || file.hasPrefix(hiddenPath + "/"))
        }.map { finding in
            var copy = finding
            copy.message = clean(finding.message)
            return copy
        }
        masked.score.parts = masked.score.parts.map { part in
            var copy = part
            copy.explanation = clean(part.explanation)
            return copy
        }
        if var sandbox = masked.sandbox {
            sandbox.phases = sandbox.phases.map { phase in
                var copy = phase
                copy.output = phase.output.map(clean)
                return copy
            }
            masked.sandbox = sandbox
        }
        // Derived again from what the candidate may see, and without the reviewer's questions.
        if report.feedback != nil {
            var feedback = Feedback(masked)
            feedback.questions = nil
            feedback.strengths = feedback.strengths.map { var copy = $0; copy.message = clean($0.message); return copy }
            feedback.improvements = feedback.improvements.map { var copy = $0; copy.message = clean($0.message); return copy }
            masked.feedback = feedback
        }
        return masked
    }

    private static func redact(_ suite: TestSuiteResult, _ clean: @escaping (String) -> String) -> TestSuiteResult {
        var copy = suite
        copy.cases = suite.cases.map { testCase in
            var redacted = testCase
            redacted.message = testCase.message.map(clean)
            return redacted
        }
        copy.output = suite.output.map(clean)
        if var failure = suite.loadFailure {
            failure.message = clean(failure.message)
            copy.loadFailure = failure
        }
        copy.tampering = suite.tampering.map(clean)
        copy.limitsHit = suite.limitsHit.map(clean)
        return copy
    }

    /// Drops any clause that names a hidden-test file or test function.
    static func scrub(_ text: String, hiddenPath: String?) -> String {
        guard let hiddenPath, text.contains(hiddenPath) else { return text }
        return text.split(separator: "\n").filter { !$0.contains(hiddenPath) }.joined(separator: "\n")
    }
}
