/// The structure pass for brace languages: one forward walk over the tokens with a stack of
/// open blocks (no recursion, so 2 000-deep nesting costs 2 000 stack entries, not call frames).
/// At each `{` it decides from the tokens since the last statement boundary (the "head") whether
/// the block is a function body, a type, a control block, a lambda or a plain block.
struct BraceWalker {
    enum FrameKind: Equatable { case file, type, function, expressionFunction, control, lambda, block }

    struct Frame {
        var kind: FrameKind
        var close: Int            // index of the matching `}`, -1 for expression bodies or unclosed braces
        var function: Int32       // innermost reported function
        var depth: Int32, control: Int32
        var headStart: Int
        var headControls: Int32 = 0
        var parens: Int32 = 0
        var name: String = ""
        var isDo = false
        var isSwitch = false
        var bodyStart = 0
        var arms = 0
        var countsArms = false
        var declarations: Bool { kind == .file || kind == .type || (kind == .block && inDeclarationScope) }
        var inDeclarationScope = false
    }

    static let switchWord = wordHash("switch")
    let tokens: TokenStream
    let bytes: UnsafeBufferPointer<UInt8>
    let rules: CompiledGrammar
    var partner: [Int32]
    var frames: [Frame] = []
    var out: FileStructure
    var pendingBodies: [Int: Int] = [:]
    var pendingExpressions: [Int: Int] = [:]
    var deepestReported = false

    init(tokens: TokenStream, bytes: UnsafeBufferPointer<UInt8>, rules: CompiledGrammar) {
        self.tokens = tokens; self.bytes = bytes; self.rules = rules
        out = FileStructure(count: tokens.count)
        partner = BracketPairs.match(tokens)
    }

    func text(_ index: Int) -> String { tokens.text(index, in: bytes) }

    @inline(__always) func hash(_ index: Int) -> UInt64 { tokens.hashes[index] }
    @inline(__always) func isName(_ index: Int) -> Bool {
        tokens.kinds[index] == .identifier && !rules.keywords.contains(tokens.hashes[index])
    }

    mutating func walk() -> FileStructure {
        frames = [Frame(kind: .file, close: -1, function: -1, depth: 0, control: 0, headStart: 0)]
        var index = 0
        let count = tokens.count
        while index < count {
            if tokens.kinds[index] == .directive { record(index); index += 1; continue }
            closeExpressionBodies(before: index)
            if rules.grammar.newlineEndsStatements, tokens.startsLine[index], frames[frames.count - 1].parens == 0,
               !continuesLine(index) {
                resetHead(at: index)
            }
            step(index)
            index += 1
        }
        while frames.count > 1 { popFrame(lastToken: count - 1) }
        return out
    }

    private mutating func step(_ index: Int) {
        let word = hash(index)
        let top = frames.count - 1
        let depthBefore = frames[top].depth + frames[top].headControls
        defer { if tokens.kinds[index] == .identifier { out.depth[index] = depthBefore } }
        switch word {
        case KnownWord.openParen, KnownWord.openBracket: frames[top].parens += 1
        case KnownWord.closeParen, KnownWord.closeBracket: frames[top].parens = max(0, frames[top].parens - 1)
        case KnownWord.semicolon:
            if frames[top].parens == 0, !(rules.grammar.semicolonInHeaders && frames[top].headControls > 0) {
                record(index); resetHead(at: index + 1); return
            }
        case KnownWord.openBrace: openBrace(index); record(index); return
        case KnownWord.closeBrace: record(index); closeBrace(index); return
        default: break
        }
        if tokens.kinds[index] == .identifier {
            if rules.nesting.contains(word) || (word == KnownWord.elseWord && !followedByIf(index)) {
                if !(word == KnownWord.ifWord && index > 0 && hash(index - 1) == KnownWord.elseWord),
                   !(word == KnownWord.whileWord && out.roles[index] == .doWhileTail) {
                    if !(rules.hybrids.contains(word) && word != KnownWord.elseWord) { frames[top].headControls += 1 }
                    if word == KnownWord.doWord { frames[top].isDo = true }
                }
                if word == KnownWord.ifWord, index > 0, hash(index - 1) == KnownWord.elseWord { out.roles[index] = .elseIf }
                if word == KnownWord.elseWord, rules.grammar.letElse, frames[top].headStart < index,
                   hash(frames[top].headStart) == KnownWord.letWord {
                    out.extraDecisions.append((index, 1))
                }
            }
            if rules.functionKeywords.contains(word) { record(index); startKeywordFunction(index); return }
        }
        if let arm = rules.arm, word == arm, frames[top].countsArms, frames[top].parens == 0 { frames[top].arms += 1 }
        if let arrow = rules.reportedArrow, word == arrow { record(index); startArrowFunction(index); return }
        if rules.expressionBodyMarkers.contains(word), let function = pendingExpressions.removeValue(forKey: index) {
            record(index); pushExpressionBody(function, after: index); return
        }
        if rules.expressionBodyMarkers.contains(word), frames[top].declarations, rules.grammar.declarationHeads,
           frames[top].parens == 0,
           let head = HeadReader(walker: self).function(from: frames[top].headStart, to: index, anywhere: false) {
            record(index)
            pushExpressionBody(register(head, endBrace: index), after: index)
            return
        }
        record(index)
    }

