/// Mutation testing of the candidate's own tests: mutants made on the token stream, killed / total,
/// and the surviving ones with their place in the code.
public struct MutationMetrics: Codable, Sendable, Equatable {
    /// The budget the run was held to (assignment.yml `mutation:`).
    public var budget: Budget
    /// Why there is no score (the tests fail or find none unmutated, no source to mutate); nil when measured.
    public var notMeasured: String?
    /// Mutation sites found in the candidate's source, and how many of them were sampled.
    public var generated: Int
    public var selected: Int
    /// How the sample was drawn, in words (seed, spread over functions).
    public var selection: String
    /// Mutants run to the end, killed (a test failed, errored or timed out), timed out (among the killed),
    /// survived (every test passed), and not run because the seconds budget ran out.
    public var run: Int
    public var killed: Int
    public var timedOut: Int
    public var survived: Int
    public var notRun: Int
    /// killed / run, from 0 to 1; nil when no mutant ran.
    public var score: Double?
    /// Wall time of the unmutated run and the per-mutant timeout derived from it.
    public var baselineSeconds: Double
    public var mutantTimeoutSeconds: Double
    /// Wall time of the whole mutation stage.
    public var seconds: Double
    /// Up to ten surviving mutants, in file and line order.
    public var survivors: [Mutant]
    /// The reference solution's own tests against mutants of the reference, with the same budget;
    /// nil without a reference, or when its tests could not be mutation-tested.
    public var reference: Reference?

    /// The mutant count and seconds the stage may spend.
    public struct Budget: Codable, Sendable, Equatable {
        public var mutants: Int
        public var seconds: Double
        public init(mutants: Int, seconds: Double) { self.mutants = mutants; self.seconds = seconds }
    }

    /// The reference solution's figures the scoring compares with.
    public struct Reference: Codable, Sendable, Equatable {
        public var run: Int
        public var killed: Int
        public var score: Double
        public init(run: Int, killed: Int, score: Double) { self.run = run; self.killed = killed; self.score = score }
    }

    public init(budget: Budget, notMeasured: String? = nil, generated: Int = 0, selected: Int = 0, selection: String = "",
                run: Int = 0, killed: Int = 0, timedOut: Int = 0, survived: Int = 0, notRun: Int = 0, score: Double? = nil,
                baselineSeconds: Double = 0, mutantTimeoutSeconds: Double = 0, seconds: Double = 0, survivors: [Mutant] = [],
                reference: Reference? = nil) {
        self.budget = budget; self.notMeasured = notMeasured; self.generated = generated; self.selected = selected
        self.selection = selection; self.run = run; self.killed = killed; self.timedOut = timedOut
        self.survived = survived; self.notRun = notRun; self.score = score; self.baselineSeconds = baselineSeconds
        self.mutantTimeoutSeconds = mutantTimeoutSeconds; self.seconds = seconds; self.survivors = survivors
        self.reference = reference
    }

    /// The most surviving mutants a report lists.
    public static let survivorsShown = 10
}

/// One small change to the candidate's source: the token at `start..<end` of `file` replaced.
public struct Mutant: Codable, Sendable, Hashable {
    /// Path relative to the submission's root, with `/` separators.
    public var file: String
    public var line: Int
    /// The enclosing function's name, or `(module)` outside every function.
    public var function: String
    /// The kind of change: `relational`, `arithmetic`, `logical`, `boolean`, `constant`, `return`.
    public var `operator`: String
    public var original: String
    public var mutated: String
    /// Byte range in the file that `mutated` replaces (not part of the report).
    public var start: Int
    public var end: Int

    public init(file: String, line: Int, function: String, operator: String, original: String, mutated: String,
                start: Int, end: Int) {
        self.file = file; self.line = line; self.function = function; self.operator = `operator`
        self.original = original; self.mutated = mutated; self.start = start; self.end = end
    }

    enum CodingKeys: String, CodingKey { case file, line, function, `operator`, original, mutated }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  function: try container.decode(String.self, forKey: .function),
                  operator: try container.decode(String.self, forKey: .operator),
                  original: try container.decode(String.self, forKey: .original),
                  mutated: try container.decode(String.self, forKey: .mutated), start: 0, end: 0)
    }

    /// The file's bytes with this mutant applied.
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        Array(bytes[..<start]) + Array(mutated.utf8) + Array(bytes[end...])
    }

    /// "A bug your tests would not catch: changing `<` to `<=` in `pay_for` at shiftpay.py:42 passes every test of yours.".
    public var survivorSentence: String {
        let place = function == "(module)" ? "at" : "in `\(function)` at"
        return "A bug your tests would not catch: changing `\(original)` to `\(mutated)` \(place) \(file):\(line) passes every test of yours."
    }
}
