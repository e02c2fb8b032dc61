import Foundation
import TakehomeCore

/// Reads one file of its language into the design model.
public protocol DesignReader: Sendable {
    func read(_ text: String, path: String, kind: CodeKind) -> FileDesign
    /// Reads all files of the language at once, in order, for readers that join what files
    /// declare (Swift's extensions of types declared elsewhere); by default one file at a time.
    func read(_ files: [(text: String, path: String, kind: CodeKind)]) -> [FileDesign]
    /// True for a reader that must see all of a language's files at once (Swift's extensions);
    /// the others read each file on its own, in the analysis's parallel per-file pass.
    var readsFilesTogether: Bool { get }
}

extension DesignReader {
    /// Each file on its own, in order.
    public func read(_ files: [(text: String, path: String, kind: CodeKind)]) -> [FileDesign] {
        files.map { read($0.text, path: $0.path, kind: $0.kind) }
    }

    public var readsFilesTogether: Bool { false }
}

/// A reader that reads a file from the tokens and functions the metrics pass already made of it.
protocol TokenDesignReader: DesignReader {
    func read(_ tokens: CodeTokens, path: String, kind: CodeKind) -> FileDesign
    /// False for a reader that pairs the brackets itself (in a pass over the tokens it makes anyway).
    var needsPairedBrackets: Bool { get }
}

extension TokenDesignReader {
    var needsPairedBrackets: Bool { true }
}

extension PythonDesignReader: TokenDesignReader {
    var needsPairedBrackets: Bool { false }
}
extension SwiftDesignReader: DesignReader {
    public var readsFilesTogether: Bool { true }
}

/// Builds the design model of a walked tree: every file in a language with a design reader, with
/// the dependencies the solution's manifests declare (`Manifests`).
enum DesignReading {
    /// The design reader of `language`, nil for a language the design model does not read. A
    /// brace language's reader compiles its lexer and grammar the first time it is asked for, so
    /// an analysis builds only the readers of the languages it meets.
    static func reader(for language: SourceLanguage) -> (any DesignReader)? {
        switch language {
        case .python: PythonDesignReader()
        case .swift: SwiftDesignReader()
        case .javascript, .typescript, .java, .kotlin, .csharp, .go, .rust, .ruby, .c, .cpp: BraceDesignReader(language: language)
        }
    }

    /// The names of the types and functions the starter code declares, in the languages the
    /// design model reads.
    static func declaredNames(in starter: StarterFiles, registry: LanguageRegistry) -> Set<String> {
        var names: Set<String> = []
        for file in starter.files {
            guard let language = registry.analyzer(for: file.path)?.language, let reader = reader(for: language) else { continue }
            let design = reader.read(String(decoding: file.bytes, as: UTF8.self), path: file.path, kind: .source)
            names.formUnion(design.types.map(\.name))
            names.formUnion(design.functions.filter { $0.typeName == nil }.map(\.name))
        }
        return names
    }

    /// One file's analysis, and its design model when its language's reader reads files one by one
    /// (nil otherwise). Called in the analysis's parallel per-file pass; a reader of the token
    /// engine's languages reads the tokens and functions the analysis made, so each file is lexed
    /// and walked once.
    static func analyzeAndRead(_ file: SourceFile) -> (FileAnalysis, FileDesign?) {
        guard let reader = reader(for: file.analyzer.language), !reader.readsFilesTogether else {
            return (file.analyzer.analyze(file.text, path: file.path), nil)
        }
        guard let analyzer = file.analyzer as? TokenAnalyzer, let tokenReader = reader as? any TokenDesignReader else {
            return (file.analyzer.analyze(file.text, path: file.path), reader.read(file.text, path: file.path, kind: file.kind))
        }
        var text = file.text
        return text.withUTF8 { bytes in
            let pass = analyzer.analyzeKeepingTokens(bytes: bytes, path: file.path)
            let tokens = CodeTokens(pass.tokens, functions: pass.functions, bytes: bytes, pairingBrackets: tokenReader.needsPairedBrackets)
            return (pass.analysis, tokenReader.read(tokens, path: file.path, kind: file.kind))
        }
    }

    /// Nil when no source file is in a language the design model reads. `designs[i]` is
    /// the design `analyzeAndRead` gave `tree.files[i]`, and `nloc[i]` its lines of code; the files
    /// of languages read together are read here, each language's files in one call. The designs
    /// keep the walk's order.
    static func read(_ tree: SourceTree, designs: [FileDesign?], nloc: [Int],
                     dependencies: [DeclaredDependency]) -> DesignAnalysis? {
        // One reader per language met, not one per file.
        var readable: [Int] = [], together: [(reader: any DesignReader, files: [Int])] = []
        for (language, indices) in Dictionary(grouping: tree.files.indices, by: { tree.files[$0].analyzer.language }) {
            guard let reader = reader(for: language) else { continue }
            readable += indices
            if reader.readsFilesTogether { together.append((reader, indices)) }
        }
        readable.sort()   // the walk's order
        guard readable.contains(where: { tree.files[$0].kind == .source }) else { return nil }
        var designs = designs
        for (reader, indices) in together {
            let read = reader.read(indices.map { (tree.files[$0].text, tree.files[$0].path, tree.files[$0].kind) })
            for (index, design) in zip(indices, read) { designs[index] = design }
        }
        let sourceNloc = readable.filter { tree.files[$0].kind == .source }.reduce(0) { $0 + nloc[$1] }
        return DesignAnalysis(files: readable.compactMap { designs[$0] }, dependencies: dependencies, sourceNloc: sourceNloc)
    }
}
