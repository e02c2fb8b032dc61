import TakehomeCore

/// The report as GitHub-flavoured Markdown, for a PR comment, a step summary or a file handed to
/// a reviewer: tables for the score and the tests, long lists and runner output folded away.
public struct MarkdownRenderer: ReportRenderer {
    public var format: ReportFormat { .md }

    public init() {}

    public func render(_ report: Report) -> String {
        let outline = ReportOutline(report)
        var blocks: [String] = []
        blocks.append("# " + MarkdownText.inline(outline.title))
        blocks.append(outline.header.map { "- **\($0.label):** " + MarkdownText.inline($0.value) }.joined(separator: "\n"))
        blocks += opening(outline)

        blocks.append("## Score: " + ReportOutline.scoreLine(report.score))
        blocks.append(MarkdownText.table(["Part", "Points", "How"], alignRight: [1], rows: report.score.parts.map {
            [$0.name, ReportOutline.partPoints($0), $0.explanation]
        }))

        if outline.hasProblems {
            blocks.append("## Problems")
            let sentences = outline.loadFailures + outline.tampering + outline.limits
            if !sentences.isEmpty { blocks.append(sentences.map { MarkdownText.listItem($0) }.joined(separator: "\n")) }
            if !outline.failing.isEmpty {
                blocks.append("### Failing tests")
                blocks.append(MarkdownText.table(["Suite", "Test", "Status", "Points", "Message"], alignRight: [3],
                                                 rows: outline.failing.map {
                    [$0.suite, $0.label, $0.status.rawValue, ReportText.number($0.points), $0.message ?? "—"]
                }))
            }
            if !outline.findings.isEmpty {
                blocks.append("### Findings")
                for group in outline.findings {
                    blocks.append("#### \(group.severity.rawValue) (\(group.findings.count))")
                    blocks.append(group.findings.map(finding).joined(separator: "\n"))
                }
            }
        }
        if !outline.suites.isEmpty { blocks += tests(outline.suites) }
        let code = MetricsSummary(report.metrics)
        if !code.isEmpty { blocks += self.code(code) }
        if let sandbox = report.sandbox { blocks += self.sandbox(sandbox) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// What is good, what to improve first, and the reviewer's questions: what the report opens with.
    private func opening(_ outline: ReportOutline) -> [String] {
        var blocks: [String] = []
        if !outline.good.isEmpty {
            blocks.append("## What is good")
            blocks.append(outline.good.map { "- " + MarkdownText.inlineKeepingCode($0) }.joined(separator: "\n"))
        }
        if !outline.improvements.isEmpty {
            blocks.append("## Improve first")
            var items = outline.improvements.enumerated().map { number, improvement in
                let place = ReportOutline.place(file: improvement.file, line: improvement.line).map { MarkdownText.code($0) + " — " } ?? ""
                return "\(number + 1). \(place)**\(MarkdownText.inline(improvement.impact))**<br>" + MarkdownText.inlineKeepingCode(improvement.message)
            }
            if let more = outline.moreFindingsLine { items.append("\n_\(more)_") }
            blocks.append(items.joined(separator: "\n"))
        }
        if !outline.questions.isEmpty {
            blocks.append("## Questions for the review call")
            blocks.append(outline.questions.enumerated().map { number, question in
                "\(number + 1). " + MarkdownText.inlineKeepingCode(question.question)
            }.joined(separator: "\n"))
        }
        return blocks
    }

    private func finding(_ finding: Finding) -> String {
        let rule = " (" + MarkdownText.code(finding.rule) + ")"
        guard let place = ReportOutline.place(finding) else { return MarkdownText.listItem(finding.message) + rule }
        return "- " + MarkdownText.code(place) + " " + MarkdownText.inline(finding.message) + rule
    }

    private func tests(_ suites: [ReportOutline.NamedSuite]) -> [String] {
        var blocks = ["## Tests"]
        blocks.append(MarkdownText.table(
            ["Suite", "Passed", "Failed", "Errored", "Skipped", "Points", "Time", "Coverage"],
            alignRight: [1, 2, 3, 4, 5, 6, 7],
            rows: suites.map { named in
                let suite = named.suite
                return [named.name, "\(suite.passed)/\(suite.total)", "\(suite.failed)", "\(suite.errored)",
                        "\(suite.skipped)", ReportText.points(suite.pointsEarned, of: suite.pointsPossible),
                        ReportText.duration(milliseconds: suite.durationMs),
                        suite.coverage.map { ReportText.number($0.lines * 100) + "%" } ?? "—"]
            }))
        for named in suites {
            let suite = named.suite
            if !suite.cases.isEmpty {
                let table = MarkdownText.table(["Test", "Status", "Points", "Earned", "Time"], alignRight: [2, 3, 4],
                                               rows: suite.cases.map {
                    [ReportOutline.label($0), $0.status.rawValue, ReportText.number($0.points),
                     ReportText.number($0.earned), ReportText.duration(milliseconds: $0.durationMs)]
                })
                blocks.append(MarkdownText.details("All \(ReportText.count(suite.total, named.noun))", table))
            }
            if let output = suite.output, !output.isEmpty {
                blocks.append(MarkdownText.details("Output of the \(named.noun)s", MarkdownText.fenced(output)))
            }
        }
        return blocks
    }

    private func code(_ code: MetricsSummary) -> [String] {
        var blocks = ["## Code"]
        let sentences = [("Size", code.size), ("Complexity", code.complexity), ("Duplication", code.duplication),
                         ("Design", code.design), ("Structure", code.structure), ("Mutation", code.mutation)]
            .compactMap { label, sentence in sentence.map { "- **\(label):** " + MarkdownText.inline($0) } }
        blocks.append(sentences.joined(separator: "\n"))
        if !code.worst.isEmpty {
            blocks.append(MarkdownText.table(["Most complex", "Where", "Figures"], alignRight: [],
                                             rows: code.worst.map { [$0.name, $0.place, $0.figures] }))
        }
        return blocks
    }

    private func sandbox(_ sandbox: SandboxInfo) -> [String] {
        var blocks = ["## Sandbox", "- **Isolation:** " + MarkdownText.inline(sandbox.isolation)]
        blocks.append(MarkdownText.table(["Limit", "Value", "Enforced by"], alignRight: [], rows:
            SandboxSummary.rows(sandbox).map { [$0.name, $0.value, $0.enforcement ?? "—"] }))
        blocks += SandboxSummary.warnings(sandbox).map { "> **Warning:** " + MarkdownText.inline($0) }
        if let filter = sandbox.syscallFilter { blocks.append("- **Syscalls:** " + MarkdownText.inline(filter)) }
        if !sandbox.phases.isEmpty {
            blocks.append(MarkdownText.table(["Phase", "Exit", "Wall time", "Limits hit", "Network"], alignRight: [2],
                                             rows: sandbox.phases.map {
                [$0.name, SandboxSummary.exit($0), ReportText.seconds($0.wallSeconds),
                 $0.limitsHit.isEmpty ? "—" : $0.limitsHit.joined(separator: ", "), $0.network ? "on" : "off"]
            }))
        }
        return blocks
    }
}
