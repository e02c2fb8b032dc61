import SwiftSyntax
import TakehomeCore

/// The declaration half of the one walk over a Swift syntax tree: finds every function-like body
/// (functions, initialisers, deinitialisers, subscripts, accessors, closures), names it, and
/// tallies the file's lines and tokens. `SwiftMetricsVisitor` adds the decision points and nesting.
class SwiftDeclarationVisitor: SyntaxAnyVisitor {
    let path: String
    let converter: SourceLocationConverter
    var tally = SwiftLineTally()
    var frames = SwiftFrameStack()
    /// Name parts of the enclosing declarations (types, functions, properties, closures).
    var scopes: [(id: SyntaxIdentifier, name: String)] = []
    var typeDepth = 0
    var nestingOverflowLine: Int?
    var firstErrorLine: Int?

    init(path: String, converter: SourceLocationConverter) {
        self.path = path
        self.converter = converter
        super.init(viewMode: .all)
    }

    func line(of position: AbsolutePosition) -> Int { converter.location(for: position).line }
    func line(of token: TokenSyntax) -> Int { line(of: token.positionAfterSkippingLeadingTrivia) }

    /// Where a body ends: its closing token, or, when the parser had to invent it (unterminated
    /// input), the end of the last token actually written.
    func endLine(of token: TokenSyntax) -> Int {
        guard token.presence == .missing, let written = token.previousToken(viewMode: .sourceAccurate),
              written.trimmedLength.utf8Length > 0 else {
            return line(of: token)
        }
        return line(of: written.endPositionBeforeTrailingTrivia.advanced(by: -1))
    }

    var qualifiedScope: String { scopes.map(\.name).joined(separator: ".") }

    func qualified(_ name: String) -> String { scopes.isEmpty ? name : qualifiedScope + "." + name }

    // MARK: Tokens

