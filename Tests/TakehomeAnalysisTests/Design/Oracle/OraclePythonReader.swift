import TakehomeCore
@testable import TakehomeAnalysis

// A frozen copy of the Python design reader as it was before it read its blocks in one pass
// (main at 3ff5a38): the oracle PythonReaderOracleTests compares the reader with.

/// Reads one Python file into a `FileDesign` from the shared lexer's tokens: classes with their
/// bases, functions with their parameters and bodies (by indentation), calls, constructions,
/// imports and module state. Linear in the tokens; never fails on odd input.
struct OraclePythonReader: Sendable {
    init() {}

    /// Classes and functions nested deeper than this are read as plain statements of their
    /// enclosing block, so that hostile nesting keeps the work linear.
    static let nestingLimit = 64

    /// One open block while the statements are walked.
    struct Scope { var indent: Int; var classIndex: Int?; var functionIndex: Int? }

    /// A `class` or `def` statement and the statements of its body.
    struct Block { var name: String; var header: Int; var end: Int; var decorators: [String]; var owner: Int? }

    func read(_ text: String, path: String, kind: CodeKind) -> FileDesign {
        var tokens = CodeTokens(text, lexer: CodeTokens.pythonLexer)
        tokens.oracleSplitStatements()
        return read(statements: tokens, path: path, kind: kind)
    }

    /// Reads a file from the metrics pass's tokens.
    func read(_ tokens: CodeTokens, path: String, kind: CodeKind) -> FileDesign {
        var tokens = tokens
        tokens.oracleSplitStatements()
        return read(statements: tokens, path: path, kind: kind)
    }

    /// Reads a file from its tokens split into statements.
    private func read(statements tokens: PythonTokens, path: String, kind: CodeKind) -> FileDesign {
        var design = FileDesign(path: path, kind: kind)
        var classes: [Block] = [], functions: [Block] = []
        var statementClass: [Int?] = [], statementFunction: [Int?] = []
        var stack: [Scope] = [Scope(indent: -1)]
        var decorators: [String] = []
        for (number, statement) in tokens.statements.enumerated() {
            while stack.count > 1, stack[stack.count - 1].indent >= statement.indent {
                let closed = stack.removeLast()
                if let index = closed.classIndex { classes[index].end = number }
                if let index = closed.functionIndex { functions[index].end = number }
            }
            let enclosingClass = stack.last { $0.classIndex != nil }?.classIndex
            let enclosingFunction = stack.last { $0.functionIndex != nil }?.functionIndex
            statementClass.append(enclosingClass); statementFunction.append(enclosingFunction)
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
                let owner = stack.last?.functionIndex == nil ? stack.last?.classIndex : nil
                classes.append(Block(name: tokens.text(first + 1), header: number, end: tokens.statements.count,
                                     decorators: decorators, owner: owner))
                stack.append(Scope(indent: statement.indent, classIndex: classes.count - 1))
            case "def" where tokens.isIdentifier(first + 1):
                let owner = stack.last?.functionIndex == nil ? stack.last?.classIndex : nil
                functions.append(Block(name: tokens.text(first + 1), header: number, end: tokens.statements.count,
                                       decorators: decorators, owner: owner))
                stack.append(Scope(indent: statement.indent, functionIndex: functions.count - 1))
            default: break
            }
            decorators = []
        }
        let body = OraclePythonBodies(tokens: tokens, statementClass: statementClass, statementFunction: statementFunction,
                                classes: classes, functions: functions)
        design.types = classes.indices.map { body.type($0) }
        design.functions = functions.indices.map { body.function($0) }
        body.scanCalls(into: &design)
        body.scanModuleState(into: &design)
        return design
    }

    /// The last identifier of a decorator (`abc.abstractmethod` gives the index of `abstractmethod`).
    private func lastName(_ tokens: PythonTokens, from start: Int, before end: Int) -> Int {
        var index = start
        while index + 2 < end, tokens.word(index + 1) == ".", tokens.isIdentifier(index + 2) { index += 2 }
        return min(index, max(start, end - 1))
    }
}

extension CodeTokens {
    /// Python's logical lines, as the reader split them at 3ff5a38.
    mutating func oracleSplitStatements() {
        var depth = 0
        statements.removeAll()
        for index in 0..<count {
            if depth == 0, startsLine[index] || index == 0 {
                if let last = statements.indices.last { statements[last].end = index }
                statements.append(Statement(start: index, end: count, indent: column(index), line: line(index)))
            }
            guard kinds[index] == .punctuation else { continue }
            if partner[index] > index { depth += 1 } else if partner[index] >= 0, partner[index] < index { depth = max(0, depth - 1) }
        }
    }
}
