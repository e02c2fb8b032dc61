import Foundation
import Testing
import TakehomeCore
@testable import TakehomeReports

@Suite struct RendererGoldenTests {
    @Test(arguments: Fixture.allCases)
    func terminalPlain(_ fixture: Fixture) throws {
        let text = TerminalRenderer(colour: false).render(fixture.report)
        try GoldenFile.check(text, named: "\(fixture).terminal.txt")
        #expect(!text.contains("\u{1B}"))
        let wide = text.split(separator: "\n").filter { $0.count > TerminalRenderer.width }
        #expect(wide.isEmpty, "lines wider than \(TerminalRenderer.width) columns: \(wide)")
    }

    @Test(arguments: Fixture.allCases)
    func terminalColour(_ fixture: Fixture) throws {
        let text = TerminalRenderer(colour: true).render(fixture.report)
        try GoldenFile.check(text, named: "\(fixture).terminal-colour.txt")
        #expect(text.contains("\u{1B}[1m"))
        // Only the renderer's own colour codes: the submission's escape sequences are neutralised.
        #expect(!text.contains("\u{1B}[2J"))
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        #expect(plain == TerminalRenderer(colour: false).render(fixture.report))
    }

    @Test(arguments: Fixture.allCases)
    func markdown(_ fixture: Fixture) throws {
        try GoldenFile.check(MarkdownRenderer().render(fixture.report), named: "\(fixture).md")
    }

    @Test(arguments: Fixture.allCases)
    func json(_ fixture: Fixture) throws {
        let text = JSONRenderer().render(fixture.report)
        try GoldenFile.check(text, named: "\(fixture).json")
        #expect(try ReportCoding.decode(Data(text.utf8)) == fixture.report)
    }

    @Test func candidateViewOfBuggy() throws {
        let report = Fixture.buggy.report
        let masked = CandidateView.mask(report, hiddenPath: "tests/hidden")
        let markdown = MarkdownRenderer().render(masked)
        let terminal = TerminalRenderer(colour: false).render(masked)
        try GoldenFile.check(markdown, named: "buggy-candidate.md")
        try GoldenFile.check(terminal, named: "buggy-candidate.terminal.txt")
        let hidden = try #require(report.tests.hidden)
        for text in [markdown, terminal] {
            for testCase in hidden.cases {
                #expect(!text.contains(testCase.name), "hidden test name \(testCase.name) shown to the candidate")
                if let message = testCase.message, message != Fixture.wallSentence {
                    #expect(!text.contains(String(message.prefix(30))), "hidden message shown: \(message)")
                }
            }
            #expect(!text.contains("test_pay.py"))
            #expect(text.contains("hidden test 2"))
        }
    }
}

@Suite struct RendererBehaviourTests {
    @Test func factoryGivesEachFormatItsRenderer() {
        for format in ReportFormat.allCases {
            #expect(ReportFormat.renderer(for: format, colour: false).format == format)
        }
        #expect((ReportFormat.renderer(for: .terminal, colour: true) as? TerminalRenderer)?.colour == true)
    }

    @Test func loadFailureIsReportedOnceNotPerTest() {
        let text = TerminalRenderer(colour: false).render(Fixture.broken.report)
        let problems = text.split(separator: "\n").filter { $0.hasPrefix("  ✗") }
        #expect(problems.filter { $0.contains("could not load") }.count == 1)
        #expect(text.contains("✗ The tests could not load your solution: ModuleNotFoundError: No module named 'shiftpay'^[[2J."))
        #expect(text.contains("Expected at shiftpay/__init__.py. (33 hidden tests could not run.)"))
        #expect(!text.contains("Failing tests"))
    }

    @Test func goodNewsComesOnlyFromTheData() {
        let pass = TerminalRenderer(colour: false).render(Fixture.pass.report)
        #expect(pass.contains("all 33 hidden tests pass"))
        #expect(pass.contains("finished well within the limits"))
        #expect(!pass.contains("Problems"))
        let broken = MarkdownRenderer().render(Fixture.broken.report)
        #expect(!broken.contains("What is good"))
    }

    @Test func theReportOpensWithTheFeedback() throws {
        let report = Fixture.buggy.report
        let feedback = try #require(report.feedback)
        let terminal = TerminalRenderer(colour: false).render(report)
        let markdown = MarkdownRenderer().render(report)
        for (text, headings) in [(terminal, ["\nImprove first", "\nQuestions for the review call", "\nScore "]),
                                 (markdown, ["## Improve first", "## Questions for the review call", "## Score"])] {
            let offsets = try headings.map { try #require(text.range(of: $0)).lowerBound }
            #expect(offsets == offsets.sorted(), "the opening comes before the score")
            #expect(text.contains(feedback.improvements[0].impact.prefix(30)))
            #expect(text.contains("and \(feedback.moreFindings) more findings below"))
        }
        let questions = try #require(feedback.questions)
        #expect(terminal.contains("1. " + questions[0].question.prefix(40)))
        let candidate = TerminalRenderer(colour: false).render(CandidateView.mask(report, hiddenPath: "tests/hidden"))
        #expect(candidate.contains("Improve first") && !candidate.contains("Questions for the review call"))
    }

    @Test func markdownKeepsSubmissionTextInert() {
        let markdown = MarkdownRenderer().render(Fixture.broken.report)
        #expect(markdown.contains(#"M. \| Mallory \`\<img\>\`"#))
        #expect(!markdown.contains("<img>"))
        let buggy = MarkdownRenderer().render(Fixture.buggy.report)
        #expect(buggy.contains(#"Decimal('120.00') \| got \`Decimal('96.00')\`"#))
        #expect(buggy.contains("````text\n"), "the output's own ``` must not close the fence")
    }

    @Test func terminalWrapsLongTextInsideTheWidth() {
        var report = Fixture.pass.report
        report.findings = [Finding(rule: "r", severity: .warning, message: String(repeating: "word ", count: 60)
                                   + String(repeating: "x", count: 250), file: "a.py", line: 1)]
        let text = TerminalRenderer(colour: true).render(report)
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        #expect(plain.split(separator: "\n").allSatisfy { $0.count <= TerminalRenderer.width })
        #expect(plain.contains(String(repeating: "x", count: 80)))
    }
}