    /// `else if` counts once, at the `if`; Kotlin's `else ->` arm is no branch of an if.
    private func followedByIf(_ index: Int) -> Bool {
        index + 1 < tokens.count && (hash(index + 1) == KnownWord.ifWord || hash(index + 1) == KnownWord.arrow)
    }

    /// Sets the token's owner and depth, and the owner's deepest control nesting.
    mutating func record(_ index: Int) {
        let top = frames.count - 1
        let depth = frames[top].depth, control = frames[top].control, headControls = frames[top].headControls
        if out.owner[index] < 0 { out.owner[index] = frames[top].function }
        out.depth[index] = depth + headControls
        let function = Int(out.owner[index])
        if function >= 0 {
            let nesting = Int(control + headControls - out.functions[function].baseControl)
            if nesting > out.functions[function].maxNesting { out.functions[function].maxNesting = nesting }
        }
        if depth > 256, !deepestReported {
            deepestReported = true
            out.notes.append("nesting deeper than 256 levels from line \(tokens.lines[index])")
        }
    }

    mutating func resetHead(at index: Int) {
        let top = frames.count - 1
        frames[top].headStart = index; frames[top].headControls = 0; frames[top].isDo = false
    }

    /// A new line continues the statement when the previous line ends with an operator or this one starts with one.
    private func continuesLine(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = index - 1
        if tokens.kinds[previous] == .punctuation {
            let word = hash(previous)
            if word != KnownWord.closeParen && word != KnownWord.closeBracket && word != KnownWord.closeBrace { return true }
        }
        if tokens.kinds[index] == .punctuation {
            let word = hash(index)
            return word == KnownWord.dot || word == KnownWord.andAnd || word == KnownWord.orOr || KnownWord.questionDot == word
                || word == KnownWord.questionQuestion
                || word == KnownWord.question || word == KnownWord.colon || word == KnownWord.fatArrow || word == KnownWord.arrow
        }
        return false
    }

    // MARK: blocks

    private mutating func openBrace(_ index: Int) {
        let top = frames.count - 1
        let parent = frames[top]
        let close = Int(partner[index])
        var frame = Frame(kind: .block, close: close, function: parent.function,
                          depth: parent.depth + parent.headControls, control: parent.control + parent.headControls,
                          headStart: index + 1)
        frame.inDeclarationScope = parent.declarations
        if let function = pendingBodies.removeValue(forKey: index) {
            frame.kind = .function; frame.function = Int32(function)
            out.functions[function].baseDepth = frame.depth; out.functions[function].baseControl = frame.control
        } else if let typeName = typeName(head: parent.headStart, end: index) {
            frame.kind = .type; frame.name = typeName
        } else if (parent.declarations && rules.grammar.declarationHeads) || rules.grammar.methodsAnywhere,
                  let head = HeadReader(walker: self).function(from: parent.headStart, to: index,
                                                               anywhere: !parent.declarations) {
            let function = register(head, endBrace: index)
            frame.kind = .function; frame.function = Int32(function)
            out.functions[function].baseDepth = frame.depth; out.functions[function].baseControl = frame.control
        } else if parent.headControls > 0 {
            frame.kind = .control
            frame.isDo = parent.isDo
            frame.isSwitch = headContains(BraceWalker.switchWord, from: parent.headStart, to: index)
            if let opener = rules.armOpener, headContains(opener, from: parent.headStart, to: index) {
                frame.countsArms = true
            }
        } else if opensLambda(index, head: parent.headStart) {
            frame.kind = .lambda; frame.depth += 1
        }
        frames.append(frame)
    }

