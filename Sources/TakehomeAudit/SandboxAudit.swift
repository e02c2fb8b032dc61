import Foundation
import TakehomeCore
import TakehomeGrading

/// `takehome sandbox audit`: grades every attack of the corpus with the real executable while
/// canaries watch the host, and says for each whether it was contained.
public struct SandboxAudit: Sendable {
    public var attacks: URL
    public var assignment: URL
    /// The takehome executable that grades each attack.
    public var harness: URL
    public var jobs: Int
    /// The most one grading may take before the audit kills it and calls the attack uncontained.
    public var timeoutSeconds: Double = 120

    public init(attacks: URL, assignment: URL? = nil, harness: URL, jobs: Int) {
        self.attacks = attacks
        self.assignment = assignment ?? attacks.appendingPathComponent("_assignment")
        self.harness = harness
        self.jobs = max(1, jobs)
    }

    /// One line of the audit's table.
    public struct Row: Sendable {
        public var attack: String
        public var expected: String
        public var observed: String
        public var problems: [String]
        public var seconds: Double
        public var contained: Bool { problems.isEmpty }
    }

    /// The whole audit: a row per attack, problems no single attack explains, the wall time.
    public struct Outcome: Sendable {
        public var rows: [Row]
        public var general: [String]
        public var seconds: Double
        public var allContained: Bool { general.isEmpty && rows.allSatisfy(\.contained) }
    }

    /// Runs the audit; `progress` sees each row as its attack finishes.
    public func run(only: [String] = [], progress: @escaping @Sendable (Row) -> Void = { _ in }) throws -> Outcome {
        let started = Date()
        let corpus = try AttackCorpus.load(attacks, only: only)
        let definition = try AssignmentLoader.load(directory: assignment)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let assignmentCopy = scratch.appendingPathComponent("assignment")
        try FileManager.default.copyItem(at: assignment, to: assignmentCopy)
        let cache = scratch.appendingPathComponent("cache"), config = scratch.appendingPathComponent("config")
        let canaries = try Canaries(scratch: scratch, assignment: assignmentCopy, harness: harness, cache: cache)
        defer { canaries.listener.stop() }
        ProcessWatch.adoptOrphans()

        let facts = try canaries.factsFile()
        let repositories = scratch.appendingPathComponent("repositories")
        for attack in corpus {
            try AttackRepository.build(attack, at: repositories.appendingPathComponent(attack.name),
                                       probe: attacks.appendingPathComponent("_probe"), canaryFacts: facts)
        }
        var environment = ProcessInfo.processInfo.environment
        environment[Canaries.tokenVariable] = canaries.token
        environment["TAKEHOME_CACHE_DIR"] = cache.path
        environment["TAKEHOME_CONFIG_DIR"] = config.path
        let runner = AttackRun(harness: harness, assignment: assignmentCopy, environment: environment, timeout: timeoutSeconds)
        let running = RunningSet()
        try control(runner, scratch: scratch, running: running)
        guard let key = try SigningKey.load(at: config.appendingPathComponent(SigningKey.fileName)) else {
            throw TakehomeError(.software, "the control grading did not create a signing key in \(config.path)")
        }
        let secrets = Containment.Secrets(canaries: canaries.secrets, hiddenSource: try hiddenSource(definition),
                                          hiddenPath: definition.hiddenTests.map(definition.pathInSubmission(of:)),
                                          hiddenFiles: try definition.hiddenTestSources(), signingKey: key.publicKey)
        let watch = HostWatch(canaries: canaries, scratch: scratch)

        let rows = Rows()
        let slots = DispatchSemaphore(value: jobs), group = DispatchGroup()
        for attack in corpus {
            slots.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { slots.signal(); group.leave() }
                let runFolder = scratch.appendingPathComponent("runs/\(attack.name)")
                let row: Row
                do {
                    try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
                    let observation = try runner.grade(repository: repositories.appendingPathComponent(attack.name),
                                                       out: runFolder.appendingPathComponent("out"), scratch: runFolder, running: running)
                    let host = watch.check(after: attack.name, running: running)
                    let verdict = Containment(expectation: attack.expectation, secrets: secrets).judge(observation, host: host)
                    row = Row(attack: attack.name, expected: attack.expectation.brief, observed: verdict.observed,
                              problems: verdict.problems, seconds: observation.seconds)
                } catch {
                    row = Row(attack: attack.name, expected: attack.expectation.brief, observed: "audit error",
                              problems: ["\(error)"], seconds: 0)
                }
                rows.append(row)
                progress(row)
            }
        }
        group.wait()
        let general = watch.finish(running: running)
        return Outcome(rows: rows.sorted, general: general, seconds: Date().timeIntervalSince(started))
    }

    /// Grades the assignment's reference first: it must earn every point, and it fills the
    /// manifest cache and creates the signing key before the attacks run side by side.
    private func control(_ runner: AttackRun, scratch: URL, running: RunningSet) throws {
        let repository = scratch.appendingPathComponent("control")
        try FileManager.default.copyItem(at: assignment.appendingPathComponent("reference"), to: repository)
        let reference = Attack(name: "control", folder: repository, expectation: AttackExpectation(summary: "the reference"))
        let built = scratch.appendingPathComponent("control-repository")
        try AttackRepository.build(reference, at: built, probe: attacks.appendingPathComponent("_probe"), canaryFacts: Data("{}".utf8))
        let folder = scratch.appendingPathComponent("runs/_control")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let observation = try runner.grade(repository: built, out: folder.appendingPathComponent("out"), scratch: folder, running: running)
        guard observation.exitStatus == 0, let data = observation.reportData, let report = try? ReportCoding.decode(data),
              let hidden = report.tests.hidden, hidden.total > 0, hidden.passed == hidden.total else {
            throw TakehomeError(.dataError, "\(assignment.path): the audit assignment's reference does not pass its hidden tests under takehome (exit \(observation.exitStatus)): \(observation.stderr.suffix(400))")
        }
    }

    /// Lines and test names of the hidden tests that no candidate output may hold.
    private func hiddenSource(_ definition: Assignment) throws -> [String] {
        guard let suite = definition.hiddenTests else { return [] }
        let folder = definition.directory.appendingPathComponent(suite.path)
        // Lines the public tests share (an import, say) are not hidden material.
        var shared: Set<String> = []
        if let open = definition.publicTests {
            let publicFolder = definition.directory.appendingPathComponent(open.path)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: publicFolder.path)) ?? [] {
                let text = (try? String(contentsOf: publicFolder.appendingPathComponent(name), encoding: .utf8)) ?? ""
                shared.formUnion(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            }
        }
        var found: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.count >= 20, !shared.contains(trimmed) { found.insert(trimmed) }
                if trimmed.hasPrefix("def test_"), let name = trimmed.dropFirst(4).split(separator: "(").first {
                    found.insert(String(name))
                }
            }
        }
        return found.sorted()
    }
}

/// The rows gathered from parallel gradings.
private final class Rows: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [SandboxAudit.Row] = []
    func append(_ row: SandboxAudit.Row) { lock.withLock { rows.append(row) } }
    var sorted: [SandboxAudit.Row] { lock.withLock { rows.sorted { $0.attack < $1.attack } } }
}
