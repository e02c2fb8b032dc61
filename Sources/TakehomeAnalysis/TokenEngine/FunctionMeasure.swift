import TakehomeCore

/// Counts cyclomatic and cognitive complexity for every function in one pass over the tokens,
/// using the owners, depths and roles the structure pass assigned; the same pass writes each token's
/// form for clone detection (it reads the same word table).
struct FunctionMeasure {
    let tokens: TokenStream
    let rules: CompiledGrammar
    let structure: FileStructure

    func measure(path: String, marks: LineMarks) -> (functions: [FunctionMetrics], cloneTokens: [CloneToken]) {
        let functions = structure.functions
        var ccn: [Int] = [], cognitive: [Int] = []
        let cloneTokens = [CloneToken](unsafeUninitializedCapacity: tokens.count) { clones, initialized in
            (ccn, cognitive) = tokens.withColumns { t in
                structure.owner.withUnsafeBufferPointer { owners in
                    structure.depth.withUnsafeBufferPointer { depths in
                        structure.roles.withUnsafeBufferPointer { roles in
                            complexity(t, owners: owners, depths: depths, roles: roles, clones: clones)
                        }
                    }
                }
            }
            initialized = tokens.count
        }
        for (index, function) in functions.enumerated() { ccn[index] += function.signatureDecisions }
        for extra in structure.extraDecisions where extra.token < tokens.count {
            let owner = Int(structure.owner[extra.token])
            if owner >= 0 { ccn[owner] += extra.count }
        }
        var codeLinesBefore = [Int32](repeating: 0, count: marks.flags.count + 1)
        for line in 1..<max(1, marks.flags.count) {
            codeLinesBefore[line + 1] = codeLinesBefore[line] + (marks.isCode(line) ? 1 : 0)
        }
        var result: [FunctionMetrics] = []
        result.reserveCapacity(functions.count)
        for (index, function) in functions.enumerated() {
            let endLine = max(function.line, Int(tokens.lines[min(function.lastToken, tokens.count - 1)]))
            let upper = min(endLine + 1, codeLinesBefore.count - 1), lower = min(function.line, upper)
            result.append(FunctionMetrics(
                file: path, name: function.name, line: function.line, endLine: endLine,
                nloc: Int(codeLinesBefore[upper] - codeLinesBefore[lower]), ccn: ccn[index], cognitive: cognitive[index],
                params: function.params, maxNesting: function.maxNesting))
        }
        return (result, cloneTokens)
    }

