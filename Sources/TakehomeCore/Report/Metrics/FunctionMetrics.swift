/// The complexity figures of one function, method, closure or accessor, with its place in the code.
/// Every language analyser produces these; `metrics.complexity.functions[]` of the report holds them.
public struct FunctionMetrics: Codable, Hashable, Sendable {
    /// Path relative to the analysed root, with `/` separators.
    public var file: String
    /// The name users recognise: `Type.method`, `outer.inner`, `(anonymous)@12` for an unnamed
    /// closure or lambda, `Type.init`, `Type.property.get`.
    public var name: String
    /// First and last line of the function (1-based, inclusive).
    public var line: Int
    public var endLine: Int
    /// Lines of code: lines inside the function holding at least one token that is not a comment.
    public var nloc: Int
    /// Cyclomatic complexity as lizard counts it: 1 + the decision tokens of the language.
    public var ccn: Int
    /// Cognitive complexity after SonarSource's white paper.
    public var cognitive: Int
    /// Number of declared parameters (a receiver, `self` or `this` is not one).
    public var params: Int
    /// Deepest nesting of control structures inside the body (0 for a straight-line body).
    public var maxNesting: Int

    public init(file: String, name: String, line: Int, endLine: Int, nloc: Int, ccn: Int, cognitive: Int,
                params: Int, maxNesting: Int) {
        self.file = file; self.name = name; self.line = line; self.endLine = endLine; self.nloc = nloc
        self.ccn = ccn; self.cognitive = cognitive; self.params = params; self.maxNesting = maxNesting
    }
}
