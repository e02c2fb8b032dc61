import SwiftSyntax
import TakehomeCore

/// The expressions part of `SwiftDesignVisitor`: calls and constructions, the names a type's body
/// mentions as values, generic types named with type arguments, imports and identifier counts.
extension SwiftDesignVisitor {
    func readCall(_ node: FunctionCallExprSyntax) {
        let callee = node.calledExpression
        let made = Self.constructedType(node)
        var name: String
        if let made { name = made }
        else if let member = callee.as(MemberAccessExprSyntax.self) {
            name = member.declName.baseName.text == "init" ? initialised(member.base) : member.declName.baseName.text
        }
        else if let reference = callee.as(DeclReferenceExprSyntax.self) { name = reference.baseName.text }
        else { name = callee.trimmedDescription }
        if name.isEmpty { name = callee.trimmedDescription }
        var positional = node.trailingClosure == nil ? 0 : 1, keywords: [String] = []
        for argument in node.arguments {
            if let label = argument.label { keywords.append(label.text) } else { positional += 1 }
        }
        var call = CallSite(name: name, positional: positional, keywords: keywords, spreads: false)
        call.line = line(node)
        let initialised = callee.as(MemberAccessExprSyntax.self).flatMap { $0.declName.baseName.text == "init" ? $0.base : nil }
        if let generic = (initialised ?? callee).as(GenericSpecializationExprSyntax.self) {
            call.typeArguments = generic.genericArgumentClause.arguments.map { Self.compact($0.argument.trimmedDescription) }
        }
        reading.design.calls.append(call)
        if let made {
            var instantiation = Instantiation(
                typeName: made, line: call.line, function: enclosingFunction, enclosingType: enclosingType?.name,
                isReturned: enclosingFunction != nil && Self.isReturned(node))
            instantiation.typeArguments = call.typeArguments
            reading.design.instantiations.append(instantiation)
        }
    }

    /// The type whose initialiser `self.init(…)` or `super.init(…)` calls: the enclosing type or
    /// its first base. `.init(…)` names no type, and is `.init`, so that no function named `init`
    /// looks called by it.
    func initialised(_ base: ExprSyntax?) -> String {
        guard let base, let owner = enclosingType else { return ".init" }
        if base.is(SuperExprSyntax.self) {
            guard case .type(let index) = owner.frame, let parent = reading.design.types[index].bases.first else { return ".init" }
            return parent
        }
        return base.as(DeclReferenceExprSyntax.self)?.baseName.text == "self" ? owner.name : ".init"
    }

    /// The type a call constructs: `Foo(…)`, `Module.Foo(…)`, `Foo<Int>(…)`, `Foo.init(…)`, else nil.
    static func constructedType(_ call: FunctionCallExprSyntax) -> String? {
        var callee = call.calledExpression
        let initialised = callee.as(MemberAccessExprSyntax.self).flatMap { $0.declName.baseName.text == "init" ? $0.base : nil }
        if let generic = (initialised ?? callee).as(GenericSpecializationExprSyntax.self) { callee = generic.expression }
        if let member = callee.as(MemberAccessExprSyntax.self), member.declName.baseName.text == "init",
           let base = member.base {
            callee = base
            let initialised = callee.as(MemberAccessExprSyntax.self).flatMap { $0.declName.baseName.text == "init" ? $0.base : nil }
        if let generic = (initialised ?? callee).as(GenericSpecializationExprSyntax.self) { callee = generic.expression }
        }
        let name: String
        if let reference = callee.as(DeclReferenceExprSyntax.self) { name = reference.baseName.text }
        else if let member = callee.as(MemberAccessExprSyntax.self), member.base != nil { name = member.declName.baseName.text }
        else { return nil }
        return name.first?.isUppercase == true ? name : nil
    }

    /// The call is what its function returns: `return Foo()`, or the single expression of a body.
    static func isReturned(_ call: FunctionCallExprSyntax) -> Bool {
        var node = Syntax(call)
        while let parent = node.parent, parent.is(TryExprSyntax.self) || parent.is(AwaitExprSyntax.self) { node = parent }
        guard let parent = node.parent else { return false }
        if parent.is(ReturnStmtSyntax.self) { return true }
        guard let item = parent.as(CodeBlockItemSyntax.self), let list = item.parent?.as(CodeBlockItemListSyntax.self),
              list.count == 1, let block = list.parent?.as(CodeBlockSyntax.self) else { return false }
        return block.parent?.is(FunctionDeclSyntax.self) == true
    }

    /// A name a type's body uses as a value (`Circle()`, `Circle.init`, `Circle.self`, `[Circle]`),
    /// not one it only calls members of (`Config.load()`).
    func readReference(_ node: DeclReferenceExprSyntax) {
        guard let owner = enclosingType else { return }
        if let member = node.parent?.as(MemberAccessExprSyntax.self), member.base?.id == node.id,
           !["init", "self"].contains(member.declName.baseName.text) {
            return
        }
        switch owner.frame {
        case .type(let index): reading.design.types[index].references.append(node.baseName.text)
        case .extension(let index): reading.extensions[index].references.insert(node.baseName.text)
        case .function: break
        }
    }

    /// `Box<Int>` written as a type (`let box: Box<Int>`); calls carry theirs in `CallSite`.
    func readGenericUse(_ node: IdentifierTypeSyntax) {
        guard let clause = node.genericArgumentClause else { return }
        reading.design.genericUses.append(GenericUse(
            name: node.name.text, arguments: clause.arguments.map { Self.compact($0.argument.trimmedDescription) },
            line: line(node)))
    }

    func count(_ token: TokenSyntax) {
        guard case .identifier = token.tokenKind else { return }
        let name = Self.plain(token)
        reading.design.identifierCounts.add(name.hasPrefix("$") ? String(name.dropFirst()) : name)
    }

    /// Whitespace removed: `Map<String, Int>` is `Map<String,Int>`.
    static func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }
}
