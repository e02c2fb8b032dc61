import TakehomeCore
@testable import TakehomeAnalysis

/// The design analysis of hand-made Python files, given as (path, text); paths under `tests/` are tests.
func design(_ files: [(String, String)], dependencies: [DeclaredDependency] = [], nloc: Int = 100) -> DesignAnalysis {
    let reader = PythonDesignReader()
    let designs = files.map { path, text in
        reader.read(text, path: path, kind: path.hasPrefix("tests/") ? .test : .source)
    }
    return DesignAnalysis(files: designs, dependencies: dependencies, sourceNloc: nloc)
}

/// The names at a signal's places, in order.
func names(_ signal: DesignSignal?) -> [String] { signal?.places.map(\.name) ?? [] }
