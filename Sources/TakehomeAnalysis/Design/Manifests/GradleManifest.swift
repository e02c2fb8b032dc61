/// `build.gradle` and `build.gradle.kts`: each dependency of a configuration (`implementation`,
/// `api`, `compileOnly`, `runtimeOnly`, `annotationProcessor`, `kapt`, `ksp`, and `test…` or
/// `androidTest…` ones as development), as `group:name` from `"group:name:version"`,
/// `group: 'g', name: 'n'` or `kotlin("x")`, or as written for a catalog entry (`libs.guava`).
/// `project(':core')` is the build's own module and left out.
enum GradleManifest {
    static let runtime: Set<String> = ["implementation", "api", "compileOnly", "runtimeOnly", "annotationProcessor",
                                       "kapt", "ksp", "compile", "runtime"]

    static func read(_ text: String, file: String) -> Manifests.FileReading {
        var found: [DeclaredDependency] = [], depth = 0
        for (number, line) in Manifests.lines(text, comment: "//") {
            depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
            let configuration = String(line.prefix { $0.isLetter || $0.isNumber })
            let isDevelopment = configuration.hasPrefix("test") || configuration.hasPrefix("androidTest")
            guard runtime.contains(configuration) || isDevelopment && configuration.count > 4,
                  let name = dependency(String(line.dropFirst(configuration.count))) else { continue }
            found.append(DeclaredDependency(name: name, file: file, line: number, isDevelopment: isDevelopment))
        }
        return Manifests.FileReading(dependencies: found, problem: depth != 0 ? "its braces do not balance" : nil)
    }

    /// The dependency named by what follows a configuration word.
    static func dependency(_ rest: String) -> String? {
        let rest = rest.trimmingPrefix { $0 == " " || $0 == "(" }
        if rest.hasPrefix("project") { return nil }
        if rest.hasPrefix("kotlin(") { return Manifests.firstQuoted(rest).map { "kotlin-\($0)" } }
        if rest.hasPrefix("group") {
            let parts = rest.split(separator: ",")
            let group = parts.first { $0.contains("group") }.flatMap { Manifests.firstQuoted($0) }
            let name = parts.first { $0.contains("name") }.flatMap { Manifests.firstQuoted($0) }
            return name.map { name in group.map { "\($0):\(name)" } ?? name }
        }
        if let quoted = Manifests.firstQuoted(rest) {
            let parts = quoted.split(separator: ":")
            return parts.count >= 2 ? "\(parts[0]):\(parts[1])" : (quoted.isEmpty ? nil : quoted)
        }
        let reference = rest.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
        return reference.isEmpty ? nil : String(reference)
    }
}
