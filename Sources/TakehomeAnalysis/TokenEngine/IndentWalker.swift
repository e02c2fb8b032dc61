/// The structure pass for Python: blocks are the lines indented under a header ending in `:`.
/// A header's block holds every following logical line indented deeper than the header itself.
struct IndentWalker {
    enum BlockKind { case file, function, type, control, match, plain }
    /// One open block. Plain values only (a type's name is kept as its token), so reading the top
    /// of the stack for every token copies a few integers and counts no references.
    struct Block {
        var kind: BlockKind
        var indent: Int32
        var function: Int32
        var depth: Int32, control: Int32
        /// The token naming a type block (-1: none).
        var nameToken: Int32 = -1
    }

    let tokens: TokenStream
    let bytes: UnsafeBufferPointer<UInt8>
    let rules: CompiledGrammar
    var out: FileStructure
    var blocks: [Block] = []
    let partner: [Int32]

    static let elif: UInt64 = 0x7f096f605315fbe3  // "elif"
    static let except: UInt64 = 0x6e815727576f5930  // "except"
    static let match: UInt64 = 0xc3bfe3a4fe4c13f6  // "match"
    static let caseWord: UInt64 = 0xb55e6190e8792fd1  // "case"
    static let lambda: UInt64 = 0x826b4caaf325324a  // "lambda"
    static let asyncWord: UInt64 = 0x7268f9bc90cbb82f  // "async"
    static let tryWord: UInt64 = 0x570ac119447423ee  // "try"
    static let finallyWord: UInt64 = 0xfc3ac68ec6654a08  // "finally"
    static let with: UInt64 = 0xa66b06f655a0c2e9  // "with"

    init(tokens: TokenStream, bytes: UnsafeBufferPointer<UInt8>, rules: CompiledGrammar) {
        self.tokens = tokens; self.bytes = bytes; self.rules = rules
        out = FileStructure(count: tokens.count)
        partner = BracketPairs.match(tokens)
    }

    func text(_ index: Int) -> String { tokens.text(index, in: bytes) }

    mutating func walk() -> FileStructure {
        // The two per-token columns are moved out of `out` and written through pointers: no
        // uniqueness check per token.
        var owner = out.owner, depth = out.depth
        out.owner = []; out.depth = []
        let tokens = tokens      // a copy to lend views of while the walk mutates `self`
        owner.withUnsafeMutableBufferPointer { owner in
            depth.withUnsafeMutableBufferPointer { depth in
                tokens.withColumns { columns in walkTokens(columns, owner: owner, depth: depth) }
            }
        }
        out.owner = owner; out.depth = depth
        return out
    }

    private mutating func walkTokens(_ t: TokenColumns, owner: UnsafeMutableBufferPointer<Int32>,
                                     depth: UnsafeMutableBufferPointer<Int32>) {
        blocks = [Block(kind: .file, indent: -1, function: -1, depth: 0, control: 0)]
        var parens = 0, lambdas = 0
        var statementStart = true, statementIndent: Int32 = 0
        var header: BlockKind? = nil, headerName: Int32 = -1, headerFunction: Int32 = -1
        var comprehension: [Bool] = [false]
        for index in 0..<t.count {
            let word = t.hashes[index]
            if t.startsLine[index], parens == 0 {
                let indent = t.columns[index]
                while blocks.count > 1, indent <= blocks[blocks.count - 1].indent { pop(lastToken: index - 1) }
                statementStart = true; statementIndent = indent; header = nil; lambdas = 0
            }
            let top = blocks[blocks.count - 1]
            if statementStart, t.kinds[index] == .identifier {
                switch word {
                case KnownWord.defWord:
                    header = .function
                    headerFunction = startFunction(at: index, indent: statementIndent)
                case KnownWord.classWord:
                    header = .type; headerName = index + 1 < tokens.count ? Int32(index + 1) : -1
                case KnownWord.ifWord, KnownWord.forWord, KnownWord.whileWord, IndentWalker.except: header = .control
                case IndentWalker.elif, KnownWord.elseWord: header = .control
                case IndentWalker.match where isSoftKeyword(index): header = .match; out.roles[index] = .expressionCondition
                case IndentWalker.caseWord where top.kind == .match:
                    header = .plain
                    out.extraDecisions.append((index, 1))
                case IndentWalker.tryWord, IndentWalker.finallyWord, IndentWalker.with: header = .plain
                default: break
                }
            } else {
                // The rare words are tested first, the kind only for them: no branch on every token's kind.
                if word == KnownWord.forWord, t.kinds[index] == .identifier {
                    out.roles[index] = .comprehensionLoop; comprehension[comprehension.count - 1] = true
                }
                if word == KnownWord.ifWord, t.kinds[index] == .identifier { out.roles[index] = .expressionCondition }
                if word == KnownWord.elseWord, t.kinds[index] == .identifier { out.roles[index] = .notBranch }
            }
            if word != IndentWalker.asyncWord { statementStart = false }
            var opens: BlockKind? = nil
            if word == KnownWord.openParen || word == KnownWord.openBracket || word == KnownWord.openBrace {
                parens += 1; comprehension.append(false)
            } else if word == KnownWord.closeParen || word == KnownWord.closeBracket || word == KnownWord.closeBrace {
                parens = max(0, parens - 1); if comprehension.count > 1 { comprehension.removeLast() }
            } else if parens == 0 {
                if word == IndentWalker.lambda { lambdas += 1 }
                else if word == KnownWord.semicolon { statementStart = true; header = nil }
                else if word == KnownWord.colon {
                    if lambdas > 0 { lambdas -= 1 } else if let kind = header { opens = kind; header = nil }
                }
            }
            record(index, top: top, owner: owner, depth: depth)
            if let kind = opens { push(kind, indent: statementIndent, nameToken: headerName, function: headerFunction) }
        }
        while blocks.count > 1 { pop(lastToken: tokens.count - 1) }
    }

