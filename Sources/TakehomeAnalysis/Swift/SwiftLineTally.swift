import SwiftSyntax

/// Follows the tokens of a file in source order, with their trivia, and records which lines hold
/// code and which hold comments, the clone-detection token stream, and the first unexpected text.
/// Fed every token once by `SwiftMetricsVisitor`; counting lines itself keeps the pass linear.
struct SwiftLineTally {
    private(set) var codeLines: [Bool] = [false, false]
    private(set) var commentLines: [Bool] = [false, false]
    private(set) var cloneTokens: [CloneToken] = []
    /// The line of the first unexpected text in trivia, if any.
    private(set) var firstUnexpectedLine: Int?
    /// The 1-based line the next character starts on.
    private(set) var line = 1
    /// Whether the last character read ended a line (so no partial last line follows it).
    private var atLineStart = true

    private static let identifierHash = CloneToken.hash(CloneToken.identifier)
    private static let numberHash = CloneToken.hash(CloneToken.number)
    private static let stringHash = CloneToken.hash(CloneToken.string)

    mutating func add(_ token: TokenSyntax) {
        guard token.presence == .present else { return }
        for piece in token.leadingTrivia { add(piece) }
        let text = token.text
        if !text.isEmpty {
            cloneTokens.append(CloneToken(value: Self.cloneValue(token.tokenKind, text: text), line: line))
            read(text, marking: .code)
        }
        for piece in token.trailingTrivia { add(piece) }
    }

    /// Lines with code, lines with a comment and no code, lines with neither.
    func counts() -> (nloc: Int, comments: Int, blank: Int) {
        let total = atLineStart ? line - 1 : line
        var nloc = 0, comments = 0
        for index in 1...max(total, 1) where index < codeLines.count {
            if codeLines[index] { nloc += 1 } else if commentLines[index] { comments += 1 }
        }
        return (nloc, comments, max(total - nloc - comments, 0))
    }

    /// Lines of code among `first...last`, for a function's NLOC.
    func codeLineCount(from first: Int, through last: Int, prefix: [Int]) -> Int {
        let upper = min(last, prefix.count - 1), lower = min(max(first, 1), prefix.count) - 1
        return upper > lower ? prefix[upper] - prefix[lower] : 0
    }

    /// Running totals of code lines, so that a function's NLOC costs two look-ups.
    func codeLinePrefixSums() -> [Int] {
        var sums = [Int](repeating: 0, count: codeLines.count)
        for index in 1..<codeLines.count { sums[index] = sums[index - 1] + (codeLines[index] ? 1 : 0) }
        return sums
    }

    private enum Mark { case code, comment }

    private mutating func add(_ piece: TriviaPiece) {
        switch piece {
        case .newlines(let count), .carriageReturns(let count), .carriageReturnLineFeeds(let count):
            line += count
            atLineStart = true
            ensureLine()
        case .lineComment(let text), .blockComment(let text), .docLineComment(let text),
             .docBlockComment(let text):
            read(text, marking: .comment)
        case .unexpectedText(let text):
            if firstUnexpectedLine == nil { firstUnexpectedLine = line }
            read(text, marking: .code)
        case .spaces, .tabs, .formfeeds, .verticalTabs, .backslashes, .pounds:
            break
        }
    }

    /// Advances over `text`, marking every line it touches.
    private mutating func read(_ text: String, marking mark: Mark) {
        ensureLine()
        self.mark(mark)
        atLineStart = false
        var previousWasCarriageReturn = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") && previousWasCarriageReturn {
                previousWasCarriageReturn = false
                continue
            }
            previousWasCarriageReturn = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                line += 1
                ensureLine()
                self.mark(mark)
                atLineStart = true
            } else {
                atLineStart = false
            }
        }
    }

    private mutating func mark(_ mark: Mark) {
        switch mark {
        case .code: codeLines[line] = true
        case .comment: commentLines[line] = true
        }
    }

    private mutating func ensureLine() {
        while codeLines.count <= line {
            codeLines.append(false)
            commentLines.append(false)
        }
    }

    private static func cloneValue(_ kind: SwiftSyntax.TokenKind, text: String) -> UInt64 {
        switch kind {
        case .identifier, .dollarIdentifier: identifierHash
        case .integerLiteral, .floatLiteral: numberHash
        case .stringSegment, .regexLiteralPattern: stringHash
        default: CloneToken.hash(text)
        }
    }
}
