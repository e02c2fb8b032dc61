/// `Gemfile`: every `gem "name"`; those inside a `group :development`/`:test` block, or with
/// `group: :test` (or `groups: [...]` naming only those) on their line, as development ones.
enum GemfileManifest {
    static let developmentGroups: Set<String> = ["development", "test"]

    static func read(_ text: String, file: String) -> Manifests.FileReading {
        var found: [DeclaredDependency] = []
        // Each open `do` block: whether it is a development group.
        var blocks: [Bool] = []
        for (number, line) in Manifests.lines(text, comment: "#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" })
            if words.first == "end" { _ = blocks.popLast(); continue }
            if words.last == "do" || line.hasSuffix(" do") || line.contains(" do |") {
                blocks.append(words.first == "group" && groups(in: line).isSubset(of: developmentGroups) && !groups(in: line).isEmpty)
                continue
            }
            guard words.first == "gem", let name = Manifests.firstQuoted(line), !name.isEmpty else { continue }
            let ownGroups = groups(in: line.components(separatedBy: "group").dropFirst().joined(separator: " "))
            let development = blocks.contains(true) || !ownGroups.isEmpty && ownGroups.isSubset(of: developmentGroups)
            found.append(DeclaredDependency(name: name, file: file, line: number, isDevelopment: development))
        }
        return Manifests.FileReading(dependencies: found)
    }

    /// The symbols named in a line (`group :development, :test do` gives development and test).
    static func groups(in text: some StringProtocol) -> Set<String> {
        Set(text.split(separator: ":").dropFirst().compactMap { part in
            let name = part.prefix { $0.isLetter || $0 == "_" }
            return name.isEmpty ? nil : String(name)
        })
    }
}
