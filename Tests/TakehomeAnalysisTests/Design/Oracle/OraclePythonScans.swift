import TakehomeCore
@testable import TakehomeAnalysis


/// File-wide readings of a Python file: calls and constructions, imports, identifier counts,
/// mutable state shared through the module or a class, and types that keep their one instance.
extension OraclePythonBodies {
    static let mutators = WordSet(["append", "extend", "insert", "update", "add", "pop", "popitem", "clear",
                                   "remove", "discard", "setdefault", "appendleft"])
    static let containerCalls = WordSet(["list", "dict", "set", "defaultdict", "deque", "OrderedDict", "Counter"])

    func scanCalls(into design: inout FileDesign) {
        let typeNames = WordTally(design.types.map { Word($0.name) })
        var identifiers = WordTally()
        for statementIndex in tokens.statements.indices {
            let statement = tokens.statements[statementIndex]
            let returned = tokens.word(statement.start) == "return"
            for index in statement.start..<statement.end where tokens.kinds[index] == .identifier {
                identifiers.add(tokens.word(index), at: index)
                let next = tokens.word(index + 1)
                guard next == "[" || next == "(" else { continue }
                let previous = tokens.word(index - 1)
                if next == "[", previous != ".", previous != "class", previous != "def", tokens.partner[index + 1] > index + 2 {
                    let ranges = tokens.arguments(index + 1)
                    // Most subscripts index by a number, a string or an expression: settled on the
                    // first byte, before any text is made.
                    if ranges.allSatisfy({ tokens.mayStartName($0) }) {
                        let parts = ranges.map { tokens.texts[$0].joined() }
                        if parts.allSatisfy({ part in part.first.map { $0.isLetter || $0 == "_" } ?? false }) {
                            design.genericUses.append(GenericUse(name: tokens.texts[index], arguments: parts, line: tokens.line(index)))
                        }
                    }
                }
                guard next == "(", previous != "def", previous != "class", tokens.partner[index + 1] > index else { continue }
                let name = tokens.texts[index]
                var positional = 0, keywords: [String] = [], spreads = false
                for part in tokens.arguments(index + 1) {
                    let first = tokens.word(part.lowerBound)
                    if first == "*" || first == "**" { spreads = true
                    } else if part.count > 1, tokens.word(part.lowerBound + 1) == "=" { keywords.append(tokens.text(part.lowerBound))
                    } else { positional += 1 }
                }
                design.calls.append(CallSite(name: name, positional: positional, keywords: keywords, spreads: spreads))
                let isTypeName = typeNames.contains(tokens.word(index))
                if isTypeName || tokens.startsUppercase(index), previous != "." || isTypeName {
                    design.instantiations.append(Instantiation(
                        typeName: name, line: tokens.line(index), function: statementFunction[statementIndex].map { functions[$0].name },
                        enclosingType: statementClass[statementIndex].map { classes[$0].name },
                        isReturned: returned && statementFunction[statementIndex] != nil))
                }
            }
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
        for (first, count) in zip(identifiers.firsts, identifiers.counts) {
            design.identifierCounts.add(tokens.texts[first], count: count)
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
        var containers: [String: DesignPlace] = [:]
        var classAttributes: [String: (klass: String, line: Int)] = [:]
        for number in tokens.statements.indices where statementFunction[number] == nil {
            let statement = tokens.statements[number]
            guard tokens.isIdentifier(statement.start) else { continue }
            var equals = statement.start + 1
            if tokens.word(equals) == ":" { while equals < statement.end, tokens.word(equals) != "=" { equals += 1 } }
            guard tokens.word(equals) == "=", equals + 1 < statement.end else { continue }
            let name = tokens.texts[statement.start], value = tokens.word(equals + 1)
            let isContainer = value == "[" || value == "{" || (Self.containerCalls.contains(value) && tokens.word(equals + 2) == "(")
            if let owner = statementClass[number] {
                classAttributes[name] = (classes[owner].name, statement.line)
                if name.lowercased().contains("instance") {
                    design.singletons.append(DesignPlace(file: design.path, line: statement.line, name: "\(classes[owner].name).\(name)",
                                                         note: "class attribute holding the shared instance"))
                }
                if isContainer { containers[name] = DesignPlace(file: design.path, line: statement.line, name: "\(classes[owner].name).\(name)") }
            } else if isContainer {
                containers[name] = DesignPlace(file: design.path, line: statement.line, name: name)
            }
        }
        let containerNames = WordTally(containers.keys.map(Word.init))
        var mutated: [DesignPlace] = []
        for number in tokens.statements.indices where statementFunction[number] != nil {
            let statement = tokens.statements[number]
            if tokens.word(statement.start) == "global" {
                for index in statement.start + 1..<statement.end where tokens.isIdentifier(index) {
                    let name = tokens.texts[index]
                    let place = containers[name] ?? DesignPlace(file: design.path, line: statement.line, name: name)
                    mutated.append(DesignPlace(file: place.file, line: place.line, name: name, note: "rebound through global"))
                    if name.lowercased().contains("instance") {
                        design.singletons.append(DesignPlace(file: design.path, line: statement.line, name: name,
                                                             note: "module variable holding the shared instance"))
                    }
                }
                continue
            }
            for index in statement.start..<statement.end where tokens.kinds[index] == .identifier
                && containerNames.contains(tokens.word(index)) {
                let name = tokens.texts[index]
                guard let place = containers[name] else { continue }
                let qualified = tokens.word(index - 1) == "."
                if qualified, !["cls", "self", place.name.split(separator: ".").first.map(String.init) ?? ""]
                    .contains(tokens.text(index - 2)) { continue }
                if !qualified, place.name.contains(".") { continue }
                let changes = (tokens.word(index + 1) == "." && Self.mutators.contains(tokens.word(index + 2)) && tokens.word(index + 3) == "(")
                    || (tokens.word(index + 1) == "[" && ["=", "+=", "-="].contains(tokens.word(tokens.partner[index + 1] + 1)))
                if changes { mutated.append(DesignPlace(file: place.file, line: place.line, name: place.name, note: "changed at line \(tokens.line(index))")) }
            }
            if let function = statementFunction[number], functions[function].decorators.contains("classmethod")
                || functions[function].decorators.contains("staticmethod"), let owner = functions[function].owner,
               tokens.word(statement.start) == "return", statement.end - statement.start == 4,
               [classes[owner].name, "cls"].contains(tokens.text(statement.start + 1)), tokens.word(statement.start + 2) == ".",
               let attribute = classAttributes[tokens.text(statement.start + 3)], attribute.klass == classes[owner].name {
                design.singletons.append(DesignPlace(file: design.path, line: attribute.line,
                                                     name: "\(classes[owner].name).\(tokens.text(statement.start + 3))",
                                                     note: "returned by \(functions[function].name)() to every caller"))
            }
        }
        var seen: Set<String> = []
        design.mutableState = mutated.filter { seen.insert($0.name).inserted }
    }
}

/// Outside-world access in Python code, by the dotted names it calls: the clock, randomness, the
/// environment, files and the network. What a unit test cannot pin without patching.
enum OraclePythonEffects {
    /// Pairs of neighbouring names in a chain (`datetime.now` matches `datetime.datetime.now()`).
    static let clock: [(Word, Word)] = pairs(["datetime.now", "datetime.utcnow", "datetime.today", "date.today", "time.time",
                                              "time.monotonic", "time.perf_counter", "time.time_ns", "time.sleep"])
    static let environment: [(Word, Word)] = pairs(["os.environ", "os.getenv", "sys.argv", "os.getcwd"])
    static let fileCalls = WordSet(["open", "input", "read_text", "write_text", "read_bytes", "write_bytes"])
    static let randomModules = WordSet(["random", "secrets", "uuid"])
    static let networkModules = WordSet(["requests", "urllib", "httpx", "socket", "aiohttp", "http"])
    /// The first names of every pair above: a chain starting elsewhere holds none of them unless
    /// it is longer, so most chains are settled by one lookup.
    static let pairHeads = WordSet(["datetime", "date", "time", "os", "sys"])

    private static func pairs(_ names: [String]) -> [(Word, Word)] {
        names.map { name in
            let parts = name.split(separator: ".").map(String.init)
            return (Word(parts[0]), Word(parts[1]))
        }
    }

    /// The kinds of effects in a token range, in a fixed order, each once.
    static func kinds(in range: Range<Int>, tokens: PythonTokens) -> [String] {
        var found: Set<DesignDescription.EffectKind> = []
        // The tables in locals: a static read in the loop would check its one-time initialisation each time.
        let randomModules = randomModules, networkModules = networkModules, pairHeads = pairHeads, fileCalls = fileCalls
        for index in range where tokens.kinds[index] == .identifier && tokens.word(index - 1) != "." {
            let head = tokens.word(index)
            if randomModules.contains(head) { found.insert(.randomness) }
            if networkModules.contains(head) { found.insert(.network) }
            var end = index
            while tokens.word(end + 1) == ".", tokens.isIdentifier(end + 2) {
                if pairHeads.contains(tokens.word(end)) {
                    let pair = (tokens.word(end), tokens.word(end + 2))
                    if clock.contains(where: { $0 == pair }) { found.insert(.clock) }
                    if environment.contains(where: { $0 == pair }) { found.insert(.environment) }
                }
                end += 2
            }
            if tokens.word(end + 1) == "(", fileCalls.contains(tokens.word(end)),
               end > index || tokens.word(index) == "open" || tokens.word(index) == "input" {
                found.insert(.file)
            }
        }
        return DesignDescription.EffectKind.allCases.filter(found.contains).map(\.rawValue)
    }
}
