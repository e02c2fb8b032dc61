import TakehomeCore

/// File-wide readings of a Python file: calls and constructions, imports, identifier counts,
/// mutable state shared through the module or a class, and types that keep their one instance.
extension PythonBodies {
    static let mutators = WordSet(["append", "extend", "insert", "update", "add", "pop", "popitem", "clear",
                                   "remove", "discard", "setdefault", "appendleft"])
    static let containerCalls = WordSet(["list", "dict", "set", "defaultdict", "deque", "OrderedDict", "Counter"])

    /// Calls, constructions, subscripts by name (generic uses), imports and identifier counts.
    func scanCalls(into design: inout FileDesign) {
        let typeNames = WordTally(classes.map { Word($0.name) })
        design.calls.reserveCapacity(facts.callees.count)
        var statementIndex = 0
        for callee in facts.callees {
            let index = Int(callee)
            while tokens.statements[statementIndex].end <= index { statementIndex += 1 }
            let statement = tokens.statements[statementIndex]
            let next = tokens.word(index + 1), previous = tokens.word(index - 1)
            if next == "[", previous != ".", previous != "class", previous != "def", tokens.partner[index + 1] > index + 2 {
                readSubscript(index, into: &design)
            }
            guard next == "(", previous != "def", previous != "class", tokens.partner[index + 1] > index else { continue }
            let name = facts.names[Int(facts.entries[index])]
            design.calls.append(callSite(name, open: index + 1))
            let isTypeName = typeNames.contains(tokens.word(index))
            if isTypeName || tokens.startsUppercase(index), previous != "." || isTypeName {
                design.instantiations.append(Instantiation(
                    typeName: name, line: tokens.line(index), function: statementFunction[statementIndex].map { functions[$0].name },
                    enclosingType: statementClass[statementIndex].map { classes[$0].name },
                    isReturned: tokens.word(statement.start) == "return" && statementFunction[statementIndex] != nil))
            }
        }
        for number in imports { readImport(tokens.statements[number], into: &design) }
        design.identifierCounts = facts.identifierCounts
    }

    /// A call's positional arguments, keywords and spreads (`*args`, `**kwargs`).
    private func callSite(_ name: String, open: Int) -> CallSite {
        var positional = 0, keywords: [String] = [], spreads = false
        tokens.forEachArgument(open) { part in
            let first = tokens.word(part.lowerBound)
            if first == "*" || first == "**" { spreads = true
            } else if part.count > 1, tokens.word(part.lowerBound + 1) == "=" { keywords.append(tokens.text(part.lowerBound))
            } else { positional += 1 }
        }
        return CallSite(name: name, positional: positional, keywords: keywords, spreads: spreads)
    }

    /// `Box[int]` outside a call: a generic use when every argument is a name.
    private func readSubscript(_ index: Int, into design: inout FileDesign) {
        // Most subscripts index by a number, a string or an expression: settled on the first
        // byte, before any text is made (the first part first: it starts right after `[`).
        guard tokens.word(index + 2) != ",", tokens.mayStartName(index + 2..<index + 3) else { return }
        var byName = true
        tokens.forEachArgument(index + 1) { part in byName = byName && tokens.mayStartName(part) }
        guard byName else { return }
        let parts = tokens.arguments(index + 1).map { tokens.joinedText($0) }
        if parts.allSatisfy(Self.startsName) {
            design.genericUses.append(GenericUse(name: facts.names[Int(facts.entries[index])], arguments: parts, line: tokens.line(index)))
        }
    }

    /// Whether a text starts with a letter or `_` (an ASCII start is settled on its bytes).
    private static func startsName(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        // An ASCII byte followed by another (or by nothing) is a character of its own.
        if first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true {
            return first == 95 || (first | 0x20 >= 97 && first | 0x20 <= 122)
        }
        return text.first.map { $0.isLetter || $0 == "_" } ?? false
    }

    /// `import a.b, c as d` (each module) and `from a.b import c` (the module).
    private func readImport(_ statement: PythonTokens.Statement, into design: inout FileDesign) {
        if tokens.word(statement.start) == "import" {
            for part in statement.start + 1..<statement.end where tokens.isIdentifier(part) && tokens.word(part - 1) != "." {
                if tokens.word(part - 1) == "as" || tokens.word(part) == "as" { continue }
                design.imports.append(tokens.chain(endingAt: lastOfChain(part)).joined(separator: "."))
            }
        } else if tokens.word(statement.start) == "from" {
            var index = statement.start + 1, module = ""
            while index < statement.end, tokens.word(index) != "import" { module += tokens.texts[index]; index += 1 }
            design.imports.append(module)
        }
    }

    private func lastOfChain(_ index: Int) -> Int {
        var end = index
        while tokens.word(end + 1) == ".", tokens.isIdentifier(end + 2) { end += 2 }
        return end
    }

