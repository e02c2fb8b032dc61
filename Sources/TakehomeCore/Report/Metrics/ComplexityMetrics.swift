/// Per-function complexity of a submission: every function of the candidate's source (and, apart,
/// of their tests), per-file sums and totals, the thresholds they were held to and, when graded,
/// the reference solution's own totals. `metrics.complexity` of the report.
public struct ComplexityMetrics: Codable, Hashable, Sendable {
    public var thresholds: Thresholds
    /// The functions of the candidate's source code, file by file in walk order, each file's in source order.
    public var functions: [FunctionMetrics]
    /// The functions of the candidate's test code, in the same order.
    public var testFunctions: [FunctionMetrics]
    /// Sums per file (source and test), in walk order.
    public var files: [FileComplexity]
    public var source: ComplexityTotals
    public var test: ComplexityTotals
    /// The reference solution's source totals under the same thresholds; absent outside grading.
    public var reference: ComplexityTotals?

    public init(thresholds: Thresholds, functions: [FunctionMetrics], testFunctions: [FunctionMetrics],
                files: [FileComplexity], reference: ComplexityTotals? = nil) {
        self.thresholds = thresholds
        self.functions = functions
        self.testFunctions = testFunctions
        self.files = files
        self.source = ComplexityTotals(functions, thresholds: thresholds)
        self.test = ComplexityTotals(testFunctions, thresholds: thresholds)
        self.reference = reference
    }
}

/// The complexity sums of one file.
public struct FileComplexity: Codable, Hashable, Sendable {
    public var file: String
    public var kind: CodeKind
    public var functions: Int
    /// Sums over the file's functions.
    public var ccn: Int
    public var cognitive: Int
    public var maxCcn: Int
    public var maxCognitive: Int

    public init(file: String, kind: CodeKind, functions: [FunctionMetrics]) {
        self.file = file
        self.kind = kind
        self.functions = functions.count
        ccn = functions.reduce(0) { $0 + $1.ccn }
        cognitive = functions.reduce(0) { $0 + $1.cognitive }
        maxCcn = functions.map(\.ccn).max() ?? 0
        maxCognitive = functions.map(\.cognitive).max() ?? 0
    }
}

/// Totals over a set of functions, and how many of them break a threshold.
public struct ComplexityTotals: Codable, Hashable, Sendable {
    public var functions: Int
    /// Sums over every function.
    public var ccn: Int
    public var cognitive: Int
    public var nloc: Int
    /// Mean cyclomatic complexity per function (0 without functions), two decimals.
    public var averageCcn: Double
    public var maxCcn: Int
    public var maxCognitive: Int
    public var maxNesting: Int
    public var maxParams: Int
    public var maxNloc: Int
    /// Functions over at least one threshold, and the number of (function, threshold) breaches.
    public var functionsOverThresholds: Int
    public var breaches: Int

    public init(_ functions: [FunctionMetrics], thresholds: Thresholds) {
        self.functions = functions.count
        ccn = functions.reduce(0) { $0 + $1.ccn }
        cognitive = functions.reduce(0) { $0 + $1.cognitive }
        nloc = functions.reduce(0) { $0 + $1.nloc }
        averageCcn = functions.isEmpty ? 0 : (Double(ccn) / Double(functions.count) * 100).rounded() / 100
        maxCcn = functions.map(\.ccn).max() ?? 0
        maxCognitive = functions.map(\.cognitive).max() ?? 0
        maxNesting = functions.map(\.maxNesting).max() ?? 0
        maxParams = functions.map(\.params).max() ?? 0
        maxNloc = functions.map(\.nloc).max() ?? 0
        let breachCounts = functions.map(thresholds.breachCount(of:))
        functionsOverThresholds = breachCounts.filter { $0 > 0 }.count
        breaches = breachCounts.reduce(0, +)
    }
}
