import Foundation

/// The `testability` part of the rubric, from the candidate's own tests and the structure of their
/// code (docs/metrics.md, "Scoring testability"). Three terms, each a figure in 0…1 relative to the
/// reference solution's own figure, combined by a weighted mean:
///
///     own tests  = min(1, covered × passed/found ÷ the reference's)       covered: line (and branch) coverage
///     mutation   = min(1, killed/run ÷ the reference's killed/run)
///     structure  = min(1, (reference load + 2) / (candidate load + 2))    load: Σ structural signal counts
///     earned     = weight × Σ termWeight × term / Σ termWeight            over the terms that are defined
///
/// A term that could not be measured (the run was tampered with, so its results are no evidence; no
/// mutant could be made or run; the design model read no source) leaves the mean and the
/// explanation says why. Tests that fall short (none, failing, hanging) are measured: they score low;
/// without any test the structure term is not counted, so untested code earns nothing.
public enum TestabilityScore {
    /// The terms' weights in the mean, chosen on the calibration samples (docs/metrics.md).
    public static let ownTestsWeight = 1.0
    public static let mutationWeight = 2.0
    public static let structureWeight = 2.0
    /// Added to both structural loads so that one signal against none is not a fall to a third.
    public static let structureSmoothing = 2.0

    /// One term of the mean: its value, or why it is left out, and how it was reached.
    struct Term {
        var name: String
        var weight: Double
        var value: Double?
        var how: String
    }

    /// The part for `testability`; nil metrics or nil own tests mean the tests were not run.
    public static func part(_ testability: TestabilityMetrics?, weight: Double) -> Score.Part {
        guard let testability, let own = testability.ownTests else {
            return Score.Part(name: "testability", weight: weight, earned: nil, measured: false,
                              explanation: "not measured: the candidate's own tests were not run")
        }
        let tampered = "not measured (the run's results were tampered with: no evidence either way), left out"
        let terms: [Term]
        if own.tampered == true {
            terms = [Term(name: "own tests", weight: ownTestsWeight, value: nil, how: tampered),
                     Term(name: "mutation", weight: mutationWeight, value: nil, how: tampered),
                     structureTerm(testability.structural)]
        } else {
            let (ownValue, ownHow) = ownTestsTerm(own)
            let structure = own.found > 0 ? structureTerm(testability.structural)
                : Term(name: "structure", weight: structureWeight, value: nil,
                       how: "not counted without tests of their own (easy to test is worth nothing untested), left out")
            terms = [Term(name: "own tests", weight: ownTestsWeight, value: ownValue, how: ownHow),
                     mutationTerm(testability.mutation, testsFound: own.found), structure]
        }
        let listed = terms.map { "\($0.name) (weight \(number($0.weight))): \($0.how)" }.joined(separator: "; ")
        let counted = terms.filter { $0.value != nil }
        guard !counted.isEmpty else {
            return Score.Part(name: "testability", weight: weight, earned: nil, measured: false,
                              explanation: "not measured: " + listed)
        }
        let totalWeight = counted.reduce(0) { $0 + $1.weight }
        let mean = rounded(counted.reduce(0) { $0 + $1.weight * ($1.value ?? 0) } / totalWeight)
        let earned = rounded(weight * mean)
        let sum = counted.map { "\(number($0.weight)) × \(number($0.value ?? 0))" }.joined(separator: " + ")
        let combined = counted.count == 1 ? "\(number(mean))" : "(\(sum)) / \(number(totalWeight)) = \(number(mean))"
        return Score.Part(name: "testability", weight: weight, earned: earned, measured: true,
                          explanation: listed + "; " + combined + "; \(number(weight)) × \(number(mean)) = \(number(earned))")
    }

