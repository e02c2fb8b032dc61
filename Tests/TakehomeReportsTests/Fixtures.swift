import Foundation
import TakehomeCore

/// The reports every renderer is tested with: a full pass, a buggy submission (failures, findings,
/// a wall-limit hit) and one whose tests could not load it and that tampered with the results.
enum Fixture: String, CaseIterable, CustomStringConvertible {
    case pass, buggy, broken

    var description: String { rawValue }

    /// The fixture's report with its feedback, as the grader writes it.
    var report: Report {
        var report = switch self {
        case .pass: Self.passReport()
        case .buggy: Self.buggyReport()
        case .broken: Self.brokenReport()
        }
        report.feedback = Feedback(report)
        return report
    }

    static let graded = Date(timeIntervalSince1970: 1_714_644_000)  // 2024-05-02 10:00:00 UTC
    static let assignment = Report.AssignmentInfo(id: "shift-pay-python", title: "Shift pay calculator",
                                                  language: "python", runner: "pytest",
                                                  digest: "sha256:4f1c9a0d2b7e")
    static let limits = SandboxInfo.LimitsInfo(RunLimits(wall: TimeSpan(seconds: 30)))
    static let enforcement = ["wall": "harness", "cpu": "rlimit", "memory": "cgroup-v2", "processes": "cgroup-v2",
                              "output": "harness", "disk": "rlimit"]

    /// 33 hidden tests, three of them worth 3 points; `outcome` says how test `n` (1-based) ended.
    static func hiddenSuite(_ outcome: (Int) -> (TestCase.Status, String?)) -> TestSuiteResult {
        var suite = TestSuiteResult(cases: (1...33).map { number in
            let name = number <= 3 ? "test_burst_\(number)" : String(format: "test_rule_%02d", number)
            let points: Double = number <= 3 ? 3 : 1
            let (status, message) = outcome(number)
            return TestCase(id: "tests.hidden.test_pay::\(name)", name: name, status: status, points: points,
                            earned: status == .passed ? points : 0, durationMs: 20 + number, message: message)
        })
        suite.recount()
        suite.durationMs = 2_140
        return suite
    }

    static func score(_ suite: TestSuiteResult, complexity: ComplexityMetrics? = nil,
                      design: OverEngineeringMetrics? = nil) -> Score {
        RubricScorer(rubric: Rubric()).score(correctness: suite, suiteName: "hidden", complexity: complexity, design: design)
    }

