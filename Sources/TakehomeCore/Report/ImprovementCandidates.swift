/// An improvement with the findings it stands for (indices into `report.findings`) and their worst severity.
struct ImprovementCandidate {
    var improvement: Improvement
    var findings: [Int]
    var severity: Finding.Severity
}

/// Every improvement a report's figures point at, each priced by scoring the report again with the
/// improvement made (`ScoringInputs.gain`): failing tests passing, a function within the thresholds,
/// a design signal down to the reference's value, a file fully covered, every mutant killed.
struct ImprovementCandidates {
    /// The order of areas among improvements that cost the same.
    static let areaOrder = ["correctness", "testability", "complexity", "design", "duplication"]

    let report: Report
    let inputs: ScoringInputs

    init(_ report: Report) {
        self.report = report
        inputs = ScoringInputs(report)
    }

    /// Every candidate, the costliest first; ties by severity, area, place.
    func ranked() -> [ImprovementCandidate] {
        let all = correctness() + complexity() + design() + testability() + duplication()
        return all.sorted { a, b in
            if a.improvement.points != b.improvement.points { return a.improvement.points > b.improvement.points }
            if a.severity != b.severity { return a.severity > b.severity }
            let areas = (Self.areaOrder.firstIndex(of: a.improvement.area) ?? 9, Self.areaOrder.firstIndex(of: b.improvement.area) ?? 9)
            if areas.0 != areas.1 { return areas.0 < areas.1 }
            return (a.improvement.file ?? "~", a.improvement.line ?? 0, a.improvement.rule)
                < (b.improvement.file ?? "~", b.improvement.line ?? 0, b.improvement.rule)
        }
    }

    /// A candidate priced by `edit`, standing for the findings `covers` selects.
    func candidate(rule: String, area: String, message: String, file: String?, line: Int?, name: String?,
                           severity: Finding.Severity = .warning, covers: (Finding) -> Bool = { _ in false },
                           edit: (inout ScoringInputs) -> Void) -> ImprovementCandidate {
        let parts = inputs.gain(from: edit)
        let points = ScoreNumber.rounded(parts.reduce(0) { $0 + $1.points })
        let findings = report.findings.indices.filter { covers(report.findings[$0]) }
        let worst = findings.map { report.findings[$0].severity }.max() ?? severity
        return ImprovementCandidate(
            improvement: Improvement(rule: rule, area: area, message: message, file: file, line: line, name: name,
                                     points: points, parts: parts, impact: ScoringInputs.impact(parts)),
            findings: findings, severity: worst)
    }

    // MARK: Correctness

    private func correctness() -> [ImprovementCandidate] {
        guard let suite = inputs.suite else { return [] }
        let noun = "\(inputs.suiteName) test"
        if suite.tampered {
            let attempt = report.findings.first { $0.rule == "tests.tampering-attempt" && $0.file != nil }
            let message = "The \(noun) results were tampered with (\(suite.tampering[0])), so the tests concerned earn nothing: "
                + "remove whatever changes how the tests run or report\(attempt.flatMap(\.file).map { " (\($0))" } ?? "")."
            return [candidate(rule: "tests.tampering", area: "correctness", message: message, file: attempt?.file,
                              line: attempt?.line, name: nil, severity: .error, covers: { $0.rule.hasPrefix("tests.tampering") },
                              edit: { $0.suite = Self.passing($0.suite) })]
        }
        if let failure = suite.loadFailure {
            let message = "The \(noun)s could not load the solution: \(failure.message)"
                + (failure.expectedPath.map { "; they expect it at \($0)" } ?? "") + ". Make it importable from there."
            return [candidate(rule: "tests.load-failure", area: "correctness", message: message, file: failure.expectedPath,
                              line: nil, name: nil, severity: .error, covers: { $0.rule == "tests.load-failure" },
                              edit: { $0.suite = Self.passing($0.suite) })]
        }
        let failing = suite.cases.filter { $0.status == .failed || $0.status == .errored }
        guard !failing.isEmpty else { return [] }
        let named = failing.prefix(3).map { "`\($0.name)`" }.joined(separator: ", ")
            + (failing.count > 3 ? " and \(failing.count - 3) more" : "")
        let advice = suite.limitsHit.first.map { "the run \($0): find what keeps it running and make it finish" }
            ?? "find the case each one exercises and fix it"
        let message = "\(failing.count) of \(suite.total) \(noun)s fail (\(named)); \(advice)."
        return [candidate(rule: "tests.failing", area: "correctness", message: message, file: nil, line: nil, name: nil,
                          severity: .error, edit: { $0.suite = Self.passing($0.suite) })]
    }

