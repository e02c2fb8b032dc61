import TakehomeCore

/// Module-level and static mutable state that functions change, and shared single instances, in
/// a brace or `end` language.
extension BraceScan {
    static let declarationWords: Set<String> = ["let", "var", "const", "val", "static", "export", "pub", "mut", "private",
                                                "public", "internal", "protected", "lateinit", "extern", "volatile"]
    static let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "++", "--", "||=", "&&=", "??=", "<<=",
                                           ">>=", "|=", "&=", "^="]
    static let mutators: Set<String> = ["push", "pop", "shift", "unshift", "splice", "set", "delete", "clear", "add", "put",
                                        "remove", "insert", "push_back", "emplace_back", "erase", "Add", "Remove", "Clear",
                                        "TryAdd", "putAll", "addAll", "append", "store", "lock", "borrow_mut", "get_or_insert",
                                        "entry", "compute", "merge", "Store", "Swap", "fetch_add", "removeAll", "sort"]
    static let sharedWrappers: Set<String> = ["Mutex", "RwLock", "RefCell", "Cell", "AtomicUsize", "AtomicI32", "AtomicU64",
                                              "AtomicBool", "AtomicI64", "OnceCell", "OnceLock", "Lazy", "Once"]

    struct StateDeclaration { var place: DesignPlace; var reassignable: Bool; var container: Bool; var owner: String? }

    mutating func scanModuleState() {
        var declared: [String: StateDeclaration] = [:]
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard functionAt[index] < 0, isStatementStart(index) else { continue }
            if let declaration = stateDeclaration(at: index) {
                declared[text(declaration.nameIndex)] = declaration.state
                if text(declaration.nameIndex).lowercased().contains("instance") || declaration.words.contains("Once") {
                    design.singletons.append(DesignPlace(file: design.path, line: declaration.state.place.line,
                                                         name: declaration.state.place.name, note: "holds the shared instance"))
                }
            }
        }
        var mutated: [DesignPlace] = [], seen: Set<String> = []
        for index in 0..<tokens.count where functionAt[index] >= 0 && tokens.isIdentifier(index) {
            let name = tokens.texts[index]
            let global = isRuby && name.hasPrefix("$")
            guard let state = declared[name] ?? (global ? StateDeclaration(
                place: DesignPlace(file: design.path, line: tokens.line(index), name: name), reassignable: true, container: false,
                owner: nil) : nil) else { continue }
            if tokens.isChained(index), !["this", "self", "Self", state.owner ?? "this"].contains(text(index - 2)) { continue }
            let previous = text(index - 1)
            if Self.declarationWords.contains(previous) || ["auto", "var", "int"].contains(previous)
                || (!d.nameFirst && tokens.isIdentifier(index - 1) && !d.keywords.contains(previous) && !tokens.isChained(index))
                || text(index + 1) == ":=" { continue }
            let next = text(index + 1)
            let reassigned = state.reassignable && (Self.assignments.contains(next) || previous == "++" || previous == "--")
            let changed = ([".", "?.", "->"].contains(next) && Self.mutators.contains(text(index + 2)))
                || (next == "[" && tokens.partner[index + 1] > index && Self.assignments.contains(text(tokens.partner[index + 1] + 1)))
                || (isRuby && next == "<<")
            guard reassigned || (changed && (state.container || state.reassignable)) else { continue }
            let function = functions[Int(functionAt[index])].function.name
            if seen.insert(state.place.name).inserted {
                var place = state.place
                place.note = "changed in \(function) (line \(tokens.line(index)))"
                mutated.append(place)
            }
        }
        design.mutableState = mutated
        for type in types where type.isSingleton || (d.language == .kotlin && type.shape == .singleton
            && declared.values.contains { $0.owner == type.name && $0.reassignable }) {
            design.singletons.append(DesignPlace(file: design.path, line: type.line, name: type.name,
                                                 note: isRuby ? "includes Singleton" : "object with mutable state"))
        }
        for function in functions where function.owner != nil
            && ["getInstance", "instance", "Instance", "GetInstance", "shared", "get_instance", "getShared"].contains(function.function.name) {
            let owner = types[function.owner!].name
            guard design.singletons.isEmpty else { continue }
            design.singletons.append(DesignPlace(file: design.path, line: function.function.line, name: owner,
                                                 note: "\(function.function.name)() returns the shared instance"))
        }
    }

    func isStatementStart(_ index: Int) -> Bool {
        index == 0 || [";", "{", "}"].contains(text(index - 1)) || (lineStatements || d.language == .rust) && tokens.startsLine[index]
    }

    /// A module-level (or static) variable declared by the statement at `start`.
    func stateDeclaration(at start: Int) -> (nameIndex: Int, state: StateDeclaration, words: [String])? {
        let owner = typeAt[start] >= 0 ? types[Int(typeAt[start])] : nil
        if let owner, owner.shape != .namespace {
            let inObject = owner.shape == .singleton || staticRanges.contains { $0.contains(start) }
            let isStatic = d.staticWord.map { word in (start..<min(start + 8, tokens.count)).contains { text($0) == word } } ?? false
            guard isStatic || inObject || (isRuby && text(start).hasPrefix("@@")) else { return nil }
        }
        var end = start, assigned = false
        while end < tokens.count, end - start < 128 {
            let token = text(end)
            if token == ";" || token == "}" || (token == "{" && !assigned) { break }
            if end > start, lineStatements, tokens.startsLine[end] { break }
            if token == "=" { assigned = true }
            if tokens.partner[end] > end { end = tokens.partner[end] + 1; continue }
            end += 1
        }
        guard text(end) != "{" else { return nil }
        let range = start..<end
        let words = range.map { tokens.texts[$0] }
        guard let first = words.first, !["import", "package", "using", "use", "return", "typedef", "type", "#", "export default",
                                          "namespace", "template", "friend", "extern"].contains(first) else { return nil }
        let equals = range.first { text($0) == "=" }
        let paren = range.first { text($0) == "(" }
        if let paren, equals.map({ paren < $0 }) ?? true { return nil }
        var nameIndex: Int?
        if isRuby {
            guard let equals, equals == start + 1, text(start).hasPrefix("$") || text(start).hasPrefix("@@")
                || text(start).first?.isUppercase == true else { return nil }
            nameIndex = start
        } else if d.nameFirst {
            var cursor = start
            while cursor < end, Self.declarationWords.contains(text(cursor)) { cursor += 1 }
            guard cursor > start || d.language == .go && first == "var", tokens.isIdentifier(cursor) else { return nil }
            guard d.language != .go || first == "var" else { return nil }
            guard d.language != .rust || words.contains("static") else { return nil }
            nameIndex = cursor
        } else {
            guard equals != nil || text(end) == ";" else { return nil }
            let last = (start..<(equals ?? end)).last { tokens.isIdentifier($0) && !d.keywords.contains(text($0)) }
            guard let last, (start..<last).contains(where: { tokens.isIdentifier($0) }) else { return nil }
            nameIndex = last
        }
        guard let nameIndex else { return nil }
        let immutable = !d.immutableWords.isDisjoint(with: words) || (d.language == .rust && !words.contains("mut"))
        let valueStart = equals.map { $0 + 1 } ?? end
        let container = ["[", "{"].contains(text(valueStart)) || words.contains { d.containerWords.contains($0) }
            || (d.language == .rust && words.contains { Self.sharedWrappers.contains($0) })
        let place = DesignPlace(file: design.path, line: tokens.line(nameIndex),
                                name: owner.map { "\($0.name).\(text(nameIndex))" } ?? text(nameIndex))
        return (nameIndex, StateDeclaration(place: place, reassignable: !immutable, container: container, owner: owner?.name), words)
    }
}
