import TakehomeCore

/// The changes mutation testing makes, as token swaps per language family. The same table serves
/// every language the token engine reads; only the spelling of booleans, logical operators and the
/// "nothing" value differs.
public struct MutationOperators: Sendable {
    /// Token text → (operator kind, replacement), for single-token swaps.
    let swaps: [String: (kind: String, replacement: String)]
    /// What `return X` becomes (`None`, `undefined`, `nil`); nil for statically typed languages,
    /// where no one value fits every return type.
    let nothing: String?
    /// Whether a new line at bracket depth 0 ends a statement (every language but the C family's `;`).
    let newlineEndsStatement: Bool

    /// The operators for a language.
    public init(for language: SourceLanguage) {
        var swaps: [String: (kind: String, replacement: String)] = [
            "<": ("relational", "<="), "<=": ("relational", "<"), ">": ("relational", ">="), ">=": ("relational", ">"),
            "==": ("relational", "!="), "!=": ("relational", "=="),
            "+": ("arithmetic", "-"), "-": ("arithmetic", "+"), "*": ("arithmetic", "/"), "/": ("arithmetic", "*"),
        ]
        switch language {
        case .python:
            swaps["and"] = ("logical", "or"); swaps["or"] = ("logical", "and")
            swaps["True"] = ("boolean", "False"); swaps["False"] = ("boolean", "True")
            nothing = "None"
        case .ruby:
            swaps["&&"] = ("logical", "||"); swaps["||"] = ("logical", "&&")
            swaps["and"] = ("logical", "or"); swaps["or"] = ("logical", "and")
            swaps["true"] = ("boolean", "false"); swaps["false"] = ("boolean", "true")
            nothing = "nil"
        case .javascript, .typescript:
            swaps["&&"] = ("logical", "||"); swaps["||"] = ("logical", "&&")
            swaps["==="] = ("relational", "!=="); swaps["!=="] = ("relational", "===")
            swaps["true"] = ("boolean", "false"); swaps["false"] = ("boolean", "true")
            nothing = "undefined"
        default:
            swaps["&&"] = ("logical", "||"); swaps["||"] = ("logical", "&&")
            swaps["true"] = ("boolean", "false"); swaps["false"] = ("boolean", "true")
            nothing = nil
        }
        self.swaps = swaps
        newlineEndsStatement = ![.c, .cpp, .java, .csharp].contains(language)
    }

    /// Arithmetic and relational tokens that are also prefixes or type syntax (`*args`, `*ptr`,
    /// `-1`, `+x`, `List<T>`) are mutated only after an operand, where they are binary operators.
    static let binaryOnly: Set<String> = ["+", "-", "*", "/", "<", ">"]
}
