/// How the brace walker recognises functions: keyword forms (`func`, `fn`, `fun`, `function`),
/// arrow functions, declaration heads (`Type name(params) {`) and type names.
extension BraceWalker {
    /// A function signature read from a head.
    struct Signature {
        var firstToken: Int
        var nameToken: Int
        var name: String
        var paramsOpen: Int
        var paramsClose: Int
    }

    /// Records a function whose signature is known; the tokens from its first token up to `endBrace`
    /// (exclusive) become its own.
    mutating func register(_ signature: Signature, endBrace: Int) -> Int {
        let index = out.functions.count
        let line = Int(tokens.lines[signature.nameToken >= 0 ? signature.nameToken : signature.firstToken])
        let simple = signature.name.isEmpty ? "(anonymous)@\(line)" : signature.name
        let qualifier = qualifiedScope()
        let name = signature.name.isEmpty || qualifier.isEmpty ? simple : qualifier + rules.grammar.separator + simple
        out.functions.append(FunctionRecord(
            name: name, nameToken: signature.nameToken, line: line, firstToken: signature.firstToken,
            lastToken: endBrace, params: signature.paramsOpen >= 0 && signature.paramsClose > signature.paramsOpen
                ? ParameterCounter.count(signature.paramsOpen, signature.paramsClose, tokens: tokens, partner: partner) : 0,
            baseDepth: frames[frames.count - 1].depth, baseControl: frames[frames.count - 1].control))
        if rules.reportedArrow != nil, signature.paramsOpen >= 0, signature.paramsClose > signature.paramsOpen {
            out.functions[index].signatureDecisions = defaultValues(signature.paramsOpen, signature.paramsClose)
        }
        var token = signature.firstToken
        while token < endBrace { out.owner[token] = Int32(index); token += 1 }
        return index
    }

    /// JavaScript's `(a, b = 1, {c = 2} = {})`: the `=` of each default value, outside nested parentheses
    /// (lizard counts each default as a decision: it is an implicit `if (b === undefined)`).
    private func defaultValues(_ open: Int, _ close: Int) -> Int {
        var cursor = open + 1, count = 0
        while cursor < close {
            if hash(cursor) == KnownWord.openParen, partner[cursor] > cursor { cursor = Int(partner[cursor]) + 1; continue }
            if hash(cursor) == KnownWord.equals { count += 1 }
            cursor += 1
        }
        return count
    }

    /// Names of the enclosing types and functions, outermost first.
    func qualifiedScope() -> String {
        var parts: [String] = []
        for frame in frames {
            if frame.kind == .type, !frame.name.isEmpty { parts.append(frame.name) }
            if frame.kind == .function || frame.kind == .expressionFunction, frame.function >= 0 {
                let name = out.functions[Int(frame.function)].name
                parts = name.hasPrefix("(anonymous)") ? parts : [name]
            }
        }
        return parts.joined(separator: rules.grammar.separator)
    }

    mutating func pushExpressionBody(_ function: Int, after index: Int) {
        let parent = frames[frames.count - 1]
        var frame = Frame(kind: .expressionFunction, close: -1, function: Int32(function),
                          depth: parent.depth + parent.headControls, control: parent.control + parent.headControls,
                          headStart: index + 1)
        frame.inDeclarationScope = false
        frame.bodyStart = index + 1
        out.functions[function].baseDepth = frame.depth; out.functions[function].baseControl = frame.control
        frames.append(frame)
    }

