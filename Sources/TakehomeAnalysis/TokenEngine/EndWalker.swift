/// The structure pass for Ruby: `def`, `class`, `module`, `do`, `begin`, `case` and statement-form
/// `if`/`unless`/`while`/`until`/`for` open blocks that `end` closes; modifier forms (`x if y`) do not.
struct EndWalker {
    enum BlockKind { case file, function, type, control, switchBlock, plain }
    struct Block {
        var kind: BlockKind
        var function: Int32
        var depth: Int32, control: Int32
        var name = ""
        var endless = false
    }

    let tokens: TokenStream
    let bytes: UnsafeBufferPointer<UInt8>
    let rules: CompiledGrammar
    let partner: [Int32]
    var out: FileStructure
    var blocks: [Block] = []

    static let module: UInt64 = 0x43e6a23362b6dadd  // "module"
    static let unless: UInt64 = 0x41ec56a8916fd663  // "unless"
    static let until: UInt64 = 0x1fcc8b4e81fbac2f  // "until"
    static let caseWord: UInt64 = 0xb55e6190e8792fd1  // "case"
    static let begin: UInt64 = 0x9a848d5e6672b3de  // "begin"
    static let end: UInt64 = 0xc2f00318f053500a  // "end"
    static let then: UInt64 = 0x2579c7ef323d0d96  // "then"
    static let rescue: UInt64 = 0x1301ec7d1abf7acc  // "rescue"
    static let shovel: UInt64 = 0x08098c07b4c871a5  // "<<"
    static let statementStarters: [UInt64] = ["=", "(", "[", ",", "||", "&&", "then", "do", "else", "and", "or",
                                              "not", "{", "|", "?", ":", "+=", "-=", "||=", "&&=", "<<", "=>", "begin",
                                              "in"].map(wordHash)

    init(tokens: TokenStream, bytes: UnsafeBufferPointer<UInt8>, rules: CompiledGrammar) {
        self.tokens = tokens; self.bytes = bytes; self.rules = rules
        out = FileStructure(count: tokens.count)
        partner = BracketPairs.match(tokens)
    }

    func text(_ index: Int) -> String { tokens.text(index, in: bytes) }

    private func startsStatement(_ index: Int) -> Bool {
        index == 0 || tokens.startsLine[index] || tokens.hashes[index - 1] == KnownWord.semicolon
            || EndWalker.statementStarters.contains(tokens.hashes[index - 1])
    }

    mutating func walk() -> FileStructure {
        blocks = [Block(kind: .file, function: -1, depth: 0, control: 0)]
        var loopAwaitingDo = false
        for index in 0..<tokens.count {
            if tokens.startsLine[index] {
                loopAwaitingDo = false
                while let last = blocks.last, last.endless, blocks.count > 1 { pop(lastToken: index - 1) }
            }
            let word = tokens.hashes[index]
            let top = blocks[blocks.count - 1]
            record(index, depth: top.depth)
            guard tokens.kinds[index] == .identifier,
                  index == 0 || (tokens.hashes[index - 1] != KnownWord.dot && tokens.hashes[index - 1] != KnownWord.defWord)
            else { continue }   // `x.class`, `def for`: names
            switch word {
            case KnownWord.defWord: startFunction(index)
            case KnownWord.classWord, EndWalker.module:
                if index + 1 < tokens.count, tokens.hashes[index + 1] == EndWalker.shovel { push(.type, name: "") }
                else { push(.type, name: typeName(after: index)) }
            case KnownWord.ifWord, EndWalker.unless, KnownWord.whileWord, EndWalker.until:
                if startsStatement(index) {
                    push(.control, name: "")
                    loopAwaitingDo = word == KnownWord.whileWord || word == EndWalker.until
                }
            case KnownWord.forWord: push(.control, name: ""); loopAwaitingDo = true
            case EndWalker.caseWord: push(.switchBlock, name: "")
            case EndWalker.begin: push(.plain, name: "")
            case KnownWord.doWord:
                if loopAwaitingDo { loopAwaitingDo = false } else { push(.plain, name: "") }
            case EndWalker.end: if blocks.count > 1 { pop(lastToken: index) }
            case KnownWord.elseWord:
                if top.kind == .switchBlock { out.roles[index] = .notBranch }
            default: break
            }
        }
        while blocks.count > 1 { pop(lastToken: tokens.count - 1) }
        return out
    }

