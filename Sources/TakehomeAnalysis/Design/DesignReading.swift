import Foundation
import TakehomeCore

/// Builds the design model of a walked tree: every file in a language with a design reader
/// (Python so far), and the manifests at the top of the solution's folder.
enum DesignReading {
    /// Nil when no source file is in a language the design model reads.
    static func read(_ tree: SourceTree, sizes: SizeMetrics, manifestFolder: URL) -> DesignAnalysis? {
        read(tree, designs: tree.files.map(design), sizes: sizes, manifestFolder: manifestFolder)
    }

    /// One file's design model, nil for a language the design model does not read.
    static func design(of file: SourceFile) -> FileDesign? {
        file.analyzer.language == .python ? PythonDesignReader().read(file.text, path: file.path, kind: file.kind) : nil
    }

    /// The same from the files' models read beforehand (`designs[i]` is `design(of: tree.files[i])`).
    static func read(_ tree: SourceTree, designs: [FileDesign?], sizes: SizeMetrics, manifestFolder: URL) -> DesignAnalysis? {
        let python = tree.files.filter { $0.analyzer.language == .python }
        guard python.contains(where: { $0.kind == .source }) else { return nil }
        let sourcePaths = Set(python.filter { $0.kind == .source }.map(\.path))
        let nloc = sizes.files.filter { sourcePaths.contains($0.path) }.reduce(0) { $0 + $1.nloc }
        return DesignAnalysis(files: designs.compactMap { $0 }, dependencies: PythonManifests.dependencies(in: manifestFolder),
                              sourceNloc: nloc)
    }
}
