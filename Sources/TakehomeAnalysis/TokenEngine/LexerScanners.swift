/// The readers of names, numbers, operators, comments and directives.
extension Lexer {
    /// A name from `start`; its FNV-1a hash is computed while its bytes are read, not in a second
    /// pass. Returns where it ends.
    @inline(__always) func identifier(at start: Int, _ s: inout LexState) -> Int {
        let bytes = s.bytes, classes = s.classes
        var cursor = start + 1
        var hash = (fnvBasis ^ UInt64(bytes[start])) &* fnvPrime
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if classes[Int(byte)] & ByteClass.identifierContinue == 0 { break }
            hash = (hash ^ UInt64(byte)) &* fnvPrime
            cursor += 1
        }
        if cursor < bytes.count, classes[Int(bytes[cursor])] & ByteClass.suffix != 0,
           !(cursor + 1 < bytes.count && (bytes[cursor + 1] == 61 || bytes[cursor + 1] == 58)) {
            hash = (hash ^ UInt64(bytes[cursor])) &* fnvPrime
            cursor += 1
        }
        s.emit(.identifier, start, cursor, line: s.line, hash: hash)
        return cursor
    }

    func number(_ s: inout LexState) {
        let bytes = s.bytes, classes = s.classes, start = s.index
        var cursor = start + 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if classes[Int(byte)] & ByteClass.identifierContinue != 0 && byte < 0x80 {
                let lower = byte | 0x20
                cursor += 1
                if (lower == 101 || lower == 112), cursor < bytes.count, bytes[cursor] == 43 || bytes[cursor] == 45,
                   !isHexLiteral(start, bytes) || lower == 112 {
                    cursor += 1
                }
                continue
            }
            if byte == 46, cursor + 1 < bytes.count, isDigit(bytes[cursor + 1]) { cursor += 1; continue }
            if byte == 39, lexicon.digitSeparators, cursor + 1 < bytes.count,
               classes[Int(bytes[cursor + 1])] & ByteClass.identifierContinue != 0 { cursor += 1; continue }
            break
        }
        s.index = cursor
        s.emit(.number, start, cursor, line: s.line)
    }

    func isHexLiteral(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        start + 1 < bytes.count && bytes[start] == 48 && (bytes[start + 1] | 0x20) == 120
    }

    /// The longest operator at `start`, or its one byte; returns where it ends. Operators' hashes are
    /// computed once, in `init`.
    @inline(__always) func punctuation(at start: Int, _ s: inout LexState) -> Int {
        let byte = s.bytes[start]
        if s.classes[Int(byte)] & ByteClass.operatorStart != 0 {
            let span = operatorSpans[Int(byte)]
            for candidate in span.offset..<(span.offset + span.count) where matchesOperator(operators[candidate], s, at: start) {
                let end = start + operators[candidate].length
                s.emit(.punctuation, start, end, line: s.line, hash: operators[candidate].hash)
                return end
            }
        }
        s.emit(.punctuation, start, start + 1, line: s.line, hash: (fnvBasis ^ UInt64(byte)) &* fnvPrime)
        return start + 1
    }

    @inline(__always) private func matchesOperator(_ op: Operator, _ s: LexState, at position: Int) -> Bool {
        guard position + op.length <= s.bytes.count else { return false }
        for offset in 1..<max(1, op.length) where s.bytes[position + offset] != operatorBytes[op.offset + offset] { return false }
        return true
    }

    func skipComment(_ s: inout LexState) -> Bool {
        guard s.index < s.bytes.count, s.classes[Int(s.bytes[s.index])] & ByteClass.commentStart != 0 else { return false }
        for prefix in lineComments where s.matches(prefix, at: s.index) {
            let startLine = s.line, bytes = s.bytes
            var cursor = s.index
            while cursor < bytes.count && bytes[cursor] != 10 { cursor += 1 }
            s.index = cursor
            s.marks.mark(LineMarks.comment, from: startLine, to: startLine)
            return true
        }
        if !blockOpen.isEmpty, s.matches(blockOpen, at: s.index) {
            blockComment(&s)
            return true
        }
        if lexicon.rubyLiterals, s.atLineStart, s.index == s.lineStart, s.matches(Array("=begin".utf8), at: s.index) {
            rubyBlockComment(&s)
            return true
        }
        return false
    }

    private func blockComment(_ s: inout LexState) {
        let startLine = s.line
        var depth = 1
        s.index += blockOpen.count
        while s.index < s.bytes.count {
            if s.matches(blockClose, at: s.index) {
                depth -= 1; s.index += blockClose.count
                if depth == 0 || !lexicon.nestedComments { depth = 0; break }
                continue
            }
            if lexicon.nestedComments, s.matches(blockOpen, at: s.index) { depth += 1; s.index += blockOpen.count; continue }
            if s.bytes[s.index] == 10 { s.newline(at: s.index) }
            s.index += 1
        }
        if depth > 0 { s.note("comment", "unterminated comment from line \(startLine) runs to the end of the file") }
        s.marks.mark(LineMarks.comment, from: startLine, to: s.line)
    }

    /// Ruby's `=begin` ... `=end` at the starts of lines.
    private func rubyBlockComment(_ s: inout LexState) {
        let startLine = s.line
        var closed = false
        while s.index < s.bytes.count {
            if s.bytes[s.index] == 10 {
                s.newline(at: s.index); s.index += 1
                if s.matches(Array("=end".utf8), at: s.index) {
                    while s.index < s.bytes.count && s.bytes[s.index] != 10 { s.index += 1 }
                    closed = true
                    break
                }
                continue
            }
            s.index += 1
        }
        if !closed { s.note("comment", "unterminated comment from line \(startLine) runs to the end of the file") }
        s.marks.mark(LineMarks.comment, from: startLine, to: s.line)
    }

    func directive(_ s: inout LexState) {
        let start = s.index, startLine = s.line
        var hash: UInt64 = fnv1a(s.bytes, start, start + 1)
        s.index += 1
        while s.index < s.bytes.count, s.bytes[s.index] == 32 || s.bytes[s.index] == 9 { s.index += 1 }
        while s.index < s.bytes.count, s.classes[Int(s.bytes[s.index])] & ByteClass.identifierContinue != 0 {
            hash = (hash ^ UInt64(s.bytes[s.index])) &* fnvPrime; s.index += 1
        }
        while s.index < s.bytes.count, s.bytes[s.index] != 10 {
            if s.bytes[s.index] == 92, s.index + 1 < s.bytes.count, s.bytes[s.index + 1] == 10 {
                s.newline(at: s.index + 1); s.index += 2; continue
            }
            if !blockOpen.isEmpty, s.matches(blockOpen, at: s.index) { break }
            if s.matches(lineComments.first ?? [], at: s.index), !(lineComments.first ?? []).isEmpty { break }
            s.index += 1
        }
        s.emit(.directive, start, s.index, line: startLine, hash: hash)
    }

    /// Whether the byte at `position` can continue a name.
    @inline(__always) func continuesName(_ position: Int, _ s: LexState) -> Bool {
        s.classes[Int(s.bytes[position])] & ByteClass.identifierContinue != 0
    }

    /// Whether the byte at `position` can start a name.
    @inline(__always) func startsName(_ position: Int, _ s: LexState) -> Bool {
        s.classes[Int(s.bytes[position])] & ByteClass.identifierStart != 0
    }

    /// Rust: `'a` (lifetime or label) becomes an identifier; `'x'` and `'\n'` go to the string reader.
    func lifetime(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, at = s.index
        guard at + 1 < bytes.count, startsName(at + 1, s) else { return false }
        var end = at + 2
        while end < bytes.count, continuesName(end, s) { end += 1 }
        if end < bytes.count, bytes[end] == 39 { return false }
        s.index = end
        s.emit(.identifier, at, end, line: s.line, hash: fnv1a(bytes, at, end))
        return true
    }

    func operandExpected(_ s: LexState) -> Bool {
        guard let last = s.tokens.last else { return true }
        switch last.kind {
        case .number, .string: return false
        case .identifier: return regexKeywords.contains(last.hash)
        case .directive: return true
        case .punctuation:
            let byte = s.bytes[Int(last.start)]
            let length = last.end - last.start
            return !(length == 1 && (byte == 41 || byte == 93 || byte == 125))
        }
    }

    /// A regular expression literal up to its unescaped closing `/` on the same line (classes `[...]` may hold `/`).
    func regex(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, start = s.index
        var cursor = start + 1, inClass = false
        if cursor < bytes.count, bytes[cursor] == 47 || bytes[cursor] == 42 { return false }
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == 10 { return false }
            if byte == 92 { cursor += 2; continue }
            if byte == 91 { inClass = true } else if byte == 93 { inClass = false }
            else if byte == 47, !inClass {
                cursor += 1
                while cursor < bytes.count, continuesName(cursor, s), bytes[cursor] < 0x80 { cursor += 1 }
                s.index = cursor
                s.emit(.string, start, cursor, line: s.line)
                return true
            }
            cursor += 1
        }
        return false
    }
}
