import TakehomeCore
@testable import TakehomeAnalysis

/// The per-block readings of a Python file once its classes and functions are known: a class's
/// bases and kind, a function's parameters, forwarding, unused parameters, decisions and effects.
struct OraclePythonBodies {
    let tokens: PythonTokens
    let statementClass: [Int?], statementFunction: [Int?]
    let classes: [OraclePythonReader.Block], functions: [OraclePythonReader.Block]
    /// Each class's methods (indices into `functions`), in source order.
    let methodsByOwner: [Int: [Int]]

    init(tokens: PythonTokens, statementClass: [Int?], statementFunction: [Int?], classes: [OraclePythonReader.Block],
         functions: [OraclePythonReader.Block]) {
        self.tokens = tokens; self.statementClass = statementClass; self.statementFunction = statementFunction
        self.classes = classes; self.functions = functions
        methodsByOwner = Dictionary(grouping: functions.indices.filter { functions[$0].owner != nil }) { functions[$0].owner! }
    }

    static let decisionWords = WordSet(["if", "elif", "for", "while", "and", "or", "except"])
    static let valueBases: Set<String> = ["NamedTuple", "TypedDict", "Enum", "IntEnum", "StrEnum", "Flag", "Exception",
                                          "ValueError", "TypeError", "KeyError", "RuntimeError", "LookupError"]

    /// The tokens of a block's body (empty for a one-line block).
    func bodyRange(_ block: OraclePythonReader.Block) -> Range<Int> {
        guard block.header + 1 < block.end else { return 0..<0 }
        return tokens.statements[block.header + 1].start..<tokens.statements[block.end - 1].end
    }

    /// The body's statements, a leading docstring left out.
    func statements(_ block: OraclePythonReader.Block) -> [PythonTokens.Statement] {
        guard block.header + 1 < block.end else { return [] }
        var list = Array(tokens.statements[(block.header + 1)..<block.end])
        if let first = list.first, first.end - first.start == 1, tokens.kinds[first.start] == .string { list.removeFirst() }
        return list
    }

    func type(_ index: Int) -> DesignType {
        let block = classes[index], header = tokens.statements[block.header]
        var bases: [String] = [], abstract = false
        let nameIndex = header.start + (tokens.word(header.start) == "class" ? 1 : 2)
        if tokens.word(nameIndex + 1) == "(" {
            for part in tokens.arguments(nameIndex + 1) {
                if part.count > 2, tokens.word(part.lowerBound + 1) == "=" {
                    abstract = abstract || tokens.contains("ABCMeta", in: part)
                    continue
                }
                var end = part.lowerBound
                while end + 1 < part.upperBound, tokens.word(end + 1) != "[" { end += 1 }
                if tokens.isIdentifier(end) { bases.append(tokens.text(end)) }
            }
        }
        let methods = methodsByOwner[index] ?? []
        abstract = abstract || bases.contains("ABC") || bases.contains("Protocol")
            || methods.contains { functions[$0].decorators.contains("abstractmethod") }
        let isValue = block.decorators.contains("dataclass") || bases.contains { Self.valueBases.contains($0) }
            || block.name.hasSuffix("Error") || block.name.hasSuffix("Exception")
        var type = DesignType(name: block.name, line: header.line, bases: bases, isAbstraction: abstract,
                              isStructural: bases.contains("Protocol"), isValue: isValue,
                              methods: methods.map { functions[$0].name })
        type.references = tokens.distinctTexts(bodyRange(block).lazy.filter {
            tokens.kinds[$0] == .identifier && tokens.word($0 + 1) != "." && tokens.word($0 - 1) != "."
        }).sorted()
        type.genericParameters = genericParameters(nameIndex: nameIndex)
        type.privateMembers = privateMembers(block, methods: methods)
        if block.decorators.contains("dataclass") {
            for number in (block.header + 1)..<max(block.header + 1, block.end) where statementClass[number] == index
                && statementFunction[number] == nil {
                let statement = tokens.statements[number]
                guard tokens.isIdentifier(statement.start), tokens.word(statement.start + 1) == ":" else { continue }
                let hasDefault = tokens.contains("=", in: statement.start..<statement.end)
                type.fields.append(Parameter(name: tokens.text(statement.start), hasDefault: hasDefault))
            }
        }
        return type
    }

