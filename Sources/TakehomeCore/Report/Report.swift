import Foundation

/// Everything takehome knows about one graded submission: the single input of every renderer and
/// every audience (JSON schema `schemaVersion: 1`, docs/report.schema.json).
public struct Report: Codable, Sendable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int = Report.currentSchemaVersion
    public var tool: Tool
    /// Who the report is for: `reviewer` (everything) or `candidate` (hidden tests masked).
    public var audience: Audience
    /// What produced it: `grade` (hidden tests) or `check` (public tests only).
    public var mode: Mode
    public var generatedAt: Date
    public var assignment: AssignmentInfo
    public var submission: Submission
    public var tests: Tests
    public var metrics: Metrics
    public var findings: [Finding]
    public var score: Score
    /// What the report opens with: strengths, the costliest improvements, interview questions
    /// (`Feedback(report)`); nil in reports written before it existed.
    public var feedback: Feedback?
    public var sandbox: SandboxInfo?
    public var history: History
    /// How long each stage took, in seconds; excluded when comparing two gradings.
    public var timings: [String: Double]
    /// The ed25519 signature over everything above (docs/trusting-results.md); nil until signed.
    public var signature: ReportSignature?

    public init(tool: Tool, audience: Audience = .reviewer, mode: Mode, generatedAt: Date, assignment: AssignmentInfo,
                submission: Submission, tests: Tests = Tests(), metrics: Metrics = Metrics(), findings: [Finding] = [],
                score: Score, sandbox: SandboxInfo? = nil, history: History = History(), timings: [String: Double] = [:]) {
        self.tool = tool
        self.audience = audience
        self.mode = mode
        self.generatedAt = generatedAt
        self.assignment = assignment
        self.submission = submission
        self.tests = tests
        self.metrics = metrics
        self.findings = findings
        self.score = score
        self.sandbox = sandbox
        self.history = history
        self.timings = timings
    }

    public enum Audience: String, Codable, Sendable { case reviewer, candidate }
    public enum Mode: String, Codable, Sendable { case grade, check }

    public struct Tool: Codable, Sendable, Equatable {
        public var name = "takehome"
        public var version: String
        public init(version: String) { self.version = version }
    }

    public struct AssignmentInfo: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var language: String
        public var runner: String
        public var digest: String
        public init(id: String, title: String, language: String, runner: String, digest: String) {
            self.id = id; self.title = title; self.language = language; self.runner = runner; self.digest = digest
        }
    }

    /// Where the graded code came from.
    public struct Submission: Codable, Sendable, Equatable {
        public var source: String
        /// `git`, `repository`, `folder` or `archive`.
        public var kind: String
        public var ref: String?
        public var commit: String?
        public var commitTime: Date?
        public var authors: [Author]
        public var files: Int
        public var bytes: Int64
        /// True when names and e-mails were withheld (`--blind`).
        public var blind: Bool

        public init(source: String, kind: String, ref: String? = nil, commit: String? = nil, commitTime: Date? = nil,
                    authors: [Author] = [], files: Int = 0, bytes: Int64 = 0, blind: Bool = false) {
            self.source = source; self.kind = kind; self.ref = ref; self.commit = commit; self.commitTime = commitTime
            self.authors = authors; self.files = files; self.bytes = bytes; self.blind = blind
        }
    }

    public struct Author: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public var commits: Int
        public init(name: String, email: String, commits: Int) { self.name = name; self.email = email; self.commits = commits }
    }

    /// The three suites a report can hold; absent ones are null.
    public struct Tests: Codable, Sendable, Equatable {
        public var hidden: TestSuiteResult?
        public var `public`: TestSuiteResult?
        public var candidate: TestSuiteResult?
        public init(hidden: TestSuiteResult? = nil, public: TestSuiteResult? = nil, candidate: TestSuiteResult? = nil) {
            self.hidden = hidden; self.public = `public`; self.candidate = candidate
        }
    }

    /// Static-analysis results; each part is null until its analysis runs ("not measured").
    public struct Metrics: Codable, Sendable, Equatable {
        public var size: SizeMetrics?
        public var complexity: ComplexityMetrics?
        public var duplication: DuplicationMetrics?
        public var testability: TestabilityMetrics?
        public var overEngineering: OverEngineeringMetrics?
        public init(size: SizeMetrics? = nil, complexity: ComplexityMetrics? = nil, duplication: DuplicationMetrics? = nil) {
            self.size = size; self.complexity = complexity; self.duplication = duplication
        }
    }

    /// Facts about the repository's history (commit count, span against the time box).
    public struct History: Codable, Sendable, Equatable {
        public var commits: Int?
        public var firstCommitTime: Date?
        public var lastCommitTime: Date?
        public init(commits: Int? = nil, firstCommitTime: Date? = nil, lastCommitTime: Date? = nil) {
            self.commits = commits; self.firstCommitTime = firstCommitTime; self.lastCommitTime = lastCommitTime
        }
    }
}
