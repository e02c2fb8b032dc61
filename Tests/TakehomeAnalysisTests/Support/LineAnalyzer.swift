import TakehomeCore
@testable import TakehomeAnalysis

/// A test-only analyser for a toy, Python-like line language whose figures can be worked out by
/// hand: `#` starts a comment line; `def name(a, b):` starts a function that runs while lines are
/// indented deeper than it; each `if`/`for`/`while`/`elif` line adds 1 to CCN and 1 to cognitive;
/// nesting is the indentation (4 spaces a level) of the deepest such line below the body's.
/// Clone tokens: words and punctuation, identifiers and numbers normalised.
struct LineAnalyzer: LanguageAnalyzer {
    var language: SourceLanguage = .python
    var extensions: Set<String> = ["py"]

    static let keywords: Set<String> = ["def", "if", "elif", "else", "for", "while", "return", "in", "pass"]
    static let decisions: Set<String> = ["if", "elif", "for", "while"]

    func analyze(_ text: String, path: String) -> FileAnalysis {
        var result = FileAnalysis()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }  // the newline ending the last line
        var open: (name: String, line: Int, indent: Int, params: Int, body: [(Int, String)])?
        func close() {
            guard let function = open else { return }
            let bodyIndent = function.indent + 4
            var ccn = 1, nesting = 0
            for (_, body) in function.body {
                let trimmed = body.drop { $0 == " " }
                if let word = trimmed.split(separator: " ").first, Self.decisions.contains(String(word)) {
                    ccn += 1
                    nesting = max(nesting, (body.count - trimmed.count - bodyIndent) / 4 + 1)
                }
            }
            let end = function.body.last?.0 ?? function.line
            result.functions.append(FunctionMetrics(file: path, name: function.name, line: function.line, endLine: end,
                                                    nloc: function.body.count + 1, ccn: ccn, cognitive: ccn - 1,
                                                    params: function.params, maxNesting: nesting))
            open = nil
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty { result.blankLines += 1; continue }
            if trimmed.hasPrefix("#") { result.commentLines += 1; continue }
            result.nloc += 1
            let indent = line.count - trimmed.count
            if let function = open, indent <= function.indent { close() }
            if trimmed.hasPrefix("def "), let paren = trimmed.firstIndex(of: "("), let shut = trimmed.firstIndex(of: ")") {
                close()
                let name = String(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 4)..<paren])
                let arguments = trimmed[trimmed.index(after: paren)..<shut].split(separator: ",")
                open = (name, number, indent, arguments.count, [])
            } else if open != nil {
                open?.body.append((number, line))
            }
            result.cloneTokens += Self.tokens(trimmed, line: number)
        }
        close()
        return result
    }

    static func tokens(_ text: Substring, line: Int) -> [CloneToken] {
        var tokens: [CloneToken] = []
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let normalised = keywords.contains(word) ? word
                : (word.first!.isNumber ? CloneToken.number : CloneToken.identifier)
            tokens.append(CloneToken(value: CloneToken.hash(normalised), line: line))
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
            } else {
                flush()
                if character != " " { tokens.append(CloneToken(value: CloneToken.hash(String(character)), line: line)) }
            }
        }
        flush()
        return tokens
    }
}

/// A second toy language (same rules, `.rb` files), to show languages are never compared.
extension LineAnalyzer {
    static let ruby = LineAnalyzer(language: .ruby, extensions: ["rb"])
}
