/// What type bodies declare besides methods: fields (and which are private), method prototypes
/// of interfaces and abstract classes, Go embedding, Ruby `include`, and the names a body mentions.
extension BraceScan {
    static let fieldModifiers: Set<String> = ["private", "public", "protected", "internal", "static", "readonly", "val",
                                              "var", "let", "const", "final", "pub", "mut", "override", "lateinit",
                                              "volatile", "transient", "mutable", "open", "abstract", "declare"]

    static let controlWords: Set<String> = ["if", "for", "while", "switch", "return", "new", "catch", "fun", "func", "fn",
                                            "function", "def", "sizeof", "typeof", "when", "match"]

    /// The top-level statements of a type body: token ranges outside methods and nested types.
    func memberStatements(_ index: Int) -> [Range<Int>] {
        let type = types[index]
        var statements: [Range<Int>] = [], start = type.body.lowerBound, cursor = type.body.lowerBound
        func close(_ end: Int) { if start < end { statements.append(start..<end) } }
        while cursor < type.body.upperBound {
            let function = Int(functionAt[cursor]), inner = Int(typeAt[cursor])
            if function >= 0, functions[function].record.firstToken >= type.body.lowerBound {
                close(cursor); cursor = functions[function].record.lastToken + 1; start = cursor; continue
            }
            if inner != index, inner >= 0 {
                close(cursor); cursor = types[inner].body.upperBound + 1; start = cursor; continue
            }
            let token = text(cursor)
            if token == ";" || token == "}" || (token == "," && d.language == .rust) {
                close(cursor); cursor += 1; start = cursor; continue
            }
            if cursor > start, tokens.startsLine[cursor], lineStatements || [.rust].contains(d.language) {
                close(cursor); start = cursor
            }
            if tokens.partner[cursor] > cursor { cursor = tokens.partner[cursor] + 1; continue }
            cursor += 1
        }
        close(min(cursor, type.body.upperBound))
        return statements
    }

    mutating func readTypeBodies() {
        var constructors: [Int: [Int]] = [:]
        for function in functions where function.function.name == "constructor" {
            if let owner = function.owner, let open = parameterList(function.record) { constructors[owner, default: []].append(open) }
        }
        for index in types.indices {
            for statement in memberStatements(index) { readMember(statement, of: index) }
            if text(types[index].keyword) == "class" || d.language == .kotlin, types[index].shape != .implementation {
                readConstructorFields(index, lists: constructors[index] ?? [])
            }
            if isRuby { readInstanceVariables(index) }
            types[index].references = references(in: types[index].body)
        }
        for function in functions {
            guard let owner = function.owner, !types[owner].body.contains(function.record.firstToken) else { continue }
            types[owner].references.formUnion(references(in: function.record.firstToken..<(function.record.lastToken + 1)))
        }
    }

    mutating func readMember(_ statement: Range<Int>, of index: Int) {
        var statement = statement
        while d.language == .cpp, ["public", "private", "protected"].contains(text(statement.lowerBound)),
              text(statement.lowerBound + 1) == ":" {
            statement = min(statement.lowerBound + 2, statement.upperBound)..<statement.upperBound
        }
        guard !statement.isEmpty else { return }
        let first = statement.lowerBound
        if isRuby {
            if ["include", "extend", "prepend"].contains(text(first)), tokens.isIdentifier(first + 1) {
                let name = tokens.chain(startingAt: first + 1).names.last ?? ""
                if name == "Singleton" { types[index].isSingleton = true } else { types[index].bases.append(name) }
            }
            return
        }
        let words = statement.map { tokens.texts[$0] }
        let paren = statement.first { text($0) == "(" }
        let equals = statement.first { text($0) == "=" }
        if let paren, equals.map({ paren < $0 }) ?? true {
            guard tokens.isIdentifier(paren - 1), !Self.controlWords.contains(text(paren - 1)) else { return }
            let name = text(paren - 1)
            if !types[index].methods.contains(name) { types[index].methods.append(name) }
            if words.contains("virtual"), let last = statement.last, text(last) == "0", text(last - 1) == "=" { types[index].pureVirtual = true }
            if isPrivate(name: name, words: Set(words), owner: index, at: paren - 1) {
                types[index].privateMembers.append(DesignMember(name: name, line: tokens.line(paren - 1), kind: .method))
            }
            return
        }
        if text(types[index].keyword) == "enum" || d.language == .c { return }
        if d.language == .go {
            let names = statement.filter { tokens.isIdentifier($0) }
            if names.count == 1 || (names.count == 2 && tokens.isChained(names[1])) || (text(first) == "*" && names.count == 1) {
                types[index].bases.append(text(names.last!)); return
            }
        }
        guard let nameIndex = fieldName(statement, equals: equals) else { return }
        let name = text(nameIndex)
        if isPrivate(name: name, words: Set(words), owner: index, at: nameIndex) {
            types[index].privateMembers.append(DesignMember(name: name, line: tokens.line(nameIndex), kind: .field))
        }
    }

