/// The per-block readings of a Python file once its classes and functions are known: a class's
/// bases and kind, a function's parameters, forwarding, unused parameters, decisions and effects.
/// What a body holds is looked up in the file's `PythonTokenFacts`, not found by walking it again.
struct PythonBodies {
    let tokens: PythonTokens
    let facts: PythonTokenFacts
    let statementClass: [Int?], statementFunction: [Int?]
    let classes: [PythonDesignReader.Block], functions: [PythonDesignReader.Block]
    /// The numbers of the `import` and `from` statements.
    let imports: [Int]
    /// Each class's methods (indices into `functions`), in source order.
    let methodsByOwner: [[Int]]

    init(tokens: PythonTokens, facts: PythonTokenFacts, blocks: PythonBlocks) {
        self.tokens = tokens; self.facts = facts; statementClass = blocks.statementClass; statementFunction = blocks.statementFunction
        classes = blocks.classes; functions = blocks.functions; imports = blocks.imports
        var methods = [[Int]](repeating: [], count: classes.count)
        for (index, function) in functions.enumerated() { if let owner = function.owner { methods[owner].append(index) } }
        methodsByOwner = methods
    }

    static let valueBases: Set<String> = ["NamedTuple", "TypedDict", "Enum", "IntEnum", "StrEnum", "Flag", "Exception",
                                          "ValueError", "TypeError", "KeyError", "RuntimeError", "LookupError"]

    /// The tokens of a block's body (empty for a one-line block).
    func bodyRange(_ block: PythonDesignReader.Block) -> Range<Int> {
        guard block.header + 1 < block.end else { return 0..<0 }
        return tokens.statements[block.header + 1].start..<tokens.statements[block.end - 1].end
    }

    /// The numbers of the body's statements, a leading docstring left out.
    func statements(_ block: PythonDesignReader.Block) -> Range<Int> {
        guard block.header + 1 < block.end else { return block.end..<block.end }
        let first = tokens.statements[block.header + 1]
        let isDocstring = first.end - first.start == 1 && tokens.kinds[first.start] == .string
        return (block.header + (isDocstring ? 2 : 1))..<block.end
    }

    /// The class at `index`; `seen` is a scratch table over the file's names (one slot per entry)
    /// that finds the distinct names of its body.
    func type(_ index: Int, seen: inout [Int32]) -> DesignType {
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
        let methods = methodsByOwner[index]
        abstract = abstract || bases.contains("ABC") || bases.contains("Protocol")
            || methods.contains { functions[$0].decorators.contains("abstractmethod") }
        let isValue = block.decorators.contains("dataclass") || bases.contains { Self.valueBases.contains($0) }
            || block.name.hasSuffix("Error") || block.name.hasSuffix("Exception")
        var type = DesignType(name: block.name, line: header.line, bases: bases, isAbstraction: abstract,
                              isStructural: bases.contains("Protocol"), isValue: isValue,
                              methods: methods.map { functions[$0].name })
        type.references = references(bodyRange(block), mark: Int32(index), seen: &seen)
        type.genericParameters = genericParameters(nameIndex: nameIndex)
        type.privateMembers = privateMembers(block, methods: methods)
        if block.decorators.contains("dataclass") { type.fields = dataclassFields(index) }
        return type
    }

    /// The distinct names used as values in `range` (no `.` on either side), sorted. A name's
    /// slot in `seen` is set to `mark` when first met, so each is taken once without hashing.
    private func references(_ range: Range<Int>, mark: Int32, seen: inout [Int32]) -> [String] {
        var found: [Int] = []
        // Buffers: an inout array written in the loop would be checked for a unique reference each time.
        seen.withUnsafeMutableBufferPointer { seen in
            facts.entries.withUnsafeBufferPointer { entries in
                for index in range {
                    let entry = Int(entries[index])
                    guard entry >= 0, seen[entry] != mark, tokens.word(index + 1) != ".", tokens.word(index - 1) != "." else { continue }
                    seen[entry] = mark
                    found.append(entry)
                }
            }
        }
        return facts.sortedNames(found, texts: tokens.texts)
    }

    /// A dataclass's fields: `name: type` and `name: type = default` statements of its own body.
    private func dataclassFields(_ index: Int) -> [Parameter] {
        let block = classes[index]
        var fields: [Parameter] = []
        for number in (block.header + 1)..<max(block.header + 1, block.end) where statementClass[number] == index
            && statementFunction[number] == nil {
            let statement = tokens.statements[number]
            guard tokens.isIdentifier(statement.start), tokens.word(statement.start + 1) == ":" else { continue }
            let hasDefault = tokens.contains("=", in: statement.start..<statement.end)
            fields.append(Parameter(name: tokens.text(statement.start), hasDefault: hasDefault))
        }
        return fields
    }

