import Foundation

/// The dependencies a Python project declares: `requirements*.txt` lines and `pyproject.toml`'s
/// `dependencies = [...]` and `[tool.poetry.dependencies]` tables. Reads only those files.
public enum PythonManifests {
    /// Reads the manifests at the top of `folder`; paths in the result are relative to it.
    public static func dependencies(in folder: URL) -> [DeclaredDependency] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var found: [DeclaredDependency] = []
        for name in names where name.hasPrefix("requirements") && name.hasSuffix(".txt") || name == "pyproject.toml" {
            guard let text = regularFileText(folder.appendingPathComponent(name)) else { continue }
            found += name == "pyproject.toml" ? pyproject(text, file: name) : requirements(text, file: name)
        }
        return found
    }

    /// The largest manifest read.
    static let maxBytes = 1 << 20

    /// The file's text when it is a regular file (a link to elsewhere is never followed) of at most `maxBytes`.
    static func regularFileText(_ url: URL) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= maxBytes,
              let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// One requirement per line; comments, options (`-r`, `--hash`) and blank lines left out.
    static func requirements(_ text: String, file: String) -> [DeclaredDependency] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return name(entry).map { DeclaredDependency(name: $0, file: file, line: number + 1) }
        }
    }

    /// Strings inside `dependencies = [ ... ]`, and keys of `[tool.poetry.dependencies]` but `python`.
    static func pyproject(_ text: String, file: String) -> [DeclaredDependency] {
        var found: [DeclaredDependency] = [], inList = false, inPoetry = false
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && !inList { inPoetry = line == "[tool.poetry.dependencies]"; continue }
            if line.hasPrefix("dependencies") && line.contains("[") { inList = true }
            if inList {
                for (index, piece) in line.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where index % 2 == 1 {
                    if let dependency = name(String(piece)) { found.append(DeclaredDependency(name: dependency, file: file, line: number + 1)) }
                }
                if line.contains("]") && !line.hasSuffix("[") { inList = line.filter { $0 == "[" }.count > line.filter { $0 == "]" }.count }
            } else if inPoetry, let key = line.split(separator: "=").first, line.contains("="),
                      let dependency = name(String(key)), dependency != "python" {
                found.append(DeclaredDependency(name: dependency, file: file, line: number + 1))
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
