import SwiftSyntax
import TakehomeCore

/// One walk over a Swift syntax tree that fills a file's design model: types with their
/// conformances, members and what they construct; functions with their bodies read by
/// `SwiftFunctionBody`; calls, constructions, imports, file-scope and static state, singletons.
/// Extensions are kept apart (`SwiftExtension`) until `SwiftDesignReader` joins them to their types.
final class SwiftDesignVisitor: SyntaxVisitor {
    let converter: SourceLocationConverter
    var reading: SwiftFileReading
    /// `main.swift`'s top-level variables are the program's locals, not shared state.
    let isMain: Bool

    /// An enclosing declaration: a type or extension (by index), or a function (by name).
    enum Frame { case type(Int), `extension`(Int), function(String) }
    var frames: [Frame] = []

    init(path: String, kind: CodeKind, converter: SourceLocationConverter) {
        self.converter = converter
        reading = SwiftFileReading(design: FileDesign(path: path, kind: kind, language: .swift))
        isMain = path == "main.swift" || path.hasSuffix("/main.swift")
        super.init(viewMode: .sourceAccurate)
    }

    func line(_ node: some SyntaxProtocol) -> Int { converter.location(for: node.positionAfterSkippingLeadingTrivia).line }

    /// The innermost type or extension and the name of the type it is about.
    var enclosingType: (frame: Frame, name: String)? {
        for frame in frames.reversed() {
            switch frame {
            case .type(let index): return (frame, reading.design.types[index].name)
            case .extension(let index): return (frame, reading.extensions[index].name)
            case .function: continue
            }
        }
        return nil
    }

    var enclosingFunction: String? {
        for case .function(let name) in frames.reversed() { return name }
        return nil
    }

    /// The type or extension the declaration being visited sits directly in.
    var directType: Frame? {
        guard let last = frames.last, case .function = last else { return frames.last }
        return nil
    }

