import TakehomeCore
/// Decides what a suite's results are worth by comparing every record the harness has: the JUnit
/// file, the witness channel, the runner's exit status, and the manifest of test ids obtained by
/// running the reference solution. Disagreement is tampering, and the tests concerned earn nothing.
/// A test stopped by a sandbox limit is an error, not a pass.
public struct ResultCrossCheck: Sendable {
    /// What one sandboxed run of a suite left behind.
    public struct Observation: Sendable {
        /// Test ids the reference solution produced; nil when there is no manifest to hold to.
        public var manifest: [String]?
        /// nil when the result file is absent; `.failure` when it does not parse.
        public var junit: Result<JUnitReport, TakehomeError>?
        public var witness: WitnessLog
        public var exitCode: Int32?
        public var signal: Int32?
        /// Sentences for each sandbox limit hit ("stopped at the 30 s wall limit").
        public var limitsHit: [String]
        /// The control tests planted beside the suite, when the runner plants them.
        public var controls: ControlTests?

        public init(manifest: [String]?, junit: Result<JUnitReport, TakehomeError>?, witness: WitnessLog,
                    exitCode: Int32?, signal: Int32?, limitsHit: [String], controls: ControlTests? = nil) {
            self.manifest = manifest; self.junit = junit; self.witness = witness; self.exitCode = exitCode
            self.signal = signal; self.limitsHit = limitsHit; self.controls = controls
        }
    }

    public var points: PointsSpec
    /// Where the solution is expected, for load-failure messages (e.g. `shiftpay.py`).
    public var solutionRoot: String

    public init(points: PointsSpec, solutionRoot: String) {
        self.points = points
        self.solutionRoot = solutionRoot
    }

    public func evaluate(_ observation: Observation) -> TestSuiteResult {
        var result = TestSuiteResult(limitsHit: observation.limitsHit)
        let witness = observation.witness
        let isControl = { (id: String) in observation.controls?.isControl(id) ?? false }
        let expected = (observation.manifest ?? witness.collected ?? witness.order).filter { !isControl($0) }
        var tampered = Set<String>()
        var everything = false

        if witness.foreignLines > 0 {
            result.tampering.append("\(witness.foreignLines) line(s) on the harness's result channel were not written by the harness")
            everything = true
        }

        var statuses: [String: (status: TestCase.Status, durationMs: Int, message: String?)] = [:]
        if !observation.limitsHit.isEmpty {
            // The run was stopped: what the witness saw complete stands, the rest is an error.
            let reason = observation.limitsHit.joined(separator: "; ")
            for id in expected {
                if let outcome = witness.outcomes[id], outcome.completed {
                    statuses[id] = (outcome.status, outcome.durationMs, outcome.message)
                } else {
                    statuses[id] = (.errored, 0, reason)
                }
            }
        } else {
            switch observation.junit {
            case nil:
                result.tampering.append("no JUnit result file was written (the test process \(exitDescription(observation)))")
                everything = true
            case .failure(let error)?:
                result.tampering.append(error.message)
                everything = true
            case .success(let junit)?:
                for testCase in junit.cases { statuses[testCase.id] = (testCase.status, testCase.durationMs, testCase.message) }
                compare(junit, witness: witness, expected: Set(expected), into: &result, tampered: &tampered)
                checkExitStatus(junit, observation, into: &result, everything: &everything)
            }
            if witness.exitStatus == nil, observation.junit != nil {
                result.tampering.append("the test process ended without pytest finishing its session (\(exitDescription(observation)))")
                everything = true
            }
            if everything {
                // Fall back on the witness for what really happened; none of it earns points.
                for id in expected {
                    if let outcome = witness.outcomes[id] { statuses[id] = (outcome.status, outcome.durationMs, outcome.message) }
                }
            }
        }

        // A collection error stops pytest before any test runs, the controls included.
        if let controls = observation.controls, observation.limitsHit.isEmpty, !everything, witness.collectErrors.isEmpty,
           let problem = Self.controlProblem(controls, statuses: statuses, witness: witness) {
            result.tampering.append(problem)
            everything = true
        }
        statuses = statuses.filter { !isControl($0.key) }

        result.loadFailure = loadFailure(witness, expected: expected, statuses: statuses)
        if let manifest = observation.manifest, result.loadFailure == nil {
            let seen = Set(statuses.keys)
            let missing = manifest.filter { !seen.contains($0) }
            let extra = seen.subtracting(manifest).sorted()
            if !missing.isEmpty, observation.limitsHit.isEmpty {
                result.tampering.append("\(missing.count) expected test(s) missing from the results: " + list(missing))
                tampered.formUnion(missing)
            }
            if !extra.isEmpty {
                result.tampering.append("\(extra.count) test(s) in the results that the assignment does not have: " + list(extra))
            }
        }

        let failureMessage = result.loadFailure.map { "could not load the solution: \($0.message)" }
        result.cases = expected.map { id in
            let name = String(id.split(separator: ":").last ?? Substring(id))
            let observed = statuses[id] ?? (.errored, 0, failureMessage ?? "no result for this test")
            let points = points.points(forName: name, id: id)
            let earns = observed.status == .passed && !everything && !tampered.contains(id)
            return TestCase(id: id, name: name, status: observed.status, points: points, earned: earns ? points : 0,
                            durationMs: observed.durationMs, message: observed.message)
        }
        result.recount()
        result.durationMs = result.cases.reduce(0) { $0 + $1.durationMs }
        return result
    }

