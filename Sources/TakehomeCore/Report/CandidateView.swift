/// The candidate's view of a report: hidden tests keep their counts and points but lose their
/// names, messages and output; findings about hidden-test files are dropped. One function, used by
/// every renderer, so no renderer decides what a candidate may see.
public enum CandidateView {
    public static func mask(_ report: Report, hiddenPath: String? = nil) -> Report {
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
            if var failure = hidden.loadFailure {
                failure.message = scrub(failure.message, hiddenPath: hiddenPath)
                hidden.loadFailure = failure
            }
            hidden.tampering = hidden.tampering.map { scrub($0, hiddenPath: hiddenPath) }
            masked.tests.hidden = hidden
        }
        masked.findings = report.findings.filter { finding in
            guard let hiddenPath, let file = finding.file else { return true }
            return !(file == hiddenPath || file.hasPrefix(hiddenPath + "/"))
        }
        return masked
    }

    /// Drops any clause that names a hidden-test file or test function.
    static func scrub(_ text: String, hiddenPath: String?) -> String {
        guard let hiddenPath, text.contains(hiddenPath) else { return text }
        return text.split(separator: "\n").filter { !$0.contains(hiddenPath) }.joined(separator: "\n")
    }
}
