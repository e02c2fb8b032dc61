import TakehomeCore

/// What one file declares and does, as the design signals need it, in terms common to every
/// language: types and the abstractions they extend, functions, calls, instantiations, imports and
/// module state. One reader per language fills it (`PythonDesignReader`, `SwiftDesignReader`, and
/// `BraceDesignReader` for the token-engine languages; `DesignReading.reader(for:)` says which).
public struct FileDesign: Sendable, Equatable {
    public var path: String
    public var kind: CodeKind
    public var language: SourceLanguage
    public var types: [DesignType] = []
    public var functions: [DesignFunction] = []
    /// Every call by its last name (`calc.total(a, b=1)` is `total`), for who passes what.
    public var calls: [CallSite] = []
    /// Calls of a name that starts with an upper-case letter or is a type of this file (constructions).
    public var instantiations: [Instantiation] = []
    /// Modules this file imports (`shiftpay_core.models`).
    public var imports: [String] = []
    /// How often each identifier occurs in the file, for "used anywhere else".
    public var identifierCounts = IdentifierCounts()
    /// Module- or class-level mutable state that a function changes.
    public var mutableState: [DesignPlace] = []
    /// Types holding their one shared instance.
    public var singletons: [DesignPlace] = []
    /// Places that name a generic type or function with explicit type arguments outside a call
    /// (`Box<Integer> box`, `def f(b: Box[int])`, `let b: Box<u8>`); calls carry theirs in `CallSite`.
    public var genericUses: [GenericUse] = []

    public init(path: String, kind: CodeKind, language: SourceLanguage = .python) {
        self.path = path; self.kind = kind; self.language = language
    }
}

/// A generic type or function named with type arguments (`Box<Integer>` is `Box`, `["Integer"]`).
public struct GenericUse: Sendable, Equatable {
    public var name: String
    /// The type arguments as written, whitespace removed (`Map<String, List<Int>>` gives
    /// `["String", "List<Int>"]`).
    public var arguments: [String]
    public var line: Int
    public init(name: String, arguments: [String], line: Int) { self.name = name; self.arguments = arguments; self.line = line }
}

/// A private field or method of a type: `private int count;`, `self._cache = {}`, Go's lower-case
/// methods, Rust's `fn` without `pub` inside `impl`.
public struct DesignMember: Sendable, Equatable {
    public enum Kind: String, Sendable { case field, method }
    public var name: String
    public var line: Int
    public var kind: Kind
    public init(name: String, line: Int, kind: Kind) { self.name = name; self.line = line; self.kind = kind }
}

/// A class, struct, interface or protocol.
public struct DesignType: Sendable, Equatable {
    public var name: String
    public var line: Int
    /// The names it extends or conforms to, last component only (`abc.ABC` is `ABC`).
    public var bases: [String]
    /// An interface, protocol or abstract class: something meant to be implemented.
    public var isAbstraction: Bool
    /// Conformance is structural (a Python `Protocol`): any type with its methods implements it.
    public var isStructural: Bool
    /// A value holder (a dataclass, a record): built freely, never a collaborator.
    public var isValue: Bool
    public var methods: [String]
    /// Fields with a default, in declaration order (a dataclass's generated initialiser).
    public var fields: [Parameter] = []
    /// The names its body mentions as values, sorted: what it makes or registers (`Circle()`,
    /// `{"c": Circle}`), not what it only calls methods of (`Config.get()`).
    public var references: [String] = []
    /// Its type parameters (`class Box<T>`, `class Box(Generic[T])`), in order.
    public var genericParameters: [String] = []
    /// Its private fields and methods, for "private members nothing references".
    public var privateMembers: [DesignMember] = []
    /// Declared inside test code of a source file (Rust's `#[cfg(test)] mod tests`): a test double.
    public var isTest = false

