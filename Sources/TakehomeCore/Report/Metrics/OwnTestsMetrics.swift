/// The candidate's own tests as run in the sandbox, and the coverage of their source by them.
public struct OwnTestsMetrics: Codable, Sendable, Equatable {
    public var found: Int
    public var passed: Int
    public var failed: Int
    public var errored: Int
    public var skipped: Int
    public var durationMs: Int
    /// Line (and branch) coverage of the candidate's source files only: not their tests, not
    /// starter files. Nil when nothing was measured (no tests ran, no source file, no report).
    public var coverage: Coverage?
    /// Why coverage is nil, in words ("no tests ran").
    public var coverageNote: String?
    /// The coverage tool and the format it reported in, e.g. `coverage.py (cobertura)`.
    public var coverageTool: String?
    /// Each source file's coverage, least covered first.
    public var files: [FileCoverage]
    /// Source functions none of whose executable lines ran, in file order, at most `listLimit`.
    public var uncoveredFunctions: [UncoveredFunction]
    /// How many uncovered functions were left out of the list.
    public var uncoveredFunctionsNotListed: Int
    /// The reference solution's own tests measured the same way, when it has any.
    public var reference: Reference?
    /// True when the run's results were tampered with (the JUnit file or exit status disagreed with
    /// the harness's witness); absent otherwise. Such a run is no evidence for the score.
    public var tampered: Bool?

    /// How many uncovered functions are named.
    public static let listLimit = 10

    public init(found: Int = 0, passed: Int = 0, failed: Int = 0, errored: Int = 0, skipped: Int = 0, durationMs: Int = 0,
                coverage: Coverage? = nil, coverageNote: String? = nil, coverageTool: String? = nil,
                files: [FileCoverage] = [], uncoveredFunctions: [UncoveredFunction] = [],
                uncoveredFunctionsNotListed: Int = 0, reference: Reference? = nil) {
        self.found = found; self.passed = passed; self.failed = failed; self.errored = errored; self.skipped = skipped
        self.durationMs = durationMs; self.coverage = coverage; self.coverageNote = coverageNote
        self.coverageTool = coverageTool; self.files = files; self.uncoveredFunctions = uncoveredFunctions
        self.uncoveredFunctionsNotListed = uncoveredFunctionsNotListed; self.reference = reference
    }

    /// One source file's coverage and the lines its tests never ran, as ranges ("12-14, 20").
    public struct FileCoverage: Codable, Sendable, Equatable {
        public var file: String
        public var lines: Int
        public var linesCovered: Int
        public var branches: Int
        public var branchesCovered: Int
        /// Uncovered executable lines as ranges, at most 20 ranges (then "…").
        public var uncoveredLines: String
        public init(file: String, lines: Int, linesCovered: Int, branches: Int, branchesCovered: Int, uncoveredLines: String) {
            self.file = file; self.lines = lines; self.linesCovered = linesCovered; self.branches = branches
            self.branchesCovered = branchesCovered; self.uncoveredLines = uncoveredLines
        }
    }

    /// A function of the candidate's source that no test of theirs entered.
    public struct UncoveredFunction: Codable, Sendable, Equatable {
        public var file: String
        public var name: String
        public var line: Int
        public init(file: String, name: String, line: Int) { self.file = file; self.name = name; self.line = line }
    }

    /// The reference solution's own-test figures the scoring compares with.
    public struct Reference: Codable, Sendable, Equatable {
        public var found: Int
        public var passed: Int
        public var coverage: Coverage?
        public init(found: Int, passed: Int, coverage: Coverage?) {
            self.found = found; self.passed = passed; self.coverage = coverage
        }
    }
}