    /// Why the planted controls show the runner's reports were rewritten, or nil when they ran as
    /// they must: the failing one failed and the passing one passed, in both records.
    static func controlProblem(_ controls: ControlTests, statuses: [String: (status: TestCase.Status, durationMs: Int, message: String?)],
                               witness: WitnessLog) -> String? {
        let reported = statuses.filter { controls.isControl($0.key) }
        let witnessed = witness.outcomes.filter { controls.isControl($0.key) }
        guard reported.count == 2, witnessed.count == 2 else {
            return "the harness's control tests were not all run and reported (\(reported.count) of 2 in the result file, \(witnessed.count) of 2 seen by the harness)"
        }
        let wrong = reported.map { ($0.key, $0.value.status) } + witnessed.map { ($0.key, $0.value.status) }
        for (id, status) in wrong {
            let mustFail = id.hasSuffix("::" + controls.mustFail)
            if mustFail ? status != .failed : status != .passed {
                return "a control test the harness planted to \(mustFail ? "fail" : "pass") was reported \(status.rawValue): the test runner's reports were rewritten from inside the test process"
            }
        }
        return nil
    }

    private func compare(_ junit: JUnitReport, witness: WitnessLog, expected: Set<String>, into result: inout TestSuiteResult,
                         tampered: inout Set<String>) {
        var disagreeing: [String] = []
        for testCase in junit.cases {
            guard let outcome = witness.outcomes[testCase.id] else { continue }
            if outcome.status != testCase.status { disagreeing.append(testCase.id) }
        }
        // Ids outside the expected set are reported as extra; collection errors have no witness result.
        let unwitnessed = junit.cases.map(\.id).filter { expected.contains($0) && witness.outcomes[$0] == nil }
        if !disagreeing.isEmpty {
            result.tampering.append("the JUnit file disagrees with what the harness saw run for \(disagreeing.count) test(s): " + list(disagreeing))
            tampered.formUnion(disagreeing)
        }
        if !unwitnessed.isEmpty {
            result.tampering.append("the JUnit file lists \(unwitnessed.count) test(s) that never ran: " + list(unwitnessed))
            tampered.formUnion(unwitnessed)
        }
    }

    /// pytest exits 0 when everything passed, 1 when a test failed; anything else must agree too.
    private func checkExitStatus(_ junit: JUnitReport, _ observation: Observation, into result: inout TestSuiteResult,
                                 everything: inout Bool) {
        let failures = junit.cases.contains { $0.status == .failed || $0.status == .errored }
        let code = observation.exitCode
        if let reported = observation.witness.exitStatus, let code, Int(code) != reported {
            result.tampering.append("the test process exited with status \(code) but pytest finished with status \(reported)")
            everything = true
        } else if code == 0 && failures {
            result.tampering.append("the test process exited with status 0 although the results hold failures")
            everything = true
        } else if code == 1 && !failures && observation.witness.collectErrors.isEmpty {
            result.tampering.append("the test process exited with status 1 although every result passed")
            everything = true
        }
    }

    /// The tests could not import the solution: one message at the top instead of N identical failures.
    private func loadFailure(_ witness: WitnessLog, expected: [String],
                             statuses: [String: (status: TestCase.Status, durationMs: Int, message: String?)]) -> LoadFailure? {
        guard let first = witness.collectErrors.first else { return nil }
        let affected = expected.filter { statuses[$0] == nil || statuses[$0]?.status == .errored }.count
        return LoadFailure(message: first.message, expectedPath: expectedPath(for: first.message),
                           affectedTests: max(affected, witness.collectErrors.count))
    }

    private func expectedPath(for message: String) -> String? {
        for marker in ["No module named '", "from '"] {
            guard let range = message.range(of: marker) else { continue }
            let module = message[range.upperBound...].prefix { $0 != "'" }
            return Assignment.pathInSubmission(root: solutionRoot, module.split(separator: ".").joined(separator: "/") + ".py")
        }
        return solutionRoot == "." ? nil : solutionRoot
    }

    private func exitDescription(_ observation: Observation) -> String {
        if let signal = observation.signal { return "was killed by signal \(signal)" }
        if let code = observation.exitCode { return "exited with status \(code)" }
        return "did not exit normally"
    }

    private func list(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
    }
}
