import Foundation
import TakehomeCore

/// Builds the design model of a walked tree: every file in a language with a design reader
/// (Python, Swift), with the dependencies the solution's manifests declare (`Manifests`).
enum DesignReading {
    /// Nil when no source file is in a language the design model reads.
    static func read(_ tree: SourceTree, sizes: SizeMetrics, dependencies: [DeclaredDependency]) -> DesignAnalysis? {
        let reader = PythonDesignReader()
        let python = tree.files.filter { $0.analyzer.language == .python }
        let swift = tree.files.filter { $0.analyzer.language == .swift }
        guard (python + swift).contains(where: { $0.kind == .source }) else { return nil }
        var designs = python.map { reader.read($0.text, path: $0.path, kind: $0.kind) }
        designs += SwiftDesignReader().read(swift.map { ($0.text, $0.path, $0.kind) })
        let sourcePaths = Set((python + swift).filter { $0.kind == .source }.map(\.path))
        let nloc = sizes.files.filter { sourcePaths.contains($0.path) }.reduce(0) { $0 + $1.nloc }
        return DesignAnalysis(files: designs, dependencies: dependencies, sourceNloc: nloc)
    }
}