    /// The declared name of a field statement (`private int count = 0;`, `private val x: Int`, `x: u32`).
    func fieldName(_ statement: Range<Int>, equals: Int?) -> Int? {
        var start = statement.lowerBound
        while start < statement.upperBound, Self.fieldModifiers.contains(text(start)) || text(start) == "@" {
            if text(start) == "@" { start = tokens.chain(startingAt: start + 1).end + 1; continue }
            start += 1
        }
        guard start < statement.upperBound, tokens.isIdentifier(start) else { return nil }
        if d.nameFirst { return start }
        let end = equals ?? statement.upperBound
        return (start..<end).last { tokens.isIdentifier($0) && !d.keywords.contains(text($0)) }.flatMap {
            (start..<end).filter { tokens.isIdentifier($0) }.count >= 2 ? $0 : nil
        }
    }

    /// Kotlin's `class X(private val repo: Repo)` and TypeScript's `constructor(private repo: Repo)`.
    mutating func readConstructorFields(_ index: Int, lists: [Int]) {
        var lists = lists
        if d.language == .kotlin {
            var cursor = types[index].keyword + 2
            if text(cursor) == "<", let group = tokens.typeArguments(at: cursor) { cursor = group.close + 1 }
            while tokens.isIdentifier(cursor) { cursor += 1 }   // `private constructor`
            if text(cursor) == "(" { lists.append(cursor) }
        }
        for open in lists {
            for part in tokens.arguments(open) {
                let words = Set(part.map { tokens.texts[$0] })
                guard !d.privateWords.isDisjoint(with: words), let name = part.first(where: {
                    tokens.isIdentifier($0) && !Self.fieldModifiers.contains(text($0))
                }) else { continue }
                types[index].privateMembers.append(DesignMember(name: text(name), line: tokens.line(name), kind: .field))
            }
        }
    }

    /// Ruby: instance variables of a class not exposed through `attr_reader`/`attr_accessor`/`attr_writer`.
    mutating func readInstanceVariables(_ index: Int) {
        var exposed: Set<String> = [], seen: Set<String> = []
        for cursor in types[index].body where text(cursor).hasPrefix("attr_") {
            var next = cursor + 1
            while next < types[index].body.upperBound, !tokens.startsLine[next] || next == cursor + 1 {
                exposed.insert(text(next).trimmingPrefix(":").description); next += 1
            }
        }
        for cursor in types[index].body where text(cursor).hasPrefix("@") && !text(cursor).hasPrefix("@@") {
            let name = text(cursor)
            guard !exposed.contains(String(name.dropFirst())), seen.insert(name).inserted else { continue }
            types[index].privateMembers.append(DesignMember(name: name, line: tokens.line(cursor), kind: .field))
        }
    }

    /// Names a body mentions as values: not a chain's later link and not a receiver of a call
    /// (`Config.get`), except constructions (`X.new`, `X::new`).
    func references(in range: Range<Int>) -> Set<String> {
        var found: Set<String> = []
        for index in range.clamped(to: 0..<tokens.count) where tokens.isIdentifier(index) && !tokens.isChained(index) {
            let next = text(index + 1)
            if [".", "::", "?."].contains(next), !["new", "default"].contains(text(index + 2)) { continue }
            found.insert(tokens.texts[index])
        }
        return found
    }

    /// The model's type for block `index`; `impl` blocks fold into their type (nil for the block).
    func designType(_ index: Int, implementations: [String: [TypeBlock]], declared: Set<String>) -> DesignType? {
        var block = types[index]
        if block.shape == .implementation, declared.contains(block.name) { return nil }
        for other in implementations[block.name] ?? [] {
            guard other.keyword != block.keyword || block.shape == .implementation else { continue }
            if other.keyword != block.keyword {
                block.bases += other.bases; block.methods += other.methods
                block.privateMembers += other.privateMembers; block.references.formUnion(other.references)
            }
        }
        let abstract = block.shape == .abstraction || block.shape == .structural || !d.abstractModifiers.isDisjoint(with: block.modifiers)
            || block.pureVirtual || block.stubMethods > 0
        let isValue = block.shape == .value || !d.valueModifiers.isDisjoint(with: block.modifiers)
            || block.name.hasSuffix("Error") || block.name.hasSuffix("Exception")
            || ([.go, .rust, .cpp].contains(d.language) && text(block.keyword) != "class" && block.methods.isEmpty && !abstract)
        var type = DesignType(name: block.name, line: block.line, bases: block.bases, isAbstraction: abstract,
                              isStructural: block.shape == .structural, isValue: isValue, methods: block.methods)
        type.references = block.references.subtracting([block.name]).sorted()
        type.genericParameters = block.generics
        type.privateMembers = block.privateMembers
        type.isTest = block.isTest
        return type
    }
}