    /// `match` starts a statement unless it is a name (`match = ...`, `match.group(1)`).
    private func isSoftKeyword(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, !tokens.startsLine[index + 1] else { return false }
        let next = tokens.hashes[index + 1]
        return ![KnownWord.equals, KnownWord.dot, KnownWord.colon, KnownWord.comma, KnownWord.closeParen].contains(next)
            && tokens.kinds[index + 1] != .punctuation || next == KnownWord.openParen || next == KnownWord.openBracket
    }

    private mutating func startFunction(at def: Int, indent: Int32) -> Int32 {
        let nameToken = def + 1 < tokens.count ? def + 1 : def
        var open = nameToken + 1
        if open < tokens.count, tokens.hashes[open] == KnownWord.openBracket, partner[open] > open { open = Int(partner[open]) + 1 }
        let top = blocks[blocks.count - 1]
        var scope: [String] = []
        for block in blocks where block.kind == .type || block.kind == .function {
            if block.kind == .function { scope = [out.functions[Int(block.function)].name] }
            else { scope.append(block.nameToken >= 0 ? text(Int(block.nameToken)) : "") }
        }
        scope.append(text(nameToken))
        let first = def > 0 && tokens.hashes[def - 1] == IndentWalker.asyncWord && !tokens.startsLine[def] ? def - 1 : def
        var params = 0
        if open < tokens.count, tokens.hashes[open] == KnownWord.openParen, partner[open] > open {
            params = ParameterCounter.count(open, Int(partner[open]), tokens: tokens, partner: partner)
        }
        out.functions.append(FunctionRecord(
            name: scope.joined(separator: "."), nameToken: nameToken, line: Int(tokens.lines[def]),
            firstToken: first, lastToken: def, params: params, baseDepth: top.depth, baseControl: top.control))
        return Int32(out.functions.count - 1)
    }

    private mutating func push(_ kind: BlockKind, indent: Int32, nameToken: Int32, function: Int32) {
        let top = blocks[blocks.count - 1]
        var block = Block(kind: kind, indent: indent, function: top.function, depth: top.depth, control: top.control)
        switch kind {
        case .function:
            block.function = function
            out.functions[Int(function)].baseDepth = top.depth; out.functions[Int(function)].baseControl = top.control
        case .type: block.nameToken = nameToken
        case .control, .match: block.depth += 1; block.control += 1
        case .file, .plain: break
        }
        blocks.append(block)
    }

    private mutating func pop(lastToken: Int) {
        let block = blocks.removeLast()
        if block.kind == .function { out.functions[Int(block.function)].lastToken = max(lastToken, out.functions[Int(block.function)].firstToken) }
    }

    /// Gives the token its owner and nesting depth, and raises its function's deepest nesting.
    @inline(__always)
    private mutating func record(_ index: Int, top: Block, owner: UnsafeMutableBufferPointer<Int32>,
                                 depth: UnsafeMutableBufferPointer<Int32>) {
        if owner[index] < 0 { owner[index] = top.function }
        depth[index] = top.depth
        if top.function >= 0 {
            let function = Int(top.function)
            if out.functions[function].firstToken > index { return }
            // Read first: the record is written only when its deepest nesting grows.
            let nesting = Int(top.control - out.functions[function].baseControl)
            if nesting > out.functions[function].maxNesting { out.functions[function].maxNesting = nesting }
        }
        if top.depth > 256, out.notes.isEmpty {
            out.notes.append("nesting deeper than 256 levels from line \(tokens.lines[index])")
        }
    }
}

/// Counts declared parameters in a bracket group, skipping `self`, `this`, `void` and bare `*` or `/` markers.
/// The tokens and pairs are borrowed per call rather than stored: a stored copy of the seven columns
/// cost seven retains and releases per function.
enum ParameterCounter {
    static func count(_ open: Int, _ close: Int, tokens: TokenStream, partner: [Int32]) -> Int {
        var count = 0, cursor = open + 1, segment = 0, first: UInt64 = 0, second: UInt64 = 0, angles = 0
        func finish() {
            let marker = segment == 1 && (first == KnownWord.selfWord || first == KnownWord.thisWord
                || first == KnownWord.voidWord || first == KnownWord.star || first == KnownWord.slash)
            if segment > 0 && !marker && !(first == KnownWord.thisWord && second == KnownWord.colon) { count += 1 }
            segment = 0
        }
        while cursor < close {
            let word = tokens.hashes[cursor]
            if word == KnownWord.comma, angles == 0 { finish(); cursor += 1; continue }
            if word == KnownWord.less { angles += 1 } else if word == KnownWord.greater, angles > 0 { angles -= 1 }
            else if word == KnownWord.shiftRight { angles = max(0, angles - 2) }
            if word != KnownWord.ampersand, word != KnownWord.andAnd, word != KnownWord.mutWord, tokens.kinds[cursor] != .directive {
                if segment == 0 { first = word } else if segment == 1 { second = word }
                segment += 1
            }
            if (word == KnownWord.openParen || word == KnownWord.openBracket || word == KnownWord.openBrace), partner[cursor] > cursor {
                cursor = Int(partner[cursor]) + 1; continue
            }
            cursor += 1
        }
        finish()
        return count
    }
}
