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

/// The design analysis of hand-made files of one brace or `end` language, given as (path, text);
/// paths under `test/` or `tests/` are tests.
func braceDesign(_ language: SourceLanguage, _ files: [(String, String)], nloc: Int = 100) -> DesignAnalysis {
    let reader = BraceDesignReader(language: language)!
    let designs = files.map { path, text in
        reader.read(text, path: path, kind: path.hasPrefix("test") ? .test : .source)
    }
    return DesignAnalysis(files: designs, dependencies: [], sourceNloc: nloc)
}

/// Each named signal's place names, sorted, for the signals named in `expected`.
func signalNames(_ analysis: DesignAnalysis, _ expected: [String: [String]]) -> [String: [String]] {
    let over = analysis.overEngineering(), structural = analysis.structural()
    var found: [String: [String]] = [:]
    for name in expected.keys {
        let signal = over.signal(name) ?? structural.signals.first { $0.name == name }
        found[name] = names(signal).sorted()
    }
    return found
}
