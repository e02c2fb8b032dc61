/// Functions of a brace or `end` language as the design model needs them: owner type, parameters,
/// forwarding, unused parameters, decisions, effects, generic parameters and privacy.
extension BraceScan {
    static let functionWords: Set<String> = ["function", "fn", "fun", "func", "def"]
    static let parameterModifiers: Set<String> = ["final", "val", "var", "vararg", "private", "public", "protected",
                                                  "readonly", "internal", "mut", "ref", "out", "in", "params", "this",
                                                  "const", "override", "open", "crossinline", "noinline", "scoped"]

    mutating func findFunctions() {
        var byName: [String: Int] = [:]
        for (index, type) in types.enumerated() where byName[type.name] == nil || type.shape != .implementation {
            byName[type.name] = index
        }
        var stack: [Int] = []   // enclosing design functions
        for record in tokens.functions where !record.name.hasPrefix("(anonymous)") && record.nameToken >= 0 {
            while let last = stack.last, functions[last].record.lastToken < record.firstToken { stack.removeLast() }
            let components = record.name.components(separatedBy: d.separator)
            let simple = components.last ?? record.name
            let parent = stack.last.map { functions[$0].record }
            let inType = record.nameToken < typeAt.count ? Int(typeAt[record.nameToken]) : -1
            var owner: Int? = nil
            if inType >= 0, parent.map({ $0.firstToken < types[inType].body.lowerBound }) ?? true {
                owner = inType
            } else if parent == nil, components.count > 1, let declared = byName[components[components.count - 2]] {
                owner = declared
            }
            functionNameTokens.insert(record.nameToken)
            let function = read(record, name: simple, owner: owner)
            functions.append((record, owner, function))
            if let owner { types[owner].methods.append(simple); noteMethod(record, function, owner: owner) }
            paint(record.firstToken..<(record.lastToken + 1), functions.count - 1, into: \.functionAt)
            stack.append(functions.count - 1)
        }
    }

    /// Privacy and stubs of a method, for its type.
    mutating func noteMethod(_ record: FunctionRecord, _ function: DesignFunction, owner: Int) {
        let words = Set(headWords(before: record.nameToken))
        if isPrivate(name: function.name, words: words, owner: owner, at: record.nameToken) {
            types[owner].privateMembers.append(DesignMember(name: function.name, line: function.line, kind: .method))
        }
        if d.stubMakesAbstract, isNotImplementedStub(body(of: record).range) { types[owner].stubMethods += 1 }
    }

    func isPrivate(name: String, words: Set<String>, owner: Int, at index: Int) -> Bool {
        let type = types[owner]
        if type.shape == .abstraction || type.shape == .structural || type.implementsTrait || name.hasPrefix("~") { return false }
        if name.hasPrefix("#") { return true }
        if !d.privateWords.isDisjoint(with: words) { return true }
        if d.defaultPrivate, d.publicWords.isDisjoint(with: words), !words.contains("override") { return true }
        if d.lowercasePrivate, let first = name.first, first.isLowercase { return true }
        if d.pubMarksPublic, !words.contains("pub") { return true }
        if d.language == .cpp { return accessSection(at: index, in: type) == "private" }
        if isRuby { return rubyPrivate(at: index, in: type) }
        return false
    }

    /// C++: the access label in force at `index` in a class (`private` until a label, for `class`).
    func accessSection(at index: Int, in type: TypeBlock) -> String {
        type.labels.last { $0.index < index }?.word ?? (text(type.keyword) == "class" ? "private" : "public")
    }

    /// Ruby: `private def`, or a bare `private` line above the method in its class.
    func rubyPrivate(at index: Int, in type: TypeBlock) -> Bool {
        text(index - 2) == "private" || type.labels.last { $0.index < index }?.word == "private"
    }

