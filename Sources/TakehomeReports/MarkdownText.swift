/// Building blocks of GitHub-flavoured Markdown that keep text from the submission inert: it can
/// neither break a table nor open a link, an image, a heading or an HTML tag.
enum MarkdownText {
    private static let punctuation: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&", "$"]

    /// `text` on one line with every Markdown-significant character escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in ReportText.oneLine(text) {
            if punctuation.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `text` escaped like `inline`, except that each balanced `` `name` `` becomes a code span
    /// (feedback sentences quote names that way); unbalanced backticks stay escaped.
    static func inlineKeepingCode(_ text: String) -> String {
        let pieces = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard pieces.count % 2 == 1 else { return inline(text) }
        return pieces.enumerated().map { index, piece in
            index % 2 == 0 ? inline(piece) : piece.isEmpty ? "\\`\\`" : code(piece)
        }.joined()
    }

    /// `text` as a list item: escaped, and a leading `-`, `+`, `=` or `1.` kept from starting a
    /// nested list or an underline.
    static func listItem(_ text: String) -> String {
        var result = inline(text)
        if let first = result.first, "-+=".contains(first) { result.insert("\\", at: result.startIndex) }
        if let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return "- " + result
    }

    /// `text` as a code span, fenced with more backticks than it contains in a row.
    static func code(_ text: String) -> String {
        let text = ReportText.oneLine(text)
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// A table; cells are plain text, escaped here (code spans in cells keep `|` escaped too).
    static func table(_ header: [String], alignRight: Set<Int>, rows: [[String]]) -> String {
        let rule = header.indices.map { alignRight.contains($0) ? "---:" : "---" }
        let lines = [row(header.map(inline)), row(rule)] + rows.map { row($0.map(inline)) }
        return lines.joined(separator: "\n")
    }

    /// A folded section: `summary` is the harness's own text, `body` already Markdown.
    static func details(_ summary: String, _ body: String) -> String {
        "<details><summary>\(summary)</summary>\n\n\(body)\n\n</details>"
    }

    /// Output as a fenced block whose fence no line of the output can close.
    static func fenced(_ output: String) -> String {
        let body = ReportText.block(output)
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: body) + 1))
        return fence + "text\n" + body + (body.hasSuffix("\n") ? "" : "\n") + fence
    }

    private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for each in text {
            current = each == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
