import TakehomeCore
import Foundation
import TakehomeSandbox

/// Runs one suite of tests in the sandbox and turns what it left behind into a cross-checked result.
public struct SuiteRunner: Sendable {
    public var sandbox: Sandbox
    public var profile: any RunnerProfile
    public var layout = SandboxLayout()

    public init(sandbox: Sandbox, profile: any RunnerProfile) {
        self.sandbox = sandbox
        self.profile = profile
    }

    /// What running a suite produced: the result, the sandbox's own record, and findings.
    public struct Outcome: Sendable {
        public var result: TestSuiteResult
        public var sandbox: SandboxResult
        public var findings: [Finding]
    }

    /// Prepares `workspace.run` (already holding the code) for `suite`: neutralises the runner
    /// configuration the code controls, then places the assignment's tests last so nothing of the
    /// code's stands at their path. Returns what it had to remove.
    public func stage(_ suite: TestSuiteSpec, assignment: Assignment, workspace: RunWorkspace) throws -> [Finding] {
        let findings = try profile.neutralise(runDirectory: workspace.run, keep: assignment.pathInSubmission(of: suite))
        return findings + (try HiddenTestStager.place(suite: assignment.directory.appendingPathComponent(suite.path),
                                                      into: suite.into, solutionRoot: assignment.root,
                                                      runDirectory: workspace.run))
    }

    /// Runs the tests at `suite.into` (already placed in `workspace.run`) and checks the results
    /// against `manifest` (the reference's test ids; nil to accept what the run collected).
    public func run(_ suite: TestSuiteSpec, assignment: Assignment, workspace: RunWorkspace,
                    manifest: [String]?) async throws -> Outcome {
        try workspace.resetResults()
        try workspace.writeSupport(profile.supportFiles)
        let planted = ControlTests()
        var controls: ControlTests?
        if let module = profile.controlModule(planted) {
            let folder = workspace.run.appendingPathComponent(assignment.pathInSubmission(of: suite))
            try Data(module.source.utf8).write(to: folder.appendingPathComponent(module.fileName))
            controls = planted
        }
        let nonce = UUID().uuidString
        let invocation = SuiteInvocation(testPath: suite.into, solutionRoot: assignment.root, limits: assignment.limits,
                                         nonce: nonce)
        var command = profile.command(for: invocation, layout: layout)
        command.mounts += mounts(for: workspace)
        command.network = false
        let run = try await sandbox.run(command)

        var findings: [Finding] = []
        let junit = readJUnit(workspace)
        let limitSentences = run.limitsHit.filter { $0 != .output }.map { run.describe($0, limits: assignment.limits) }
        let observation = ResultCrossCheck.Observation(
            manifest: manifest, junit: junit, witness: WitnessLog(data: run.witness, nonce: nonce),
            exitCode: run.exitCode, signal: run.signal, limitsHit: limitSentences, controls: controls)
        var result = ResultCrossCheck(points: suite.points, solutionRoot: assignment.root).evaluate(observation)
        if run.limitsHit.contains(.output) { result.limitsHit.append(run.describe(.output, limits: assignment.limits)) }
        let output = Self.text(run.stdout) + (run.stderr.isEmpty ? "" : "\n" + Self.text(run.stderr))
        result.output = controls?.scrub(output: output) ?? output
        if result.tampered {
            findings.append(Finding(rule: "tests.tampering", severity: .error,
                                    message: "The test results were tampered with: " + result.tampering.joined(separator: "; ")
                                        + ". The tests concerned earn nothing."))
        }
        return Outcome(result: result, sandbox: run, findings: findings)
    }

    /// The run directory (writable), the results folder (writable) and the support files (read-only).
    func mounts(for workspace: RunWorkspace) -> [SandboxMount] {
        [SandboxMount(source: workspace.run.path, destination: layout.submission, writable: true),
         SandboxMount(source: workspace.results.path, destination: layout.results, writable: true),
         SandboxMount(source: workspace.support.path, destination: layout.support, writable: false)]
    }

    /// The profile's result file read back through `UntrustedFile`: nil when absent, a failure when
    /// refused or unparsable.
    func readJUnit(_ workspace: RunWorkspace) -> Result<JUnitReport, TakehomeError>? {
        switch UntrustedFile().read(profile.resultFile, beneath: workspace.results, name: "the result file") {
        case .absent:
            return nil
        case .refused(let reason):
            return .failure(TakehomeError(.dataError, reason))
        case .data(let data):
            do { return .success(try JUnitReport.parse(data)) } catch let error as TakehomeError { return .failure(error) } catch {
                return .failure(TakehomeError(.dataError, "\(error)"))
            }
        }
    }

    static func text(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self)
    }
}