    /// Module-level and class-level containers changed inside a function, names rebound through
    /// `global`, and classes that keep a shared instance (`_instance`, or a class method returning
    /// a class attribute).
    func scanModuleState(into design: inout FileDesign) {
        // Per name (its entry in `facts`): the place of the container it names, if any.
        var containers: [Int: DesignPlace] = [:]
        var classAttributes: [String: (klass: String, line: Int)] = [:]
        for number in tokens.statements.indices where statementFunction[number] == nil {
            let statement = tokens.statements[number]
            guard tokens.isIdentifier(statement.start) else { continue }
            var equals = statement.start + 1
            if tokens.word(equals) == ":" { while equals < statement.end, tokens.word(equals) != "=" { equals += 1 } }
            guard tokens.word(equals) == "=", equals + 1 < statement.end else { continue }
            let entry = Int(facts.entries[statement.start]), name = facts.names[entry], value = tokens.word(equals + 1)
            let isContainer = value == "[" || value == "{" || (Self.containerCalls.contains(value) && tokens.word(equals + 2) == "(")
            if let owner = statementClass[number] {
                classAttributes[name] = (classes[owner].name, statement.line)
                if Self.mentionsInstance(name) {
                    design.singletons.append(DesignPlace(file: design.path, line: statement.line, name: "\(classes[owner].name).\(name)",
                                                         note: "class attribute holding the shared instance"))
                }
                if isContainer { containers[entry] = DesignPlace(file: design.path, line: statement.line, name: "\(classes[owner].name).\(name)") }
            } else if isContainer {
                containers[entry] = DesignPlace(file: design.path, line: statement.line, name: name)
            }
        }
        // Each change with the index of its name: sorted by it, they are in the order of the source.
        var mutated = containerChanges(containers)
        for number in tokens.statements.indices where statementFunction[number] != nil {
            let statement = tokens.statements[number]
            if tokens.word(statement.start) == "global" {
                readGlobal(statement, containers: containers, mutated: &mutated, into: &design)
            } else if let singleton = sharedInstance(returnedBy: number, classAttributes: classAttributes, path: design.path) {
                design.singletons.append(singleton)
            }
        }
        mutated.sort { $0.index < $1.index }
        var seen: Set<String> = []
        design.mutableState = mutated.map(\.place).filter { seen.insert($0.name).inserted }
    }

    /// Where a function changes a container: each mention of its name, outside `global` statements.
    private func containerChanges(_ containers: [Int: DesignPlace]) -> [(index: Int, place: DesignPlace)] {
        var changes: [(index: Int, place: DesignPlace)] = []
        for (entry, place) in containers {
            for position in facts.positions(of: entry) {
                let index = Int(position), number = statementNumber(containing: index)
                guard statementFunction[number] != nil, tokens.word(tokens.statements[number].start) != "global" else { continue }
                if let change = change(of: place, at: index) { changes.append((index, change)) }
            }
        }
        return changes
    }

    /// The number of the statement that holds token `index`.
    private func statementNumber(containing index: Int) -> Int {
        var low = 0, high = tokens.statements.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if tokens.statements[middle].start <= index { low = middle } else { high = middle }
        }
        return low
    }

    /// `global a, b`: each name is rebound (a singleton when it holds an instance).
    private func readGlobal(_ statement: PythonTokens.Statement, containers: [Int: DesignPlace],
                            mutated: inout [(index: Int, place: DesignPlace)], into design: inout FileDesign) {
        for index in statement.start + 1..<statement.end where tokens.isIdentifier(index) {
            let entry = Int(facts.entries[index]), name = facts.names[entry]
            let place = containers[entry] ?? DesignPlace(file: design.path, line: statement.line, name: name)
            mutated.append((index, DesignPlace(file: place.file, line: place.line, name: name, note: "rebound through global")))
            if Self.mentionsInstance(name) {
                design.singletons.append(DesignPlace(file: design.path, line: statement.line, name: name,
                                                     note: "module variable holding the shared instance"))
            }
        }
    }

    /// The container named at `index` changed there (`items.append(x)`, `cache[k] = v`), or nil.
    private func change(of place: DesignPlace, at index: Int) -> DesignPlace? {
        let qualified = tokens.word(index - 1) == "."
        if qualified, !["cls", "self", place.name.split(separator: ".").first.map(String.init) ?? ""]
            .contains(tokens.text(index - 2)) { return nil }
        if !qualified, place.name.contains(".") { return nil }
        let changes = (tokens.word(index + 1) == "." && Self.mutators.contains(tokens.word(index + 2)) && tokens.word(index + 3) == "(")
            || (tokens.word(index + 1) == "[" && ["=", "+=", "-="].contains(tokens.word(tokens.partner[index + 1] + 1)))
        return changes ? DesignPlace(file: place.file, line: place.line, name: place.name, note: "changed at line \(tokens.line(index))") : nil
    }

    /// `return cls._instance` in a class or static method, where `_instance` is a class attribute.
    private func sharedInstance(returnedBy number: Int, classAttributes: [String: (klass: String, line: Int)], path: String) -> DesignPlace? {
        let statement = tokens.statements[number]
        guard tokens.word(statement.start) == "return", statement.end - statement.start == 4,
              let function = statementFunction[number], let owner = functions[function].owner,
              functions[function].decorators.contains("classmethod") || functions[function].decorators.contains("staticmethod"),
              [classes[owner].name, "cls"].contains(tokens.text(statement.start + 1)), tokens.word(statement.start + 2) == ".",
              let attribute = classAttributes[tokens.text(statement.start + 3)], attribute.klass == classes[owner].name else { return nil }
        return DesignPlace(file: path, line: attribute.line, name: "\(classes[owner].name).\(tokens.text(statement.start + 3))",
                           note: "returned by \(functions[function].name)() to every caller")
    }

    /// Whether a name says it holds an instance (`_instance`, `INSTANCE`); ASCII is settled on its bytes.
    static func mentionsInstance(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return name.lowercased().contains("instance") }
        let pattern = Array("instance".utf8)
        return utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where (0..<pattern.count).allSatisfy({ bytes[start + $0] | 0x20 == pattern[$0] }) {
                return true
            }
            return false
        } ?? name.lowercased().contains("instance")
    }
}
