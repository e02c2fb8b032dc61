/// What the lexer read from one file: tokens, which lines hold code or comments, and notes.
struct LexedFile {
    var tokens = TokenStream()
    var marks = LineMarks()
    var lineCount = 0
    var notes: [String] = []
}

/// Splits the UTF-8 bytes of one file into tokens in a single forward pass, driven by a `Lexicon`.
/// Interpolated expressions inside strings are read as code (`${a ? b : c}` yields its tokens), so
/// decisions inside them count. Never fails: an unterminated literal or comment ends at the end of
/// the line or file and leaves a note.
///
/// The lexicon is compiled once into flat tables of plain values (one class per byte value, string
/// forms and operators as offsets into byte arrays), so the per-byte loops read them without
/// reference counting; see `LexState` for the reading itself.
struct Lexer: Sendable {
    let lexicon: Lexicon
    let lineComments: [[UInt8]]
    let blockOpen: [UInt8], blockClose: [UInt8]
    /// `ByteClass` bits of every byte value.
    let classes: [UInt16]
    let forms: [CompiledForm]
    /// The opening and closing texts of all string forms, one after another (`CompiledForm` spans point in).
    let formTexts: [UInt8]
    /// 256 stop flags per string form (`CompiledForm.stops` is the offset of its block).
    let formStops: [Bool]
    /// Per first byte, the span of `stringCandidates` listing the forms opening with it, longest first.
    let stringCandidateSpans: [TextSpan]
    let stringCandidates: [Int]
    /// Per first byte, 256 bits (four words) of the bytes that may follow it in an opening text; all
    /// set when a one-byte opener starts with it. Names such as `return` are told from the prefix
    /// `r"` by their second byte, without trying each candidate.
    let stringSecondBytes: [UInt64]
    /// Every operator's bytes, one after another, and per first byte the span of `operators` holding
    /// the operators starting with it, longest first: matching one walks plain integers.
    let operatorBytes: [UInt8]
    let operators: [Operator]
    let operatorSpans: [TextSpan]
    let regexKeywords: WordSet
    /// What clone detection makes of every string and every number (`CloneToken.string`, `.number`).
    static let stringHash: UInt64 = 0x3e578e53bde48a2a  // "$str"
    static let numberHash: UInt64 = 0x3b1f3a544d8488a1  // "$num"

    /// A run of elements in one of the flat tables.
    struct TextSpan: Sendable { var offset: Int; var count: Int }

    /// A multi-byte operator: where its bytes are in `operatorBytes`, and the hash of its text.
    struct Operator: Sendable { var offset: Int; var length: Int; var hash: UInt64 }