    /// The body of a function: inside its braces, or from after its parameters to Ruby's `end`.
    func body(of record: FunctionRecord) -> (range: Range<Int>, braced: Bool) {
        let last = min(record.lastToken, tokens.count - 1)
        guard last >= 0 else { return (0..<0, false) }
        if text(last) == "}", tokens.partner[last] >= 0, tokens.partner[last] >= record.firstToken {
            return ((tokens.partner[last] + 1)..<last, true)
        }
        var start = (parameterList(record).map { tokens.partner[$0] + 1 }) ?? (record.nameToken + 1)
        if isRuby { while start < last, !tokens.startsLine[start], text(start) != ";" { start += 1 } }
        if text(start) == ";" || text(start) == "=" || text(start) == "=>" { start += 1 }
        return (min(start, last)..<(isRuby ? last : last + 1), false)
    }

    /// The `(` of the parameter list after a function's name (past generic parameters).
    func parameterList(_ record: FunctionRecord) -> Int? {
        var cursor = max(record.nameToken, record.firstToken)
        let limit = min(tokens.count, cursor + 64, record.lastToken + 1)
        while cursor < limit {
            if text(cursor) == "(" { return tokens.partner[cursor] > cursor ? cursor : nil }
            if text(cursor) == "{" || text(cursor) == "=>" || (isRuby && cursor > record.nameToken && tokens.startsLine[cursor]) { return nil }
            cursor += 1
        }
        return nil
    }

    mutating func read(_ record: FunctionRecord, name: String, owner: Int?) -> DesignFunction {
        let (range, braced) = body(of: record)
        let open = parameterList(record)
        var parameters: [Parameter] = []
        if let open { parameters = self.parameters(tokens.arguments(open))
        } else if isRuby, record.nameToken + 1 < range.lowerBound {
            parameters = self.parameters(tokens.split((record.nameToken + 1)..<range.lowerBound, at: ","))
        }
        let used = Set(range.filter { tokens.isIdentifier($0) }.map { tokens.texts[$0] })
        let words = Set(headWords(before: max(record.nameToken, 0)))
        let stub = isStub(range)
        let explicit = [.java, .kotlin, .csharp].contains(d.language)
        let overrides = words.contains("override") || words.contains("Override") || words.contains("virtual")
            || words.contains("abstract") || owner.map { !explicit && !types[$0].bases.isEmpty || types[$0].shape == .abstraction
                || types[$0].shape == .structural || types[$0].implementsTrait } ?? false
        let skip = stub || overrides || name == "main" || name.hasPrefix("__")
        let unused = skip ? [] : parameters.map(\.name).filter { !$0.hasPrefix("_") && !used.contains($0) }
        var function = DesignFunction(
            name: name, typeName: owner.map { types[$0].name }, line: record.line, parameters: parameters,
            forwardsTo: braced || isRuby ? forwarding(range, parameters: parameters) : nil, unusedParameters: unused,
            decisions: range.filter { d.decisions.contains(tokens.texts[$0]) && tokens.kinds[$0] != .string }.count,
            effects: effects.kinds(in: range, tokens: tokens))
        function.genericParameters = functionGenerics(record, parametersOpen: open)
        return function
    }

    /// Names and defaults of declared parameters; receivers and destructuring patterns left out.
    func parameters(_ parts: [Range<Int>]) -> [Parameter] {
        let goStyle = d.language == .go && parts.contains { part in part.filter { tokens.isIdentifier($0) }.count >= 2 }
        return parts.compactMap { part in
            var start = part.lowerBound
            while start < part.upperBound {
                let token = text(start)
                if token == "@", tokens.isIdentifier(start + 1) {
                    start = tokens.chain(startingAt: start + 1).end + 1
                    if text(start) == "(", tokens.partner[start] > start { start = tokens.partner[start] + 1 }
                    continue
                }
                if Self.parameterModifiers.contains(token) || ["...", "*", "**", "&", "&&"].contains(token) { start += 1; continue }
                break
            }
            guard start < part.upperBound, tokens.isIdentifier(start) else { return nil }
            let equals = (start..<part.upperBound).first { text($0) == "=" }
            let hasDefault = equals != nil || (isRuby && text(start + 1) == ":" && start + 2 < part.upperBound)
            var name = text(start)
            if !d.nameFirst {
                let end = equals ?? part.upperBound
                guard let last = (start..<end).last(where: { tokens.isIdentifier($0) && !d.keywords.contains(text($0)) || text($0) == "self" })
                else { return nil }
                name = text(last)
                if (start..<end).filter({ tokens.isIdentifier($0) }).count < 2 && d.language != .javascript { return nil }
            } else if d.language == .go, !goStyle {
                return nil
            }
            if d.receivers.contains(name) || name == "void" { return nil }
            return Parameter(name: name, hasDefault: hasDefault)
        }
    }

