import Foundation

/// `pom.xml`: each `<dependency>` as `groupId:artifactId`, at the line of its `<artifactId>`;
/// `<scope>test</scope>` makes it a development one. Dependencies under `<dependencyManagement>`
/// only pin versions and are left out; so are plugins.
enum MavenManifest {
    static func read(_ text: String, file: String) -> Manifests.FileReading {
        var found: [DeclaredDependency] = []
        var managed = 0, plugin = 0
        var open: (line: Int, group: String?, artifact: String?, artifactLine: Int?, scope: String?)?
        for (number, line) in Manifests.lines(text, comment: nil) {
            if line.contains("<dependencyManagement>") { managed += 1 }
            if line.contains("</dependencyManagement>") { managed -= 1 }
            if line.contains("<plugin>") { plugin += 1 }
            if line.contains("</plugin>") { plugin -= 1 }
            if line.contains("<dependency>") {
                if let open { return Manifests.FileReading(dependencies: found, problem: "the <dependency> at line \(open.line) is never closed") }
                open = (number, nil, nil, nil, nil)
            }
            guard var current = open else { continue }
            if let value = element("groupId", in: line) { current.group = value }
            if let value = element("artifactId", in: line) { current.artifact = value; current.artifactLine = number }
            if let value = element("scope", in: line) { current.scope = value }
            open = current
            if line.contains("</dependency>") {
                open = nil
                guard managed == 0, plugin == 0, let artifact = current.artifact else { continue }
                let name = current.group.map { "\($0):\(artifact)" } ?? artifact
                found.append(DeclaredDependency(name: name, file: file, line: current.artifactLine ?? current.line,
                                                isDevelopment: current.scope == "test"))
            }
        }
        let problem = open.map { "the <dependency> at line \($0.line) is never closed" }
        return Manifests.FileReading(dependencies: found, problem: problem)
    }

    /// The text of `<name>text</name>` on a line.
    static func element(_ name: String, in line: String) -> String? {
        guard let start = line.range(of: "<\(name)>"), let end = line.range(of: "</\(name)>"),
              start.upperBound <= end.lowerBound else { return nil }
        return line[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
    }
}
