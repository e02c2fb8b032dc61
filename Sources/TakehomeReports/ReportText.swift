import Foundation

/// How numbers, times and untrusted text read in the human formats, shared so that the terminal
/// and Markdown reports say the same thing the same way.
enum ReportText {
    /// `60`, `57.5`, `66.67`: at most two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// `57.5/60 (95.83%)`.
    static func points(_ earned: Double, of possible: Double) -> String { "\(number(earned))/\(number(possible))" }

    /// `340 ms`, `4.2 s`, `2 min 5 s`.
    static func duration(milliseconds: Int) -> String {
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        return seconds(Double(milliseconds) / 1000)
    }

    static func seconds(_ value: Double) -> String {
        if value < 60 { return String(format: "%.1f s", value) }
        let whole = Int(value.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
    }

    /// `2024-05-02 14:03:00 UTC`: one zone for every reader, so goldens and cohorts compare.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// The first 12 characters of a commit id.
    static func shortCommit(_ commit: String) -> String { String(commit.prefix(12)) }

    /// `1 hidden test`, `33 hidden tests`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    /// Candidate-controlled text made safe to print on one line: line breaks and tabs become
    /// spaces, other control characters (an ANSI escape could repaint a reviewer's terminal)
    /// become visible caret notation.
    static func oneLine(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }  // printable ASCII: nothing to change
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.append(" ")
            case 0x00..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: result += "^?"
            case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Multi-line candidate output with the same treatment, keeping its line breaks.
    static func block(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { oneLine(String($0)) }.joined(separator: "\n")
    }

    /// Ends a sentence with a full stop unless it already has closing punctuation.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?".contains(last) ? text : text + "."
    }
}