    /// `func`, `fn`, `fun`, `function`: reads name and parameters forward and finds the body, if any.
    mutating func startKeywordFunction(_ keyword: Int) {
        var cursor = keyword + 1
        let limit = min(tokens.count, keyword + 4096)
        var receiverType = ""
        var nameToken = -1, paramsOpen = -1
        if rules.grammar.semicolonInHeaders, cursor < limit, hash(cursor) == KnownWord.openParen, partner[cursor] > 0 {
            // Go: `func (r *T) Name(` has a receiver; `func(` alone is a literal.
            let close = Int(partner[cursor])
            if close + 2 < limit, isName(close + 1), hash(close + 2) == KnownWord.openParen || hash(close + 2) == KnownWord.openBracket {
                var last = close - 1
                while last > cursor, !isName(last) { last -= 1 }
                receiverType = last > cursor ? text(last) : ""
                cursor = close + 1
            }
        }
        while cursor < limit {
            let word = hash(cursor)
            if tokens.kinds[cursor] == .directive { cursor += 1; continue }
            if word == KnownWord.openParen {
                guard partner[cursor] > 0 else { return }
                if paramsOpen < 0 { paramsOpen = cursor }
                cursor = Int(partner[cursor]) + 1; continue
            }
            if word == KnownWord.openBracket { guard partner[cursor] > 0 else { return }; cursor = Int(partner[cursor]) + 1; continue }
            if word == KnownWord.less { cursor = skipAngles(cursor, limit: limit); continue }
            if paramsOpen < 0, tokens.kinds[cursor] == .identifier, !rules.functionKeywords.contains(word) {
                nameToken = cursor; cursor += 1; continue
            }
            if word == KnownWord.openBrace {
                if cursor > 0, hash(cursor - 1) == KnownWord.structWord || hash(cursor - 1) == KnownWord.interfaceWord,
                   partner[cursor] > 0 {
                    cursor = Int(partner[cursor]) + 1; continue
                }
                guard paramsOpen >= 0 else { return }
                let function = registerKeyword(keyword, nameToken, paramsOpen, receiverType, until: cursor)
                pendingBodies[cursor] = function
                return
            }
            if rules.expressionBodyMarkers.contains(word), paramsOpen >= 0 {
                let function = registerKeyword(keyword, nameToken, paramsOpen, receiverType, until: cursor)
                pendingExpressions[cursor] = function
                return
            }
            if word == KnownWord.semicolon || word == KnownWord.closeParen || word == KnownWord.closeBracket || word == KnownWord.closeBrace
                || rules.functionKeywords.contains(word)
                || ((word == KnownWord.comma || word == KnownWord.equals) && rules.grammar.newlineEndsStatements) {
                return
            }
            if rules.grammar.newlineEndsStatements, paramsOpen >= 0, tokens.startsLine[cursor], !continuesSignature(cursor) {
                return
            }
            cursor += 1
        }
    }

    private func continuesSignature(_ index: Int) -> Bool {
        let word = hash(index)
        return word == KnownWord.colon || word == KnownWord.arrow || word == KnownWord.dot || (index > 0 && hash(index - 1) == KnownWord.colon)
    }

    private mutating func registerKeyword(_ keyword: Int, _ nameToken: Int, _ paramsOpen: Int, _ receiver: String,
                                          until end: Int) -> Int {
        var name = nameToken >= 0 ? text(nameToken) : ""
        var first = keyword
        if nameToken < 0, let assigned = assignedName(before: keyword) { name = text(assigned) }
        if !receiver.isEmpty { name = receiver + rules.grammar.separator + name }
        if keyword > 0, hash(keyword - 1) == KnownWord.async { first = keyword - 1 }
        let signature = Signature(firstToken: first, nameToken: nameToken >= 0 ? nameToken : keyword, name: name,
                                  paramsOpen: paramsOpen, paramsClose: Int(partner[paramsOpen]))
        return register(signature, endBrace: end)
    }

    /// `name = function`, `name: () =>`, `var name = func`: the name a value is assigned to.
    func assignedName(before start: Int) -> Int? {
        var cursor = start - 1
        if cursor >= 0, hash(cursor) == KnownWord.async { cursor -= 1 }
        guard cursor >= 1 else { return nil }
        let word = hash(cursor)
        guard word == KnownWord.equals || word == KnownWord.colon || word == wordHash(":=") else { return nil }
        return isName(cursor - 1) ? cursor - 1 : nil
    }

    func skipAngles(_ start: Int, limit: Int) -> Int {
        var depth = 0, cursor = start
        while cursor < limit {
            let word = hash(cursor)
            if word == KnownWord.less { depth += 1 } else if word == KnownWord.greater { depth -= 1 }
            else if word == KnownWord.shiftRight { depth -= 2 }
            else if word == KnownWord.openBrace || word == KnownWord.semicolon { return cursor }
            cursor += 1
            if depth <= 0 { return cursor }
        }
        return cursor
    }

