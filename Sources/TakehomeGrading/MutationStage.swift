import Foundation
import TakehomeAnalysis
import TakehomeCore
import TakehomeRunners

/// The grading's mutation stage: mutants of the candidate's source (starter code and tests left
/// out), a sample drawn with the commit id as seed, run against the candidate's own tests. Runs only
/// when the submission has tests of its own; each surviving mutant shown becomes a finding.
struct MutationStage: Sendable {
    var assignment: Assignment
    var runner: SuiteRunner

    /// What the stage gives the report.
    struct Outcome: Sendable {
        var metrics: MutationMetrics
        var findings: [Finding]
    }

    /// Measures `tree` (the fetched submission, without the assignment's tests); nil when the
    /// submission has no tests of its own.
    func run(_ tree: URL, seed: String) async throws -> Outcome? {
        let starter = (try? StarterFiles(folder: assignment.starterDirectory)) ?? StarterFiles()
        let walked = try SourceTreeWalker(registry: .standard, starter: starter).walk(tree, subfolder: assignment.root)
        guard walked.files.contains(where: { $0.kind == .test }) else { return nil }
        let all = MutantGenerator().mutants(in: walked)
        let sample = MutantSample.draw(all, count: assignment.mutation.mutants, seed: seed)
        let metrics = try await MutationRunner(runner: runner, assignment: assignment)
            .measure(tree: tree, sample: sample, generated: all.count,
                     selection: MutantSample.description(count: sample.count, of: all.count, seed: seed))
        return Outcome(metrics: metrics, findings: Self.findings(metrics))
    }

    /// One warning per surviving mutant the report shows.
    static func findings(_ metrics: MutationMetrics) -> [Finding] {
        metrics.survivors.map {
            Finding(rule: "testability.surviving-mutant", severity: .warning, message: $0.survivorSentence,
                    file: $0.file, line: $0.line)
        }
    }
}