    func function(_ index: Int) -> DesignFunction {
        let block = functions[index], header = tokens.statements[block.header]
        let nameIndex = header.start + (tokens.word(header.start) == "def" ? 1 : 2)
        var parameters: [Parameter] = [], parameterTokens: [Int] = []
        if tokens.word(nameIndex + 1) == "(" {
            for part in tokens.arguments(nameIndex + 1) {
                var first = part.lowerBound
                while first < part.upperBound, tokens.word(first) == "*" || tokens.word(first) == "**" { first += 1 }
                guard first < part.upperBound, tokens.isIdentifier(first) else { continue }
                parameters.append(Parameter(name: tokens.text(first), hasDefault: tokens.contains("=", in: part)))
                parameterTokens.append(first)
            }
        }
        let isMethod = block.owner != nil && !block.decorators.contains("staticmethod")
        if isMethod, let receiver = parameters.first, receiver.name == "self" || receiver.name == "cls" {
            parameters.removeFirst(); parameterTokens.removeFirst()
        }
        let range = bodyRange(block)
        let body = statements(block)
        let isStub = isStub(body)
        var overrides = false
        if let owner = block.owner { overrides = hasBases(owner) }
        let skipUnused = isStub || overrides || block.name.hasPrefix("__")
            || block.decorators.contains { ["abstractmethod", "overload", "fixture", "property"].contains($0) }
        let unused = skipUnused ? [] : unusedParameters(parameters, tokens: parameterTokens, body: range)
        return DesignFunction(
            name: block.name, typeName: block.owner.map { classes[$0].name }, line: header.line, parameters: parameters,
            forwardsTo: isStub ? nil : forwarding(body, parameters: parameters), unusedParameters: unused,
            decisions: facts.decisionCount(in: range), effects: PythonEffects.kinds(facts.effects(in: range)))
    }

    /// A body of `...`, `pass`, `raise NotImplementedError` and strings only (an empty one too).
    private func isStub(_ body: Range<Int>) -> Bool {
        for number in body {
            let statement = tokens.statements[number], first = tokens.word(statement.start)
            let isFiller = first == "..." || first == "pass" || (first == "raise" && tokens.word(statement.start + 1) == "NotImplementedError")
                || (statement.end - statement.start == 1 && tokens.kinds[statement.start] == .string)
            if !isFiller { return false }
        }
        return true
    }

    /// The parameters (not named `_x`) that the body never names. A name listed twice needs to be
    /// named twice in a list of up to 8 (each mention reads one), once in a longer one.
    private func unusedParameters(_ parameters: [Parameter], tokens parameterTokens: [Int], body: Range<Int>) -> [String] {
        let checked = parameters.indices.filter { !parameters[$0].name.hasPrefix("_") }
        let entries = checked.map { Int(facts.entries[parameterTokens[$0]]) }
        let countsCopies = checked.count <= 8
        var unused: [String] = []
        for (position, parameter) in checked.enumerated() {
            let copies = countsCopies ? entries.lazy.filter { $0 == entries[position] }.count : 1
            if facts.occurrences(of: entries[position], in: body) < copies { unused.append(parameters[parameter].name) }
        }
        return unused
    }

    /// `class Box[T]:` (PEP 695) or `class Box(Generic[T]):` / `Protocol[T]`.
    private func genericParameters(nameIndex: Int) -> [String] {
        var open = nameIndex + 1
        if tokens.word(open) == "(" {
            guard let generic = (open..<max(open, tokens.partner[open])).first(where: {
                (tokens.word($0) == "Generic" || tokens.word($0) == "Protocol") && tokens.word($0 + 1) == "["
            }) else { return [] }
            open = generic + 1
        }
        guard tokens.word(open) == "[" else { return [] }
        return tokens.arguments(open).compactMap { part in tokens.isIdentifier(part.lowerBound) ? tokens.text(part.lowerBound) : nil }
    }

    /// Methods named `_x` (not dunders) and attributes set as `self._x = ...` in its methods.
    private func privateMembers(_ block: PythonDesignReader.Block, methods: [Int]) -> [DesignMember] {
        var members = methods.filter { PythonTokenFacts.isPrivate(functions[$0].name) }.map {
            DesignMember(name: functions[$0].name, line: tokens.statements[functions[$0].header].line, kind: .method)
        }
        let fields = facts.privateFields(in: bodyRange(block))
        guard !fields.isEmpty else { return members }
        var seen = Set(members.map(\.name))
        for field in fields {
            let index = Int(field)
            if seen.insert(tokens.text(index + 2)).inserted {
                members.append(DesignMember(name: tokens.text(index + 2), line: tokens.line(index), kind: .field))
            }
        }
        return members
    }

    /// The class names bases, so its methods' signatures may be fixed by them.
    private func hasBases(_ classIndex: Int) -> Bool {
        // Anything between the parentheses makes at least one part, so no list of parts is made.
        let open = tokens.statements[classes[classIndex].header].start + 2
        return tokens.word(open) == "(" && tokens.partner[open] > open + 1
    }

    /// `return a.b(x, y)` where `x, y` are exactly the parameters: the callee's dotted name.
    /// An argument that is anything but a parameter (`int(x)`, `x + 1`, `self.y`) adapts, so no.
    func forwarding(_ body: Range<Int>, parameters: [Parameter]) -> String? {
        guard body.count == 1, !parameters.isEmpty else { return nil }
        let statement = tokens.statements[body.lowerBound]
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
