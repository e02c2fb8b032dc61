import Foundation

/// The dependencies a Python project declares: `requirements*.txt` lines and `pyproject.toml`'s
/// `dependencies = [...]` and `[tool.poetry.dependencies]` tables. A requirements file named for
/// development or tests (`requirements-dev.txt`, `test-requirements.txt`) declares development ones.
enum PythonManifests {
    /// `requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`, `test-requirements.txt`.
    static func isRequirementsFile(_ name: String) -> Bool { name.hasSuffix(".txt") && name.contains("requirements") }

    /// One requirement per line; comments, options (`-r`, `--hash`) and blank lines left out.
    static func requirements(_ text: String, file: String) -> [DeclaredDependency] {
        let development = ["dev", "test"].contains { file.lowercased().contains($0) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return name(entry).map { DeclaredDependency(name: $0, file: file, line: number + 1, isDevelopment: development) }
        }
    }

    /// Strings inside `dependencies = [ ... ]` and keys of `[tool.poetry.dependencies]` but `python`;
    /// the lists of `[project.optional-dependencies]` and `[dependency-groups]` and the keys of
    /// `[tool.poetry.dev-dependencies]` and `[tool.poetry.group.*.dependencies]` as development ones.
    static func pyproject(_ text: String, file: String) -> [DeclaredDependency] {
        var found: [DeclaredDependency] = [], inList = false, listIsDevelopment = false
        var section = ""
        for (number, line) in Manifests.lines(text, comment: "#") {
            if line.hasPrefix("[") && !inList { section = line; continue }
            let poetryRuntime = section == "[tool.poetry.dependencies]"
            let poetryDevelopment = section == "[tool.poetry.dev-dependencies]"
                || section.hasPrefix("[tool.poetry.group.") && section.hasSuffix(".dependencies]")
            let listSection = section == "[project.optional-dependencies]" || section == "[dependency-groups]"
            let opensList = line.filter { $0 != " " }.contains("=[")
            if !inList, opensList, line.hasPrefix("dependencies") || listSection {
                inList = true; listIsDevelopment = listSection
            }
            if inList {
                let list = opensList ? String(line.split(separator: "=", maxSplits: 1).last ?? "") : line
                for (index, piece) in list.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where index % 2 == 1 {
                    if let dependency = name(String(piece)) {
                        found.append(DeclaredDependency(name: dependency, file: file, line: number, isDevelopment: listIsDevelopment))
                    }
                }
                if line.contains("]") { inList = line.filter { $0 == "[" }.count > line.filter { $0 == "]" }.count }
            } else if poetryRuntime || poetryDevelopment, let key = line.split(separator: "=").first, line.contains("="),
                      let dependency = name(String(key)), dependency != "python" {
                found.append(DeclaredDependency(name: dependency, file: file, line: number, isDevelopment: poetryDevelopment))
            }
        }
        return found
    }

    /// The project name at the start of a requirement (`Foo_Bar[extra]>=1.0` is `foo-bar`), normalised.
    static func name(_ entry: String) -> String? {
        let trimmed = entry.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isLetter || first.isNumber else { return nil }
        let name = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }
        return name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
    }
}