    // MARK: Types

    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
        openType(node.name, kind: .class, inheritance: node.inheritanceClause, generics: node.genericParameterClause, at: node)
    }
    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
        openType(node.name, kind: .struct, inheritance: node.inheritanceClause, generics: node.genericParameterClause, at: node)
    }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
        openType(node.name, kind: .enum, inheritance: node.inheritanceClause, generics: node.genericParameterClause, at: node)
    }
    override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
        openType(node.name, kind: .actor, inheritance: node.inheritanceClause, generics: node.genericParameterClause, at: node)
    }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
        openType(node.name, kind: .protocol, inheritance: node.inheritanceClause, generics: nil, at: node)
    }
    override func visitPost(_ node: ClassDeclSyntax) { closeType() }
    override func visitPost(_ node: StructDeclSyntax) { closeType() }
    override func visitPost(_ node: EnumDeclSyntax) { closeType() }
    override func visitPost(_ node: ActorDeclSyntax) { closeType() }
    override func visitPost(_ node: ProtocolDeclSyntax) { closeType() }

    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        let name = Self.lastName(node.extendedType) ?? node.extendedType.trimmedDescription
        reading.extensions.append(SwiftExtension(name: name, line: line(node), bases: Self.bases(node.inheritanceClause)))
        frames.append(.extension(reading.extensions.count - 1))
        return .visitChildren
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { frames.removeLast() }

    // MARK: Members and expressions (read in SwiftDesignMembers and SwiftDesignExpressions)

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        openFunction(Self.plain(node.name), signature: node.signature, body: node.body, modifiers: node.modifiers,
                     attributes: node.attributes, generics: node.genericParameterClause, at: node)
    }
    override func visitPost(_ node: FunctionDeclSyntax) { frames.removeLast() }

    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
        if case .type(let index)? = directType { reading.hasInitializer[index] = true }
        return openFunction("init", signature: node.signature, body: node.body, modifiers: node.modifiers,
                            attributes: node.attributes, generics: node.genericParameterClause, at: node)
    }
    override func visitPost(_ node: InitializerDeclSyntax) { frames.removeLast() }

    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind { readProperty(node); return .visitChildren }
    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind { readCall(node); return .visitChildren }
    override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind { readReference(node); return .visitChildren }
    override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind { readGenericUse(node); return .visitChildren }
    override func visit(_ token: TokenSyntax) -> SyntaxVisitorContinueKind { count(token); return .skipChildren }

    override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
        reading.design.imports.append(node.path.map(\.name.text).joined(separator: "."))
        return .visitChildren
    }

    private func openType(_ name: TokenSyntax, kind: SwiftTypeKind, inheritance: InheritanceClauseSyntax?,
                          generics: GenericParameterClauseSyntax?, at node: some SyntaxProtocol) -> SyntaxVisitorContinueKind {
        let bases = Self.bases(inheritance)
        var type = DesignType(name: Self.plain(name), line: line(node), bases: bases, isAbstraction: kind == .protocol,
                              isStructural: false, isValue: kind == .enum || bases.contains("Error") || bases.contains("LocalizedError"),
                              methods: [])
        type.genericParameters = generics?.parameters.map(\.name.text) ?? []
        reading.design.types.append(type)
        reading.typeKinds.append(kind)
        reading.hasInitializer.append(false)
        frames.append(.type(reading.design.types.count - 1))
        return .visitChildren
    }

    private func closeType() {
        guard case .type(let index) = frames.removeLast() else { return }
        var type = reading.design.types[index]
        // A struct with only stored properties is a value, and so is a class with no base that only
        // holds data (unless another class extends it: `SwiftDesignReader` sees that). A struct's
        // memberwise initialiser has its fields.
        let onlyData = !type.methods.contains { $0 != "init" }
        switch reading.typeKinds[index] {
        case .struct where onlyData, .class where onlyData && type.bases.isEmpty: type.isValue = true
        default: break
        }
        if reading.typeKinds[index] != .struct || reading.hasInitializer[index] { type.fields = [] }
        type.references.sort()
        reading.design.types[index] = type
    }

    /// The names an inheritance clause lists, last component and without type arguments.
    static func bases(_ clause: InheritanceClauseSyntax?) -> [String] {
        (clause?.inheritedTypes ?? []).flatMap { inherited -> [String] in
            if let composition = inherited.type.as(CompositionTypeSyntax.self) {
                return composition.elements.compactMap { lastName($0.type) }
            }
            return lastName(inherited.type).map { [$0] } ?? []
        }
    }

    /// A name as the program means it: `` `default` `` is `default`.
    static func plain(_ token: TokenSyntax) -> String { token.text.filter { $0 != "`" } }

    /// `Foo`, `Module.Foo`, `Foo<Int>` give `Foo`.
    static func lastName(_ type: TypeSyntax) -> String? {
        if let identifier = type.as(IdentifierTypeSyntax.self) { return identifier.name.text }
        if let member = type.as(MemberTypeSyntax.self) { return member.name.text }
        if let attributed = type.as(AttributedTypeSyntax.self) { return lastName(attributed.baseType) }
        return nil
    }
}

/// What kind of nominal type a declaration is.
enum SwiftTypeKind { case `class`, `struct`, `enum`, actor, `protocol` }

/// `extension Name: Bases { members }`, before it is joined to the type it extends.
struct SwiftExtension {
    var name: String
    var line: Int
    var bases: [String]
    var methods: [String] = []
    var references: Set<String> = []
    var privateMembers: [DesignMember] = []
}

/// One Swift file's design model and the parts that need the other files to finish.
struct SwiftFileReading {
    var design: FileDesign
    var extensions: [SwiftExtension] = []
    /// Per entry of `design.types`.
    var typeKinds: [SwiftTypeKind] = []
    var hasInitializer: [Bool] = []
    /// Types with a method whose body only stops the program (`fatalError("override me")`).
    var abstractMethodOwners: Set<String> = []
}
