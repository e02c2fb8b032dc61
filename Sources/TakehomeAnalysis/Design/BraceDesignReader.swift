import TakehomeCore

/// Reads one file of a brace language (JavaScript, TypeScript, Java, Kotlin, C#, Go, Rust, C, C++)
/// or of Ruby into a `FileDesign`, from the shared lexer's tokens and the engine's functions,
/// steered by the language's `DesignDescription`. Never fails on odd input.
public struct BraceDesignReader: TokenDesignReader {
    let description: DesignDescription

    /// Nil for a language without a design description here (Python and Swift have their own readers).
    public init?(language: SourceLanguage) {
        guard let description = DesignDescriptions.description(of: language) else { return nil }
        self.description = description
    }

    public func read(_ text: String, path: String, kind: CodeKind) -> FileDesign {
        read(CodeTokens(text, lexer: description.lexer, grammar: description.grammar), path: path, kind: kind)
    }

    /// Reads a file from the tokens and functions of the metrics pass.
    func read(_ tokens: CodeTokens, path: String, kind: CodeKind) -> FileDesign {
        var scan = BraceScan(tokens: tokens, description: description, design: FileDesign(path: path, kind: kind,
                                                                                          language: description.language))
        scan.findTypes()
        scan.findTypedObjectLiterals()
        scan.findFunctions()
        scan.readTypeBodies()
        scan.scanUses()
        scan.scanModuleState()
        return scan.finish()
    }
}

/// One type declaration while a file is read: where its head and body are and what they say.
struct TypeBlock {
    var name: String
    var line: Int
    var keyword: Int
    /// Body tokens (inside the braces, or up to Ruby's `end`); empty for a type without a body.
    var body: Range<Int>
    var shape: DesignDescription.TypeShape
    var modifiers: Set<String>
    var bases: [String] = []
    var generics: [String] = []
    /// Rust `impl Trait for Type`: the type the block adds to, and whether it implements a trait.
    var target: String? = nil
    var implementsTrait = false
    var methods: [String] = []
    var privateMembers: [DesignMember] = []
    var isTest = false
    var stubMethods = 0
    var pureVirtual = false
    var references: Set<String> = []
    var isSingleton = false
    /// Access labels in its body, in order (C++ `private:`, Ruby's bare `private` lines).
    var labels: [(index: Int, word: String)] = []
}

/// The state of reading one brace-language file.
struct BraceScan {
    let tokens: CodeTokens
    let d: DesignDescription
    let effects: DesignEffects
    var design: FileDesign
    var types: [TypeBlock] = []
    /// Design functions: the engine's named functions, with their owner type (index into `types`).
    var functions: [(record: FunctionRecord, owner: Int?, function: DesignFunction)] = []
    /// Innermost type and design function at each token (-1: none).
    var typeAt: [Int32], functionAt: [Int32]
    /// `<`/`[` tokens opening declared generic parameter lists (not uses).
    var declarationGroups: Set<Int> = []
    /// Name tokens of functions and types: declarations, never calls.
    var functionNameTokens: Set<Int> = []
    /// Rust `#[cfg(test)] mod tests { ... }` bodies: test code inside a source file.
    var testRanges: [Range<Int>] = []
    /// Kotlin `companion object { ... }` bodies: static members of the enclosing class.
    var staticRanges: [Range<Int>] = []

    init(tokens: CodeTokens, description: DesignDescription, design: FileDesign) {
        self.tokens = tokens; d = description; self.design = design
        effects = DesignEffects(description)
        typeAt = [Int32](repeating: -1, count: tokens.count)
        functionAt = [Int32](repeating: -1, count: tokens.count)
    }

    var isRuby: Bool { d.language == .ruby }
    var lineStatements: Bool { d.grammar.grammar.newlineEndsStatements || [.javascript, .typescript, .ruby].contains(d.language) }

    func text(_ index: Int) -> String { tokens.text(index) }

    /// The words before `index` back to the start of its statement (modifiers, annotations, return type).
    func headWords(before index: Int) -> [String] {
        var words: [String] = [], cursor = index - 1
        while cursor >= 0, index - cursor < 48 {
            let token = text(cursor)
            if [";", "{", "}"].contains(token) || (token == ")" && tokens.partner[cursor] >= 0
                && text(tokens.partner[cursor] - 1) != "@" && !tokens.isIdentifier(tokens.partner[cursor] - 1)) { break }
            if token == ":" && [.cpp].contains(d.language) { break }
            words.append(token)
            if lineStatements, tokens.startsLine[cursor] { break }
            cursor -= 1
        }
        return words
    }

    /// The index of the first token of the statement holding `index`.
    func statementStart(_ index: Int) -> Int {
        var cursor = index
        while cursor > 0, index - cursor < 256 {
            if lineStatements, tokens.startsLine[cursor] { return cursor }
            let previous = text(cursor - 1)
            if [";", "{", "}"].contains(previous) { return cursor }
            if tokens.partner[cursor - 1] >= 0, tokens.partner[cursor - 1] < cursor - 1, previous != "}" {
                cursor = tokens.partner[cursor - 1]; continue
            }
            cursor -= 1
        }
        return cursor
    }

    func isInTest(_ index: Int) -> Bool { testRanges.contains { $0.contains(index) } }

    mutating func paint(_ range: Range<Int>, _ value: Int, into array: WritableKeyPath<BraceScan, [Int32]>) {
        let clamped = range.clamped(to: 0..<tokens.count)
        for index in clamped { self[keyPath: array][index] = Int32(value) }
    }

    mutating func finish() -> FileDesign {
        let implementations = Dictionary(grouping: types.filter { $0.shape == .implementation }) { $0.target ?? "" }
        let declared = Set(types.filter { $0.shape != .implementation }.map(\.name))
        design.types = types.indices.compactMap { designType($0, implementations: implementations, declared: declared) }
        design.functions = functions.map(\.function)
        return design
    }
}