    private func typeName(after keyword: Int) -> String {
        var cursor = keyword + 1, name = ""
        while cursor < tokens.count, tokens.kinds[cursor] == .identifier || tokens.hashes[cursor] == KnownWord.doubleColon,
              !(cursor > keyword + 1 && tokens.startsLine[cursor]) {
            name += text(cursor); cursor += 1
        }
        return name
    }

    private mutating func startFunction(_ def: Int) {
        var cursor = def + 1
        var name = ""
        // `def self.name`, `def name=`, `def ==(other)`, `def [](key)`
        while cursor < tokens.count, !tokens.startsLine[cursor] || cursor == def + 1 {
            let word = tokens.hashes[cursor]
            if word == KnownWord.openParen || word == KnownWord.semicolon || (tokens.kinds[cursor] == .identifier && !name.isEmpty
                && !name.hasSuffix(".")) { break }
            if word == KnownWord.equals, !name.isEmpty, cursor + 1 < tokens.count, tokens.hashes[cursor + 1] != KnownWord.openParen,
               tokens.starts[cursor] != tokens.ends[cursor - 1] { break }
            name += text(cursor); cursor += 1
            if tokens.kinds[cursor - 1] == .identifier, cursor < tokens.count, tokens.hashes[cursor] != KnownWord.dot,
               tokens.hashes[cursor] != KnownWord.equals || tokens.starts[cursor] != tokens.ends[cursor - 1] { break }
        }
        if name.hasPrefix("self.") { name.removeFirst(5) }
        var params = 0
        var endless = false
        if cursor < tokens.count, tokens.hashes[cursor] == KnownWord.openParen, partner[cursor] > cursor {
            params = ParameterCounter.count(cursor, Int(partner[cursor]), tokens: tokens, partner: partner)
            let after = Int(partner[cursor]) + 1
            endless = after < tokens.count && tokens.hashes[after] == KnownWord.equals && !tokens.startsLine[after]
        } else if cursor < tokens.count, !tokens.startsLine[cursor], tokens.hashes[cursor] != KnownWord.semicolon {
            params = 1
            var scan = cursor
            while scan < tokens.count, !tokens.startsLine[scan] {
                if tokens.hashes[scan] == KnownWord.comma { params += 1 }
                scan += 1
            }
        }
        var scope: [String] = []
        for block in blocks where block.kind == .type || block.kind == .function {
            if block.kind == .function { scope = [out.functions[Int(block.function)].name] }
            else if !block.name.isEmpty { scope.append(block.name) }
        }
        let top = blocks[blocks.count - 1]
        out.functions.append(FunctionRecord(
            name: (scope + [name]).joined(separator: "."), nameToken: def + 1 < tokens.count ? def + 1 : def,
            line: Int(tokens.lines[def]), firstToken: def, lastToken: def, params: params,
            baseDepth: top.depth, baseControl: top.control))
        var block = Block(kind: .function, function: Int32(out.functions.count - 1), depth: top.depth, control: top.control)
        block.endless = endless
        blocks.append(block)
        out.owner[def] = block.function
    }

    private mutating func push(_ kind: BlockKind, name: String) {
        let top = blocks[blocks.count - 1]
        var block = Block(kind: kind, function: top.function, depth: top.depth, control: top.control, name: name)
        if kind == .control || kind == .switchBlock { block.depth += 1; block.control += 1 }
        blocks.append(block)
    }

    private mutating func pop(lastToken: Int) {
        let block = blocks.removeLast()
        if block.kind == .function {
            let function = Int(block.function)
            out.functions[function].lastToken = max(lastToken, out.functions[function].firstToken)
        }
    }

    private mutating func record(_ index: Int, depth: Int32) {
        let top = blocks[blocks.count - 1]
        out.owner[index] = top.function
        out.depth[index] = depth
        if top.function >= 0 {
            let function = Int(top.function)
            out.functions[function].maxNesting = max(out.functions[function].maxNesting,
                                                     Int(top.control - out.functions[function].baseControl))
        }
        if top.depth > 256, out.notes.isEmpty { out.notes.append("nesting deeper than 256 levels from line \(tokens.lines[index])") }
    }
}
