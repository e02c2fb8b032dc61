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
    /// Hidden test ids, names and module paths (`tests.hidden.test_pay::test_tie`, `test_tie`,
    /// `tests.hidden.test_pay`), longest first: a sentence naming one (a tampering report quoting
    /// JUnit ids) would tell the candidate what the hidden tests check.
    let names: [String]

    static let removedLine = "[hidden test source removed]"
    static let maskedValue = "[hidden value]"
    static let maskedName = "[a hidden test]"
    /// Shorter lines (`)`, `else:`, `import pytest`) say nothing about the tests.
    static let shortestLine = 16
    /// Lines longer than this are searched for embedded hidden lines rather than dropped whole.
    static let longLine = 400

    /// Built from the hidden tests' source files and their test ids (`module.path::name`).
    public init(sources: [String], testIDs: [String] = []) {
        var lines = Set<String>()
        var values = Set<String>()
        for source in sources {
            for raw in source.split(whereSeparator: \.isNewline) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.count >= Self.shortestLine && !line.hasPrefix("import ") && !line.hasPrefix("from ") {
                    lines.insert(line)
                }
                values.formUnion(Self.literals(in: line))
            }
        }
        var names = Set<String>()
        for id in testIDs {
            let parts = id.components(separatedBy: "::")
            names.insert(id)
            if let name = parts.last { names.insert(name); names.insert(String(name.prefix { $0 != "[" })) }
            if parts.count > 1 { names.insert(parts[0]) }
        }
        self.lines = lines
        self.values = values.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        self.names = names.filter { $0.count >= 4 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// True when there is nothing to redact (no hidden sources, as in `check`).
    public var isEmpty: Bool { lines.isEmpty && values.isEmpty && names.isEmpty }

    /// `text` with quoted hidden lines replaced and hidden expected values masked.
    public func redact(_ text: String) -> String {
        guard !isEmpty else { return text }
        var changed = false
        let redacted = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            let line = String(raw)
            if quotesHiddenLine(line) { changed = true; return Self.removedLine }
            var masked = line
            // A long line (an exception message carrying a whole file) may embed hidden lines.
            if line.count > Self.longLine {
                for hidden in lines where masked.contains(hidden) {
                    masked = masked.replacingOccurrences(of: hidden, with: Self.removedLine)
                }
            }
            // A message cut short (the witness keeps 500 characters) may end inside a hidden line.
            for hidden in lines {
                if let cut = Self.trailingPrefix(of: hidden, in: masked) {
                    masked = String(masked.dropLast(cut)) + Self.removedLine
                    break
                }
            }
            for name in names where masked.contains(name) {
                masked = masked.replacingOccurrences(of: name, with: Self.maskedName)
            }
            for value in values where masked.contains(value) {
                masked = Self.mask(value, in: masked)
            }
            if masked != line { changed = true }
            return masked
        }
        return changed ? redacted.joined(separator: "\n") : text
    }

    /// The length of the longest start of `hidden` (at least `shortestLine` characters, shorter
    /// than all of it) that `text` ends with, or nil.
    static func trailingPrefix(of hidden: String, in text: String) -> Int? {
        let characters = Array(hidden)
        guard characters.count > shortestLine else { return nil }
        for length in stride(from: characters.count - 1, through: shortestLine, by: -1)
            where text.hasSuffix(String(characters[0..<length])) {
            return length
        }
        return nil
    }

    private func quotesHiddenLine(_ line: String) -> Bool {
        // pytest quotes source after ">" and explanations after "E"; both keep the line's own text.
        var bare = Substring(line.trimmingCharacters(in: .whitespaces))
        if bare.first == ">" || bare.first == "E" { bare = bare.dropFirst() }
        let trimmed = bare.trimmingCharacters(in: .whitespaces)
        if lines.contains(trimmed) { return true }
        guard line.count <= Self.longLine else { return false }
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
