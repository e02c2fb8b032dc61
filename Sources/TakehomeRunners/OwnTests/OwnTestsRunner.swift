import Foundation
import TakehomeCore
import TakehomeSandbox

/// Runs the candidate's own tests in the sandbox (tests profile, no network) on a run directory that
/// holds only the submission — never the assignment's tests — with the runner profile's discovery
/// from the solution's root, under the language's coverage tool. There is no manifest to hold the
/// results to; the witness still records every outcome and disagreement with the result file is
/// tampering, as in a graded run.
public struct OwnTestsRunner: Sendable {
    public var runner: SuiteRunner

    public init(runner: SuiteRunner) { self.runner = runner }

    /// What the run produced: the suite result (no points), the coverage as the tool reported it
    /// (paths relative to the solution's root), why coverage is missing when it is, and findings.
    public struct Outcome: Sendable {
        public var result: TestSuiteResult
        public var coverage: CoverageData?
        public var coverageProblem: String?
        public var sandbox: SandboxResult
        public var findings: [Finding]
    }

    /// Neutralises `workspace.run` for the candidate's own tests, runs them, reads results and
    /// coverage back; nil when the runner profile cannot run a candidate's own tests.
    public func run(assignment: Assignment, workspace: RunWorkspace) async throws -> Outcome? {
        let profile = runner.profile
        let layout = runner.layout
        let invocation = SuiteInvocation(testPath: ".", solutionRoot: assignment.root, limits: assignment.limits,
                                         nonce: UUID().uuidString)
        guard var command = profile.ownTestsCommand(for: invocation, layout: layout) else { return nil }
        var findings = try profile.neutraliseForOwnTests(runDirectory: workspace.run)
        try workspace.resetResults()
        try workspace.writeSupport(profile.supportFiles)
        command.mounts += runner.mounts(for: workspace)
        command.network = false
        let run = try await runner.sandbox.run(command)

        let observation = ResultCrossCheck.Observation(
            manifest: nil, junit: runner.readJUnit(workspace), witness: WitnessLog(data: run.witness, nonce: invocation.nonce),
            exitCode: run.exitCode, signal: run.signal,
            limitsHit: run.limitsHit.filter { $0 != .output }.map { run.describe($0, limits: assignment.limits) })
        var result = ResultCrossCheck(points: PointsSpec(defaultPoints: 0), solutionRoot: assignment.root).evaluate(observation)
        if run.limitsHit.contains(.output) { result.limitsHit.append(run.describe(.output, limits: assignment.limits)) }
        result.output = SuiteRunner.text(run.stdout) + (run.stderr.isEmpty ? "" : "\n" + SuiteRunner.text(run.stderr))
        if result.tampered {
            findings.append(Finding(rule: "tests.tampering", severity: .error,
                                    message: "The results of the candidate's own tests were tampered with: "
                                        + result.tampering.joined(separator: "; ") + "."))
        }
        let root = assignment.root == "." ? layout.submission : "\(layout.submission)/\(assignment.root)"
        let (coverage, problem) = readCoverage(profile.coverageReport, workspace: workspace, root: root, tests: result.total)
        return Outcome(result: result, coverage: coverage, coverageProblem: problem, sandbox: run, findings: findings)
    }

    /// The coverage report read back through `UntrustedFile` and parsed in its declared format.
    private func readCoverage(_ report: CoverageReport?, workspace: RunWorkspace, root: String,
                              tests: Int) -> (CoverageData?, String?) {
        guard let report else { return (nil, "the \(runner.profile.name) runner measures no coverage") }
        switch UntrustedFile().read(report.file, beneath: workspace.results, name: "the coverage file") {
        case .absent:
            return (nil, tests == 0 ? "no tests ran" : "the coverage tool wrote no report")
        case .refused(let reason):
            return (nil, reason)
        case .data(let data):
            do {
                switch report.format {
                case .cobertura: return (try CoberturaParser.parse(data, root: root), nil)
                case .lcov: return (try LCOVParser.parse(String(decoding: data, as: UTF8.self), root: root), nil)
                }
            } catch let error as TakehomeError {
                return (nil, error.message)
            } catch {
                return (nil, "\(error)")
            }
        }
    }
}