    public init(name: String, line: Int, bases: [String], isAbstraction: Bool, isStructural: Bool, isValue: Bool,
                methods: [String]) {
        self.name = name; self.line = line; self.bases = bases; self.isAbstraction = isAbstraction
        self.isStructural = isStructural; self.isValue = isValue; self.methods = methods
    }
}

/// A function or method.
public struct DesignFunction: Sendable, Equatable {
    public var name: String
    /// The enclosing type's name for a method.
    public var typeName: String?
    public var line: Int
    /// Parameters other than the receiver (`self`, `cls`).
    public var parameters: [Parameter]
    /// The call it only forwards its parameters to, unchanged (`self.repo.save`), if that is all it does.
    public var forwardsTo: String?
    /// Parameters its body never reads (stubs and overrides are left out).
    public var unusedParameters: [String]
    /// Decision points in its body (`if`, `for`, `while`, `and`, ...).
    public var decisions: Int
    /// Kinds of outside-world access in its body: clock, randomness, environment, file, network.
    public var effects: [String]
    /// Its own type parameters (`<T> T first(List<T>)`, `fn first<T>`), in order.
    public var genericParameters: [String] = []

    public init(name: String, typeName: String?, line: Int, parameters: [Parameter], forwardsTo: String?,
                unusedParameters: [String], decisions: Int, effects: [String]) {
        self.name = name; self.typeName = typeName; self.line = line; self.parameters = parameters
        self.forwardsTo = forwardsTo; self.unusedParameters = unusedParameters; self.decisions = decisions
        self.effects = effects
    }
}

/// A declared parameter or field.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var hasDefault: Bool
    public init(name: String, hasDefault: Bool) { self.name = name; self.hasDefault = hasDefault }
}

/// A call: its last name, how many positional arguments it passes and the keywords it names.
public struct CallSite: Sendable, Equatable {
    public var name: String
    public var positional: Int
    public var keywords: [String]
    /// `*args` or `**kwargs` in the call: it may pass anything.
    public var spreads: Bool
    /// The type arguments written at the call (`f<int>(x)`, `new Box<Integer>()`, `parse::<u8>()`);
    /// nil when none are written (inferred), empty for Java's diamond `new Box<>()` (the declared
    /// type it is assigned to says them, and that is a `GenericUse`).
    public var typeArguments: [String]? = nil
    /// The line of the call.
    public var line: Int = 0
    public init(name: String, positional: Int, keywords: [String], spreads: Bool) {
        self.name = name; self.positional = positional; self.keywords = keywords; self.spreads = spreads
    }
}

/// `Name(...)`: where a type is constructed.
public struct Instantiation: Sendable, Equatable {
    public var typeName: String
    public var line: Int
    /// The function it happens in (nil at module or class level).
    public var function: String?
    /// The type whose body (or method) holds it.
    public var enclosingType: String?
    /// The construction is what the function returns (a factory).
    public var isReturned: Bool
    /// The type arguments written (`new Box<Integer>()`); nil when none are (inferred), empty for `<>`.
    public var typeArguments: [String]? = nil
    public init(typeName: String, line: Int, function: String?, enclosingType: String?, isReturned: Bool) {
        self.typeName = typeName; self.line = line; self.function = function; self.enclosingType = enclosingType
        self.isReturned = isReturned
    }
}

/// A dependency declared in a manifest (requirements.txt, pyproject.toml, package.json, go.mod,
/// Package.swift, pom.xml, build.gradle, Cargo.toml, Gemfile).
public struct DeclaredDependency: Sendable, Equatable, Hashable {
    /// As the ecosystem spells it; Python's lower-case with `_` and `.` as `-` (PEP 503), so
    /// `Foo_Bar` and `foo-bar` match.
    public var name: String
    public var file: String
    public var line: Int
    /// Needed only to develop or test (`devDependencies`, `testImplementation`, `[dev-dependencies]`).
    public var isDevelopment: Bool
    public init(name: String, file: String, line: Int, isDevelopment: Bool = false) {
        self.name = name; self.file = file; self.line = line; self.isDevelopment = isDevelopment
    }
}
