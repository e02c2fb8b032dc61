import TakehomeCore
@testable import TakehomeAnalysis

/// The design analysis of hand-made Swift files, given as (path, text); paths under `Tests/` are tests.
func swiftDesign(_ files: [(String, String)], dependencies: [DeclaredDependency] = [], nloc: Int = 100) -> DesignAnalysis {
    let designs = SwiftDesignReader().read(files.map { path, text in
        (text, path, path.hasPrefix("Tests/") ? CodeKind.test : .source)
    })
    return DesignAnalysis(files: designs, dependencies: dependencies, sourceNloc: nloc)
}
