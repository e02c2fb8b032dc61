import Foundation
import TakehomeCore

/// Builds the design model of a walked tree: every file in a language with a design reader
/// (Python so far), and the manifests at the top of the solution's folder.
enum DesignReading {
    /// Nil when no source file is in a language the design model reads.
    static func read(_ tree: SourceTree, sizes: SizeMetrics, manifestFolder: URL) -> DesignAnalysis? {
        let reader = PythonDesignReader()
        let python = tree.files.filter { $0.analyzer.language == .python }
        guard python.contains(where: { $0.kind == .source }) else { return nil }
        let designs = python.map { reader.read($0.text, path: $0.path, kind: $0.kind) }
        let sourcePaths = Set(python.filter { $0.kind == .source }.map(\.path))
        let nloc = sizes.files.filter { sourcePaths.contains($0.path) }.reduce(0) { $0 + $1.nloc }
        return DesignAnalysis(files: designs, dependencies: PythonManifests.dependencies(in: manifestFolder), sourceNloc: nloc)
    }
}