    /// Static analysis of a small Python submission with one tangled function, a clone, a left-out
    /// dependency folder and a skipped file; the reference's totals for the relative score.
    static let metrics: Report.Metrics = {
        let thresholds = Thresholds()
        let functions = [
            FunctionMetrics(file: "shiftpay/pay.py", name: "pay", line: 12, endLine: 88, nloc: 64, ccn: 14, cognitive: 34,
                            params: 3, maxNesting: 5),
            FunctionMetrics(file: "shiftpay/pay.py", name: "night_hours", line: 90, endLine: 104, nloc: 12, ccn: 4, cognitive: 5,
                            params: 2, maxNesting: 2),
            FunctionMetrics(file: "shiftpay/rates.py", name: "Rates.for_day", line: 8, endLine: 15, nloc: 7, ccn: 3, cognitive: 2,
                            params: 2, maxNesting: 1),
            FunctionMetrics(file: "shiftpay/rates.py", name: "Rates.__init__", line: 3, endLine: 6, nloc: 3, ccn: 1, cognitive: 0,
                            params: 1, maxNesting: 0),
        ]
        let tests = [FunctionMetrics(file: "tests/test_pay.py", name: "test_night", line: 4, endLine: 9, nloc: 6, ccn: 1,
                                     cognitive: 0, params: 0, maxNesting: 0)]
        let reference = ComplexityTotals([
            FunctionMetrics(file: "shiftpay.py", name: "pay", line: 10, endLine: 40, nloc: 28, ccn: 6, cognitive: 6, params: 1,
                            maxNesting: 2),
            FunctionMetrics(file: "shiftpay.py", name: "night", line: 42, endLine: 50, nloc: 8, ccn: 3, cognitive: 3, params: 2,
                            maxNesting: 1),
        ], thresholds: thresholds)
        var size = SizeMetrics(
            files: [
                FileSize(path: "shiftpay/pay.py", language: "python", kind: .source, nloc: 80, commentLines: 6, blankLines: 14,
                         functions: 2),
                FileSize(path: "shiftpay/rates.py", language: "python", kind: .source, nloc: 12, commentLines: 1, blankLines: 3,
                         functions: 2),
                FileSize(path: "tests/test_pay.py", language: "python", kind: .test, nloc: 9, commentLines: 0, blankLines: 2,
                         functions: 1),
            ],
            leftOut: [ExcludedPath(path: ".venv/", reason: "a Python virtual environment")],
            skipped: [ExcludedPath(path: "notes.txt", reason: "skipped: unknown language")],
            notes: [FileNote(file: "shiftpay/rates.py", message: "not valid UTF-8: read with replacement characters")])
        var python = LanguageSize(language: "python")
        for file in size.files {
            if file.kind == .source { size.source.add(file); python.source.add(file) } else { size.test.add(file); python.test.add(file) }
        }
        size.languages = [python]
        let complexity = ComplexityMetrics(
            thresholds: thresholds, functions: functions, testFunctions: tests,
            files: [FileComplexity(file: "shiftpay/pay.py", kind: .source, functions: Array(functions[0...1])),
                    FileComplexity(file: "shiftpay/rates.py", kind: .source, functions: Array(functions[2...3])),
                    FileComplexity(file: "tests/test_pay.py", kind: .test, functions: tests)],
            reference: reference)
        let duplication = DuplicationMetrics(
            minTokens: 50, source: DuplicationTotals(tokens: 900, duplicatedTokens: 126),
            test: DuplicationTotals(tokens: 120, duplicatedTokens: 0),
            clones: [ClonePair(tokens: 63, scope: .source,
                               first: CloneLocation(file: "shiftpay/pay.py", line: 30, endLine: 41),
                               second: CloneLocation(file: "shiftpay/pay.py", line: 60, endLine: 71))])
        var metrics = Report.Metrics(size: size, complexity: complexity, duplication: duplication)
        metrics.overEngineering = OverEngineeringMetrics(signals: [
            DesignSignal(name: "single-implementation-abstractions", value: 2, weight: 3,
                         label: "abstractions with exactly one implementation", suggestion: "use the implementation directly",
                         places: [DesignPlace(file: "shiftpay/rates.py", line: 4, name: "RateSource", note: "only TableRates"),
                                  DesignPlace(file: "shiftpay/pay.py", line: 8, name: "Clock", note: "only SystemClock")],
                         reference: 0),
            DesignSignal(name: "types-per-100-nloc", value: 4.35, weight: 1, label: "types per 100 lines of code",
                         suggestion: "merge types", places: [], reference: 3),
        ], languages: ["python"], referenceIndex: 3)
        metrics.testability = TestabilityMetrics(structural: StructuralTestabilityMetrics(signals: [
            DesignSignal(name: "effects-in-decisions", value: 1, weight: 0,
                         label: "functions that decide and also read the clock, randomness, the environment, files or the network",
                         suggestion: "pass the value in", places: [DesignPlace(file: "shiftpay/pay.py", line: 10, name: "pay", note: "clock")]),
            DesignSignal(name: "singletons", value: 0, weight: 0, label: "shared single instances", suggestion: "pass it in", places: []),
        ], languages: ["python"]))
        return metrics
    }()

    static func passReport() -> Report {
        let hidden = hiddenSuite { _ in (.passed, nil) }
        var own = TestSuiteResult(cases: (1...6).map {
            TestCase(id: "tests.test_shift::test_\($0)", name: "test_\($0)", status: .passed, durationMs: 5)
        }, coverage: Coverage(lines: 0.91, branches: 0.8))
        own.recount()
        own.durationMs = 310
        return Report(
            tool: .init(version: "0.1.0"), mode: .grade, generatedAt: graded, assignment: assignment,
            submission: .init(source: "https://git.example.com/ada/shift-pay.git", kind: "git", ref: "main",
                              commit: "9fceb02d0ae598e95dc970b74767f19372d61af8",
                              commitTime: Date(timeIntervalSince1970: 1_714_570_200),
                              authors: [.init(name: "Ada Lovelace", email: "ada@example.com", commits: 14)],
                              files: 12, bytes: 48_213),
            tests: .init(hidden: hidden, candidate: own), score: score(hidden),
            sandbox: SandboxInfo(isolation: "bubblewrap 0.8.0", enforcement: enforcement, limits: limits, phases: [
                .init(name: "setup", exitCode: 0, signal: nil, wallSeconds: 3.4, limitsHit: [], network: false),
                .init(name: "hidden tests", exitCode: 0, signal: nil, wallSeconds: 2.6, limitsHit: [], network: false),
                .init(name: "own tests", exitCode: 0, signal: nil, wallSeconds: 0.7, limitsHit: [], network: false),
            ]),
            history: .init(commits: 14, firstCommitTime: Date(timeIntervalSince1970: 1_714_557_600),
                           lastCommitTime: Date(timeIntervalSince1970: 1_714_570_200)),
            timings: ["fetch": 0.42, "tests": 6.7])
    }

