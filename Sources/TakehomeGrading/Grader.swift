import TakehomeCore
import Foundation
import TakehomeFetch
import TakehomeRunners
import TakehomeSandbox

/// The pipeline: fetch → stage → sandbox → score → report. Each stage takes values and returns
/// values; only fetch and the sandbox touch the outside world.
public struct Grader: Sendable {
    public var assignment: Assignment
    public var sandbox: Sandbox
    public var runner: SuiteRunner
    public var clock: @Sendable () -> Date = { Date() }

    /// Loads what grading needs; exit 69 when bubblewrap or the runner's toolchain is missing.
    public init(assignment: Assignment) throws {
        let sandbox = try Sandbox.detect()
        let profile = try RunnerProfiles.profile(for: assignment)
        var assignment = assignment
        assignment.limits = sandbox.profiles.tests.limits(for: assignment)
        self.assignment = assignment
        self.sandbox = sandbox
        self.runner = SuiteRunner(sandbox: sandbox, profile: profile)
    }

    /// What to grade and for whom.
    public struct Request: Sendable {
        public var source: String
        public var ref: String?
        public var mode: Report.Mode
        public var blind: Bool
        public init(source: String, ref: String? = nil, mode: Report.Mode = .grade, blind: Bool = false) {
            self.source = source; self.ref = ref; self.mode = mode; self.blind = blind
        }
    }

