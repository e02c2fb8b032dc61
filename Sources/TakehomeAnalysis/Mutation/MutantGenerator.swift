import TakehomeCore

/// Finds every mutation site in the candidate's source on the token stream, so that one procedure
/// serves every language the token engine reads. Strings and comments are never tokens that change:
/// a comment is no token at all, and a string literal is one token no operator matches. Lines that
/// start with `@` (decorators, annotations: `@dataclass(frozen=True)`) are configuration, not logic,
/// and are left alone.
public struct MutantGenerator: Sendable {
    private let languages: [String: (analyzer: TokenAnalyzer, operators: MutationOperators)]

    public init() {
        var languages: [String: (analyzer: TokenAnalyzer, operators: MutationOperators)] = [:]
        for description in TokenLanguages.descriptions {
            let entry = (TokenAnalyzer(description), MutationOperators(for: description.language))
            for ext in description.extensions { languages[ext] = entry }
        }
        self.languages = languages
    }

    /// The mutants of every source file of `tree` (tests and starter code are not in `files` as source).
    public func mutants(in tree: SourceTree) -> [Mutant] {
        tree.files.filter { $0.kind == .source }.flatMap { mutants(path: $0.path, text: $0.text) }
    }

    /// The mutants of one file, in token order; none for a language the token engine does not read.
    public func mutants(path: String, text: String) -> [Mutant] {
        guard let ext = path.split(separator: "/").last?.split(separator: ".").last.map(String.init),
              let (analyzer, operators) = languages[ext] else { return [] }
        let tokens = analyzer.sourceTokens(text), keywords = analyzer.rules.keywords
        let functions = analyzer.analyze(text, path: path).functions
        func function(at line: Int) -> String {
            functions.filter { $0.line <= line && line <= $0.endLine }.max { $0.line < $1.line }?.name ?? "(module)"
        }
        let bytes = Array(text.utf8)
        var mutants: [Mutant] = []
        var annotationLine = false
        for index in tokens.indices {
            let token = tokens[index]
            if token.startsLine { annotationLine = token.text == "@" }
            guard !annotationLine, let (kind, replacement) = change(at: index, tokens, keywords, operators) else { continue }
            var end = token.end
            if kind == "return" { end = tokens[returnedExpressionEnd(after: index, tokens, operators)].end }
            let start = kind == "return" ? tokens[index + 1].start : token.start
            let original = String(decoding: bytes[start..<end], as: UTF8.self)
            mutants.append(Mutant(file: path, line: token.line, function: function(at: token.line), operator: kind,
                                  original: original, mutated: replacement, start: start, end: end))
        }
        return mutants
    }

    private func change(at index: Int, _ tokens: [SourceToken], _ keywords: WordSet,
                        _ operators: MutationOperators) -> (String, String)? {
        let token = tokens[index]
        switch token.kind {
        case .number:
            guard token.text.count <= 18, token.text.allSatisfy(\.isASCII), token.text.allSatisfy(\.isNumber),
                  token.text == "0" || !token.text.hasPrefix("0"), let value = Int(token.text) else { return nil }
            return ("constant", String(value + 1))
        case .identifier where token.text == "return":
            guard let nothing = operators.nothing, index + 1 < tokens.count else { return nil }
            let next = tokens[index + 1]
            if next.text == nothing || next.text == ";" || next.text == "}" || (operators.newlineEndsStatement && next.startsLine) {
                return nil
            }
            return ("return", nothing)
        case .identifier, .punctuation:
            guard let swap = operators.swaps[token.text] else { return nil }
            if MutationOperators.binaryOnly.contains(token.text) {
                guard index > 0, isOperand(tokens[index - 1], keywords) else { return nil }
            }
            return swap
        default:
            return nil
        }
    }

    /// A token that ends an operand, so that an operator after it is binary.
    private func isOperand(_ token: SourceToken, _ keywords: WordSet) -> Bool {
        switch token.kind {
        case .number, .string: return true
        case .identifier: return !keywords.contains(CloneToken.hash(token.text))
        case .punctuation: return token.text == ")" || token.text == "]"
        case .directive: return false
        }
    }

    /// The last token of the expression after `return` at `index`: up to a `;`, an unmatched closing
    /// bracket, or (where new lines end statements) the next line at bracket depth 0.
    private func returnedExpressionEnd(after index: Int, _ tokens: [SourceToken], _ operators: MutationOperators) -> Int {
        var depth = 0
        var last = index + 1
        var cursor = index + 1
        while cursor < tokens.count {
            let token = tokens[cursor]
            if cursor > index + 1, depth == 0, token.text == ";" || (operators.newlineEndsStatement && token.startsLine) { break }
            switch token.text {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if depth < 0 { break }
            last = cursor
            cursor += 1
        }
        return last
    }
}