    /// JavaScript `=>`: the parameters are the group or identifier before it; the body a block or an expression.
    mutating func startArrowFunction(_ arrow: Int) {
        var paramsOpen = -1, start = arrow - 1
        guard start >= 0 else { return }
        if hash(start) != KnownWord.closeParen, !isName(start) || (start > 0 && hash(start - 1) == KnownWord.colon) {
            // TypeScript return type: `(a: T): R =>`.
            var cursor = start
            while cursor > max(0, arrow - 32), !(hash(cursor) == KnownWord.colon && hash(cursor - 1) == KnownWord.closeParen) {
                cursor -= 1
            }
            if cursor > max(0, arrow - 32) { start = cursor - 1 }
            else if !isName(start) { return }   // else `{ key: param => ... }`: the name is the parameter
        }
        if hash(start) == KnownWord.closeParen {
            guard partner[start] >= 0 else { return }
            paramsOpen = Int(partner[start]); start = paramsOpen
        }
        if start > 0, hash(start - 1) == KnownWord.async { start -= 1 }
        // `f(done: () => void)`: a function type annotating a parameter, not a function.
        if paramsOpen > 0, hash(paramsOpen - 1) == KnownWord.colon, frames[frames.count - 1].parens > 0 { return }
        let assigned = assignedName(before: start)
        let signature = Signature(firstToken: start, nameToken: -1, name: assigned.map(text) ?? "",
                                  paramsOpen: paramsOpen, paramsClose: paramsOpen >= 0 ? Int(partner[paramsOpen]) : -1)
        let function = register(signature, endBrace: arrow + 1)
        if paramsOpen < 0 { out.functions[function].params = 1 }
        if arrow + 1 < tokens.count, hash(arrow + 1) == KnownWord.openBrace {
            pendingBodies[arrow + 1] = function
        } else {
            pushExpressionBody(function, after: arrow)
        }
    }

    /// The name declared by a type keyword in the head, when the head declares a type.
    func typeName(head start: Int, end: Int) -> String? {
        var cursor = start
        while cursor < end {
            let word = hash(cursor)
            if word == KnownWord.openParen || word == KnownWord.openBracket, partner[cursor] > cursor {
                if cursor > start, hash(cursor - 1) == KnownWord.newWord || isName(cursor - 1) { }
                cursor = Int(partner[cursor]) + 1; continue
            }
            if rules.typeKeywords.contains(word), !(cursor > 0 && (hash(cursor - 1) == KnownWord.dot || hash(cursor - 1) == KnownWord.doubleColon)) {
                return declaredTypeName(after: cursor, end: end)
            }
            cursor += 1
        }
        if rules.grammar.anonymousClasses, end > start, hash(end - 1) == KnownWord.closeParen, headHas(KnownWord.newWord, start, end) {
            return ""
        }
        return nil
    }

    private func headHas(_ word: UInt64, _ start: Int, _ end: Int) -> Bool {
        var cursor = start
        while cursor < end { if hash(cursor) == word { return true }; cursor += 1 }
        return false
    }

    /// `class Name<T> : Base {`: the name; `impl Trait for Type {`: Type; `struct point *f(` is no type.
    private func declaredTypeName(after keyword: Int, end: Int) -> String? {
        var cursor = keyword + 1, name = ""
        while cursor < end {
            let word = hash(cursor)
            if word == KnownWord.forKeyword, hash(keyword) == KnownWord.implWord { name = ""; cursor += 1; continue }
            if isName(cursor), word != wordHash("final") {
                name = name.isEmpty || (cursor > 0 && hash(cursor - 1) == KnownWord.doubleColon) && !name.isEmpty
                    ? (name.isEmpty ? text(cursor) : name + "::" + text(cursor)) : text(cursor)
                cursor += 1; continue
            }
            if word == KnownWord.doubleColon || word == KnownWord.dot { cursor += 1; continue }
            if word == KnownWord.less { cursor = skipAngles(cursor, limit: end); continue }
            if word == KnownWord.star || word == KnownWord.ampersand { return nil }      // C: `struct s *f(...) {`
            break
        }
        return name
    }
}