    /// Grades one submission and returns the reviewer's report (mask it for candidates).
    public func grade(_ request: Request) async throws -> Report {
        let started = Date()
        let digest = try assignment.digest(includingHidden: request.mode == .grade)
        let suiteName = request.mode == .grade ? "hidden" : "public"
        guard let suite = request.mode == .grade ? assignment.hiddenTests : assignment.publicTests else {
            throw AssignmentError(file: assignment.definitionPath, key: "tests.\(suiteName)",
                                  problem: "the assignment has no \(suiteName) tests to \(request.mode == .grade ? "grade" : "check") with")
        }
        let workspace = try RunWorkspace.create()
        defer { workspace.remove() }

        let fetchStarted = Date()
        let fetched = try await SubmissionFetcher(limits: assignment.fetch)
            .fetch(request.source, ref: request.ref, into: workspace.base.appendingPathComponent("tree"))
        let fetchSeconds = Date().timeIntervalSince(fetchStarted)

        // A candidate's copy of the assignment has no reference/: `check` then takes the ids it collects.
        let hasReference = FileManager.default.fileExists(atPath: assignment.referenceDirectory.path)
        let manifest = request.mode == .check && !hasReference ? nil
            : try await ReferenceManifest.obtain(suite, name: suiteName, assignment: assignment, digest: digest, runner: runner)
        // Static analysis reads the fetched tree (never the run directory, which gets the hidden
        // tests) while the tests run.
        async let code = CodeAnalysis(assignment: assignment).run(fetched.tree, withReference: hasReference)
        _ = try TreeCopier.copy(from: fetched.tree, to: workspace.run)
        var findings = fetched.findings
        // Setup runs before the assignment's tests are placed, so its code never sees them.
        let setup = try await SetupPhase(sandbox: sandbox, toolchainMounts: runner.profile.toolchainMounts)
            .run(assignment, workspace: workspace)
        if let failure = SetupPhase.finding(for: setup, of: assignment) { findings.append(failure) }
        findings += try runner.stage(suite, assignment: assignment, workspace: workspace)
        let testsStarted = Date()
        let outcome = try await runner.run(suite, assignment: assignment, workspace: workspace, manifest: manifest?.ids)
        let testSeconds = Date().timeIntervalSince(testsStarted)
        findings += outcome.findings
        if let failure = outcome.result.loadFailure {
            findings.insert(Finding(rule: "tests.load-failure", severity: .error,
                                    message: "The \(suiteName) tests could not load the solution: \(failure.message)."
                                        + (failure.expectedPath.map { " They expect it at \($0)." } ?? ""),
                                    file: failure.expectedPath), at: 0)
        }

        var metrics = await code
        let analysisSeconds = metrics.seconds
        findings += metrics.findings
        var tests = Report.Tests()
        if request.mode == .grade { tests.hidden = outcome.result } else { tests.public = outcome.result }
        // The candidate's own tests, on a fresh copy of what they submitted (no assignment tests in it).
        let ownStarted = Date()
        let ownStage = OwnTestsStage(assignment: assignment, runner: runner)
        let own = try await ownStage.run(fetched.tree, analysed: metrics.metrics, phaseName: "candidate's own tests")
        if var own {
            own.metrics.reference = hasReference ? try await ownStage.reference(digest: digest) : nil
            tests.candidate = own.suite
            var testability = metrics.metrics.testability ?? TestabilityMetrics()
            testability.ownTests = own.metrics
            metrics.metrics.testability = testability
            findings += own.findings
        }
        let ownSeconds = Date().timeIntervalSince(ownStarted)
        let mutationStarted = Date()
        let mutationStage = MutationStage(assignment: assignment, runner: runner)
        if var mutation = try await mutationStage.run(fetched.tree, seed: fetched.commit ?? assignment.id) {
            if mutation.metrics.score != nil, hasReference { mutation.metrics.reference = try await mutationStage.reference(digest: digest) }
            var testability = metrics.metrics.testability ?? TestabilityMetrics()
            testability.mutation = mutation.metrics
            metrics.metrics.testability = testability
            findings += mutation.findings
        }
        let mutationSeconds = Date().timeIntervalSince(mutationStarted)
        let reportMetrics = metrics.metrics
        let score = RubricScorer(rubric: assignment.rubric).score(correctness: outcome.result, suiteName: suiteName,
                                                                  complexity: metrics.metrics.complexity,
                                                                  design: metrics.metrics.overEngineering,
                                                                  testability: metrics.metrics.testability)
        let phase = SandboxInfo.Phase(name: "\(suiteName) tests", exitCode: outcome.sandbox.exitCode, signal: outcome.sandbox.signal,
                                      wallSeconds: (outcome.sandbox.wallSeconds * 1000).rounded() / 1000,
                                      limitsHit: outcome.result.limitsHit, network: false, profile: SandboxPhase.tests.rawValue)
        let enforcement = Dictionary(uniqueKeysWithValues: outcome.sandbox.enforcement.map { ($0.key.rawValue, $0.value.rawValue) })
        let runs = [outcome.sandbox] + setup.map(\.result) + (own.map { [$0.sandbox] } ?? [])
        let unenforced = Array(Set(runs.flatMap(\.unenforced))).sorted()
        findings += unenforced.map {
            Finding(rule: "sandbox.unenforced-limit", severity: .warning, message: "A limit was not enforced as asked: \($0).")
        }
        let sandboxInfo = SandboxInfo(isolation: sandbox.isolationDescription, enforcement: enforcement,
                                      limits: .init(assignment.limits), phases: setup.map(\.phase) + [phase] + (own.map { [$0.phase] } ?? []),
                                      unenforced: unenforced, syscallFilter: Sandbox.syscallFilterDescription)
        let submission = Report.Submission(
            source: request.source, kind: fetched.kind.rawValue, ref: fetched.ref, commit: fetched.commit,
            commitTime: fetched.commitTime,
            authors: request.blind ? [] : fetched.authors.map { Report.Author(name: $0.name, email: $0.email, commits: $0.commits) },
            files: fetched.fileCount, bytes: fetched.totalBytes, blind: request.blind)
        let history = Report.History(commits: fetched.authors.isEmpty ? nil : fetched.authors.reduce(0) { $0 + $1.commits },
                                     lastCommitTime: fetched.commitTime)
        let total = Date().timeIntervalSince(started)
        return Report(
            tool: .init(version: HarnessVersion.current), mode: request.mode, generatedAt: clock(),
            assignment: .init(id: assignment.id, title: assignment.title, language: assignment.language,
                              runner: assignment.runner, digest: digest),
            submission: submission, tests: tests, metrics: reportMetrics, findings: findings.sorted(by: Self.findingOrder),
            score: score, sandbox: sandboxInfo, history: history,
            timings: ["fetch": fetchSeconds, "tests": testSeconds, "testCommand": outcome.sandbox.wallSeconds,
                      "analysis": analysisSeconds, "ownTests": ownSeconds, "mutation": mutationSeconds, "total": total])
    }

    /// Most severe first, then by place, so that two gradings list findings identically.
    static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return a.rule < b.rule
    }
}