    /// Cyclomatic and cognitive complexity of every function, in one pass over the tokens (read
    /// through unchecked views: the pass visits every token), initialising every token's clone form.
    private func complexity(_ t: TokenColumns, owners: UnsafeBufferPointer<Int32>, depths: UnsafeBufferPointer<Int32>,
                            roles: UnsafeBufferPointer<TokenRole>, clones: UnsafeMutableBufferPointer<CloneToken>)
        -> (ccn: [Int], cognitive: [Int]) {
        let functions = structure.functions
        var ccn = [Int](repeating: 1, count: functions.count)
        var cognitive = [Int](repeating: 0, count: functions.count)
        var lastOperator: [UInt64] = [0]
        var level = 0
        let nameHashes = functions.map { $0.nameToken >= 0 && $0.nameToken < tokens.count ? tokens.hashes[$0.nameToken] : 0 }
        let lineBreaksSequences = rules.grammar.blocks != .braces || rules.grammar.newlineEndsStatements
        let ternary = rules.grammar.ternary
        typealias Role = CompiledGrammar.WordRole
        for index in 0..<t.count {
            let word = t.hashes[index]
            let kind = t.kinds[index]
            // One probe tells which of the grammar's sets hold the word; strings and numbers need none.
            let sets = kind == .string || kind == .number ? 0 : rules.words.roles(of: word)
            clones.initializeElement(at: index, to: CloneToken(value: cloneForm(kind, word, sets), line: Int(t.lines[index])))
            if kind == .punctuation {
                if word == KnownWord.openParen || word == KnownWord.openBracket {
                    level += 1
                    if lastOperator.count <= level { lastOperator.append(0) } else { lastOperator[level] = 0 }
                } else if word == KnownWord.closeParen || word == KnownWord.closeBracket {
                    level = max(0, level - 1)
                } else if sets & Role.sequenceBreaker != 0 {
                    lastOperator[level] = 0
                }
            }
            if lineBreaksSequences, t.startsLine[index], level == 0 { lastOperator[0] = 0 }
            let owner = Int(owners[index])
            guard owner >= 0 else { continue }
            let role = roles[index]
            if index == functions[owner].nameToken { continue }   // a method named `for` is no loop
            if sets & Role.decision != 0, isDecision(index, word) {
                ccn[owner] += 1
            }
            let nesting = Int(max(0, depths[index] - functions[owner].baseDepth))
            if kind == .identifier {
                switch role {
                case .elseIf: cognitive[owner] += 1; continue
                case .doWhileTail, .notBranch: continue
                case .expressionCondition: cognitive[owner] += 1 + nesting; continue
                case .comprehensionLoop: cognitive[owner] += 1; continue
                case .plain: break
                }
                if sets & Role.hybrid != 0 {
                    let next = index + 1 < t.count ? t.hashes[index + 1] : 0
                    if !(word == KnownWord.elseWord && (next == KnownWord.arrow || next == KnownWord.ifWord)) {
                        cognitive[owner] += 1
                    }
                } else if sets & Role.nesting != 0 {
                    cognitive[owner] += 1 + nesting
                } else if sets & Role.jump != 0 {
                    cognitive[owner] += 1
                } else if (word == KnownWord.breakWord || word == KnownWord.continueWord), index + 1 < t.count,
                          !t.startsLine[index + 1],
                          t.kinds[index + 1] == .identifier || t.hashes[index + 1] == KnownWord.at {
                    cognitive[owner] += 1
                } else if word == nameHashes[owner], index != functions[owner].nameToken, isCall(index) {
                    cognitive[owner] += 1
                }
            } else if kind == .punctuation {
                if sets & Role.logical != 0 {
                    if lastOperator[level] != word { cognitive[owner] += 1 }
                    lastOperator[level] = word
                } else if word == KnownWord.question, ternary, isDecision(index, word) {
                    cognitive[owner] += 1 + nesting
                }
            }
            if kind == .identifier, sets & Role.logical != 0 {
                if lastOperator[level] != word { cognitive[owner] += 1 }
                lastOperator[level] = word
            }
        }
        return (ccn, cognitive)
    }

    /// What clone detection compares: names other than keywords as one word, strings and numbers by kind.
    @inline(__always) private func cloneForm(_ kind: TokenKind, _ word: UInt64, _ sets: UInt16) -> UInt64 {
        switch kind {
        case .identifier: return sets & CompiledGrammar.WordRole.keyword == 0 ? FunctionMeasure.identifierHash : word
        case .string: return Lexer.stringHash
        case .number: return Lexer.numberHash
        case .punctuation, .directive: return word
        }
    }

    /// `CloneToken.identifier`, the clone form of every name that is not a keyword.
    static let identifierHash: UInt64 = 0xa1fbec17bbdf50fe  // "$id"

    /// `?` is a decision unless it belongs to a type: `List<?>`, `x?: T`, `T?,` and the like.
    private func isDecision(_ index: Int, _ word: UInt64) -> Bool {
        guard word == KnownWord.question, rules.grammar.ternary else { return true }
        guard index + 1 < tokens.count else { return false }
        if index > 0, tokens.hashes[index - 1] == KnownWord.less { return false }
        if rules.notAfterTernary.contains(tokens.hashes[index + 1]) { return false }
        // `object?[] args`, `list?[0]`: a nullable array type or a null-conditional index, written without a space.
        if tokens.hashes[index + 1] == KnownWord.openBracket, tokens.starts[index + 1] == tokens.ends[index] { return false }
        // `T? name,` / `T? name = ...` / `T? name)`: a nullable type, not a conditional.
        if index > 0, tokens.kinds[index - 1] == .identifier || tokens.hashes[index - 1] == KnownWord.greater,
           index + 2 < tokens.count, tokens.kinds[index + 1] == .identifier,
           rules.afterNullableName.contains(tokens.hashes[index + 2]) {
            return false
        }
        return true
    }

    /// A call of the function's own name (recursion): `name(`, `self.name(`, `this.name(`.
    private func isCall(_ index: Int) -> Bool {
        guard index + 1 < tokens.count, tokens.hashes[index + 1] == KnownWord.openParen else { return false }
        guard index > 0, tokens.hashes[index - 1] == KnownWord.dot else {
            return index == 0 || !rules.functionKeywords.contains(tokens.hashes[index - 1])
        }
        return index > 1 && (tokens.hashes[index - 2] == KnownWord.selfWord || tokens.hashes[index - 2] == KnownWord.thisWord)
    }
}
