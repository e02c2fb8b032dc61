import Foundation
import TakehomeCore

/// Reads one file of its language into the design model.
public protocol DesignReader: Sendable {
    func read(_ text: String, path: String, kind: CodeKind) -> FileDesign
}

extension PythonDesignReader: DesignReader {}

/// Builds the design model of a walked tree: every file in a language with a design reader, and
/// the manifests at the top of the solution's folder.
enum DesignReading {
    /// The design reader of each language that has one; a language missing here is not read.
    static let readers: [SourceLanguage: any DesignReader] = [
        .python: PythonDesignReader(),
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
    static func read(_ tree: SourceTree, sizes: SizeMetrics, manifestFolder: URL) -> DesignAnalysis? {
        let readable = tree.files.filter { readers[$0.analyzer.language] != nil }
        guard readable.contains(where: { $0.kind == .source }) else { return nil }
        let designs = readable.map { file in
            readers[file.analyzer.language]!.read(file.text, path: file.path, kind: file.kind)
        }
        let sourcePaths = Set(readable.filter { $0.kind == .source }.map(\.path))
        let nloc = sizes.files.filter { sourcePaths.contains($0.path) }.reduce(0) { $0 + $1.nloc }
        return DesignAnalysis(files: designs, dependencies: PythonManifests.dependencies(in: manifestFolder), sourceNloc: nloc)
    }
}
