import SwiftSyntax

/// The one walk over a Swift syntax tree: declarations (from `SwiftDeclarationVisitor`) plus
/// decision points (CCN, as lizard counts Swift) and cognitive complexity (SonarSource's white
/// paper) of the bodies being measured. docs/metrics.md, "## Swift", lists every choice.
final class SwiftMetricsVisitor: SwiftDeclarationVisitor {
    /// Parenthesised logical sequences already counted as part of an enclosing sequence.
    private var absorbedSequences: Set<SyntaxIdentifier> = []

    private func addDecision(_ count: Int = 1) { frames.addDecision(count) }
    private func addStructural() { frames.addStructural() }
    private func addFundamental(_ count: Int = 1) { frames.addFundamental(count) }
    private func enterNesting() { frames.enterNesting() }
    private func exitNesting() { frames.exitNesting() }

    // MARK: Structures

    override func visit(_ node: IfExprSyntax) -> SyntaxVisitorContinueKind {
        addDecision()
        if node.parent?.is(IfExprSyntax.self) == true { addFundamental() } else { addStructural() }
        if case .codeBlock = node.elseBody { addFundamental() }
        return .visitChildren
    }

    override func visit(_ node: GuardStmtSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
        addDecision(node.caseKeyword == nil ? 1 : 2); addStructural(); return .visitChildren
    }

    override func visit(_ node: WhileStmtSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    override func visit(_ node: RepeatStmtSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    override func visit(_ node: CatchClauseSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    override func visit(_ node: SwitchExprSyntax) -> SyntaxVisitorContinueKind {
        addStructural(); return .visitChildren
    }

    /// Each `case` label is one decision, however many patterns it lists; `default` is none.
    override func visit(_ node: SwitchCaseSyntax) -> SyntaxVisitorContinueKind {
        if case .case = node.label { addDecision() }
        enterNesting()
        return .visitChildren
    }
    override func visitPost(_ node: SwitchCaseSyntax) { exitNesting() }

    /// `if case`, `guard case`, `while case`: the `case` is a decision of its own, as in lizard.
    override func visit(_ node: MatchingPatternConditionSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); return .visitChildren
    }

    override func visit(_ node: UnresolvedTernaryExprSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    override func visit(_ node: TernaryExprSyntax) -> SyntaxVisitorContinueKind {
        addDecision(); addStructural(); return .visitChildren
    }

    /// The bodies of `if`, `else`, `guard`, loops and `catch` are one level deeper.
    override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind {
        if Self.nests(node) { enterNesting() }
        return .visitChildren
    }
    override func visitPost(_ node: CodeBlockSyntax) {
        if Self.nests(node) { exitNesting() }
    }

    static func nests(_ block: CodeBlockSyntax) -> Bool {
        guard let parent = block.parent else { return false }
        switch parent.kind {
        case .ifExpr, .guardStmt, .forStmt, .whileStmt, .repeatStmt, .catchClause: return true
        default: return false
        }
    }

    // MARK: Expressions

    override func visit(_ node: BinaryOperatorExprSyntax) -> SyntaxVisitorContinueKind {
        let text = node.operator.text
        if (text == "&&" || text == "||") && !Self.isInCompileTimeCondition(Syntax(node)) { addDecision() }
        return .visitChildren
    }

    /// `#if os(Linux) || os(WASI)` chooses code at compile time; it is no decision of the program.
    private static func isInCompileTimeCondition(_ node: Syntax) -> Bool {
        var current = node
        while let parent = current.parent {
            if parent.is(IfConfigClauseSyntax.self) { return true }
            guard parent.is(ExprSyntax.self) || parent.is(ExprListSyntax.self) || parent.is(LabeledExprListSyntax.self)
                || parent.is(LabeledExprSyntax.self) else { return false }
            current = parent
        }
        return false
    }

    /// One cognitive increment per run of like logical operators, read left to right through
    /// parentheses (`a && (b && c)` is one run); a negated group `!(...)` starts its own sequence.
    override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
        if absorbedSequences.remove(node.id) == nil {
            var operators: [String] = []
            collectLogicalOperators(node, into: &operators)
            var runs = 0
            for (index, op) in operators.enumerated() where index == 0 || operators[index - 1] != op { runs += 1 }
            if runs > 0 && !Self.isInCompileTimeCondition(Syntax(node)) { addFundamental(runs) }
        }
        return .visitChildren
    }

    private func collectLogicalOperators(_ sequence: SequenceExprSyntax, into operators: inout [String]) {
        for element in sequence.elements {
            if let op = element.as(BinaryOperatorExprSyntax.self) {
                let text = op.operator.text
                if text == "&&" || text == "||" { operators.append(text) }
            } else if let inner = Self.parenthesisedSequence(element) {
                absorbedSequences.insert(inner.id)
                collectLogicalOperators(inner, into: &operators)
            }
        }
    }

    private static func parenthesisedSequence(_ expression: ExprSyntax) -> SequenceExprSyntax? {
        guard let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1,
              let only = tuple.elements.first, only.label == nil else { return nil }
        return only.expression.as(SequenceExprSyntax.self) ?? parenthesisedSequence(only.expression)
    }

    /// `break label` and `continue label` jump out of the linear flow.
    override func visit(_ node: BreakStmtSyntax) -> SyntaxVisitorContinueKind {
        if node.label != nil { addFundamental() }
        return .visitChildren
    }

    override func visit(_ node: ContinueStmtSyntax) -> SyntaxVisitorContinueKind {
        if node.label != nil { addFundamental() }
        return .visitChildren
    }

    /// A call of the enclosing function's own name (`f(...)`, `self.f(...)`, `Self.f(...)`) is recursion.
    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        guard let own = frames.recursionName else { return .visitChildren }
        let called: String?
        if let reference = node.calledExpression.as(DeclReferenceExprSyntax.self) {
            called = reference.baseName.text
        } else if let member = node.calledExpression.as(MemberAccessExprSyntax.self),
                  let base = member.base?.as(DeclReferenceExprSyntax.self),
                  ["self", "Self"].contains(base.baseName.text) {
            called = member.declName.baseName.text
        } else {
            called = nil
        }
        if called == own { addFundamental() }
        return .visitChildren
    }
}
