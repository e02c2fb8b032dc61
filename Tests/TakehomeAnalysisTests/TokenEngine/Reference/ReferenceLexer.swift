@testable import TakehomeAnalysis

// The lexer as it was before its core was rewritten for speed (main at 3ff5a38), kept verbatim
// apart from its names as the oracle of `LexerOracleTests`: the new lexer must produce the same tokens.

/// What the lexer read from one file: tokens, which lines hold code or comments, and notes.
struct ReferenceLexedFile {
    /// The tokens, one record each.
    var raw: [RawToken] = []
    var marks = LineMarks()
    var lineCount = 0
    var notes: [String] = []
}

/// Splits the UTF-8 bytes of one file into tokens in a single forward pass, driven by a `Lexicon`.
/// Interpolated expressions inside strings are read as code (`${a ? b : c}` yields its tokens), so
/// decisions inside them count. Never fails: an unterminated literal or comment ends at the end of
/// the line or file and leaves a note.
struct ReferenceLexer: Sendable {
    let lexicon: Lexicon
    let lineComments: [[UInt8]]
    let blockOpen: [UInt8], blockClose: [UInt8]
    let stringsByFirstByte: [[Int]]
    /// Bytes that can start a string literal, and bytes that can start a comment: a quick test
    /// before the lists of candidates are looked at.
    let stringStart: [Bool], commentStart: [Bool]
    let forms: [CompiledForm]
    /// Every operator's bytes, one after another, and per first byte the (offset, length) of the
    /// operators starting with it, longest first: matching one walks plain integers.
    let operatorBytes: [UInt8]
    let operatorsByFirstByte: [[(offset: Int, length: Int)]]
    let identifierStart: [Bool], identifierContinue: [Bool], suffix: [Bool]
    let regexKeywords: WordSet
    /// What clone detection makes of every string and every number (`CloneToken.string`, `.number`).
    static let stringHash: UInt64 = 0x3e578e53bde48a2a  // "$str"
    static let numberHash: UInt64 = 0x3b1f3a544d8488a1  // "$num"

    struct CompiledForm: Sendable {
        let open: [UInt8], close: [UInt8], form: StringForm
        /// The bytes at which the body's reader must look closer (the closing text's first byte, a
        /// backslash, a newline, an interpolation's opener); every other byte is skipped in a tight loop.
        let stops: [Bool]

