import Foundation

/// The `testability` part of the rubric, from the candidate's own tests (docs/metrics.md,
/// "Testability"). Each measured term is a figure in 0…1; the part is their mean × the weight.
/// Today's term is the own-tests one; the mutation score joins as a second term of the mean.
///
///     covered  = line coverage, or (line + branch coverage) / 2 when branches were measured
///     health   = passed / found                      (failing or erroring tests count against)
///     own      = covered × health                    (0 when no tests were found)
///     term     = min(1, own / reference own)          with a reference that has tests of its own
///     term     = own                                  without one (absolute scale)
///     earned   = weight × term
public enum TestabilityScore {
    /// The part for `testability`; nil metrics or nil own tests mean the tests were not run.
    public static func part(_ testability: TestabilityMetrics?, weight: Double) -> Score.Part {
        guard let own = testability?.ownTests else {
            return Score.Part(name: "testability", weight: weight, earned: nil, measured: false,
                              explanation: "not measured: the candidate's own tests were not run")
        }
        let (term, how) = ownTestsTerm(own)
        let earned = rounded(weight * term)
        return Score.Part(name: "testability", weight: weight, earned: earned, measured: true,
                          explanation: how + "; \(number(weight)) × \(number(term)) = \(number(earned))")
    }

    /// The own-tests term (0…1) and how it was reached.
    static func ownTestsTerm(_ own: OwnTestsMetrics) -> (Double, String) {
        guard own.found > 0 else { return (0, "no tests of the candidate's own were found: 0") }
        let health = rounded(Double(own.passed) / Double(own.found))
        var how = "own tests: \(own.passed) of \(own.found) passed (\(number(health)))"
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
        how += "; the reference's own tests: \(reference.passed) of \(reference.found) passed, \(describe(referenceCoverage)) "
            + "(\(number(referenceValue))); min(1, \(number(value)) / \(number(referenceValue))) = \(number(relative))"
        return (relative, how)
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