    /// One string form as plain values: its texts are spans of `formTexts`, its stops a block of `formStops`.
    struct CompiledForm: Sendable {
        let open: TextSpan, close: TextSpan
        let escapes: Bool, multiline: Bool, doubledQuote: Bool
        let interpolation: StringForm.Interpolation?
        let raw: StringForm.Raw?
        /// Offset of the 256 flags marking the bytes at which the body's reader must look closer (the
        /// closing text's first byte, a backslash, a newline, an interpolation's opener); every other
        /// byte is skipped in a tight loop.
        let stops: Int
    }

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        lineComments = lexicon.lineComments.map { Array($0.utf8) }
        blockOpen = Array((lexicon.blockComment?.open ?? "").utf8)
        blockClose = Array((lexicon.blockComment?.close ?? "").utf8)
        var texts: [UInt8] = [], stops: [Bool] = []
        forms = lexicon.strings.map { Lexer.compile($0, texts: &texts, stops: &stops) }
        formTexts = texts; formStops = stops
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (index, form) in forms.enumerated() { byFirstByte[Int(texts[form.open.offset])].append(index) }
        let forms = forms
        (stringCandidateSpans, stringCandidates) = Lexer.flatten(byFirstByte.map { $0.sorted { forms[$0].open.count > forms[$1].open.count } })
        var secondBytes = [UInt64](repeating: 0, count: 256 * 4)
        for form in forms {
            let first = Int(texts[form.open.offset])
            if form.open.count == 1 { for word in 0..<4 { secondBytes[first * 4 + word] = ~0 }; continue }
            let second = Int(texts[form.open.offset + 1])
            secondBytes[first * 4 + second >> 6] |= 1 << UInt64(second & 63)
        }
        stringSecondBytes = secondBytes
        var operatorsByFirstByte = [[Operator]](repeating: [], count: 256), flat: [UInt8] = []
        for op in lexicon.operators {
            let bytes = Array(op.utf8)
            operatorsByFirstByte[Int(bytes[0])].append(Operator(offset: flat.count, length: bytes.count, hash: wordHash(op)))
            flat += bytes
        }
        operatorBytes = flat
        (operatorSpans, operators) = Lexer.flatten(operatorsByFirstByte.map { $0.sorted { $0.length > $1.length } })
        classes = ByteClass.table(lexicon, lineComments: lineComments, blockOpen: blockOpen, forms: lexicon.strings,
                                  operatorStarts: operatorsByFirstByte.map { !$0.isEmpty })
        regexKeywords = WordSet(["return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield",
                                 "await", "else", "do", "when", "if", "unless", "and", "or", "not", "puts"])
    }

    private static func compile(_ form: StringForm, texts: inout [UInt8], stops: inout [Bool]) -> CompiledForm {
        let open = Array(form.open.utf8), close = Array(form.close.utf8)
        let openSpan = TextSpan(offset: texts.count, count: open.count)
        texts += open
        let closeSpan = TextSpan(offset: texts.count, count: close.count)
        texts += close
        var flags = [Bool](repeating: close.isEmpty, count: 256)
        flags[10] = true
        if let first = close.first { flags[Int(first)] = true }
        if form.escapes { flags[92] = true }
        switch form.interpolation {
        case .braces?: flags[123] = true
        case .dollarBraces?: flags[36] = true
        case .hashBraces?: flags[35] = true
        case nil: break
        }
        let offset = stops.count
        stops += flags
        return CompiledForm(open: openSpan, close: closeSpan, escapes: form.escapes, multiline: form.multiline,
                            doubledQuote: form.doubledQuote, interpolation: form.interpolation, raw: form.raw, stops: offset)
    }

    /// Lists per byte value laid end to end, with each byte's span.
    private static func flatten<T>(_ lists: [[T]]) -> ([TextSpan], [T]) {
        var spans: [TextSpan] = [], flat: [T] = []
        for list in lists { spans.append(TextSpan(offset: flat.count, count: list.count)); flat += list }
        return (spans, flat)
    }

    func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> LexedFile {
        classes.withUnsafeBufferPointer { classes in
            formStops.withUnsafeBufferPointer { stops in
                var state = LexState(bytes: bytes, classes: classes.baseAddress!, stops: stops.baseAddress)
                defer { state.tokens.deallocate() }
                run(&state)
                return state.finish()
            }
        }
    }

    /// An interpolation in progress: the string form to resume and the braces opened inside it.
    struct Interpolation { var form: Int; var depth: Int }

    func run(_ s: inout LexState) {
        let bytes = s.bytes, classes = s.classes
        var interpolations: [Interpolation] = []
        // The cursor stays in a register across the common tokens; `s.index` is brought up to date
        // only around the readers that work on it.
        var index = s.index
        while index < bytes.count {
            let byte = bytes[index], kind = classes[Int(byte)]
            if kind & ByteClass.special == 0 {
                // Nothing but a name (or a prefixed string), space, a newline, a number or punctuation
                // can start here.
                if kind & ByteClass.identifierStart != 0 {
                    if kind & ByteClass.stringStart == 0 || stringForm(at: index, s) == nil {
                        index = identifier(at: index, &s); continue
                    }
                    // A prefixed string: read by the full sequence below.
                } else {
                    if kind & ByteClass.space != 0 { index = s.skipSpace(from: index) }
                    else if kind & ByteClass.digit != 0 || startsFraction(index, bytes) { s.index = index; number(&s); index = s.index }
                    else if byte != 10 { index = punctuation(at: index, &s) }
                    else { s.index = index; lineBreak(&s); index = s.index }
                    continue
                }
            }
            s.index = index
            readSpecial(byte, kind, &interpolations, &s)
            index = s.index
        }
        s.index = index
        if !interpolations.isEmpty { s.note("string", "unterminated string interpolation at the end of the file") }
    }

    /// Runs the full sequence of tests, in their order, at a byte that may start more than a name,
    /// space, newline, number or plain punctuation, and reads what starts there.
    private func readSpecial(_ byte: UInt8, _ kind: UInt16, _ interpolations: inout [Interpolation], _ s: inout LexState) {
        let count = s.bytes.count
        if byte == 10 { lineBreak(&s); return }
        if kind & ByteClass.space != 0 { s.index = s.skipSpace(from: s.index); return }
        if byte == 92, s.index + 1 < count, s.bytes[s.index + 1] == 10 {     // backslash continuation
            s.newline(at: s.index + 1); s.index += 2; return
        }
        // Inside an interpolation `#` is code (`f"{n:#x}"`), so line comments are not looked for there.
        if kind & ByteClass.commentStart != 0 {
            if interpolations.isEmpty || lineComments.isEmpty, skipComment(&s) { return }
            if !interpolations.isEmpty, !blockOpen.isEmpty, s.matches(blockOpen, at: s.index), skipComment(&s) { return }
        }
        if lexicon.preprocessor, byte == 35, s.atLineStart { directive(&s); return }
        if lexicon.lifetimes, byte == 39, lifetime(&s) { return }
        if kind & ByteClass.stringStart != 0, let formIndex = stringForm(at: s.index, s) {
            if let resumed = string(formIndex, openAt: s.index, &s) { interpolations.append(resumed) }
            return
        }
        if lexicon.rubyLiterals, rubyLiteral(&s) { return }
        if kind & ByteClass.identifierStart != 0 { s.index = identifier(at: s.index, &s); return }
        if kind & ByteClass.digit != 0 || startsFraction(s.index, s.bytes) { number(&s); return }
        if lexicon.regexLiterals, byte == 47, operandExpected(s), regex(&s) { return }
        if byte == 123, !interpolations.isEmpty { interpolations[interpolations.count - 1].depth += 1 }
        if byte == 125, let top = interpolations.last {
            if top.depth == 0 {
                interpolations.removeLast()
                let start = s.index, startLine = s.line
                s.index += 1
                if let again = stringBody(top.form, from: start, startLine: startLine, &s) {
                    interpolations.append(again)
                }
                return
            }
            interpolations[interpolations.count - 1].depth -= 1
        }
        s.index = punctuation(at: s.index, &s)
    }

    /// A newline outside literals and comments: the next token is the first of its line.
    @inline(__always) private func lineBreak(_ s: inout LexState) {
        s.newline(at: s.index); s.index += 1; s.atLineStart = true
        s.columnPosition = s.index; s.columnValue = 0
        if !s.pendingHeredocs.isEmpty { skipHeredocBodies(&s) }
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `.5`: a dot before a digit starts a number.
    @inline(__always) func startsFraction(_ position: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[position] == 46 && position + 1 < bytes.count && isDigit(bytes[position + 1])
    }
}