    /// The suite with every test passed and its points earned.
    static func passing(_ suite: TestSuiteResult?) -> TestSuiteResult? {
        guard var suite else { return nil }
        suite.tampering = []
        suite.cases = suite.cases.map { var passed = $0; passed.status = .passed; passed.earned = $0.points; return passed }
        suite.loadFailure = nil
        suite.recount()
        return suite
    }

    // MARK: Complexity

    private func complexity() -> [ImprovementCandidate] {
        guard let complexity = report.metrics.complexity else { return [] }
        let thresholds = complexity.thresholds
        return complexity.functions.enumerated().compactMap { index, function in
            let breaches = thresholds.breaches(of: function)
            guard let worst = breaches.max(by: { $0.excess < $1.excess }) else { return nil }
            let figures = breaches.map { "\(Self.figure($0.metric)) \($0.value) (threshold \($0.limit))" }.joined(separator: ", ")
            let message = "`\(function.name)` is over the thresholds: \(figures); \(worst.metric.suggestion)."
            return candidate(rule: "complexity.function", area: "complexity", message: message, file: function.file,
                             line: function.line, name: function.name,
                             covers: { $0.rule.hasPrefix("complexity.") && $0.file == function.file && $0.line == function.line },
                             edit: { inputs in
                guard let metrics = inputs.complexity else { return }
                var functions = metrics.functions
                functions[index] = Self.withinThresholds(function, thresholds)
                inputs.complexity = ComplexityMetrics(thresholds: thresholds, functions: functions,
                                                      testFunctions: metrics.testFunctions, files: metrics.files,
                                                      reference: metrics.reference)
            })
        }
    }

    static func figure(_ metric: ThresholdMetric) -> String {
        switch metric {
        case .ccn: "cyclomatic complexity"
        case .cognitive: "cognitive complexity"
        case .functionLines: "lines of code"
        case .params: "parameters"
        case .nesting: "nesting depth"
        }
    }

    /// The function with each figure lowered to its threshold.
    static func withinThresholds(_ function: FunctionMetrics, _ thresholds: Thresholds) -> FunctionMetrics {
        var copy = function
        copy.ccn = min(copy.ccn, thresholds.ccn)
        copy.cognitive = min(copy.cognitive, thresholds.cognitive)
        copy.nloc = min(copy.nloc, thresholds.functionLines)
        copy.params = min(copy.params, thresholds.params)
        copy.maxNesting = min(copy.maxNesting, thresholds.nesting)
        return copy
    }

    // MARK: Design

    private func design() -> [ImprovementCandidate] {
        guard let metrics = report.metrics.overEngineering else { return [] }
        return metrics.signals.enumerated().compactMap { index, signal in
            guard !signal.places.isEmpty, signal.value > (signal.reference ?? 0) else { return nil }
            let rule = "design.\(signal.name)", first = signal.places[0]
            return candidate(rule: rule, area: "design", message: DesignFindings.finding(signal, rule: rule).message,
                             file: first.file, line: first.line, name: first.name, covers: { $0.rule == rule },
                             edit: { inputs in
                guard let design = inputs.design else { return }
                var signals = design.signals
                signals[index].value = signal.reference ?? 0
                inputs.design = OverEngineeringMetrics(signals: signals, languages: design.languages,
                                                       referenceIndex: design.referenceIndex)
            })
        }
    }

    // MARK: Duplication

    private func duplication() -> [ImprovementCandidate] {
        guard let duplication = report.metrics.duplication else { return [] }
        let clones = duplication.clones.filter { $0.scope == .source }
        guard let longest = clones.first else { return [] }
        let percent = ScoreNumber.text(ScoreNumber.rounded(duplication.source.ratio * 100))
        let message = "\(clones.count) clone \(clones.count == 1 ? "pair" : "pairs") in the solution (\(percent)% of its tokens); "
            + "the longest: \(longest.second.description) repeats \(longest.first.description) (\(longest.tokens) tokens). "
            + "Extract the shared code into one function and call it from both places."
        return [candidate(rule: "duplication.clone", area: "duplication", message: message, file: longest.second.file,
                          line: longest.second.line, name: nil, covers: { $0.rule.hasPrefix("duplication.") }, edit: { _ in })]
    }
}
