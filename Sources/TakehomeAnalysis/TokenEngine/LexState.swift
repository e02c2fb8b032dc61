extension Lexer {
    /// The lexer's position in one file and what it has read so far. Scanners copy `index` into a
    /// local, loop on it and store it back once, so the per-byte loops run on registers.
    struct LexState {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The lexer's `classes` and `formStops`, valid while `lex` runs.
        let classes: UnsafePointer<UInt16>
        let stops: UnsafePointer<Bool>?
        var index = 0, line = 1, lineStart = 0
        var atLineStart = true
        /// The column of the byte at `columnPosition`, known without a scan when the space after a
        /// newline has just been skipped (the usual place of a line's first token).
        var columnPosition = 0, columnValue = 0
        /// The last line marked as holding code (0: none yet).
        var codeLine = 0
        var tokens: RawTokenBuffer
        var marks = LineMarks()
        var notes: [String] = []
        var longestLine = 0, longestLineNumber = 0
        var noteCounts: [String: Int] = [:]
        var pendingHeredocs: [[UInt8]] = []

        init(bytes: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt16>, stops: UnsafePointer<Bool>?) {
            self.bytes = bytes; self.classes = classes; self.stops = stops
            tokens = RawTokenBuffer(capacity: bytes.count / 4 + 16)
            marks.reserve(lines: bytes.count / 24 + 16)     // lines average well over 24 bytes in code
        }

        /// The file as read, once the lexer reached its end.
        mutating func finish() -> LexedFile {
            var file = LexedFile(tokens: TokenStream(tokens.records), marks: marks, lineCount: line, notes: notes)
            newline(at: bytes.count)          // measures the last line; the line counter is not read again
            if longestLine > 5_000 {
                file.notes.append("line \(longestLineNumber) is \(longestLine) bytes long "
                    + "(minified or generated code?): its figures may mean little")
            }
            file.marks.ensure(lines: line)
            return file
        }

        mutating func note(_ kind: String, _ text: String) {
            let seen = noteCounts[kind, default: 0]
            noteCounts[kind] = seen + 1
            if seen < 3 { notes.append(text) } else if seen == 3 { notes.append("more \(kind) notes left out") }
        }

        @inline(__always) mutating func newline(at position: Int) {
            let length = position - lineStart
            if length > longestLine { longestLine = length; longestLineNumber = line }
            line += 1; lineStart = position + 1
        }

        /// Skips spaces and tabs from `start`, following the column while the skipped run began where
        /// it is known; returns where they end.
        @inline(__always) mutating func skipSpace(from start: Int) -> Int {
            var cursor = start, column = columnValue
            let followed = cursor == columnPosition
            // Indentation comes in runs of spaces: eight at a time while the next eight are all spaces.
            while cursor + 8 <= bytes.count,
                  UnsafeRawPointer(bytes.baseAddress! + cursor).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                cursor += 8; column += 8
            }
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if classes[Int(byte)] & ByteClass.space == 0 { break }
                column = byte == 9 ? (column / 8 + 1) * 8 : column + 1
                cursor += 1
            }
            if followed { columnPosition = cursor; columnValue = column }
            return cursor
        }

        /// The column of `position` (tabs to the next multiple of 8), counted from its line's start.
        func column(of position: Int) -> Int {
            if position == columnPosition { return columnValue }
            var lineBegin = position
            while lineBegin > 0, bytes[lineBegin - 1] != 10 { lineBegin -= 1 }
            var column = 0, cursor = lineBegin
            while cursor < position {
                column = bytes[cursor] == 9 ? (column / 8 + 1) * 8 : column + 1
                cursor += 1
            }
            return column
        }

        /// Appends a token; `hash` defaults to the FNV-1a of its text (a name or operator passes the
        /// hash it computed while reading, a directive its word's), and to `Lexer.stringHash` for a
        /// string literal.
        @inline(__always)
        mutating func emit(_ kind: TokenKind, _ start: Int, _ end: Int, line startLine: Int, hash given: UInt64? = nil) {
            // An escape at the very end of the file steps past it; the token ends with the file.
            let end = min(end, bytes.count)
            let hash = given ?? (kind == .string ? Lexer.stringHash : fnv1a(bytes, start, end))
            let first = atLineStart
            tokens.append(RawToken(hash: hash, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                                   line: Int32(truncatingIfNeeded: startLine),
                                   column: !first ? 0 : Int32(truncatingIfNeeded: start == columnPosition ? columnValue : column(of: start)),
                                   kind: kind, startsLine: first))
            atLineStart = false
            // The line of the previous token is marked already; a token within it marks nothing new.
            if startLine != codeLine || line != codeLine {
                marks.mark(LineMarks.code, from: startLine, to: line)
                codeLine = line
            }
        }

        func matches(_ text: [UInt8], at position: Int) -> Bool {
            if position + text.count > bytes.count { return false }
            var offset = 0
            while offset < text.count { if bytes[position + offset] != text[offset] { return false }; offset += 1 }
            return true
        }

        /// Whether `span` of `table` is spelled at `position`.
        @inline(__always) func matches(_ span: TextSpan, of table: [UInt8], at position: Int) -> Bool {
            if position + span.count > bytes.count { return false }
            var offset = 0
            while offset < span.count {
                if bytes[position + offset] != table[span.offset + offset] { return false }
                offset += 1
            }
            return true
        }
    }
}

/// The lexer's token records in raw memory: an append is a store and a capacity test, without the
/// uniqueness check of `Array.append`. `lex` owns it and frees it once the records are copied out.
struct RawTokenBuffer {
    private var base: UnsafeMutablePointer<RawToken>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always) mutating func append(_ token: RawToken) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    @inline(never) private mutating func grow() {
        let larger = UnsafeMutablePointer<RawToken>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger; capacity *= 2
    }

    var last: RawToken? { count > 0 ? base[count - 1] : nil }

    var records: UnsafeBufferPointer<RawToken> { UnsafeBufferPointer(start: base, count: count) }

    func deallocate() { base.deallocate() }
}
