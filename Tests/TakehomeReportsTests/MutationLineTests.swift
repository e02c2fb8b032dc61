import Testing
import TakehomeCore
@testable import TakehomeReports

/// The Code section's mutation line: the score, the reference's and the budget, in both text renderers.
@Suite struct MutationLineTests {
    static func report(_ mutation: MutationMetrics) -> Report {
        var report = Fixture.passReport()
        report.metrics.testability = TestabilityMetrics(mutation: mutation)
        return report
    }

    /// The rendered text with line wrapping and indentation folded into single spaces.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func scoreReferenceAndBudgetAreStated() {
        var mutation = MutationMetrics(budget: .init(mutants: 40, seconds: 120), generated: 61, selected: 40, run: 38,
                                       killed: 35, survived: 3, notRun: 2, score: 35.0 / 38.0)
        mutation.reference = .init(run: 40, killed: 35, score: 0.875)
        let sentence = "own tests kill 35 of 38 mutants (92.1%; the reference's: 35 of 40, 87.5%); budget 40 mutants, 120 s, "
            + "2 not run within it"
        #expect(MetricsSummary(Self.report(mutation).metrics).mutation == sentence)
        #expect(Self.flat(TerminalRenderer(colour: false).render(Self.report(mutation))).contains("mutation " + sentence))
        #expect(MarkdownRenderer().render(Self.report(mutation)).contains("- **Mutation:** " + sentence))
    }

    @Test func aRunWithoutScoreSaysWhyAndStillStatesTheBudget() {
        let mutation = MutationMetrics(budget: .init(mutants: 0, seconds: 120),
                                       notMeasured: "mutation testing is turned off (mutation.mutants: 0)")
        #expect(MetricsSummary(Self.report(mutation).metrics).mutation
            == "not measured: mutation testing is turned off (mutation.mutants: 0); budget 0 mutants, 120 s")
    }
}
