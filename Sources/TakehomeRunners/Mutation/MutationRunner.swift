import TakehomeCore
import Foundation
import TakehomeSandbox

/// Runs a sample of mutants against the candidate's own tests in the sandbox: first the unmutated
/// suite (it must find tests and pass), then each mutant in a fresh copy of the submission, in
/// parallel bounded by cores, each with a timeout derived from the unmutated run, the whole inside
/// the seconds budget. A mutant is killed when a test fails, errors or the run times out. The
/// timeout is of CPU time, with three times as much wall time for a mutant that waits rather than
/// runs: on a loaded machine a mutant's run takes longer than the unmutated one did, but not more
/// CPU, so a slow run is not mistaken for an endless one.
public struct MutationRunner: Sendable {
    public var runner: SuiteRunner
    public var assignment: Assignment
    /// Mutant runs at once.
    public var parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(runner: SuiteRunner, assignment: Assignment) {
        self.runner = runner; self.assignment = assignment
    }

    /// The candidate's tests, wherever they are below the solution's root.
    static let ownTests = TestSuiteSpec(path: ".", into: ".", points: PointsSpec())

    /// Runs `sample` (mutants of files below `tree`'s solution root) and measures what the tests kill.
    public func measure(tree: URL, sample: [Mutant], generated: Int, selection: String) async throws -> MutationMetrics {
        let started = Date()
        let budget = assignment.mutation
        var metrics = MutationMetrics(budget: .init(mutants: budget.mutants, seconds: budget.seconds.seconds),
                                      generated: generated, selected: sample.count, selection: selection)
        func finished(notMeasured reason: String? = nil) -> MutationMetrics {
            metrics.notMeasured = reason
            metrics.seconds = (Date().timeIntervalSince(started) * 1000).rounded() / 1000
            return metrics
        }
        if budget.mutants == 0 { return finished(notMeasured: "mutation testing is turned off (mutation.mutants: 0)") }
        if sample.isEmpty { return finished(notMeasured: "the source has nothing the mutation operators change") }

        let baseline = try await run(tree: tree, mutant: nil, limits: assignment.limits)
        if let reason = Self.unmeasurable(baseline) { return finished(notMeasured: reason) }
        metrics.baselineSeconds = (baseline.wallSeconds * 1000).rounded() / 1000
        let timeout = min(3 * baseline.wallSeconds + 2, assignment.limits.wall.seconds)
        metrics.mutantTimeoutSeconds = (timeout * 1000).rounded() / 1000
        let limits = Self.mutantLimits(timeout: timeout, assignment.limits)
        let deadline = started.addingTimeInterval(budget.seconds.seconds)

        var verdicts: [Verdict] = []
        try await withThrowingTaskGroup(of: (Mutant, Verdict).self) { group in
            var next = 0
            func launch() -> Bool {
                guard next < sample.count, Date().addingTimeInterval(timeout) <= deadline else { return false }
                let mutant = sample[next]
                next += 1
                group.addTask {
                    let result = try await run(tree: tree, mutant: mutant, limits: limits)
                    return (mutant, Self.verdict(result, baseline: baseline))
                }
                return true
            }
            for _ in 0..<parallelism where launch() {}
            while let (mutant, verdict) = try await group.next() {
                verdicts.append(verdict)
                if verdict == .survived { metrics.survivors.append(mutant) }
                _ = launch()
            }
            metrics.notRun = sample.count - next
        }
        metrics.run = verdicts.count
        metrics.timedOut = verdicts.filter { $0 == .timedOut }.count
        metrics.survived = metrics.survivors.count
        metrics.killed = metrics.run - metrics.survived
        metrics.score = metrics.run == 0 ? nil : Double(metrics.killed) / Double(metrics.run)
        metrics.survivors = Array(metrics.survivors.sorted { ($0.file, $0.line, $0.start) < ($1.file, $1.line, $1.start) }
            .prefix(MutationMetrics.survivorsShown))
        return finished()
    }

    /// What one run of the suite showed.
    struct SuiteRun: Sendable {
        var result: TestSuiteResult
        var wallSeconds: Double
        var timedOut: Bool
    }

    enum Verdict: Sendable { case killed, timedOut, survived }

    /// A mutant's limits: `timeout` seconds of CPU time and three times that of wall time, each at
    /// most the assignment's.
    static func mutantLimits(timeout: Double, _ limits: RunLimits) -> RunLimits {
        var limited = limits
        limited.cpu = TimeSpan(seconds: min(timeout, limits.cpu.seconds))
        limited.wall = TimeSpan(seconds: min(3 * timeout, limits.wall.seconds))
        return limited
    }

    /// Copies the submission, applies `mutant`, and runs the candidate's tests on the copy.
    func run(tree: URL, mutant: Mutant?, limits: RunLimits) async throws -> SuiteRun {
        let workspace = try RunWorkspace.create()
        defer { workspace.remove() }
        try FileManager.default.copyItem(at: tree, to: workspace.run)
        if let mutant {
            let file = workspace.run.appendingPathComponent(Assignment.pathInSubmission(root: assignment.root, mutant.file))
            let bytes = try [UInt8](Data(contentsOf: file))
            try Data(mutant.apply(to: bytes)).write(to: file, options: .atomic)  // replaces, never follows, a link
        }
        var limited = assignment
        limited.limits = limits
        let outcome = try await runner.run(Self.ownTests, assignment: limited, workspace: workspace, manifest: nil)
        return SuiteRun(result: outcome.result, wallSeconds: outcome.sandbox.wallSeconds,
                        timedOut: outcome.sandbox.limitsHit.contains(.wall) || outcome.sandbox.limitsHit.contains(.cpu))
    }

    /// Why the unmutated suite cannot measure mutants, or nil when it can.
    static func unmeasurable(_ baseline: SuiteRun) -> String? {
        let result = baseline.result
        if baseline.timedOut { return "the candidate's tests time out before any mutant is made" }
        if let failure = result.loadFailure { return "the candidate's tests do not load unmutated: \(failure.message)" }
        if result.tampered { return "the candidate's test results were tampered with" }
        if result.total == 0 { return "no tests of the candidate's were found" }
        if result.passed == 0 { return "no test of the candidate's passes before any mutant is made (\(result.total) found)" }
        return nil
    }

    /// Killed when a test that passed unmutated no longer passes (fails, errors, is gone), the tests
    /// no longer load or the run times out; tests that failed unmutated cannot catch a mutant.
    static func verdict(_ run: SuiteRun, baseline: SuiteRun) -> Verdict {
        if run.timedOut { return .timedOut }
        let result = run.result
        guard result.loadFailure == nil, !result.tampered, result.passed >= baseline.result.passed else { return .killed }
        let passing = Set(result.cases.filter { $0.status == .passed }.map(\.id))
        let guarding = baseline.result.cases.filter { $0.status == .passed }.map(\.id)
        return guarding.allSatisfy(passing.contains) ? .survived : .killed
    }
}
