/// The testability improvements: the candidate's own tests (missing, failing, leaving code unrun),
/// surviving mutants, and the structural signals (I/O mixed with decisions, global state...).
extension ImprovementCandidates {
    func testability() -> [ImprovementCandidate] {
        guard let testability = report.metrics.testability else { return [] }
        var candidates: [ImprovementCandidate] = []
        if let own = testability.ownTests { candidates += ownTests(own) }
        if let mutation = testability.mutation, mutation.survived > 0 { candidates.append(survivors(mutation)) }
        for (index, signal) in (testability.structural?.signals ?? []).enumerated() where !signal.places.isEmpty {
            let rule = "testability.\(signal.name)", first = signal.places[0]
            candidates.append(candidate(rule: rule, area: "testability", message: DesignFindings.finding(signal, rule: rule).message,
                                        file: first.file, line: first.line, name: first.name, covers: { $0.rule == rule },
                                        edit: { inputs in
                guard var structural = inputs.testability?.structural else { return }
                structural.signals[index].value = 0
                structural.signals[index].places = []
                inputs.testability?.structural = structural
            }))
        }
        return candidates
    }

    private func ownTests(_ own: OwnTestsMetrics) -> [ImprovementCandidate] {
        guard own.found > 0 else {
            let largest = report.metrics.complexity?.functions.max { ($0.cognitive, $1.line) < ($1.cognitive, $0.line) }
            let start = largest.map { ", starting with `\($0.name)`, the most complex function" } ?? ""
            return [candidate(rule: "testability.no-tests", area: "testability",
                              message: "The submission has no tests of its own: write tests for the solution\(start).",
                              file: largest?.file, line: largest?.line, name: largest?.name, edit: { inputs in
                inputs.testability?.ownTests = Self.fullyCovered(own, found: max(1, own.reference?.found ?? 1))
            })]
        }
        var candidates: [ImprovementCandidate] = []
        if own.passed < own.found {
            let failing = own.found - own.passed
            let count = own.found == 1 ? "Your only own test does not pass" : failing == 1 ? "1 of your \(own.found) own tests does not pass"
                : "\(failing) of your \(own.found) own tests do not pass"
            candidates.append(candidate(rule: "testability.failing-own-tests", area: "testability",
                                        message: "\(count): fix the test or the code it tests.",
                                        file: nil, line: nil, name: nil, edit: { inputs in
                inputs.testability?.ownTests?.passed = own.found
            }))
        }
        for (index, file) in own.files.enumerated() where file.linesCovered < file.lines {
            let functions = own.uncoveredFunctions.filter { $0.file == file.file }
            let first = functions.first
            let never = functions.isEmpty ? "" : "; never entered: " + functions.prefix(3).map { "`\($0.name)`" }.joined(separator: ", ")
            let message = "Your tests run \(file.linesCovered) of \(file.lines) lines of \(file.file) (never run: \(file.uncoveredLines))"
                + "\(never): add tests for the cases those lines handle."
            candidates.append(candidate(rule: "testability.uncovered-code", area: "testability", message: message,
                                        file: file.file, line: first?.line ?? Self.firstLine(file.uncoveredLines),
                                        name: first?.name, edit: { inputs in
                guard var metrics = inputs.testability?.ownTests else { return }
                metrics.files[index].linesCovered = file.lines
                metrics.files[index].branchesCovered = file.branches
                metrics.coverage = Self.coverage(metrics.files)
                inputs.testability?.ownTests = metrics
            }))
        }
        return candidates
    }

    private func survivors(_ mutation: MutationMetrics) -> ImprovementCandidate {
        let first = mutation.survivors.first
        let example = first.map { ", e.g. changing `\($0.original)` to `\($0.mutated)` \(Self.whereIn($0))" } ?? ""
        let message = "Your tests let \(mutation.survived) of \(mutation.run) mutants survive\(example): "
            + "add the assertion that would fail on each."
        return candidate(rule: "testability.surviving-mutant", area: "testability", message: message, file: first?.file,
                         line: first?.line, name: first?.function, covers: { $0.rule == "testability.surviving-mutant" },
                         edit: { inputs in
            guard var metrics = inputs.testability?.mutation else { return }
            metrics.killed += metrics.survived
            metrics.survived = 0
            metrics.survivors = []
            metrics.score = metrics.run > 0 ? 1 : nil
            inputs.testability?.mutation = metrics
        })
    }

    /// `in `pay` at pay.py:41`, or `at pay.py:3` outside every function.
    static func whereIn(_ mutant: Mutant) -> String {
        (mutant.function == "(module)" ? "" : "in `\(mutant.function)` ") + "at \(mutant.file):\(mutant.line)"
    }

    /// Own-test figures with `found` passing tests covering every line and branch.
    static func fullyCovered(_ own: OwnTestsMetrics, found: Int) -> OwnTestsMetrics {
        var copy = own
        copy.found = found
        copy.passed = found
        copy.coverage = Coverage(lines: 1, branches: own.files.contains { $0.branches > 0 } ? 1 : nil)
        return copy
    }

    /// Covered over executable lines (and branches) of `files`, as the coverage stage sums them.
    static func coverage(_ files: [OwnTestsMetrics.FileCoverage]) -> Coverage? {
        let lines = files.reduce(0) { $0 + $1.lines }, covered = files.reduce(0) { $0 + $1.linesCovered }
        let branches = files.reduce(0) { $0 + $1.branches }, branchesCovered = files.reduce(0) { $0 + $1.branchesCovered }
        guard lines > 0 else { return nil }
        let ratio = { (part: Int, whole: Int) in (Double(part) / Double(whole) * 10_000).rounded() / 10_000 }
        return Coverage(lines: ratio(covered, lines), branches: branches > 0 ? ratio(branchesCovered, branches) : nil)
    }

    /// The first line of `12-14, 20`.
    static func firstLine(_ ranges: String) -> Int? {
        Int(ranges.prefix { $0.isNumber })
    }
}