    func function(_ index: Int) -> DesignFunction {
        let block = functions[index], header = tokens.statements[block.header]
        let nameIndex = header.start + (tokens.word(header.start) == "def" ? 1 : 2)
        var parameters: [Parameter] = []
        if tokens.word(nameIndex + 1) == "(" {
            for part in tokens.arguments(nameIndex + 1) {
                var first = part.lowerBound
                while first < part.upperBound, tokens.word(first) == "*" || tokens.word(first) == "**" { first += 1 }
                guard first < part.upperBound, tokens.isIdentifier(first) else { continue }
                parameters.append(Parameter(name: tokens.text(first), hasDefault: tokens.contains("=", in: part)))
            }
        }
        let isMethod = block.owner != nil && !block.decorators.contains("staticmethod")
        if isMethod, let receiver = parameters.first, receiver.name == "self" || receiver.name == "cls" {
            parameters.removeFirst()
        }
        let range = bodyRange(block)
        let body = statements(block)
        let isStub = body.allSatisfy { statement in
            let first = tokens.word(statement.start)
            return first == "..." || first == "pass" || (first == "raise" && tokens.word(statement.start + 1) == "NotImplementedError")
                || (statement.end - statement.start == 1 && tokens.kinds[statement.start] == .string)
        }
        let overrides = block.owner.map(hasBases) ?? false
        let skipUnused = isStub || overrides || block.name.hasPrefix("__")
            || block.decorators.contains { ["abstractmethod", "overload", "fixture", "property"].contains($0) }
        // One pass over the body's names: decisions, and which parameters it reads (a long parameter
        // list is looked up in a table, so the pass stays linear).
        let checked = skipUnused ? [] : parameters.map(\.name).filter { !$0.hasPrefix("_") }
        var unread = checked.map(Word.init), read = WordTally()
        let tallies = unread.count > 8
        var decisions = 0
        for index in range where tokens.kinds[index] == .identifier {
            let word = tokens.word(index)
            if Self.decisionWords.contains(word) { decisions += 1 }
            if tallies { read.add(word, at: index) } else if !unread.isEmpty, let found = unread.firstIndex(of: word) { unread.remove(at: found) }
        }
        let unused = tallies ? checked.filter { !read.contains(Word($0)) } : checked.filter { unread.contains(Word($0)) }
        return DesignFunction(
            name: block.name, typeName: block.owner.map { classes[$0].name }, line: header.line, parameters: parameters,
            forwardsTo: isStub ? nil : forwarding(body, parameters: parameters), unusedParameters: unused, decisions: decisions,
            effects: OraclePythonEffects.kinds(in: range, tokens: tokens))
    }

    /// `class Box[T]:` (PEP 695) or `class Box(Generic[T]):` / `Protocol[T]`.
    private func genericParameters(nameIndex: Int) -> [String] {
        var open = nameIndex + 1
        if tokens.word(open) == "(" {
            guard let generic = (open..<max(open, tokens.partner[open])).first(where: {
                ["Generic", "Protocol"].contains(tokens.word($0)) && tokens.word($0 + 1) == "["
            }) else { return [] }
            open = generic + 1
        }
        guard tokens.word(open) == "[" else { return [] }
        return tokens.arguments(open).compactMap { part in tokens.isIdentifier(part.lowerBound) ? tokens.text(part.lowerBound) : nil }
    }

    /// Methods named `_x` (not dunders) and attributes set as `self._x = ...` in its methods.
    private func privateMembers(_ block: OraclePythonReader.Block, methods: [Int]) -> [DesignMember] {
        let isPrivate = { (name: String) in name.hasPrefix("_") && !name.hasPrefix("__") }
        var members = methods.filter { isPrivate(functions[$0].name) }.map {
            DesignMember(name: functions[$0].name, line: tokens.statements[functions[$0].header].line, kind: .method)
        }
        var seen = Set(members.map(\.name))
        for index in bodyRange(block) where tokens.word(index) == "self" && tokens.word(index + 1) == "."
            && tokens.isIdentifier(index + 2) && tokens.word(index + 3) == "=" && isPrivate(tokens.text(index + 2)) {
            if seen.insert(tokens.text(index + 2)).inserted {
                members.append(DesignMember(name: tokens.text(index + 2), line: tokens.line(index), kind: .field))
            }
        }
        return members
    }

    /// The class names bases, so its methods' signatures may be fixed by them.
    private func hasBases(_ classIndex: Int) -> Bool {
        let open = tokens.statements[classes[classIndex].header].start + 2
        return tokens.word(open) == "(" && !tokens.arguments(open).isEmpty
    }

    /// `return a.b(x, y)` where `x, y` are exactly the parameters: the callee's dotted name.
    /// An argument that is anything but a parameter (`int(x)`, `x + 1`, `self.y`) adapts, so no.
    func forwarding(_ body: [PythonTokens.Statement], parameters: [Parameter]) -> String? {
        guard body.count == 1, !parameters.isEmpty, let statement = body.first else { return nil }
        var index = statement.start
        if tokens.word(index) == "return" || tokens.word(index) == "await" { index += 1 }
        if tokens.word(index) == "await" { index += 1 }
        var callee: [String] = []
        while index < statement.end {
            guard tokens.isIdentifier(index) else { return nil }
            callee.append(tokens.text(index)); index += 1
            if tokens.word(index) == "(", tokens.partner[index] == index + 1, tokens.word(index + 2) == "." {
                callee[callee.count - 1] += "()"; index += 2
            }
            if tokens.word(index) == "." { index += 1; continue }
            break
        }
        guard tokens.word(index) == "(", tokens.partner[index] == statement.end - 1 else { return nil }
        let names = Set(parameters.map(\.name))
        var passed: Set<String> = []
        for part in tokens.arguments(index) {
            var value = part.lowerBound
            if tokens.word(value) == "*" || tokens.word(value) == "**" { value += 1 }
            if part.count == 3, tokens.word(part.lowerBound + 1) == "=" { value = part.lowerBound + 2 }
            guard value == part.upperBound - 1, names.contains(tokens.text(value)) else { return nil }
            passed.insert(tokens.text(value))
        }
        return passed == names ? callee.joined(separator: ".") : nil
    }
}

extension CodeTokens {
    /// The texts of the tokens at `indices`, each distinct text once, in the order first met.
    func distinctTexts<S: Sequence>(_ indices: S) -> [String] where S.Element == Int {
        var tally = WordTally()
        for index in indices { tally.add(word(index), at: index) }
        return tally.firsts.map { texts[$0] }
    }
}