    /// A body that does nothing or only throws: nothing to check for unused parameters.
    func isStub(_ range: Range<Int>) -> Bool {
        let words = range.map { tokens.texts[$0] }.filter { $0 != ";" }
        if words.isEmpty { return true }
        return ["throw", "raise", "panic", "todo", "unimplemented"].contains(words[0])
    }

    /// `throw new Error("not implemented")`, `raise NotImplementedError`: an abstract method written as code.
    func isNotImplementedStub(_ range: Range<Int>) -> Bool {
        guard let first = range.first, ["throw", "raise"].contains(text(first)) else { return false }
        return range.contains { index in
            let word = tokens.texts[index].lowercased()
            return word.contains("notimplemented") || word.contains("not implemented") || word.contains("abstract")
                || word.contains("subclass")
        }
    }

    /// `return a.b(x, y)` where `x, y` are exactly the parameters: the callee's name.
    func forwarding(_ range: Range<Int>, parameters: [Parameter]) -> String? {
        guard !parameters.isEmpty else { return nil }
        var index = range.lowerBound, end = range.upperBound
        while end > index, text(end - 1) == ";" { end -= 1 }
        while index < end, ["return", "await", "try"].contains(text(index)) { index += 1 }
        guard index < end, tokens.isIdentifier(index) else { return nil }
        var (names, last) = tokens.chain(startingAt: index)
        if ["this", "self"].contains(names.first) { names.removeFirst() }
        if text(last + 1) == "<", let group = tokens.typeArguments(at: last + 1) { last = group.close }
        guard text(last + 1) == "(", tokens.partner[last + 1] == end - 1, !names.isEmpty else { return nil }
        let expected = Set(parameters.map(\.name))
        var passed: [String] = []
        for part in tokens.arguments(last + 1) {
            var value = part.lowerBound
            if ["...", "*", "**", "&"].contains(text(value)) { value += 1 }
            if part.count == 3, [":", "="].contains(text(part.lowerBound + 1)) { value = part.lowerBound + 2 }
            guard value == part.upperBound - 1, expected.contains(text(value)) else { return nil }
            passed.append(text(value))
        }
        return Set(passed) == expected && passed.count == expected.count ? names.joined(separator: ".") : nil
    }

    /// A function's own type parameters: `<T>` after its name or its keyword, Java's `<T>` before
    /// the return type, Go's `[T any]`, C++'s `template <typename T>`.
    mutating func functionGenerics(_ record: FunctionRecord, parametersOpen: Int?) -> [String] {
        var found: [String] = []
        let end = parametersOpen ?? min(tokens.count, record.nameToken + 2)
        var cursor = max(0, record.firstToken)
        let previous = headWords(before: max(record.nameToken, 0)).count
        cursor = max(0, min(cursor, record.nameToken - previous))
        while cursor < end {
            if text(cursor) == "<", !tokens.isIdentifier(cursor - 1) || cursor - 1 == record.nameToken
                || Self.functionWords.contains(text(cursor - 1)) || ["public", "private", "protected", "static", "final",
                                                                       "abstract", "synchronized", "default", "inline"].contains(text(cursor - 1)),
               let group = tokens.typeArguments(at: cursor) {
                found += tokens.parameterNames(group.parts); declarationGroups.insert(cursor); cursor = group.close + 1; continue
            }
            if d.language == .go, text(cursor) == "[", cursor - 1 == record.nameToken,
               let group = tokens.typeArguments(at: cursor, square: true) {
                found += tokens.parameterNames(group.parts); declarationGroups.insert(cursor); cursor = group.close + 1; continue
            }
            cursor += 1
        }
        return found + templateParameters(before: max(0, record.nameToken - previous))
    }
}
