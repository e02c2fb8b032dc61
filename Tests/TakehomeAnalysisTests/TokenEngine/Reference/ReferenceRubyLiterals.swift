@testable import TakehomeAnalysis

// Ruby literals of the reference lexer (see ReferenceLexer.swift).

/// Ruby's literal forms that the generic lexer cannot describe with a `StringForm`:
/// `%w[...]`-style literals, heredocs (`<<~EOS` ... `EOS`) and punctuation globals (`$'`, `` $` ``, `$?`).
extension ReferenceLexer {
    /// The punctuation that names a special global after `$`: `$~ $' $` $" $! $@ $/ $\ $; $, $. $= $: $< $> $* $$ $? $&`.
    private static let globalPunctuation = Set("~'`\"!@/\\;,.=:<>*$?&+".utf8)

    /// Keywords that are plain names as a symbol (`:if`, `options[:for]`) or a hash key (`if: :ready?`).
    private static let keywordNames: [[UInt8]] = ["if", "unless", "while", "until", "for", "and", "or", "not", "when",
        "case", "rescue", "ensure", "elsif", "else", "then", "do", "begin", "end", "def", "class", "module", "in",
        "return", "yield", "next", "break"].map { Array($0.utf8) }

    func rubyLiteral(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, at = s.index, byte = bytes[at]
        if byte == 58, at + 1 < bytes.count, at == 0 || (bytes[at - 1] != 58 && !identifierContinue[Int(bytes[at - 1])]),
           let end = keywordName(at + 1, s), end == bytes.count || bytes[end] != 58 {
            s.index = end   // `:for` is a symbol, no loop
            s.emit(.string, at, end, line: s.line)
            return true
        }
        if identifierStart[Int(byte)], at == 0 || !identifierContinue[Int(bytes[at - 1])], let end = keywordName(at, s),
           end + 1 < bytes.count, bytes[end] == 58, bytes[end + 1] != 58, s.file.raw.last?.hash != KnownWord.question {
            s.index = end + 1   // `if: ready` is a hash key, no condition
            s.emit(.string, at, end + 1, line: s.line)
            return true
        }
        if byte == 36, at + 1 < bytes.count, ReferenceLexer.globalPunctuation.contains(bytes[at + 1]) {
            s.index = at + 2   // one name: `$'` opens no string, `$?` is no ternary
            s.emit(.identifier, at, at + 2, line: s.line, hash: fnv1a(bytes, at, at + 2))
            return true
        }
        if byte == 37, operandExpected(s) { return percentLiteral(&s) }
        if byte == 60, at + 2 < bytes.count, bytes[at + 1] == 60 { return heredoc(&s) }
        return false
    }

    /// The end of the keyword spelled at `start` when it is a whole word there, else nil.
    private func keywordName(_ start: Int, _ s: LexState) -> Int? {
        let bytes = s.bytes
        var end = start
        while end < bytes.count, identifierContinue[Int(bytes[end])] { end += 1 }
        guard end > start, end - start <= 6 else { return nil }
        return ReferenceLexer.keywordNames.contains(where: { $0.count == end - start && s.matches($0, at: start) }) ? end : nil
    }

    private func percentLiteral(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, start = s.index
        var cursor = start + 1
        if cursor < bytes.count, "qQwWiIrsx".utf8.contains(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count else { return false }
        let open = bytes[cursor]
        let close: UInt8
        switch open {
        case 40: close = 41
        case 91: close = 93
        case 123: close = 125
        case 60: close = 62
        case 33, 47, 124: close = open
        default: return false
        }
        let startLine = s.line
        var depth = 1
        cursor += 1
        while cursor < bytes.count {
            let current = bytes[cursor]
            if current == 92 { cursor += 2; continue }
            if current == 10 { s.newline(at: cursor) }
            if current == close { depth -= 1; if depth == 0 { cursor += 1; break } }
            else if current == open && open != close { depth += 1 }
            cursor += 1
        }
        if depth > 0 { s.note("string", "unterminated %-literal from line \(startLine) runs to the end of the file") }
        s.index = min(cursor, bytes.count)
        s.emit(.string, start, s.index, line: startLine)
        return true
    }

    private func heredoc(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, start = s.index
        var cursor = start + 2
        var squiggly = false
        if cursor < bytes.count, bytes[cursor] == 126 || bytes[cursor] == 45 { squiggly = true; cursor += 1 }
        var quote: UInt8 = 0
        if cursor < bytes.count, bytes[cursor] == 39 || bytes[cursor] == 34 || bytes[cursor] == 96 {
            quote = bytes[cursor]; cursor += 1
        }
        let nameStart = cursor
        while cursor < bytes.count, identifierContinue[Int(bytes[cursor])], bytes[cursor] < 0x80 { cursor += 1 }
        guard cursor > nameStart else { return false }
        let firstIsUpper = bytes[nameStart] >= 65 && bytes[nameStart] <= 90
        if !squiggly && quote == 0 && !(firstIsUpper && operandExpectedOrCall(s)) { return false }
        let name = Array(bytes[nameStart..<cursor])
        if quote != 0 { guard cursor < bytes.count, bytes[cursor] == quote else { return false }; cursor += 1 }
        s.pendingHeredocs.append(name)
        s.index = cursor
        s.emit(.string, start, cursor, line: s.line)
        return true
    }

    private func operandExpectedOrCall(_ s: LexState) -> Bool {
        operandExpected(s) || s.file.raw.last?.kind == .identifier
    }

    /// Called right after a newline: skips the bodies of the heredocs opened on the line just ended.
    func skipHeredocBodies(_ s: inout LexState) {
        let bytes = s.bytes
        for name in s.pendingHeredocs {
            let startLine = s.line
            var found = false
            while s.index < bytes.count {
                var lineEnd = s.index
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                var first = s.index
                while first < lineEnd, bytes[first] == 32 || bytes[first] == 9 { first += 1 }
                var last = lineEnd
                while last > first, bytes[last - 1] == 32 || bytes[last - 1] == 13 { last -= 1 }
                found = last - first == name.count && s.matches(name, at: first)
                if lineEnd < bytes.count { s.newline(at: lineEnd) }
                s.index = min(lineEnd + 1, bytes.count)
                if found { break }
            }
            s.file.marks.mark(LineMarks.code, from: startLine, to: max(startLine, s.line - 1))
            if !found { s.note("string", "unterminated heredoc from line \(startLine - 1) runs to the end of the file") }
        }
        s.pendingHeredocs.removeAll()
        s.atLineStart = true
    }
}