    override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
        tally.add(token)
        if token.presence == .missing {
            // An unterminated string is reported where it starts, not where the file ends.
            let literal = token.parent?.as(StringLiteralExprSyntax.self)
            noteError(at: literal?.positionAfterSkippingLeadingTrivia ?? token.positionAfterSkippingLeadingTrivia)
        } else if let diagnostic = token.tokenDiagnostic, diagnostic.severity == .error {
            noteError(at: token.position.advanced(by: Int(diagnostic.byteOffset)))
        }
        return .skipChildren
    }

    override func visit(_ node: UnexpectedNodesSyntax) -> SyntaxVisitorContinueKind {
        guard let first = node.firstToken(viewMode: .sourceAccurate) else { return .visitChildren }
        if nestingOverflowLine == nil, node.hasMaximumNestingLevelOverflow { nestingOverflowLine = line(of: first) }
        noteError(at: first.positionAfterSkippingLeadingTrivia)
        return .visitChildren
    }

    /// Parse errors are reported once, from the first line that has one.
    private func noteError(at position: AbsolutePosition) {
        let errorLine = line(of: position)
        firstErrorLine = min(firstErrorLine ?? errorLine, errorLine)
    }

    // MARK: Types

    /// Types and extensions qualify the names inside them (`Outer.Inner.method`, `Extended.method`).
    override func visitAny(_ node: Syntax) -> SyntaxVisitorContinueKind {
        guard node.isProtocol(DeclGroupSyntax.self) else { return .visitChildren }
        let name = node.asProtocol(NamedDeclSyntax.self)?.name.text
            ?? node.as(ExtensionDeclSyntax.self)?.extendedType.trimmedDescription ?? "(type)"
        scopes.append((node.id, name))
        typeDepth += 1
        return .visitChildren
    }

    override func visitAnyPost(_ node: Syntax) {
        guard node.isProtocol(DeclGroupSyntax.self), scopes.last?.id == node.id else { return }
        scopes.removeLast()
        typeDepth -= 1
    }

    // MARK: Functions

    /// Opens a frame for a body. `name` becomes the innermost scope; nil measures the innermost
    /// scope itself (a computed property or subscript whose block is its getter).
    func open(_ node: some SyntaxProtocol, name: String?, recursionName: String?, isClosure: Bool = false,
              line: Int, endToken: TokenSyntax, params: Int) {
        let fullName = name.map(qualified) ?? qualifiedScope
        frames.push(SwiftFrameStack.Frame(
            id: node.id, name: fullName, recursionName: recursionName, isClosure: isClosure, typeDepth: typeDepth,
            line: line, endLine: max(line, endLine(of: endToken)), params: params))
        if let name { scopes.append((node.id, name)) }
    }

    func close(_ node: some SyntaxProtocol) {
        frames.pop(node.id)
        if scopes.last?.id == node.id { scopes.removeLast() }
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body {
            open(node, name: node.name.text, recursionName: node.name.text, line: line(of: node.funcKeyword),
                 endToken: body.rightBrace, params: node.signature.parameterClause.parameters.count)
        }
        return .visitChildren
    }
    override func visitPost(_ node: FunctionDeclSyntax) { close(node) }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body {
            open(node, name: "init", recursionName: nil, line: line(of: node.initKeyword),
                 endToken: body.rightBrace, params: node.signature.parameterClause.parameters.count)
        }
        return .visitChildren
    }
    override func visitPost(_ node: InitializerDeclSyntax) { close(node) }

    override func visit(_ node: DeinitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if let body = node.body {
            open(node, name: "deinit", recursionName: nil, line: line(of: node.deinitKeyword),
                 endToken: body.rightBrace, params: 0)
        }
        return .visitChildren
    }
    override func visitPost(_ node: DeinitializerDeclSyntax) { close(node) }

    /// A subscript is a scope; its body (a getter without `get`) or each accessor is measured.
    override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
        scopes.append((node.id, "subscript"))
        return .visitChildren
    }
    override func visitPost(_ node: SubscriptDeclSyntax) {
        if scopes.last?.id == node.id { scopes.removeLast() }
    }

    /// A property with accessors is a scope named after the property.
    override func visit(_ node: PatternBindingSyntax) -> SyntaxVisitorContinueKind {
        if node.accessorBlock != nil { scopes.append((node.id, node.pattern.trimmedDescription)) }
        return .visitChildren
    }
    override func visitPost(_ node: PatternBindingSyntax) {
        if scopes.last?.id == node.id { scopes.removeLast() }
    }

    /// `var x: Int { ... }` and `subscript(i: Int) -> T { ... }` without `get`: the block is the getter,
    /// named after the property or subscript itself.
    override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind {
        guard case .getter = node.accessors else { return .visitChildren }
        let subscriptDecl = node.parent?.as(SubscriptDeclSyntax.self)
        let start = subscriptDecl.map { line(of: $0.subscriptKeyword) }
            ?? node.parent?.as(PatternBindingSyntax.self).map { line(of: $0.pattern.positionAfterSkippingLeadingTrivia) }
            ?? line(of: node.leftBrace)
        open(node, name: nil, recursionName: nil, line: start, endToken: node.rightBrace,
             params: subscriptDecl?.parameterClause.parameters.count ?? 0)
        return .visitChildren
    }
    override func visitPost(_ node: AccessorBlockSyntax) { close(node) }

    override func visit(_ node: AccessorDeclSyntax) -> SyntaxVisitorContinueKind {
        guard let body = node.body else { return .visitChildren }
        let specifier = node.accessorSpecifier.text
        let subscriptParams = node.parent?.parent?.parent?.as(SubscriptDeclSyntax.self)?.parameterClause.parameters.count ?? 0
        let valueParam = ["set", "willSet"].contains(specifier) || node.parameters != nil ? 1 : 0
        open(node, name: specifier, recursionName: nil, line: line(of: node.accessorSpecifier),
             endToken: body.rightBrace, params: subscriptParams + valueParam)
        return .visitChildren
    }
    override func visitPost(_ node: AccessorDeclSyntax) { close(node) }

    override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
        let start = line(of: node.leftBrace)
        var params = 0
        switch node.signature?.parameterClause {
        case .simpleInput(let list): params = list.count
        case .parameterClause(let clause): params = clause.parameters.count
        case nil: break
        }
        open(node, name: "(closure)@\(start)", recursionName: nil, isClosure: true, line: start,
             endToken: node.rightBrace, params: params)
        return .visitChildren
    }
    override func visitPost(_ node: ClosureExprSyntax) { close(node) }

    /// `$0`, `$1` in a closure without a parameter list: the highest one used counts the parameters.
    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        if case .dollarIdentifier = node.baseName.tokenKind, let index = Int(node.baseName.text.dropFirst()) {
            frames.noteShorthandParameter(index)
        }
        return .visitChildren
    }

    // MARK: Result

    func result() -> FileAnalysis {
        let (nloc, comments, blank) = tally.counts()
        let prefix = tally.codeLinePrefixSums()
        let functions = frames.finished.map { frame in
            FunctionMetrics(file: path, name: frame.name, line: frame.line, endLine: frame.endLine,
                            nloc: tally.codeLineCount(from: frame.line, through: frame.endLine, prefix: prefix),
                            ccn: frame.ccn, cognitive: frame.cognitive, params: frame.params,
                            maxNesting: frame.maxNesting)
        }.sorted { ($0.line, -$0.endLine) < ($1.line, -$1.endLine) }
        var notes: [String] = []
        if let overflow = nestingOverflowLine {
            notes.append("nesting deeper than \(SwiftAnalyzer.maximumNestingLevel) brackets from line \(overflow): "
                         + "the code below it is counted in lines but not measured")
        }
        let errorLines = [firstErrorLine, tally.firstUnexpectedLine].compactMap { $0 }
        if let error = errorLines.min(), error != nestingOverflowLine {
            notes.append("parse errors from line \(error): figures approximate")
        }
        return FileAnalysis(functions: functions, nloc: nloc, commentLines: comments, blankLines: blank,
                            cloneTokens: tally.cloneTokens, notes: notes)
    }
}
