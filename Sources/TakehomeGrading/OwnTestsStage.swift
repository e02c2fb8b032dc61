import Foundation
import TakehomeAnalysis
import TakehomeCore
import TakehomeFetch
import TakehomeRunners
import TakehomeSandbox

/// The grading's own-tests stage: copies a tree (the fetched submission, or the reference solution)
/// into a workspace of its own — the assignment's tests are never placed there — runs the setup
/// commands, then the tree's own tests under coverage, and sums them up for the report.
struct OwnTestsStage: Sendable {
    var assignment: Assignment
    var runner: SuiteRunner

    /// What the stage gives the report and the sandbox section.
    struct Outcome: Sendable {
        var suite: TestSuiteResult
        var metrics: OwnTestsMetrics
        var findings: [Finding]
        var phase: SandboxInfo.Phase
        var sandbox: SandboxResult
        /// The setup commands' runs in this copy.
        var setupRuns: [SandboxResult]
    }

    /// Runs the tests in `tree`, whose static analysis says which files are source and where their
    /// functions are.
    func run(_ tree: URL, analysed: Report.Metrics, phaseName: String) async throws -> Outcome? {
        let sourceFiles = Set((analysed.size?.files ?? []).filter { $0.kind == .source }.map(\.path))
        return try await run(tree, sourceFiles: sourceFiles, functions: analysed.complexity?.functions ?? [], phaseName: phaseName)
    }

    /// Runs the tests in `tree`; `sourceFiles` and `functions` are the analysis's view of its source
    /// (paths relative to the solution's root). Nil when the runner cannot run a candidate's tests.
    func run(_ tree: URL, sourceFiles: Set<String>, functions: [FunctionMetrics], phaseName: String) async throws -> Outcome? {
        let workspace = try RunWorkspace.create()
        defer { workspace.remove() }
        _ = try TreeCopier.copy(from: tree, to: workspace.run)
        // The same setup as the graded run's (whose phase and findings report it), in this copy.
        let setup = try await SetupPhase(sandbox: runner.sandbox, toolchainMounts: runner.profile.toolchainMounts)
            .run(assignment, workspace: workspace)
        guard let outcome = try await OwnTestsRunner(runner: runner).run(assignment: assignment, workspace: workspace) else {
            return nil
        }
        let tool = runner.profile.coverageReport.map { "\(runner.profile.name) + coverage.py (\($0.format.rawValue))" }
        let metrics = OwnTestsSummary.metrics(outcome.result, coverage: outcome.coverage, coverageNote: outcome.coverageProblem,
                                              tool: tool, sourceFiles: sourceFiles, functions: functions)
        let findings = outcome.findings
        let run = outcome.sandbox
        let phase = SandboxInfo.Phase(name: phaseName, exitCode: run.exitCode, signal: run.signal,
                                      wallSeconds: (run.wallSeconds * 1000).rounded() / 1000,
                                      limitsHit: outcome.result.limitsHit, network: false, profile: SandboxPhase.tests.rawValue)
        return Outcome(suite: OwnTestsSummary.suite(outcome.result, metrics: metrics), metrics: metrics,
                       findings: findings, phase: phase, sandbox: run, setupRuns: setup.map(\.result))
    }

    /// The reference solution's own-test figures, from the cache or by running them; nil when the
    /// reference has no tests of its own (the scoring then uses an absolute scale).
    func reference(digest: String, useCache: Bool = true) async throws -> OwnTestsMetrics.Reference? {
        let key = "\(digest.replacingOccurrences(of: "sha256:", with: "").prefix(32))-own-tests-\(HarnessVersion.current).json"
        let cacheFile = ReferenceManifest.cacheDirectory.appendingPathComponent("own-tests").appendingPathComponent(key)
        if useCache, let data = try? Data(contentsOf: cacheFile),
           let cached = try? JSONDecoder().decode(OwnTestsMetrics.Reference.self, from: data) {
            return cached
        }
        let directory = assignment.referenceDirectory
        guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
        let starter = (try? StarterFiles(folder: assignment.starterDirectory)) ?? StarterFiles()
        let analysed = try MetricsAnalyzer(registry: .standard, options: MetricsOptions(thresholds: assignment.thresholds))
            .analyze(directory, subfolder: assignment.root, starter: starter)
        guard let outcome = try await run(directory, analysed: analysed.report, phaseName: "reference's own tests"),
              outcome.metrics.found > 0 else { return nil }
        let reference = OwnTestsMetrics.Reference(found: outcome.metrics.found, passed: outcome.metrics.passed,
                                                  coverage: outcome.metrics.coverage)
        if useCache {
            try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? JSONEncoder().encode(reference).write(to: cacheFile, options: .atomic)
        }
        return reference
    }
}
