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
    ///
    /// Static analysis, the assignment's tests and the candidate's own tests run at the same time,
    /// each on its own copy of the fetched tree; mutation testing follows, using every core.
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
        async let analysed = CodeAnalysis(assignment: assignment).run(fetched.tree, withReference: hasReference)
        async let suiteRun = runSuite(suite, named: suiteName, tree: fetched.tree, workspace: workspace, manifest: manifest?.ids)
        var code = await analysed
        let ownStarted = Date()
        // The candidate's own tests, on a fresh copy of what they submitted (no assignment tests in it).
        let ownStage = OwnTestsStage(assignment: assignment, runner: runner)
        let own = try await ownStage.run(fetched.tree, analysed: code.metrics, phaseName: "candidate's own tests")
        let ownSeconds = Date().timeIntervalSince(ownStarted)
        let run = try await suiteRun
        var findings = fetched.findings + run.findings + code.findings
        if var own {
            own.metrics.reference = hasReference ? try await ownStage.reference(digest: digest) : nil
            code.metrics.testability = code.metrics.testability ?? TestabilityMetrics()
            code.metrics.testability?.ownTests = own.metrics
            findings += own.findings
        }

        let mutationStarted = monotonicSeconds()
        let mutationStage = MutationStage(assignment: assignment, runner: runner)
        if var mutation = try await mutationStage.run(fetched.tree, seed: fetched.commit ?? assignment.id) {
            if mutation.metrics.score != nil, hasReference { mutation.metrics.reference = try await mutationStage.reference(digest: digest) }
            code.metrics.testability = code.metrics.testability ?? TestabilityMetrics()
            code.metrics.testability?.mutation = mutation.metrics
            findings += mutation.findings
        }
        let mutationSpan = CandidateCodeSpans.Span(start: mutationStarted, end: monotonicSeconds())

        let outcome = run.outcome
        let score = RubricScorer(rubric: assignment.rubric).score(correctness: outcome.result, suiteName: suiteName,
                                                                  complexity: code.metrics.complexity,
                                                                  design: code.metrics.overEngineering,
                                                                  testability: code.metrics.testability)
        let runs = [outcome.sandbox] + run.setup.map(\.result) + (own.map { [$0.sandbox] + $0.setupRuns } ?? [])
        findings += Self.unenforcedFindings(runs)
        let candidateCode = CandidateCodeSpans(runs.map(CandidateCodeSpans.Span.init) + [mutationSpan])
        var report = Report(
            tool: .init(version: HarnessVersion.current), mode: request.mode, generatedAt: clock(),
            assignment: .init(id: assignment.id, title: assignment.title, language: assignment.language,
                              runner: assignment.runner, digest: digest),
            submission: Self.submission(fetched, request: request), tests: run.tests(mode: request.mode, own: own),
            metrics: code.metrics, findings: findings.sorted(by: Self.findingOrder),
            score: score, sandbox: sandboxInfo(run, own: own, runs: runs, suiteName: suiteName),
            history: Report.History(commits: fetched.authors.isEmpty ? nil : fetched.authors.reduce(0) { $0 + $1.commits },
                                    lastCommitTime: fetched.commitTime),
            timings: ["fetch": fetchSeconds, "tests": run.seconds, "testCommand": outcome.sandbox.wallSeconds,
                      "analysis": code.seconds, "ownTests": ownSeconds, "ownTestsCommand": own?.sandbox.wallSeconds ?? 0,
                      "mutation": mutationSpan.end - mutationSpan.start, "candidateCode": candidateCode.coveredSeconds,
                      "total": Date().timeIntervalSince(started)])
        report.feedback = Feedback(report)
        return report
    }

    /// The graded suite's run: a copy of the fetched tree, the setup commands, the staged tests.
    struct SuiteRun: Sendable {
        var outcome: SuiteRunner.Outcome
        var setup: [SetupPhase.Step]
        /// Setup failure, what staging removed, what the run found, and a load failure first.
        var findings: [Finding]
        var seconds: Double

        func tests(mode: Report.Mode, own: OwnTestsStage.Outcome?) -> Report.Tests {
            var tests = Report.Tests()
            if mode == .grade { tests.hidden = outcome.result } else { tests.public = outcome.result }
            tests.candidate = own?.suite
            return tests
        }
    }

    /// Copies the fetched tree into the run directory, runs the setup before the assignment's tests
    /// are placed (so its code never sees them), stages the suite and runs it.
    func runSuite(_ suite: TestSuiteSpec, named suiteName: String, tree: URL, workspace: RunWorkspace,
                  manifest: [String]?) async throws -> SuiteRun {
        _ = try TreeCopier.copy(from: tree, to: workspace.run)
        let setup = try await SetupPhase(sandbox: sandbox, toolchainMounts: runner.profile.toolchainMounts)
            .run(assignment, workspace: workspace)
        var findings = SetupPhase.finding(for: setup, of: assignment).map { [$0] } ?? []
        findings += try runner.stage(suite, assignment: assignment, workspace: workspace)
        let started = Date()
        let outcome = try await runner.run(suite, assignment: assignment, workspace: workspace, manifest: manifest)
        let seconds = Date().timeIntervalSince(started)
        findings += outcome.findings
        if let failure = outcome.result.loadFailure {
            findings.insert(Finding(rule: "tests.load-failure", severity: .error,
                                    message: "The \(suiteName) tests could not load the solution: \(failure.message)."
                                        + (failure.expectedPath.map { " They expect it at \($0)." } ?? ""),
                                    file: failure.expectedPath), at: 0)
        }
        return SuiteRun(outcome: outcome, setup: setup, findings: findings, seconds: seconds)
    }

    /// The report's sandbox section: how the runs were isolated and what each phase did.
    func sandboxInfo(_ run: SuiteRun, own: OwnTestsStage.Outcome?, runs: [SandboxResult], suiteName: String) -> SandboxInfo {
        let outcome = run.outcome
        let phase = SandboxInfo.Phase(name: "\(suiteName) tests", exitCode: outcome.sandbox.exitCode, signal: outcome.sandbox.signal,
                                      wallSeconds: (outcome.sandbox.wallSeconds * 1000).rounded() / 1000,
                                      limitsHit: outcome.result.limitsHit, network: false, profile: SandboxPhase.tests.rawValue)
        let enforcement = Dictionary(uniqueKeysWithValues: outcome.sandbox.enforcement.map { ($0.key.rawValue, $0.value.rawValue) })
        return SandboxInfo(isolation: sandbox.isolationDescription, enforcement: enforcement,
                           limits: .init(assignment.limits), phases: run.setup.map(\.phase) + [phase] + (own.map { [$0.phase] } ?? []),
                           unenforced: Self.unenforced(runs), syscallFilter: Sandbox.syscallFilterDescription)
    }

    static func unenforced(_ runs: [SandboxResult]) -> [String] { Array(Set(runs.flatMap(\.unenforced))).sorted() }

    static func unenforcedFindings(_ runs: [SandboxResult]) -> [Finding] {
        unenforced(runs).map {
            Finding(rule: "sandbox.unenforced-limit", severity: .warning, message: "A limit was not enforced as asked: \($0).")
        }
    }

    /// Where the submission came from; authors are left out when grading blind.
    static func submission(_ fetched: FetchedSubmission, request: Request) -> Report.Submission {
        Report.Submission(
            source: request.source, kind: fetched.kind.rawValue, ref: fetched.ref, commit: fetched.commit,
            commitTime: fetched.commitTime,
            authors: request.blind ? [] : fetched.authors.map { Report.Author(name: $0.name, email: $0.email, commits: $0.commits) },
            files: fetched.fileCount, bytes: fetched.totalBytes, blind: request.blind)
    }

    /// Most severe first, then by place, so that two gradings list findings identically.
    static func findingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return a.rule < b.rule
    }
}
