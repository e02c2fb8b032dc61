import TakehomeCore

/// Reads one Python file into a `FileDesign` from the shared lexer's tokens: classes with their
/// bases, functions with their parameters and bodies (by indentation), calls, constructions,
/// imports and module state. Linear in the tokens; never fails on odd input.
public struct PythonDesignReader: Sendable {
    public init() {}

    /// Classes and functions nested deeper than this are read as plain statements of their
    /// enclosing block, so that hostile nesting keeps the work linear.
    static let nestingLimit = 64

    /// One open block while the statements are walked, with the class and function it is in
    /// (itself included).
    struct Scope { var indent: Int; var classIndex: Int?; var functionIndex: Int?; var enclosingClass: Int?; var enclosingFunction: Int? }

    /// A `class` or `def` statement and the statements of its body.
    struct Block { var name: String; var header: Int; var end: Int; var decorators: [String]; var owner: Int? }

    public func read(_ text: String, path: String, kind: CodeKind) -> FileDesign {
        read(CodeTokens(text, lexer: CodeTokens.pythonLexer, pairingBrackets: false), path: path, kind: kind)
    }

    /// Reads a file from the metrics pass's tokens (their brackets need not be paired: the reader
    /// pairs them in its own pass).
    func read(_ tokens: CodeTokens, path: String, kind: CodeKind) -> FileDesign {
        var design = FileDesign(path: path, kind: kind)
        var tokens = tokens
        let facts = PythonTokenFacts(&tokens)
        let blocks = blocks(tokens)
        let body = PythonBodies(tokens: tokens, facts: facts, blocks: blocks)
        body.scanCalls(into: &design)
        var seen = [Int32](repeating: -1, count: facts.names.count)
        design.types.reserveCapacity(body.classes.count)
        for index in body.classes.indices { design.types.append(body.type(index, seen: &seen)) }
        design.functions.reserveCapacity(body.functions.count)
        for index in body.functions.indices { design.functions.append(body.function(index)) }
        body.scanModuleState(into: &design)
        return design
    }

    /// The file's classes and functions, and the class and function each statement is in.
    private func blocks(_ tokens: PythonTokens) -> PythonBlocks {
        var classes: [Block] = [], functions: [Block] = [], imports: [Int] = []
        var statementClass = [Int?](repeating: nil, count: tokens.statements.count), statementFunction = statementClass
        var stack: [Scope] = [Scope(indent: -1)]
        var decorators: [String] = []
        // The per-statement columns are written through buffers (an array written in the loop would
        // be checked for a unique reference each time).
        statementClass.withUnsafeMutableBufferPointer { statementClass in statementFunction.withUnsafeMutableBufferPointer { statementFunction in
        for (number, statement) in tokens.statements.enumerated() {
            while stack.count > 1, stack[stack.count - 1].indent >= statement.indent {
                let closed = stack.removeLast()
                if let index = closed.classIndex { classes[index].end = number }
                if let index = closed.functionIndex { functions[index].end = number }
            }
            let innermost = stack[stack.count - 1]
            statementClass[number] = innermost.enclosingClass; statementFunction[number] = innermost.enclosingFunction
            if tokens.word(statement.start) == "import" || tokens.word(statement.start) == "from" { imports.append(number) }
            var first = statement.start
            if tokens.word(first) == "async" { first += 1 }
            if stack.count > Self.nestingLimit { decorators = []; continue }
            switch tokens.word(first) {
            case "@":
                if first + 1 < statement.end, tokens.isIdentifier(first + 1) {
                    decorators.append(tokens.text(lastName(tokens, from: first + 1, before: statement.end)))
                }
                continue
            case "class" where tokens.isIdentifier(first + 1):
                let owner = innermost.functionIndex == nil ? innermost.classIndex : nil
                classes.append(Block(name: tokens.text(first + 1), header: number, end: tokens.statements.count,
                                     decorators: decorators, owner: owner))
                stack.append(Scope(indent: statement.indent, classIndex: classes.count - 1, enclosingClass: classes.count - 1,
                                   enclosingFunction: innermost.enclosingFunction))
            case "def" where tokens.isIdentifier(first + 1):
                let owner = innermost.functionIndex == nil ? innermost.classIndex : nil
                functions.append(Block(name: tokens.text(first + 1), header: number, end: tokens.statements.count,
                                       decorators: decorators, owner: owner))
                stack.append(Scope(indent: statement.indent, functionIndex: functions.count - 1,
                                   enclosingClass: innermost.enclosingClass, enclosingFunction: functions.count - 1))
            default: break
            }
            if !decorators.isEmpty { decorators = [] }
        }
        } }
        return PythonBlocks(classes: classes, functions: functions, statementClass: statementClass,
                            statementFunction: statementFunction, imports: imports)
    }

    /// The last identifier of a decorator (`abc.abstractmethod` gives the index of `abstractmethod`).
    private func lastName(_ tokens: PythonTokens, from start: Int, before end: Int) -> Int {
        var index = start
        while index + 2 < end, tokens.word(index + 1) == ".", tokens.isIdentifier(index + 2) { index += 2 }
        return min(index, max(start, end - 1))
    }
}

/// A Python file's classes and functions, the class and function each statement is in, and the
/// statements that import.
struct PythonBlocks {
    var classes: [PythonDesignReader.Block], functions: [PythonDesignReader.Block]
    var statementClass: [Int?], statementFunction: [Int?]
    /// The numbers of the `import` and `from` statements.
    var imports: [Int]
}