    private func headContains(_ word: UInt64, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end { if hash(index) == word { return true }; index += 1 }
        return false
    }

    private func opensLambda(_ index: Int, head: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = hash(index - 1)
        if frames[frames.count - 1].isSwitch { return false }         // `case x -> {` is an arm, not a lambda
        if rules.lambdaArrows.contains(previous) { return true }
        if previous == KnownWord.pipe || previous == KnownWord.orOr { return true }                 // Rust closures
        if previous == KnownWord.closeParen, partner[index - 1] > 0, hash(Int(partner[index - 1]) - 1) == KnownWord.closeBracket {
            return true                                                                    // C++ lambdas
        }
        if rules.grammar.bracesAreLambdas {
            return !(previous == KnownWord.closeBrace || previous == KnownWord.semicolon || previous == KnownWord.openBrace)
                && !frames[frames.count - 1].declarations || previous == KnownWord.equals
        }
        return false
    }

    private mutating func closeBrace(_ index: Int) {
        guard partner[index] >= 0, frames.contains(where: { $0.close == index }) else { return }
        while let last = frames.last, frames.count > 1 {
            let wasDo = last.kind == .control && last.isDo
            popFrame(lastToken: last.close == index ? index : index - 1)
            if last.close == index {
                resetHead(at: index + 1)
                if wasDo, index + 1 < tokens.count, hash(index + 1) == KnownWord.whileWord {
                    out.roles[index + 1] = .doWhileTail
                }
                return
            }
        }
    }

    mutating func popFrame(lastToken: Int) {
        let frame = frames.removeLast()
        if frame.kind == .function || frame.kind == .expressionFunction {
            out.functions[Int(frame.function)].lastToken = max(out.functions[Int(frame.function)].firstToken, lastToken)
        }
        if frame.countsArms, frame.arms > 1, frame.headStart > 0 {
            out.extraDecisions.append((max(0, frame.close), frame.arms - 1))
        }
    }

    /// Expression bodies (`=> expr`, `= expr`) end before a `;`, `,` or closing bracket at their own level,
    /// or at a new line that does not continue the expression.
    private mutating func closeExpressionBodies(before index: Int) {
        while frames[frames.count - 1].kind == .expressionFunction, frames[frames.count - 1].parens == 0 {
            let word = hash(index)
            let ends = word == KnownWord.semicolon || word == KnownWord.comma || word == KnownWord.closeParen
                || word == KnownWord.closeBracket || word == KnownWord.closeBrace
                || (tokens.startsLine[index] && index > frames[frames.count - 1].bodyStart && !continuesLine(index))
            guard ends else { return }
            popFrame(lastToken: index - 1)
        }
    }
}

/// Matching brackets of a token stream in one pass; an unmatched bracket pairs with -1.
enum BracketPairs {
    static func match(_ tokens: TokenStream) -> [Int32] {
        var partner = [Int32](repeating: -1, count: tokens.count)
        var stack: [Int32] = []
        stack.reserveCapacity(64)
        // Pointers over the columns: the loop visits every token, so bounds and uniqueness checks add up.
        partner.withUnsafeMutableBufferPointer { partner in
            tokens.kinds.withUnsafeBufferPointer { kinds in
                tokens.hashes.withUnsafeBufferPointer { hashes in
                    for index in 0..<kinds.count where kinds[index] == .punctuation {
                        let word = hashes[index]
                        if word == KnownWord.openParen || word == KnownWord.openBracket || word == KnownWord.openBrace {
                            stack.append(Int32(index))
                        } else if let open = closing(word) {
                            // Pop to the nearest matching opener; openers left unmatched stay at -1.
                            var position = stack.count - 1
                            let lowest = max(0, stack.count - 64)
                            while position >= lowest, hashes[Int(stack[position])] != open { position -= 1 }
                            if position >= lowest {
                                let opener = Int(stack[position])
                                partner[opener] = Int32(index); partner[index] = Int32(opener)
                                if position == stack.count - 1 { stack.removeLast() } else { stack.removeSubrange(position...) }
                            }
                        }
                    }
                }
            }
        }
        return partner
    }

    private static func closing(_ word: UInt64) -> UInt64? {
        switch word {
        case KnownWord.closeParen: return KnownWord.openParen
        case KnownWord.closeBracket: return KnownWord.openBracket
        case KnownWord.closeBrace: return KnownWord.openBrace
        default: return nil
        }
    }
}