    /// The own-tests term (0…1) and how it was reached.
    static func ownTestsTerm(_ own: OwnTestsMetrics) -> (Double, String) {
        guard own.found > 0 else { return (0, "no tests of the candidate's own were found: 0") }
        let health = rounded(Double(own.passed) / Double(own.found))
        var how = "\(own.passed) of \(own.found) passed (\(number(health)))"
        guard let coverage = own.coverage else {
            return (0, how + "; no coverage of the source measured (\(own.coverageNote ?? "not measured")): 0")
        }
        let covered = covered(coverage)
        let value = rounded(covered * health)
        how += "; " + describe(coverage) + " (\(number(covered))); \(number(covered)) × \(number(health)) = \(number(value))"
        guard let reference = own.reference, reference.found > 0, let referenceCoverage = reference.coverage else {
            return (value, how + "; the reference solution has no tests of its own to compare with: absolute scale")
        }
        let referenceValue = rounded(self.covered(referenceCoverage) * Double(reference.passed) / Double(reference.found))
        guard referenceValue > 0 else { return (value, how + "; the reference's own tests measure 0: absolute scale") }
        let relative = rounded(min(1, value / referenceValue))
        how += "; the reference's: \(reference.passed) of \(reference.found) passed, \(describe(referenceCoverage)) "
            + "(\(number(referenceValue))); min(1, \(number(value)) / \(number(referenceValue))) = \(number(relative))"
        return (relative, how)
    }

    /// The mutation term: the share of mutants the candidate's tests kill, relative to the reference's.
    /// Tests that give nothing to judge a mutant by (none found, none passing, none finishing
    /// unmutated) kill nothing: 0. Left out, with its reason, when there was nothing to measure
    /// (mutation testing off, nothing the operators change) or it did not run.
    static func mutationTerm(_ mutation: MutationMetrics?, testsFound: Int) -> Term {
        func term(_ value: Double?, _ how: String) -> Term { Term(name: "mutation", weight: mutationWeight, value: value, how: how) }
        guard testsFound > 0 else { return term(0, "no tests of their own to kill a mutant: 0") }
        guard let mutation else { return term(nil, "not measured (mutation testing did not run), left out") }
        guard let score = mutation.score else {
            let reason = mutation.notMeasured ?? "no mutant ran"
            let nothingToMeasure = mutation.budget.mutants == 0 || mutation.selected == 0 || mutation.notRun == mutation.selected
            return nothingToMeasure ? term(nil, "not measured (\(reason)), left out") : term(0, "\(reason): no mutant can be caught, 0")
        }
        let value = rounded(score)
        var how = "own tests kill \(mutation.killed) of \(mutation.run) mutants (\(percent(score)))"
        guard let reference = mutation.reference, rounded(reference.score) > 0 else {
            return term(value, how + "; no reference figure to compare with: absolute scale")
        }
        let referenceValue = rounded(reference.score)
        let relative = rounded(min(1, value / referenceValue))
        how += "; the reference's kill \(reference.killed) of \(reference.run) (\(percent(reference.score))): "
            + "min(1, \(number(value)) / \(number(referenceValue))) = \(number(relative))"
        return term(relative, how)
    }

    /// The structure term: the structural signals' counts summed (the load), against the reference's.
    static func structureTerm(_ structural: StructuralTestabilityMetrics?) -> Term {
        func term(_ value: Double?, _ how: String) -> Term { Term(name: "structure", weight: structureWeight, value: value, how: how) }
        guard let structural else { return term(nil, "not measured (the design model read no source), left out") }
        let load = structural.signals.reduce(0) { $0 + $1.value }
        let referenceLoad = structural.signals.reduce(0) { $0 + ($1.reference ?? 0) }
        let present = structural.signals.filter { $0.value > 0 }.map { "\($0.label): \(number($0.value))" }
        let what = present.isEmpty ? "no structural signal" : present.joined(separator: ", ")
        let against = structural.signals.contains { $0.reference != nil } ? "the reference's load is \(number(referenceLoad))"
            : "no reference, so compared with a load of 0"
        let value = rounded(min(1, (referenceLoad + structureSmoothing) / (load + structureSmoothing)))
        return term(value, "\(what) (load \(number(load))), \(against): min(1, (\(number(referenceLoad)) + "
            + "\(number(structureSmoothing))) / (\(number(load)) + \(number(structureSmoothing)))) = \(number(value))")
    }

    /// Line coverage, averaged with branch coverage when it was measured.
    static func covered(_ coverage: Coverage) -> Double {
        rounded(coverage.branches.map { (coverage.lines + $0) / 2 } ?? coverage.lines)
    }

    private static func describe(_ coverage: Coverage) -> String {
        "\(percent(coverage.lines)) of lines" + (coverage.branches.map { " and \(percent($0)) of branches" } ?? "") + " covered"
    }

    private static func percent(_ value: Double) -> String { "\(number((value * 1000).rounded() / 10))%" }
    private static func rounded(_ value: Double) -> Double { ScoreNumber.rounded(value) }

    private static func number(_ value: Double) -> String { ScoreNumber.text(value) }
}