        init(open: [UInt8], close: [UInt8], form: StringForm) {
            self.open = open; self.close = close; self.form = form
            var stops = [Bool](repeating: close.isEmpty, count: 256)
            stops[10] = true
            if let first = close.first { stops[Int(first)] = true }
            if form.escapes { stops[92] = true }
            switch form.interpolation {
            case .braces?: stops[123] = true
            case .dollarBraces?: stops[36] = true
            case .hashBraces?: stops[35] = true
            case nil: break
            }
            self.stops = stops
        }
    }

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        lineComments = lexicon.lineComments.map { Array($0.utf8) }
        blockOpen = Array((lexicon.blockComment?.open ?? "").utf8)
        blockClose = Array((lexicon.blockComment?.close ?? "").utf8)
        let compiled = lexicon.strings.map { CompiledForm(open: Array($0.open.utf8), close: Array($0.close.utf8), form: $0) }
        forms = compiled
        var byByte = [[Int]](repeating: [], count: 256)
        for (index, form) in compiled.enumerated() { byByte[Int(form.open[0])].append(index) }
        stringsByFirstByte = byByte.map { $0.sorted { compiled[$0].open.count > compiled[$1].open.count } }
        stringStart = byByte.map { !$0.isEmpty }
        var comments = [Bool](repeating: false, count: 256)
        for opener in lineComments + [blockOpen] + (lexicon.rubyLiterals ? [Array("=".utf8)] : []) {
            if let first = opener.first { comments[Int(first)] = true }
        }
        if lineComments.contains(where: \.isEmpty) { comments = [Bool](repeating: true, count: 256) }
        commentStart = comments
        var operators = [[(offset: Int, length: Int)]](repeating: [], count: 256), flat: [UInt8] = []
        for op in lexicon.operators {
            let bytes = Array(op.utf8)
            operators[Int(bytes[0])].append((flat.count, bytes.count))
            flat += bytes
        }
        operatorBytes = flat
        operatorsByFirstByte = operators.map { $0.sorted { $0.length > $1.length } }
        var start = [Bool](repeating: false, count: 256), cont = [Bool](repeating: false, count: 256)
        for byte in 0..<256 {
            let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte >= 0x80
            start[byte] = isLetter; cont[byte] = isLetter || (byte >= 48 && byte <= 57)
        }
        for byte in lexicon.identifierBytes { start[Int(byte)] = true; cont[Int(byte)] = true }
        identifierStart = start; identifierContinue = cont
        var suffixes = [Bool](repeating: false, count: 256)
        for byte in lexicon.identifierSuffixes { suffixes[Int(byte)] = true }
        suffix = suffixes
        regexKeywords = WordSet(["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield",
                                 "await", "else", "do", "when", "if", "unless", "and", "or", "not", "puts"])
    }

    func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceLexedFile {
        var state = LexState(bytes: bytes)
        state.file.raw.reserveCapacity(bytes.count / 4 + 16)
        run(&state)
        state.file.lineCount = state.line
        state.newline(at: bytes.count)          // measures the last line; the line counter is not read again
        if state.longestLine > 5_000 {
            state.file.notes.append("line \(state.longestLineNumber) is \(state.longestLine) bytes long "
                + "(minified or generated code?): its figures may mean little")
        }
        state.file.marks.ensure(lines: state.line)
        return state.file
    }

    /// An interpolation in progress: the string form to resume and the braces opened inside it.
    struct Interpolation { var form: Int; var depth: Int }

    struct LexState {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0, line = 1, lineStart = 0
        var atLineStart = true
        /// The last line marked as holding code (0: none yet).
        var codeLine = 0
        var file = ReferenceLexedFile()
        var longestLine = 0, longestLineNumber = 0
        var noteCounts: [String: Int] = [:]
        var pendingHeredocs: [[UInt8]] = []
        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func note(_ kind: String, _ text: String) {
            let seen = noteCounts[kind, default: 0]
            noteCounts[kind] = seen + 1
            if seen < 3 { file.notes.append(text) } else if seen == 3 { file.notes.append("more \(kind) notes left out") }
        }

        mutating func newline(at position: Int) {
            let length = position - lineStart
            if length > longestLine { longestLine = length; longestLineNumber = line }
            line += 1; lineStart = position + 1
        }

        func column(of position: Int) -> Int {
            var lineBegin = position
            while lineBegin > 0, bytes[lineBegin - 1] != 10 { lineBegin -= 1 }
            var column = 0, cursor = lineBegin
            while cursor < position {
                column = bytes[cursor] == 9 ? (column / 8 + 1) * 8 : column + 1
                cursor += 1
            }
            return column
        }

        /// Appends a token; `hash` defaults to the FNV-1a of its text (a directive passes its word's),
        /// and to `Lexer.stringHash` for a string literal.
        mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, line startLine: Int, hash given: UInt64? = nil) {
            // An escape at the very end of the file steps past it; the token ends with the file.
            let end = min(end, bytes.count)
            let hash = given ?? (kind == .string ? Lexer.stringHash : fnv1a(bytes, start, end))
            let first = atLineStart
            file.raw.append(RawToken(hash: hash, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                                     line: Int32(truncatingIfNeeded: startLine),
                                     column: first ? Int32(truncatingIfNeeded: column(of: start)) : 0,
                                     kind: kind, startsLine: first))
            atLineStart = false
            // The line of the previous token is marked already; a token within it marks nothing new.
            if startLine != codeLine || line != codeLine {
                file.marks.mark(LineMarks.code, from: startLine, to: line)
                codeLine = line
            }
        }

        func matches(_ text: [UInt8], at position: Int) -> Bool {
            if position + text.count > bytes.count { return false }
            var offset = 0
            while offset < text.count { if bytes[position + offset] != text[offset] { return false }; offset += 1 }
            return true
        }
    }

    func run(_ s: inout LexState) {
        let bytes = s.bytes, count = bytes.count
        var interpolations: [Interpolation] = []
        while s.index < count {
            let byte = bytes[s.index]
            if byte == 10 {
                s.newline(at: s.index); s.index += 1; s.atLineStart = true
                if !s.pendingHeredocs.isEmpty { skipHeredocBodies(&s) }
                continue
            }
            if byte == 32 || byte == 9 || byte == 13 || byte == 12 || byte == 11 { s.index += 1; continue }
            if byte == 92, s.index + 1 < count, bytes[s.index + 1] == 10 {     // backslash continuation
                s.newline(at: s.index + 1); s.index += 2; continue
            }
            // Inside an interpolation `#` is code (`f"{n:#x}"`), so line comments are not looked for there.
            if interpolations.isEmpty || lineComments.isEmpty, skipComment(&s) { continue }
            if !interpolations.isEmpty, !blockOpen.isEmpty, s.matches(blockOpen, at: s.index), skipComment(&s) { continue }
            if lexicon.preprocessor, byte == 35, s.atLineStart { directive(&s); continue }
            if lexicon.lifetimes, byte == 39, lifetime(&s) { continue }
            if let formIndex = stringForm(at: s.index, s) {
                if let resumed = string(formIndex, openAt: s.index, &s) { interpolations.append(resumed) }
                continue
            }
            if lexicon.rubyLiterals, rubyLiteral(&s) { continue }
            if identifierStart[Int(byte)] { identifier(&s); continue }
            if byte >= 48 && byte <= 57 || (byte == 46 && s.index + 1 < count && isDigit(bytes[s.index + 1])) {
                number(&s); continue
            }
            if lexicon.regexLiterals, byte == 47, operandExpected(s), regex(&s) { continue }
            if byte == 123, !interpolations.isEmpty { interpolations[interpolations.count - 1].depth += 1 }
            if byte == 125, let top = interpolations.last {
                if top.depth == 0 {
                    interpolations.removeLast()
                    let start = s.index, startLine = s.line
                    s.index += 1
                    if let again = stringBody(top.form, from: start, startLine: startLine, &s) {
                        interpolations.append(again)
                    }
                    continue
                }
                interpolations[interpolations.count - 1].depth -= 1
            }
            punctuation(&s)
        }
        if !interpolations.isEmpty { s.note("string", "unterminated string interpolation at the end of the file") }
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    func skipComment(_ s: inout LexState) -> Bool {
        guard s.index < s.bytes.count, commentStart[Int(s.bytes[s.index])] else { return false }
        for prefix in lineComments where s.matches(prefix, at: s.index) {
            let startLine = s.line
            while s.index < s.bytes.count && s.bytes[s.index] != 10 { s.index += 1 }
            s.file.marks.mark(LineMarks.comment, from: startLine, to: startLine)
            return true
        }
        if !blockOpen.isEmpty, s.matches(blockOpen, at: s.index) {
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
            s.file.marks.mark(LineMarks.comment, from: startLine, to: s.line)
            return true
        }
        if lexicon.rubyLiterals, s.atLineStart, s.index == s.lineStart, s.matches(Array("=begin".utf8), at: s.index) {
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
            s.file.marks.mark(LineMarks.comment, from: startLine, to: s.line)
            return true
        }
        return false
    }

    func directive(_ s: inout LexState) {
        let start = s.index, startLine = s.line
        var hash: UInt64 = fnv1a(s.bytes, start, start + 1)
        s.index += 1
        while s.index < s.bytes.count, s.bytes[s.index] == 32 || s.bytes[s.index] == 9 { s.index += 1 }
        while s.index < s.bytes.count, identifierContinue[Int(s.bytes[s.index])] {
            hash = (hash ^ UInt64(s.bytes[s.index])) &* 0x0000_0100_0000_01b3; s.index += 1
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

    func stringForm(at position: Int, _ s: LexState) -> Int? {
        guard stringStart[Int(s.bytes[position])] else { return nil }
        for candidate in stringsByFirstByte[Int(s.bytes[position])] where s.matches(forms[candidate].open, at: position) {
            // A prefix such as `r` or `f` must not be the tail of a longer identifier.
            if identifierStart[Int(s.bytes[position])], position > 0, identifierContinue[Int(s.bytes[position - 1])] {
                continue
            }
            return candidate
        }
        return nil
    }

    /// Reads a literal from its opening text; returns an interpolation to resume after `}` if one opened.
    func string(_ formIndex: Int, openAt start: Int, _ s: inout LexState) -> Interpolation? {
        let form = forms[formIndex]
        let startLine = s.line
        s.index = start + form.open.count
        switch form.form.raw {
        case .rustHashes?: rustRaw(start: start, startLine: startLine, &s); return nil
        case .cppDelimiter?: cppRaw(start: start, startLine: startLine, &s); return nil
        case nil: return stringBody(formIndex, from: start, startLine: startLine, &s)
        }
    }

    func stringBody(_ formIndex: Int, from start: Int, startLine: Int, _ s: inout LexState) -> Interpolation? {
        let compiled = forms[formIndex], form = compiled.form, bytes = s.bytes, stops = compiled.stops
        while s.index < bytes.count {
            if !stops[Int(bytes[s.index])] { s.index += 1; continue }
            let byte = bytes[s.index]
            if form.escapes, byte == 92 {
                if s.index + 1 < bytes.count, bytes[s.index + 1] == 10 { s.newline(at: s.index + 1) }
                s.index += 2; continue
            }
            if s.matches(compiled.close, at: s.index) {
                if form.doubledQuote, s.matches(compiled.close, at: s.index + compiled.close.count) {
                    s.index += 2 * compiled.close.count; continue
                }
                s.index += compiled.close.count
                s.emit(.string, start, s.index, line: startLine)
                return nil
            }
            if let interpolation = form.interpolation, let openLength = opensInterpolation(interpolation, s) {
                if openLength == 0 { s.index += 2; continue }          // `{{` is a literal brace
                s.emit(.string, start, s.index, line: startLine)
                s.index += openLength
                return Interpolation(form: formIndex, depth: 0)
            }
            if byte == 10 {
                if !form.multiline {
                    s.note("string", "unterminated string on line \(startLine)")
                    s.emit(.string, start, s.index, line: startLine)
                    return nil
                }
                s.newline(at: s.index)
            }
            s.index += 1
        }
        s.note("string", "unterminated string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
        return nil
    }

    /// The length of the interpolation opener at the cursor, 0 for an escaped `{{`, nil for none.
    func opensInterpolation(_ kind: StringForm.Interpolation, _ s: LexState) -> Int? {
        let bytes = s.bytes, at = s.index
        let next: UInt8 = at + 1 < bytes.count ? bytes[at + 1] : 0
        switch kind {
        case .braces: return bytes[at] == 123 ? (next == 123 ? 0 : 1) : nil
        case .dollarBraces: return bytes[at] == 36 && next == 123 ? 2 : nil
        case .hashBraces: return bytes[at] == 35 && next == 123 ? 2 : nil
        }
    }

    func rustRaw(start: Int, startLine: Int, _ s: inout LexState) {
        var hashes = 0
        while s.index < s.bytes.count, s.bytes[s.index] == 35 { hashes += 1; s.index += 1 }
        if s.index < s.bytes.count, s.bytes[s.index] == 34 { s.index += 1 }
        while s.index < s.bytes.count {
            if s.bytes[s.index] == 34 {
                var closing = 0
                while closing < hashes, s.index + 1 + closing < s.bytes.count, s.bytes[s.index + 1 + closing] == 35 { closing += 1 }
                if closing == hashes { s.index += 1 + hashes; s.emit(.string, start, s.index, line: startLine); return }
            }
            if s.bytes[s.index] == 10 { s.newline(at: s.index) }
            s.index += 1
        }
        s.note("string", "unterminated raw string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
    }

    func cppRaw(start: Int, startLine: Int, _ s: inout LexState) {
        var delimiter: [UInt8] = [41]     // ")delim\""
        while s.index < s.bytes.count, s.bytes[s.index] != 40, s.bytes[s.index] != 10, delimiter.count < 18 {
            delimiter.append(s.bytes[s.index]); s.index += 1
        }
        delimiter.append(34)
        while s.index < s.bytes.count {
            if s.matches(delimiter, at: s.index) {
                s.index += delimiter.count; s.emit(.string, start, s.index, line: startLine); return
            }
            if s.bytes[s.index] == 10 { s.newline(at: s.index) }
            s.index += 1
        }
        s.note("string", "unterminated raw string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
    }

    func identifier(_ s: inout LexState) {
        let start = s.index, bytes = s.bytes
        s.index += 1
        while s.index < bytes.count, identifierContinue[Int(bytes[s.index])] { s.index += 1 }
        if s.index < bytes.count, suffix[Int(bytes[s.index])],
           !(s.index + 1 < bytes.count && (bytes[s.index + 1] == 61 || bytes[s.index + 1] == 58)) {
            s.index += 1
        }
        s.emit(.identifier, start, s.index, line: s.line, hash: fnv1a(bytes, start, s.index))
    }

    func number(_ s: inout LexState) {
        let start = s.index, bytes = s.bytes
        s.index += 1
        while s.index < bytes.count {
            let byte = bytes[s.index]
            if identifierContinue[Int(byte)] && byte < 0x80 {
                let lower = byte | 0x20
                s.index += 1
                if (lower == 101 || lower == 112), s.index < bytes.count, bytes[s.index] == 43 || bytes[s.index] == 45,
                   !isHexLiteral(start, bytes) || lower == 112 {
                    s.index += 1
                }
                continue
            }
            if byte == 46, s.index + 1 < bytes.count, isDigit(bytes[s.index + 1]) { s.index += 1; continue }
            if byte == 39, lexicon.digitSeparators, s.index + 1 < bytes.count,
               identifierContinue[Int(bytes[s.index + 1])] { s.index += 1; continue }
            break
        }
        s.emit(.number, start, s.index, line: s.line)
    }

    func isHexLiteral(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        start + 1 < bytes.count && bytes[start] == 48 && (bytes[start + 1] | 0x20) == 120
    }

    /// Rust: `'a` (lifetime or label) becomes an identifier; `'x'` and `'\n'` go to the string reader.
    func lifetime(_ s: inout LexState) -> Bool {
        let bytes = s.bytes, at = s.index
        guard at + 1 < bytes.count, identifierStart[Int(bytes[at + 1])] else { return false }
        var end = at + 2
        while end < bytes.count, identifierContinue[Int(bytes[end])] { end += 1 }
        if end < bytes.count, bytes[end] == 39 { return false }
        s.index = end
        s.emit(.identifier, at, end, line: s.line, hash: fnv1a(bytes, at, end))
        return true
    }

    func operandExpected(_ s: LexState) -> Bool {
        guard let last = s.file.raw.last else { return true }
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
                while cursor < bytes.count, identifierContinue[Int(bytes[cursor])], bytes[cursor] < 0x80 { cursor += 1 }
                s.index = cursor
                s.emit(.string, start, cursor, line: s.line)
                return true
            }
            cursor += 1
        }
        return false
    }

    @inline(__always) private func matchesOperator(_ op: (offset: Int, length: Int), in bytes: UnsafeBufferPointer<UInt8>,
                                                   at position: Int) -> Bool {
        guard position + op.length <= bytes.count else { return false }
        for offset in 1..<max(1, op.length) where bytes[position + offset] != operatorBytes[op.offset + offset] { return false }
        return true
    }

    func punctuation(_ s: inout LexState) {
        let start = s.index
        var length = 1
        for op in operatorsByFirstByte[Int(s.bytes[start])] where matchesOperator(op, in: s.bytes, at: start) {
            length = op.length; break
        }
        s.index += length
        s.emit(.punctuation, start, s.index, line: s.line, hash: fnv1a(s.bytes, start, s.index))
    }
}
