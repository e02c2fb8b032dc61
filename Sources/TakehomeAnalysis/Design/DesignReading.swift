import Foundation
import TakehomeCore

/// Reads one file of its language into the design model.
public protocol DesignReader: Sendable {
    func read(_ text: String, path: String, kind: CodeKind) -> FileDesign
    /// Reads all files of the language at once, in order, for readers that join what files
    /// declare (Swift's extensions of types declared elsewhere); by default one file at a time.
    func read(_ files: [(text: String, path: String, kind: CodeKind)]) -> [FileDesign]
}

extension DesignReader {
    /// Each file on its own, in order.
    public func read(_ files: [(text: String, path: String, kind: CodeKind)]) -> [FileDesign] {
        files.map { read($0.text, path: $0.path, kind: $0.kind) }
    }
}

extension PythonDesignReader: DesignReader {}
extension SwiftDesignReader: DesignReader {}

/// Builds the design model of a walked tree: every file in a language with a design reader, with
/// the dependencies the solution's manifests declare (`Manifests`).
enum DesignReading {
    /// The design reader of each language that has one; a language missing here is not read.
    static let readers: [SourceLanguage: any DesignReader] = [
        .python: PythonDesignReader(),
        .swift: SwiftDesignReader(),
        .javascript: BraceDesignReader(language: .javascript)!,
        .typescript: BraceDesignReader(language: .typescript)!,
        .java: BraceDesignReader(language: .java)!,
        .kotlin: BraceDesignReader(language: .kotlin)!,
        .csharp: BraceDesignReader(language: .csharp)!,
        .go: BraceDesignReader(language: .go)!,
        .rust: BraceDesignReader(language: .rust)!,
        .ruby: BraceDesignReader(language: .ruby)!,
        .c: BraceDesignReader(language: .c)!,
        .cpp: BraceDesignReader(language: .cpp)!,
    ]

    /// Nil when no source file is in a language the design model reads.
    static func read(_ tree: SourceTree, sizes: SizeMetrics, dependencies: [DeclaredDependency]) -> DesignAnalysis? {
        let readable = tree.files.filter { readers[$0.analyzer.language] != nil }
        guard readable.contains(where: { $0.kind == .source }) else { return nil }
        // Each language's files go to its reader together; the designs keep the walk's order.
        var designs = [FileDesign?](repeating: nil, count: readable.count)
        let byLanguage = Dictionary(grouping: readable.indices) { readable[$0].analyzer.language }
        for (language, indices) in byLanguage {
            let read = readers[language]!.read(indices.map { (readable[$0].text, readable[$0].path, readable[$0].kind) })
            for (index, design) in zip(indices, read) { designs[index] = design }
        }
        let sourcePaths = Set(readable.filter { $0.kind == .source }.map(\.path))
        let nloc = sizes.files.filter { sourcePaths.contains($0.path) }.reduce(0) { $0 + $1.nloc }
        return DesignAnalysis(files: designs.compactMap { $0 }, dependencies: dependencies, sourceNloc: nloc)
    }
}
