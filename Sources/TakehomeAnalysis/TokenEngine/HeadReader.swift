/// Reads a declaration head (the tokens between the last statement boundary and a `{` or `=>`)
/// as a function signature: `int Foo::bar(int a) const`, `@Override public void run()`,
/// `static async *name(a, b)`, `operator==(const T& other)`, `get size()`.
struct HeadReader {
    let walker: BraceWalker

    func function(from start: Int, to end: Int, anywhere: Bool) -> BraceWalker.Signature? {
        guard end > start else { return nil }
        if anywhere {
            // Outside declarations (JavaScript object literals) only `name(...) {` or `name(...): T {` qualifies.
            var close = end - 1
            if walker.hash(close) != KnownWord.closeParen {
                var cursor = close
                while cursor > max(start, end - 24), walker.hash(cursor) != KnownWord.colon { cursor -= 1 }
                guard cursor > start, walker.hash(cursor) == KnownWord.colon, walker.hash(cursor - 1) == KnownWord.closeParen else { return nil }
                close = cursor - 1
            }
            let open = Int(walker.partner[close])
            guard open - 1 >= start, walker.isName(open - 1) else { return nil }
            return signature(nameAt: open - 1, open: open, headStart: start)
        }
        var cursor = start
        var candidate: (name: Int, open: Int)? = nil
        while cursor < end {
            let word = walker.hash(cursor)
            if walker.tokens.kinds[cursor] == .directive { cursor += 1; continue }
            if word == KnownWord.openParen {
                let close = Int(walker.partner[cursor])
                guard close > cursor, close < end else { return candidate.map { signature(nameAt: $0.name, open: $0.open, headStart: start) } ?? nil }
                if let name = nameBefore(cursor, start: start) {
                    if candidate == nil || onlyTypeTokens(from: Int(walker.partner[candidate!.open]) + 1, to: name) {
                        candidate = (name, cursor)
                    }
                }
                cursor = close + 1; continue
            }
            if word == KnownWord.openBracket || word == KnownWord.openBrace, walker.partner[cursor] > cursor {
                cursor = Int(walker.partner[cursor]) + 1; continue
            }
            let afterOperator = cursor > start && walker.hash(cursor - 1) == KnownWord.operatorWord
            if !afterOperator, word == KnownWord.equals || word == KnownWord.fatArrow && candidate == nil || word == KnownWord.equalEqual {
                if candidate == nil { return nil }
                break
            }
            cursor += 1
        }
        guard let found = candidate else { return nil }
        return signature(nameAt: found.name, open: found.open, headStart: start)
    }

    /// The token that names the function whose parameters open at `open`, if the token before is a name.
    private func nameBefore(_ open: Int, start: Int) -> Int? {
        let previous = open - 1
        guard previous >= start else { return nil }
        if walker.isName(previous) {
            // `@Annotation(...)` is not a function.
            if previous - 1 >= start, walker.hash(previous - 1) == KnownWord.at { return nil }
            var cursor = previous - 1
            while cursor >= start, walker.hash(cursor) == KnownWord.dot, cursor - 1 >= start, walker.isName(cursor - 1) { cursor -= 2 }
            if cursor >= start, walker.hash(cursor) == KnownWord.at { return nil }
            return previous
        }
        if walker.hash(previous) == KnownWord.operatorWord { return previous }
        if previous - 1 >= start, walker.hash(previous - 1) == KnownWord.operatorWord { return previous - 1 }
        if walker.hash(previous) == KnownWord.closeParen, walker.partner[previous] == previous - 1, previous - 2 >= start,
           walker.hash(previous - 2) == KnownWord.operatorWord {
            return previous - 2                                                    // operator()(...)
        }
        if walker.hash(previous) == KnownWord.greater, walker.rules.grammar.separator == "::" {
            // `name<T>(` (C++ template specialisation)
            var cursor = previous, depth = 0
            while cursor >= start {
                let word = walker.hash(cursor)
                if word == KnownWord.greater { depth += 1 } else if word == KnownWord.less { depth -= 1; if depth == 0 { break } }
                cursor -= 1
            }
            return cursor - 1 >= start && walker.isName(cursor - 1) ? cursor - 1 : nil
        }
        return nil
    }

    private func onlyTypeTokens(from start: Int, to end: Int) -> Bool {
        var cursor = start
        while cursor < end {
            let word = walker.hash(cursor)
            if !(walker.tokens.kinds[cursor] == .identifier || word == KnownWord.star || word == KnownWord.ampersand
                 || word == KnownWord.doubleColon || word == KnownWord.less || word == KnownWord.greater) { return false }
            cursor += 1
        }
        return true
    }

    private func signature(nameAt name: Int, open: Int, headStart: Int) -> BraceWalker.Signature {
        var first = name
        var text = walker.text(name)
        if walker.hash(name) == KnownWord.operatorWord {
            var cursor = name + 1
            while cursor < open { text += walker.text(cursor); cursor += 1 }
        }
        if name - 1 >= headStart, walker.hash(name - 1) == KnownWord.tilde { first = name - 1; text = "~" + text }
        // Qualified out-of-line definitions: `A::B::name`.
        while first - 2 >= headStart, walker.hash(first - 1) == KnownWord.doubleColon, walker.isName(first - 2) {
            first -= 2; text = walker.text(first) + "::" + text
        }
        if walker.rules.grammar.methodsAnywhere, name - 1 >= headStart,
           walker.hash(name - 1) == KnownWord.get || walker.hash(name - 1) == KnownWord.set {
            text += "." + walker.text(name - 1)
        }
        var paramsOpen = open
        if walker.hash(name) == KnownWord.operatorWord, walker.hash(open) == KnownWord.openParen,
           walker.partner[open] == open + 1, open + 2 < walker.tokens.count, walker.hash(open + 2) == KnownWord.openParen {
            paramsOpen = open + 2; text = "operator()"
        }
        return BraceWalker.Signature(firstToken: first, nameToken: name, name: text, paramsOpen: paramsOpen,
                                     paramsClose: Int(walker.partner[paramsOpen]))
    }
}
