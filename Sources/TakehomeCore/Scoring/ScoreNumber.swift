import Foundation

/// How the scoring writes figures in its explanations and rounds them.
enum ScoreNumber {
    /// `15`, `0.6`, `6.94`: at most two decimals, no trailing zeros.
    static func text(_ value: Double) -> String {
        guard value != value.rounded() else { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Two decimals.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
