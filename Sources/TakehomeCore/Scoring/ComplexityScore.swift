import Foundation

/// The `complexity` part of the rubric, from the functions of the candidate's source code:
/// half against the assignment's absolute thresholds, half relative to the reference solution's
/// own figures (docs/metrics.md, "Findings and scoring").
///
///     thresholds = max(0, 1 − 0.1 × breaches)
///     relative   = mean of min(1, (ref + 5) / (cand + 5)) for max and total cognitive complexity
///     earned     = weight × (thresholds + relative) / 2     (weight × thresholds without a reference)
///                  × the share of test points earned         (simple code that does not work earns nothing)
public enum ComplexityScore {
    /// Each threshold breach takes this share of the thresholds half.
    public static let breachPenalty = 0.1
    /// Added to both sides of a ratio so that small figures (2 against 1) do not count as doubling.
    public static let smoothing = 5.0

    /// The part for `complexity`; `testShare` (0…1) is the share of the graded tests' points the
    /// submission earned, nil when no tests were graded.
    public static func part(_ complexity: ComplexityMetrics, weight: Double, testShare: Double? = nil) -> Score.Part {
        let candidate = complexity.source
        guard candidate.functions > 0 else {
            return Score.Part(name: "complexity", weight: weight, earned: nil, measured: false,
                              explanation: "not measured: no functions found in the candidate's source code")
        }
        let absolute = max(0, 1 - breachPenalty * Double(candidate.breaches))
        var how = candidate.breaches == 0
            ? "no function over the thresholds (1)"
            : "\(count(candidate.breaches, "threshold breach", "threshold breaches")) in "
                + "\(count(candidate.functionsOverThresholds, "function", "functions")) (−\(number(breachPenalty)) each): "
                + number(absolute)
        let share = testShare.map { rounded(min(1, max(0, $0))) } ?? 1
        let factor = share < 1 ? " × \(number(share)) (the share of test points earned)" : ""
        guard let reference = complexity.reference, reference.functions > 0 else {
            let earned = rounded(weight * absolute * share)
            how += "; no reference solution to compare with: \(number(weight)) × \(number(absolute))\(factor) = \(number(earned))"
            return Score.Part(name: "complexity", weight: weight, earned: earned, measured: true, explanation: how)
        }
        let maxRatio = ratio(reference.maxCognitive, candidate.maxCognitive)
        let totalRatio = ratio(reference.cognitive, candidate.cognitive)
        let relative = rounded((maxRatio + totalRatio) / 2)
        let earned = rounded(weight * (absolute + relative) / 2 * share)
        how += "; max cognitive complexity \(candidate.maxCognitive), the reference's is \(reference.maxCognitive) "
            + "(\(number(maxRatio))); total cognitive complexity \(candidate.cognitive), the reference's is "
            + "\(reference.cognitive) (\(number(totalRatio))); \(number(weight)) × (\(number(absolute)) + "
            + "\(number(relative))) / 2\(factor) = \(number(earned))"
        return Score.Part(name: "complexity", weight: weight, earned: earned, measured: true, explanation: how)
    }

    /// `min(1, (reference + 5) / (candidate + 5))`, two decimals.
    static func ratio(_ reference: Int, _ candidate: Int) -> Double {
        rounded(min(1, (Double(reference) + smoothing) / (Double(candidate) + smoothing)))
    }

    private static func rounded(_ value: Double) -> Double { ScoreNumber.rounded(value) }

    private static func count(_ value: Int, _ one: String, _ many: String) -> String { "\(value) \(value == 1 ? one : many)" }

    private static func number(_ value: Double) -> String { ScoreNumber.text(value) }
}
