/// The outcome of one suite of tests (hidden, public or the candidate's own), after cross-checks.
public struct TestSuiteResult: Codable, Sendable, Equatable {
    public var total: Int
    public var passed: Int
    public var failed: Int
    public var errored: Int
    public var skipped: Int
    public var pointsEarned: Double
    public var pointsPossible: Double
    public var durationMs: Int
    public var cases: [TestCase]
    /// Set when the tests could not load the candidate's code at all: reported once, not per test.
    public var loadFailure: LoadFailure?
    /// Set when results disagree with what the harness observed; tests concerned earn nothing.
    public var tampering: [String]
    /// The sandbox limits this suite's run hit, as sentences ("stopped at the 30 s wall limit").
    public var limitsHit: [String]
    /// The runner's output (truncated), for reviewers; removed for candidates on hidden suites.
    public var output: String?
    /// Line coverage of the candidate's source, 0…1, when measured.
    public var coverage: Coverage?

    public init(total: Int = 0, passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0,
                pointsEarned: Double = 0, pointsPossible: Double = 0, durationMs: Int = 0, cases: [TestCase] = [],
                loadFailure: LoadFailure? = nil, tampering: [String] = [], limitsHit: [String] = [],
                output: String? = nil, coverage: Coverage? = nil) {
        self.total = total; self.passed = passed; self.failed = failed; self.errored = errored; self.skipped = skipped
        self.pointsEarned = pointsEarned; self.pointsPossible = pointsPossible; self.durationMs = durationMs
        self.cases = cases; self.loadFailure = loadFailure; self.tampering = tampering; self.limitsHit = limitsHit
        self.output = output; self.coverage = coverage
    }

    /// Recomputes the counters and points from `cases`.
    public mutating func recount() {
        total = cases.count
        passed = cases.filter { $0.status == .passed }.count
        failed = cases.filter { $0.status == .failed }.count
        errored = cases.filter { $0.status == .errored }.count
        skipped = cases.filter { $0.status == .skipped }.count
        pointsEarned = cases.reduce(0) { $0 + $1.earned }
        pointsPossible = cases.reduce(0) { $0 + $1.points }
    }

    public var tampered: Bool { !tampering.isEmpty }
}

/// One test's outcome.
public struct TestCase: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case passed, failed, errored, skipped }

    /// Stable id: `classname::name` as the runner reports it.
    public var id: String
    public var name: String
    public var status: Status
    public var points: Double
    public var earned: Double
    public var durationMs: Int
    /// First line of the failure or error, when there is one.
    public var message: String?

    public init(id: String, name: String, status: Status, points: Double = 0, earned: Double = 0, durationMs: Int = 0,
                message: String? = nil) {
        self.id = id; self.name = name; self.status = status; self.points = points; self.earned = earned
        self.durationMs = durationMs; self.message = message
    }
}

/// Why a suite could not even load the candidate's code.
public struct LoadFailure: Codable, Sendable, Equatable {
    /// The error's first line, e.g. `ModuleNotFoundError: No module named 'shiftpay'`.
    public var message: String
    /// The path the tests expected the solution at, relative to the submission.
    public var expectedPath: String?
    /// How many tests could not run because of it.
    public var affectedTests: Int
    public init(message: String, expectedPath: String?, affectedTests: Int) {
        self.message = message; self.expectedPath = expectedPath; self.affectedTests = affectedTests
    }
}

/// Coverage of the candidate's source by their own tests.
public struct Coverage: Codable, Sendable, Equatable {
    public var lines: Double
    public var branches: Double?
    public init(lines: Double, branches: Double? = nil) { self.lines = lines; self.branches = branches }
}
