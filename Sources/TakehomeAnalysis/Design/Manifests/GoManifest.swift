/// `go.mod`: the modules of `require` lines and `require ( … )` blocks. Modules marked
/// `// indirect` are what a dependency needs, not a choice of the solution's, and are left out.
enum GoManifest {
    static func read(_ text: String, file: String) -> Manifests.FileReading {
        var found: [DeclaredDependency] = [], inBlock = false, blockLine = 0
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indirect = raw.contains("// indirect")
            let line = (raw.range(of: "//").map { raw[..<$0.lowerBound] } ?? raw).trimmingCharacters(in: .whitespaces)
            var entry: Substring?
            if inBlock {
                if line.hasPrefix(")") { inBlock = false; continue }
                entry = Substring(line)
            } else if line.hasPrefix("require") {
                let rest = line.dropFirst("require".count).trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("(") { inBlock = true; blockLine = number + 1; continue }
                entry = Substring(rest)
            }
            guard let entry, !indirect, let module = entry.split(separator: " ").first, !module.isEmpty else { continue }
            found.append(DeclaredDependency(name: String(module), file: file, line: number + 1))
        }
        return Manifests.FileReading(dependencies: found,
                                     problem: inBlock ? "the require block opened at line \(blockLine) is never closed" : nil)
    }
}