/// What a byte can start or continue, as bits of one table entry per byte value, so the lexer's
/// dispatch and its name and space loops test a byte with one load.
enum ByteClass {
    static let identifierStart: UInt16 = 1, identifierContinue: UInt16 = 2, space: UInt16 = 4, digit: UInt16 = 8
    static let suffix: UInt16 = 16, commentStart: UInt16 = 32, stringStart: UInt16 = 64, operatorStart: UInt16 = 128
    /// The byte may start something other than a name, space, newline, number or plain punctuation in
    /// this language (a comment, a literal, a directive, an interpolation's brace...): the lexer then
    /// runs its full sequence of tests, in their order.
    static let special: UInt16 = 256

    static func table(_ lexicon: Lexicon, lineComments: [[UInt8]], blockOpen: [UInt8], forms: [StringForm],
                      operatorStarts: [Bool]) -> [UInt16] {
        var table = [UInt16](repeating: 0, count: 256)
        for byte in 0..<256 {
            let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte >= 0x80
            let isDigit = byte >= 48 && byte <= 57
            if isLetter { table[byte] |= identifierStart | identifierContinue }
            if isDigit { table[byte] |= identifierContinue | digit }
            if [32, 9, 13, 12, 11].contains(byte) { table[byte] |= space }
            if operatorStarts[byte] { table[byte] |= operatorStart }
        }
        for byte in lexicon.identifierBytes { table[Int(byte)] |= identifierStart | identifierContinue }
        for byte in lexicon.identifierSuffixes { table[Int(byte)] |= suffix }
        for opener in lineComments + [blockOpen] + (lexicon.rubyLiterals ? [Array("=".utf8)] : []) {
            if let first = opener.first { table[Int(first)] |= commentStart }
        }
        if lineComments.contains(where: \.isEmpty) { for byte in 0..<256 { table[byte] |= commentStart } }
        for form in forms { table[Int(form.open.utf8.first!)] |= stringStart }
        var specials: [UInt8] = [92]                                       // continuation
        if lexicon.preprocessor { specials.append(35) }
        if lexicon.lifetimes { specials.append(39) }
        if lexicon.regexLiterals { specials.append(47) }
        if forms.contains(where: { $0.interpolation != nil }) { specials += [123, 125] }
        if lexicon.rubyLiterals { specials += [58, 36, 37, 60] }
        for byte in specials { table[Int(byte)] |= special }
        for byte in 0..<256 {
            let entry = table[byte]
            // A letter that may open a prefixed string (`r"`, `f'`) stays on the short way, which tries
            // the string forms before it reads a name, as the full sequence would.
            let prefixLetter = entry & identifierStart != 0 && entry & commentStart == 0 && !specials.contains(UInt8(byte))
            if entry & commentStart != 0 || entry & stringStart != 0 && !prefixLetter
                || lexicon.rubyLiterals && entry & identifierStart != 0 {
                table[byte] |= special
            }
        }
        return table
    }
}
