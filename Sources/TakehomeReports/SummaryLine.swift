import TakehomeCore

/// One line per graded submission, in fixed-width columns, for `make demo` and batch logs:
/// `clean             score 60/60 (100%)        hidden 33/33  limits: none  tampering: no`.
public enum SummaryLine {
    /// The line for `report`, led by `label` (a sample's or candidate's name).
    public static func render(_ report: Report, label: String) -> String {
        let tests = report.tests
        let graded = [("hidden", tests.hidden), ("public", tests.public), ("own", tests.candidate)]
            .lazy.compactMap { name, suite in suite.map { (name, $0) } }.first
        var columns = [
            TextWrapping.pad(ReportText.oneLine(label), 16),
            TextWrapping.pad("score " + ReportOutline.scoreLine(report.score), 24),
        ]
        if let (name, suite) = graded {
            columns.append(TextWrapping.pad("\(name) \(suite.passed)/\(suite.total)", 12))
        } else {
            columns.append(TextWrapping.pad("tests: none", 12))
        }
        let suites = [tests.hidden, tests.public, tests.candidate].compactMap { $0 }
        if suites.contains(where: { $0.loadFailure != nil }) { columns.append("load: failed") }
        var limits: [String] = []
        for sentence in suites.flatMap(\.limitsHit) where !limits.contains(sentence) { limits.append(sentence) }
        columns.append("limits: " + (limits.isEmpty ? "none" : limits.joined(separator: "; ")))
        columns.append("tampering: " + (suites.contains(where: \.tampered) ? "FLAGGED" : "no"))
        return columns.joined(separator: "  ")
    }
}
