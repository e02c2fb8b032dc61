/// How one language writes comments, strings and operators: everything the shared lexer needs.
public struct Lexicon: Sendable {
    /// Prefixes that start a comment running to the end of the line (`//`, `#`).
    public var lineComments: [String]
    /// Opening and closing text of a block comment (`/*`, `*/`), if the language has one.
    public var blockComment: (open: String, close: String)?
    /// Whether block comments nest (Rust, Kotlin).
    public var nestedComments: Bool
    /// String and character literal forms, including prefixed, raw and interpolated ones.
    public var strings: [StringForm]
    /// Multi-byte operators, longest first is not required: the lexer tries the longest match.
    public var operators: [String]
    /// `#` at the start of a line begins a preprocessor directive (C, C++, C#).
    public var preprocessor = false
    /// A `/` where an operand is expected starts a regular expression literal (JavaScript, Ruby).
    public var regexLiterals = false
    /// Bytes besides letters, digits and `_` that may start or continue an identifier (`$`, `@`).
    public var identifierBytes: [UInt8] = []
    /// Bytes that may end an identifier when not followed by `=` (Ruby's `empty?`, `save!`).
    public var identifierSuffixes: [UInt8] = []
    /// `'a` is a lifetime or label unless it closes like a character literal (Rust).
    public var lifetimes = false
    /// `'` between digits separates digit groups (C++14).
    public var digitSeparators = false
    /// Ruby's heredocs (`<<~EOS`), `%w[...]` literals, `=begin`/`=end` comments and `:symbols`.
    public var rubyLiterals = false

    public init(lineComments: [String], blockComment: (open: String, close: String)? = ("/*", "*/"),
                nestedComments: Bool = false, strings: [StringForm], operators: [String] = Lexicon.commonOperators) {
        self.lineComments = lineComments; self.blockComment = blockComment; self.nestedComments = nestedComments
        self.strings = strings; self.operators = operators
    }

    /// Operators shared by the C family of syntaxes.
    public static let commonOperators = [
        ">>>=", "<<=", ">>=", "...", "===", "!==", "**=", "??=", "&&=", "||=", "<=>",
        "::", "->", "=>", "&&", "||", "??", "?.", "==", "!=", "<=", ">=", "++", "--", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "<<", "**", "..",
    ]
}

/// One form of string or character literal.
public struct StringForm: Sendable {
    /// How an interpolated expression opens inside the literal; it closes with the matching `}`.
    public enum Interpolation: Sendable {
        /// `{expr}`, with `{{` a literal brace (Python f-strings, C# `$"..."`).
        case braces
        /// `${expr}` (JavaScript template literals, Kotlin).
        case dollarBraces
        /// `#{expr}` (Ruby).
        case hashBraces
    }
    /// Literal forms whose end is found by a rule rather than a fixed closing text.
    public enum Raw: Sendable {
        /// `r#"..."#`: the closing quote must be followed by as many `#` as opened.
        case rustHashes
        /// `R"delim(...)delim"`.
        case cppDelimiter
    }

    public var open: String
    public var close: String
    /// A backslash escapes the next byte.
    public var escapes: Bool
    /// The literal may span lines; if not, a newline ends it (and an unterminated-string note).
    public var multiline: Bool
    public var interpolation: Interpolation?
    /// A doubled closing quote is a literal quote (C# verbatim strings).
    public var doubledQuote: Bool
    public var raw: Raw?

    public init(_ open: String, _ close: String? = nil, escapes: Bool = true, multiline: Bool = false,
                interpolation: Interpolation? = nil, doubledQuote: Bool = false, raw: Raw? = nil) {
        self.open = open; self.close = close ?? open; self.escapes = escapes; self.multiline = multiline
        self.interpolation = interpolation; self.doubledQuote = doubledQuote; self.raw = raw
    }

    /// `"..."` and `'...'` with backslash escapes, on one line.
    public static let cQuotes = [StringForm("\""), StringForm("'")]
}
