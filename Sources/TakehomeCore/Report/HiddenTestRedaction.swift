import Foundation

/// Removes hidden-test source and expected values from text a candidate will read: a line that
/// quotes a line of a hidden test (as pytest does in `>` and `E` lines) is replaced, and a literal
/// that a hidden test compares against (`assert pay(shift) == 123.45`) is masked wherever it appears.
/// It errs towards removing too much: a candidate's own value equal to a hidden one is masked too.
public struct HiddenTestRedaction: Sendable {
    /// Hidden-test lines long enough to be worth matching, whitespace-trimmed.
    let lines: Set<String>
    /// Literals from the hidden tests' comparisons, longest first.
    let values: [String]

    static let removedLine = "[hidden test source removed]"
    static let maskedValue = "[hidden value]"
    /// Shorter lines (`)`, `else:`, `import pytest`) say nothing about the tests.
    static let shortestLine = 16

    /// Built from the hidden tests' source files.
    public init(sources: [String]) {
        var lines = Set<String>()
        var values = Set<String>()
        for source in sources {
            for raw in source.split(whereSeparator: \.isNewline) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.count >= Self.shortestLine && !line.hasPrefix("#") && !line.hasPrefix("import ") && !line.hasPrefix("from ") {
                    lines.insert(line)
                }
                values.formUnion(Self.literals(in: line))
            }
        }
        self.lines = lines
        self.values = values.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// True when there is nothing to redact (no hidden sources, as in `check`).
    public var isEmpty: Bool { lines.isEmpty && values.isEmpty }

    /// `text` with quoted hidden lines replaced and hidden expected values masked.
    public func redact(_ text: String) -> String {
        guard !isEmpty else { return text }
        var changed = false
        let redacted = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            if quotesHiddenLine(line) { changed = true; return Self.removedLine }
            var masked = line
            for value in values where masked.contains(value) {
                masked = Self.mask(value, in: masked)
            }
            if masked != line { changed = true }
            return masked
        }
        return changed ? redacted.joined(separator: "\n") : text
    }

    private func quotesHiddenLine(_ line: String) -> Bool {
        // pytest quotes source after ">" and explanations after "E"; both keep the line's own text.
        var bare = Substring(line.trimmingCharacters(in: .whitespaces))
        if bare.first == ">" || bare.first == "E" { bare = bare.dropFirst() }
        let trimmed = bare.trimmingCharacters(in: .whitespaces)
        if lines.contains(trimmed) { return true }
        guard line.count <= 400 else { return false }
        return lines.contains { line.contains($0) }
    }

    /// The literals a line compares against (`== 123.45`, `"abc" ==`, `approx(0.5)`, `expected = 7`):
    /// numbers with a fraction or three or more digits, and strings of four or more characters.
    static func literals(in line: String) -> [String] {
        let literal = #"(-?\d+(?:\.\d+)?|"[^"\\]*"|'[^'\\]*')"#
        let wrappers = #"(?:[\w.]*\(\s*)?"#
        let patterns = [#"(?:==|!=|<=|>=|<|>)\s*"# + wrappers + literal, literal + #"\s*(?:==|!=|<=|>=)"#,
                        #"expect\w*\s*=\s*"# + wrappers + literal]
        var found: [String] = []
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let range = Range(match.range(at: 1), in: line) else { continue }
                var value = String(line[range])
                if value.first == "\"" || value.first == "'" {
                    value = String(value.dropFirst().dropLast())
                    if value.count >= 4 { found.append(value) }
                } else if value.contains(".") || value.filter(\.isNumber).count >= 3 {
                    found.append(value)
                }
            }
        }
        return found
    }

    /// Replaces `value` where it stands alone (not inside a longer number or word).
    static func mask(_ value: String, in line: String) -> String {
        let pattern = #"(?<![\w.])"# + NSRegularExpression.escapedPattern(for: value) + #"(?![\w]|\.\d)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return line }
        return regex.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line),
                                              withTemplate: NSRegularExpression.escapedTemplate(for: maskedValue))
    }
}
