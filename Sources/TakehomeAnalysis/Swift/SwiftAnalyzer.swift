import SwiftParser
import SwiftSyntax
import TakehomeCore

/// Analyses Swift through swift-syntax, the official parser: functions, initialisers, deinitialisers,
/// subscripts, accessors and closures, each with lizard's CCN and SonarSource's cognitive
/// complexity, plus the file's line counts and clone tokens, all in one pass over the tree.
public struct SwiftAnalyzer: LanguageAnalyzer {
    /// How deeply brackets may nest before the parser stops building the tree. Deeper code is kept
    /// as tokens (so its lines and clone tokens still count) and a note says where measuring stopped.
    /// (Below it, nested `#if`s still cost time quadratic in their depth; 128 keeps that small.)
    public static let maximumNestingLevel = 128

    public let language = SourceLanguage.swift
    public let extensions: Set<String> = ["swift"]

    /// An analyser; it holds no state, so one instance may serve every file and thread.
    public init() {}

    /// Measures one Swift file; never crashes, and pathological input becomes a note.
    public func analyze(_ text: String, path: String) -> FileAnalysis {
        // Parsing and visiting recurse once per level of the tree; a thread with a large stack
        // keeps pathological input (thousands of `else if`, long member chains) from overflowing.
        LargeStackThread.run { Self.analyzeOnCurrentThread(text, path: path) }
    }

    static func analyzeOnCurrentThread(_ text: String, path: String) -> FileAnalysis {
        let limited = SquareBracketLimiter.limit(text)
        var parser = Parser(limited.text, maximumNestingLevel: maximumNestingLevel)
        let tree = SourceFileSyntax.parse(from: &parser)
        let converter = SourceLocationConverter(fileName: path, tree: tree)
        let visitor = SwiftMetricsVisitor(path: path, converter: converter)
        visitor.walk(tree)
        var analysis = visitor.result()
        if let line = limited.firstLine {
            analysis.notes.insert("square brackets nested deeper than \(SquareBracketLimiter.limit) from line \(line): "
                                  + "the deeper ones are read as parentheses", at: 0)
        }
        return analysis
    }
}