    static let wallSentence = "stopped at the 30 s wall limit"

    static func buggyReport() -> Report {
        var hidden = hiddenSuite { number in
            switch number {
            case 2: (.failed, "assert pay(night) == Decimal('120.00') | got `Decimal('96.00')`")
            case 17: (.failed, "AssertionError: holiday rate not applied to shift ending 2024-12-25T02:00")
            case 33: (.errored, wallSentence)
            default: (.passed, nil)
            }
        }
        hidden.limitsHit = [wallSentence]
        hidden.durationMs = 30_000
        hidden.output = """
            ....F..............F.............
            FAILED tests/hidden/test_pay.py::test_burst_2 - assert pay(night) == Decimal('120.00')
            ```
            FAILED tests/hidden/test_pay.py::test_rule_17 - AssertionError: holiday rate not applied
            """
        return Report(
            tool: .init(version: "0.1.0"), mode: .grade, generatedAt: graded, assignment: assignment,
            submission: .init(source: "/srv/submissions/candidate-17.tar.gz", kind: "archive", files: 9,
                              bytes: 31_877, blind: true),
            tests: .init(hidden: hidden),
            metrics: metrics,
            findings: [
                Finding(rule: "hygiene.secrets", severity: .error,
                        message: "A file looks like it holds an API key; remove it from the history.",
                        file: "config/settings.py", line: 3),
                Finding(rule: "hygiene.readme", severity: .info, message: "No README: say how to run the tests."),
                Finding(rule: "tests.edits-hidden", severity: .warning,
                        message: "The submission ships a file where the hidden tests are placed.",
                        file: "tests/hidden/test_pay.py", line: 1),
            ] + MetricFindings.findings(complexity: metrics.complexity, duplication: metrics.duplication)
              + DesignFindings.findings(overEngineering: metrics.overEngineering, structural: metrics.testability?.structural),
            score: score(hidden, complexity: metrics.complexity, design: metrics.overEngineering),
            sandbox: SandboxInfo(isolation: "bubblewrap 0.8.0", enforcement: enforcement, limits: limits, phases: [
                .init(name: "hidden tests", exitCode: nil, signal: 9, wallSeconds: 30.0, limitsHit: ["wall"],
                      network: false),
            ]))
    }

    static func brokenReport() -> Report {
        let failure = "ModuleNotFoundError: No module named 'shiftpay'\u{1B}[2J"
        var hidden = hiddenSuite { _ in (.errored, "could not load the solution: \(failure)") }
        hidden.loadFailure = LoadFailure(message: failure, expectedPath: "shiftpay/__init__.py", affectedTests: 33)
        hidden.tampering = ["2 line(s) on the harness's result channel were not written by the harness"]
        hidden.durationMs = 410
        return Report(
            tool: .init(version: "0.1.0"), mode: .grade, generatedAt: graded, assignment: assignment,
            submission: .init(source: "/srv/submissions/forger", kind: "folder",
                              authors: [.init(name: "M. | Mallory `<img>`", email: "m@example.com", commits: 1)],
                              files: 4, bytes: 2_210),
            tests: .init(hidden: hidden), score: score(hidden),
            sandbox: SandboxInfo(isolation: "bubblewrap 0.8.0", enforcement: enforcement, limits: limits, phases: [
                .init(name: "hidden tests", exitCode: 0, signal: nil, wallSeconds: 0.9, limitsHit: [], network: false),
            ]))
    }
}
