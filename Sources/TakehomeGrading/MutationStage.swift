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
        guard let metrics = try await measure(tree, seed: seed) else { return nil }
        return Outcome(metrics: metrics, findings: Self.findings(metrics))
    }

    /// The mutation figures of `tree`'s own tests; nil when it has no tests of its own.
    private func measure(_ tree: URL, seed: String) async throws -> MutationMetrics? {
        let starter = (try? StarterFiles(folder: assignment.starterDirectory)) ?? StarterFiles()
        let walked = try SourceTreeWalker(registry: .standard, starter: starter).walk(tree, subfolder: assignment.root)
        guard walked.files.contains(where: { $0.kind == .test }) else { return nil }
        let all = MutantGenerator().mutants(in: walked)
        let sample = MutantSample.draw(all, count: assignment.mutation.mutants, seed: seed)
        return try await MutationRunner(runner: runner, assignment: assignment)
            .measure(tree: tree, sample: sample, generated: all.count,
                     selection: MutantSample.description(count: sample.count, of: all.count, seed: seed))
    }

    /// The reference solution's own tests against its own mutants (the assignment id as seed, the
    /// same budget), from the cache or by running them; nil without a reference, without tests of
    /// its own, or when no mutant of it could be judged (the scoring then uses an absolute scale).
    func reference(digest: String, useCache: Bool = true) async throws -> MutationMetrics.Reference? {
        let budget = assignment.mutation
        let key = "\(digest.replacingOccurrences(of: "sha256:", with: "").prefix(32))-mutation-\(budget.mutants)-"
            + "\(Int(budget.seconds.seconds))-\(HarnessVersion.current).json"
        let cacheFile = ReferenceManifest.cacheDirectory.appendingPathComponent("mutation").appendingPathComponent(key)
        if useCache, let data = try? Data(contentsOf: cacheFile),
           let cached = try? JSONDecoder().decode(MutationMetrics.Reference.self, from: data) {
            return cached
        }
        let directory = assignment.referenceDirectory
        guard budget.mutants > 0, FileManager.default.fileExists(atPath: directory.path),
              let metrics = try await measure(directory, seed: assignment.id), let score = metrics.score else { return nil }
        let reference = MutationMetrics.Reference(run: metrics.run, killed: metrics.killed, score: score)
        if useCache {
            try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? JSONEncoder().encode(reference).write(to: cacheFile, options: .atomic)
        }
        return reference
    }

    /// One warning per surviving mutant the report shows.
    static func findings(_ metrics: MutationMetrics) -> [Finding] {
        metrics.survivors.map {
            Finding(rule: "testability.surviving-mutant", severity: .warning, message: $0.survivorSentence,
                    file: $0.file, line: $0.line)
        }
    }
}
