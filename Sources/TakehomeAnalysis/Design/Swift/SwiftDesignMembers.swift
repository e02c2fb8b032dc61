import SwiftSyntax
import TakehomeCore

/// The members part of `SwiftDesignVisitor`: functions and initialisers, and properties (fields,
/// state, singletons, private members).
extension SwiftDesignVisitor {
    static let privateWords: Set<String> = ["private", "fileprivate"]

    // MARK: Functions

    func openFunction(_ name: String, signature: FunctionSignatureSyntax, body: CodeBlockSyntax?,
                              modifiers: DeclModifierListSyntax, attributes: AttributeListSyntax,
                              generics: GenericParameterClauseSyntax?, at node: some SyntaxProtocol) -> SyntaxVisitorContinueKind {
        let owner = directType
        addMethod(name, to: owner)
        if Self.isPrivate(modifiers), name != "init" { addPrivate(DesignMember(name: name, line: line(node), kind: .method), to: owner) }
        frames.append(.function(name))
        // A protocol's requirement has no body: it is one of the protocol's methods, not a function.
        guard let body else { return .visitChildren }
        var parameters: [Parameter] = [], internalNames: [String] = []
        for parameter in signature.parameterClause.parameters {
            let label = Self.plain(parameter.firstName), inner = parameter.secondName.map(Self.plain) ?? label
            parameters.append(Parameter(name: label == "_" ? inner : label, hasDefault: parameter.defaultValue != nil))
            internalNames.append(inner)
        }
        let reading = SwiftFunctionBody(body)
        if reading.isStub, !body.statements.isEmpty, let typeName = enclosingType?.name, owner != nil {
            self.reading.abstractMethodOwners.insert(typeName)
        }
        let overrides = modifiers.contains { $0.name.text == "override" }
        let fixedSignature = overrides
            || attributes.contains { ["objc", "IBAction"].contains($0.as(AttributeSyntax.self)?.attributeName.trimmedDescription ?? "") }
        let unused = reading.isStub || fixedSignature ? [] : internalNames.filter {
            $0 != "_" && !$0.hasPrefix("_") && !reading.identifiers.contains($0)
        }
        var function = DesignFunction(
            name: name, typeName: owner.flatMap { _ in enclosingType?.name }, line: line(node), parameters: parameters,
            // An override's existence is the superclass's choice (`visitPost(_:)` of a visitor).
            forwardsTo: reading.isStub || overrides || name == "init" ? nil : SwiftFunctionBody.forwarding(body, parameters: internalNames),
            unusedParameters: unused, decisions: reading.decisions, effects: reading.effects)
        function.genericParameters = generics?.parameters.map(\.name.text) ?? []
        self.reading.design.functions.append(function)
        return .visitChildren
    }

    private func addMethod(_ name: String, to frame: Frame?) {
        switch frame {
        case .type(let index)?: reading.design.types[index].methods.append(name)
        case .extension(let index)?: reading.extensions[index].methods.append(name)
        default: break
        }
    }

    private func addPrivate(_ member: DesignMember, to frame: Frame?) {
        switch frame {
        case .type(let index)?: reading.design.types[index].privateMembers.append(member)
        case .extension(let index)?: reading.extensions[index].privateMembers.append(member)
        default: break
        }
    }

    /// `private` or `fileprivate`, but not `private(set)` (readable from outside).
    static func isPrivate(_ modifiers: DeclModifierListSyntax) -> Bool {
        modifiers.contains { privateWords.contains($0.name.text) && $0.detail == nil }
    }

    // MARK: Properties

    func readProperty(_ node: VariableDeclSyntax) {
        let isVar = node.bindingSpecifier.tokenKind == .keyword(.var)
        let isStatic = node.modifiers.contains { ["static", "class"].contains($0.name.text) }
        let isLazy = node.modifiers.contains { $0.name.text == "lazy" }
        let owner = directType
        for binding in node.bindings {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self).map({ Self.plain($0.identifier) }) else { continue }
            let stored = binding.accessorBlock.map(Self.onlyObservers) ?? true
            let place = DesignPlace(file: reading.design.path, line: line(binding), name: name)
            if Self.isPrivate(node.modifiers) { addPrivate(DesignMember(name: name, line: place.line, kind: .field), to: owner) }
            guard stored else { continue }
            if frames.isEmpty {
                if isVar && !isMain { reading.design.mutableState.append(note(place, "file-scope var")) }
                continue
            }
            guard case .type(let index)? = owner else { continue }
            let typeName = reading.design.types[index].name
            var qualified = place
            qualified.name = "\(typeName).\(name)"
            if isStatic {
                if isVar { reading.design.mutableState.append(note(qualified, "static var")) }
                // A struct's or enum's static constants of its own type are values (`ExitCode.success`).
                if [.class, .actor].contains(reading.typeKinds[index]), Self.holdsInstance(binding, of: typeName) {
                    reading.design.singletons.append(note(qualified, "static property holding the shared instance"))
                }
            } else if !isLazy, isVar || binding.initializer == nil {
                // A literal default is a setting (`var retries = 3`); an empty or built one (`[]`, `nil`,
                // `Cache()`) is state filled in later, not configuration.
                let setting = binding.initializer.map { Self.isLiteral($0.value) } ?? false
                reading.design.types[index].fields.append(Parameter(name: name, hasDefault: setting))
            }
        }
    }

    private func note(_ place: DesignPlace, _ text: String) -> DesignPlace {
        var place = place
        place.note = text
        return place
    }

    /// A number, string or Boolean literal (`3`, `-1.5`, `"eu"`, `true`).
    static func isLiteral(_ value: ExprSyntax) -> Bool {
        if let prefix = value.as(PrefixOperatorExprSyntax.self) { return isLiteral(prefix.expression) }
        return value.is(IntegerLiteralExprSyntax.self) || value.is(FloatLiteralExprSyntax.self)
            || value.is(BooleanLiteralExprSyntax.self)
            || value.as(StringLiteralExprSyntax.self).map { !$0.segments.contains { $0.is(ExpressionSegmentSyntax.self) } } ?? false
    }

    /// `{ willSet … didSet … }` still stores; a getter computes.
    static func onlyObservers(_ block: AccessorBlockSyntax) -> Bool {
        guard case .accessors(let accessors) = block.accessors else { return false }
        return accessors.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
    }

    /// `static let shared = Foo()` (or `Foo.init()`, `Self()`, `.init()`), or `static let shared: Foo`.
    static func holdsInstance(_ binding: PatternBindingSyntax, of typeName: String) -> Bool {
        if let annotated = binding.typeAnnotation.flatMap({ lastName($0.type) }), annotated == typeName || annotated == "Self" {
            return true
        }
        guard let call = binding.initializer?.value.as(FunctionCallExprSyntax.self) else { return false }
        let made = constructedType(call)
        return made == typeName || made == "Self" || call.calledExpression.trimmedDescription == ".init"
    }
}
