import Foundation

/// The `design` part of the rubric, from the over-engineering index relative to the reference
/// solution's (docs/metrics.md, "Design and over-engineering"):
///
///     relative = min(1, (reference index + 5) / (candidate index + 5))   (reference index 0 without one)
///     earned   = weight × relative × the share of test points earned
public enum DesignScore {
    /// Added to both indexes so that small ones (2 against 1) do not count as doubling.
    public static let smoothing = 5.0

    /// The part for `design`; `testShare` (0…1) is the share of the graded tests' points earned.
    public static func part(_ metrics: OverEngineeringMetrics, weight: Double, testShare: Double? = nil) -> Score.Part {
        let reference = metrics.referenceIndex ?? 0
        let relative = rounded(min(1, (reference + smoothing) / (metrics.index + smoothing)))
        let share = testShare.map { rounded(min(1, max(0, $0))) } ?? 1
        let earned = rounded(weight * relative * share)
        let against = metrics.referenceIndex == nil ? "no reference solution, so compared with an index of 0"
            : "the reference's is \(number(reference))"
        let factor = share < 1 ? " × \(number(share)) (the share of test points earned)" : ""
        var how = "over-engineering index \(number(metrics.index)), \(against): min(1, (\(number(reference)) + 5) / "
            + "(\(number(metrics.index)) + 5)) = \(number(relative)); \(number(weight)) × \(number(relative))\(factor) = \(number(earned))"
        let heaviest = metrics.signals.filter { $0.weight * $0.value > 0 }
            .sorted { ($0.weight * $0.value, $1.name) > ($1.weight * $1.value, $0.name) }.prefix(3)
        if !heaviest.isEmpty {
            how += "; most of it from " + heaviest.map { signal in
                "\(signal.label): \(number(signal.value))" + (signal.reference.map { " (the reference: \(number($0)))" } ?? "")
            }.joined(separator: ", ")
        }
        return Score.Part(name: "design", weight: weight, earned: earned, measured: true, explanation: how)
    }

    private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// At most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value != value.rounded() else { return String(Int(value)) }
        return String(format: "%.2f", value).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
    }
}
