/// How one brace or `end` language writes what the design model reads: which words open types
/// and what kind, how bases, constructions, imports, privacy and immutability are written, and
/// which calls reach the outside world. One value per language (`DesignDescriptions`); the shared
/// `BraceDesignReader` does the reading.
struct DesignDescription: Sendable {
    let language: SourceLanguage
    let lexer: Lexer
    let grammar: CompiledGrammar
    let keywords: Set<String>
    let decisions: Set<String>
    /// Type-opening words and what they open.
    var typeWords: [String: TypeShape] = ["class": .plain]
    /// Words before a type word that make it abstract (`abstract`, `sealed`) or a value (`data`, `enum`).
    var abstractModifiers: Set<String> = ["abstract"]
    var valueModifiers: Set<String> = []
    /// Words that introduce bases (`extends`, `implements`); `colonBases`: `class A : B, C` (Kotlin, C#, C++).
    var baseWords: Set<String> = []
    var colonBases = false
    /// Parameters and fields are written `name: Type` / `name Type` (else `Type name`).
    var nameFirst = true
    var constructions: Set<Construction> = []
    /// Statement-opening words that import (`import`, `using`, `use`) and calls that do (`require`).
    var importWords: Set<String> = ["import"]
    var importCalls: Set<String> = []
    /// Words marking a member private; members without any of `publicWords` are private too when `defaultPrivate`.
    var privateWords: Set<String> = ["private"]
    var publicWords: Set<String> = ["public", "protected", "internal"]
    var defaultPrivate = false
    /// Go: a lower-case name is package-private.
    var lowercasePrivate = false
    /// Rust: members without `pub` are private (fields of structs, functions of inherent `impl`s).
    var pubMarksPublic = false
    /// Words that make a declaration immutable (`const`, `final`, `val`, `readonly`).
    var immutableWords: Set<String> = ["const"]
    /// Module-level declarations are always state (Java, C#: only `static` members are).
    var staticWord: String? = "static"
    /// `name = value` (Kotlin) or `name: value` (C#, Ruby) in a call names the argument.
    var namedArgument: String? = nil
    /// The parameter that is the receiver (`self`, `this`), left out of the parameter list.
    var receivers: Set<String> = ["self", "this"]
    /// A construction is what a function returns when it is its last expression (Rust, Ruby).
    var implicitReturn = false
    /// A method whose whole body is `throw`/`raise` naming "not implemented" makes its class abstract.
    var stubMakesAbstract = false
    var effects: [EffectKind: [String]] = [:]
    /// Type-level containers or factories of mutable collections (`new ArrayList`, `mutableListOf`).
    var containerWords: Set<String> = []

    enum TypeShape: Sendable { case plain, abstraction, structural, value, singleton, implementation, namespace }

    enum Construction: Sendable {
        /// `new X(...)`.
        case newKeyword
        /// `X(...)` with an upper-case `X` (Kotlin, Rust tuple structs, C++).
        case upperCall
        /// Go's `X{...}` and `&X{...}`.
        case compositeLiteral
        /// Rust's `X::new(...)`, `X::default()` and `X { field: ... }`.
        case pathNew
        /// Ruby's `X.new(...)`.
        case dotNew
    }

    /// The kinds of outside-world access, in the order every language's reader lists them.
    enum EffectKind: String, Sendable, CaseIterable { case clock, randomness, environment, file, network }

    init(_ description: some LanguageDescription) {
        language = description.language
        lexer = Lexer(description.lexicon)
        grammar = CompiledGrammar(description.grammar)
        keywords = Set(description.grammar.keywords)
        decisions = Set(description.grammar.decisions)
    }

    /// The separator of qualified names (`.`, `::`).
    var separator: String { grammar.grammar.separator }
}
