import SwiftSyntax

/// What one Swift function body does, as the design model needs it: its decision points, the
/// outside world it reaches, the names it mentions, and whether it only forwards its parameters.
struct SwiftFunctionBody {
    var decisions = 0
    var effects: [String] = []
    /// Every identifier written in the body (`$name` as `name`), for "parameter never read".
    var identifiers: Set<String> = []
    /// The body is empty or only stops the program (`fatalError("override")`): a stub.
    var isStub = false

    init(_ body: CodeBlockSyntax) {
        let scan = Scan(viewMode: .sourceAccurate)
        scan.walk(body)
        decisions = scan.decisions
        effects = DesignDescription.EffectKind.allCases.map(\.rawValue).filter(scan.effects.contains)
        identifiers = scan.identifiers
        isStub = body.statements.allSatisfy { item in
            guard let call = Self.call(in: item.item) else { return false }
            return ["fatalError", "preconditionFailure"].contains(call.calledExpression.trimmedDescription)
        }
    }

    /// The call a statement is, under `return`, `try` and `await`.
    static func call(in item: CodeBlockItemSyntax.Item) -> FunctionCallExprSyntax? {
        var expression: ExprSyntax?
        if let statement = item.as(ReturnStmtSyntax.self) { expression = statement.expression }
        else if let statement = item.as(ExpressionStmtSyntax.self) { expression = statement.expression }
        else { expression = item.as(ExprSyntax.self) }
        while let current = expression {
            if let inner = current.as(TryExprSyntax.self) { expression = inner.expression }
            else if let inner = current.as(AwaitExprSyntax.self) { expression = inner.expression }
            else { break }
        }
        return expression?.as(FunctionCallExprSyntax.self)
    }

    /// `return repository.save(order)` where the arguments are exactly the parameters, each
    /// unchanged: the callee as written. An argument that is anything else (`Int(x)`, `x + 1`,
    /// `self.y`) adapts, so nil.
    static func forwarding(_ body: CodeBlockSyntax, parameters: [String]) -> String? {
        guard body.statements.count == 1, !parameters.isEmpty, let item = body.statements.first,
              let call = call(in: item.item), call.trailingClosure == nil else { return nil }
        var passed: Set<String> = []
        for argument in call.arguments {
            var value = argument.expression
            if let reference = value.as(InOutExprSyntax.self) { value = reference.expression }
            guard let name = value.as(DeclReferenceExprSyntax.self)?.baseName.text, parameters.contains(name) else { return nil }
            passed.insert(name)
        }
        return passed == Set(parameters) ? call.calledExpression.trimmedDescription : nil
    }

    /// One walk over a body; nested function declarations are their own functions and left out.
    private final class Scan: SyntaxVisitor {
        var decisions = 0
        var effects: Set<String> = []
        var identifiers: Set<String> = []

        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

        override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind {
            switch token.tokenKind {
            case .identifier:
                let name = SwiftDesignVisitor.plain(token)
                identifiers.insert(name.hasPrefix("$") ? String(name.dropFirst()) : name)
            case .keyword(.if), .keyword(.guard), .keyword(.for), .keyword(.while), .keyword(.repeat), .keyword(.catch),
                 .infixQuestionMark:
                decisions += 1
            case .keyword(.case) where token.parent?.is(SwitchCaseLabelSyntax.self) == true: decisions += 1
            case .binaryOperator("&&"), .binaryOperator("||"): decisions += 1
            default: break
            }
            return .skipChildren
        }

        override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
            if let kind = SwiftEffects.kind(of: node) { effects.insert(kind) }
            return .visitChildren
        }

        override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
            if let kind = SwiftEffects.kind(of: node) { effects.insert(kind) }
            return .visitChildren
        }

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if let kind = SwiftEffects.kind(of: node) { effects.insert(kind) }
            return .visitChildren
        }
    }
}
