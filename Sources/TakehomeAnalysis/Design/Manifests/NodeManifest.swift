import Foundation

/// `package.json`: the keys of `dependencies`, `optionalDependencies` and `peerDependencies`, and
/// of `devDependencies` as development ones; each at the line where its key is written.
enum NodeManifest {
    static let sections = [("dependencies", false), ("optionalDependencies", false), ("peerDependencies", false),
                           ("devDependencies", true)]

    static func read(_ text: String, file: String) -> Manifests.FileReading {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let top = object as? [String: Any] else {
            return Manifests.FileReading(problem: "not a JSON object")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: [DeclaredDependency] = []
        for (section, isDevelopment) in sections {
            guard let table = top[section] as? [String: Any] else { continue }
            let start = lines.firstIndex { $0.contains("\"\(section)\"") } ?? 0
            for name in table.keys.sorted() {
                let at = lines[start...].firstIndex { $0.contains("\"\(name)\"") } ?? start
                found.append(DeclaredDependency(name: name, file: file, line: at + 1, isDevelopment: isDevelopment))
            }
        }
        return Manifests.FileReading(dependencies: found.sorted { ($0.line, $0.name) < ($1.line, $1.name) })
    }
}
