import Foundation

/// `Cargo.toml`: the keys of `[dependencies]` (and `[target.….dependencies]`), and of
/// `[dev-dependencies]` and `[build-dependencies]` as development ones; `[dependencies.name]`
/// tables name one each. Workspace members' manifests are not read.
enum CargoManifest {
    static func read(_ text: String, file: String) -> Manifests.FileReading {
        var found: [DeclaredDependency] = [], section: (runtime: Bool, development: Bool) = (false, false)
        for (number, line) in Manifests.lines(text, comment: "#") {
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    return Manifests.FileReading(dependencies: found, problem: "the table header at line \(number) is never closed")
                }
                let header = line.trimmingPrefix { $0 == "[" }.prefix { $0 != "]" }
                let parts = header.split(separator: ".").map(String.init)
                let kind = parts.last { ["dependencies", "dev-dependencies", "build-dependencies"].contains($0) }
                if let kind, let position = parts.lastIndex(of: kind), position == parts.count - 2 {
                    // `[dependencies.serde]`: one dependency, written as a table.
                    found.append(DeclaredDependency(name: parts[parts.count - 1], file: file, line: number,
                                                    isDevelopment: kind != "dependencies"))
                    section = (false, false)
                } else {
                    section = (kind == "dependencies" && parts.last == kind, kind != nil && kind != "dependencies" && parts.last == kind)
                }
                continue
            }
            guard section.runtime || section.development, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { continue }
            found.append(DeclaredDependency(name: key, file: file, line: number, isDevelopment: section.development))
        }
        return Manifests.FileReading(dependencies: found)
    }
}
