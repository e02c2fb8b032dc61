import TakehomeCore

/// The report for a reviewer's or candidate's terminal: 100 columns, readable without colour,
/// ANSI colour only when asked for (the CLI asks when stdout is a terminal).
public struct TerminalRenderer: ReportRenderer {
    public var format: ReportFormat { .terminal }
    /// Whether to emit ANSI colour codes.
    public var colour: Bool
    /// The widest line the report writes.
    public static let width = 100

    public init(colour: Bool) { self.colour = colour }

    public func render(_ report: Report) -> String {
        let outline = ReportOutline(report)
        var lines: [String] = []
        lines.append(paint(.bold, "takehome report: " + safe(outline.title)))
        let labelWidth = (outline.header.map(\.label.count).max() ?? 0) + 2
        for row in outline.header {
            lines += hanging(safe(row.value), first: "  " + paint(.dim, TextWrapping.pad(row.label, labelWidth)),
                             width: 2 + labelWidth)
        }
        lines += opening(outline)

        lines += ["", paint(.bold, "Score  ") + paint(.bold, ReportOutline.scoreLine(report.score))]
        let nameWidth = (report.score.parts.map(\.name.count).max() ?? 0) + 2
        let pointsWidth = (report.score.parts.map { ReportOutline.partPoints($0).count }.max() ?? 0) + 2
        for part in report.score.parts {
            let points = TextWrapping.pad(ReportOutline.partPoints(part), pointsWidth)
            let first = "  " + TextWrapping.pad(part.name, nameWidth) + (part.measured ? points : paint(.dim, points))
            lines += hanging(safe(part.explanation), first: first, width: 2 + nameWidth + pointsWidth)
        }

        if outline.hasProblems {
            lines += ["", paint(.bold, "Problems")]
            for sentence in outline.loadFailures + outline.tampering + outline.limits {
                lines += hanging(safe(sentence), first: "  " + paint(.red, "✗") + " ", width: 4)
            }
            lines += failing(outline.failing)
            lines += findings(outline.findings)
        }

        if !outline.suites.isEmpty {
            lines += ["", paint(.bold, "Tests")]
            let width = (outline.suites.map(\.name.count).max() ?? 0) + 2
            for named in outline.suites {
                lines += hanging(ReportOutline.suiteLine(named.suite), first: "  " + TextWrapping.pad(named.name, width),
                                 width: 2 + width)
            }
        }
        let code = MetricsSummary(report.metrics)
        if !code.isEmpty { lines += ["", paint(.bold, "Code")] + self.code(code) }
        if let sandbox = report.sandbox { lines += ["", paint(.bold, "Sandbox")] + self.sandbox(sandbox) }
        return lines.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    /// What is good, what to improve first, and the reviewer's questions: what the report opens with.
    private func opening(_ outline: ReportOutline) -> [String] {
        var lines: [String] = []
        if !outline.good.isEmpty {
            lines += ["", paint(.bold, "What is good")]
            for sentence in outline.good { lines += hanging(safe(sentence), first: "  " + paint(.green, "✓") + " ", width: 4) }
        }
        if !outline.improvements.isEmpty {
            lines += ["", paint(.bold, "Improve first") + paint(.dim, " (ranked by the rubric points each costs)")]
            for (number, improvement) in outline.improvements.enumerated() {
                let place = ReportOutline.place(file: improvement.file, line: improvement.line).map { safe($0) + " — " } ?? ""
                lines += hanging(place + improvement.impact, first: "  " + paint(.yellow, "\(number + 1).") + " ", width: 5)
                lines += hanging(safe(improvement.message), first: "     ", width: 5)
            }
            if let more = outline.moreFindingsLine { lines.append("  " + paint(.dim, more)) }
        }
        if !outline.questions.isEmpty {
            lines += ["", paint(.bold, "Questions for the review call")]
            for (number, question) in outline.questions.enumerated() {
                lines += hanging(safe(question.question), first: "  \(number + 1). ", width: 5)
            }
        }
        return lines
    }

    private func failing(_ tests: [ReportOutline.FailingTest]) -> [String] {
        guard !tests.isEmpty else { return [] }
        var lines = ["  " + paint(.bold, "Failing tests")]
        for test in tests {
            let points = ReportText.number(test.points) + (test.points == 1 ? " pt" : " pts")
            let head = "\(safe(test.label)) — \(test.status.rawValue), \(points) (\(test.suite) tests)"
            lines += hanging(head, first: "    " + paint(.red, "✗") + " ", width: 6)
            if let message = test.message {
                lines += hanging(safe(message), first: "        ", width: 8).map { paint(.dim, $0) }
            }
        }
        return lines
    }

    private func findings(_ groups: [(severity: Finding.Severity, findings: [Finding])]) -> [String] {
        guard !groups.isEmpty else { return [] }
        var lines = ["  " + paint(.bold, "Findings")]
        for group in groups {
            let style: Style = switch group.severity { case .error: .red; case .warning: .yellow; case .info: .dim }
            lines.append("    " + paint(style, "\(group.severity.rawValue) (\(group.findings.count))"))
            for finding in group.findings {
                let place = ReportOutline.place(finding).map { safe($0) + ": " } ?? ""
                lines += hanging(place + safe(finding.message) + " [\(safe(finding.rule))]", first: "      ", width: 6)
            }
        }
        return lines
    }

    private func code(_ code: MetricsSummary) -> [String] {
        var lines: [String] = []
        for (label, sentence) in [("size", code.size), ("complexity", code.complexity), ("duplication", code.duplication),
                                 ("design", code.design), ("structure", code.structure), ("mutation", code.mutation)] {
            guard let sentence else { continue }
            lines += hanging(safe(sentence), first: "  " + TextWrapping.pad(label, 13), width: 15)
        }
        guard !code.worst.isEmpty else { return lines }
        lines.append("  most complex")
        let placeWidth = (code.worst.map { safe($0.place).count }.max() ?? 0) + 2
        for row in code.worst {
            lines += hanging("\(safe(row.name)) — \(row.figures)", first: "    " + TextWrapping.pad(safe(row.place), placeWidth),
                             width: 4 + placeWidth)
        }
        return lines
    }

    private func sandbox(_ sandbox: SandboxInfo) -> [String] {
        var lines = hanging(safe(sandbox.isolation), first: "  isolation  ", width: 13)
        let limits = SandboxSummary.rows(sandbox).map { row in
            "\(row.name) \(row.value)" + (row.enforcement.map { " (\(safe($0)))" } ?? "")
        }
        lines += hanging(limits.joined(separator: ", "), first: "  limits     ", width: 13)
        for warning in SandboxSummary.warnings(sandbox) {
            lines += hanging(safe(warning), first: "  " + paint(.yellow, "warning") + "    ", width: 13)
        }
        if let filter = sandbox.syscallFilter { lines += hanging(safe(filter), first: "  syscalls   ", width: 13) }
        guard !sandbox.phases.isEmpty else { return lines }
        lines.append("  phases")
        let nameWidth = (sandbox.phases.map { safe($0.name).count }.max() ?? 0) + 2
        for phase in sandbox.phases {
            let text = SandboxSummary.phaseSummary(phase).map { safe($0) }.joined(separator: ", ")
            lines += hanging(text, first: "    " + TextWrapping.pad(safe(phase.name), nameWidth), width: 4 + nameWidth)
        }
        return lines
    }

    // MARK: Layout and colour

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33"
    }

    private func paint(_ style: Style, _ text: String) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func safe(_ text: String) -> String { ReportText.oneLine(text) }

    /// Wraps `text` after a prefix whose visible width is `width` (the prefix may hold colour codes).
    private func hanging(_ text: String, first: String, width: Int) -> [String] {
        TextWrapping.hanging(text, first: first, firstWidth: width, width: Self.width)
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line.removeLast() }
        return String(line)
    }
}
