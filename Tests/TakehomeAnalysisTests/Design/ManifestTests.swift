import Foundation
import Testing
@testable import TakehomeAnalysis

@Suite struct ManifestTests {
    @Test func requirementsAndPyprojectDependenciesAreRead() throws {
        let scratch = try ScratchTree()
        try scratch.write("requirements.txt", "requests==2.0\n# comment\n\nnumpy>=1  # fast\n-r other.txt\nFoo_Bar[x]>=1\n")
        try scratch.write("pyproject.toml", """
            [project]
            name = "x"
            dependencies = [
              "attrs>=22",
              "pydantic",
            ]
            [tool.poetry.dependencies]
            python = "^3.11"
            click = "^8"

            """)
        try scratch.write("elsewhere/requirements.txt", "django\n")
        let found = Manifests.read(in: scratch.url).dependencies
        #expect(found == [
            DeclaredDependency(name: "attrs", file: "pyproject.toml", line: 4),
            DeclaredDependency(name: "pydantic", file: "pyproject.toml", line: 5),
            DeclaredDependency(name: "click", file: "pyproject.toml", line: 9),
            DeclaredDependency(name: "requests", file: "requirements.txt", line: 1),
            DeclaredDependency(name: "numpy", file: "requirements.txt", line: 4),
            DeclaredDependency(name: "foo-bar", file: "requirements.txt", line: 6),
        ])
    }

    @Test func aLinkedManifestIsNotFollowed() throws {
        let scratch = try ScratchTree()
        try scratch.write("outside.txt", "secret\n")
        try scratch.link("requirements.txt", to: scratch.url.appendingPathComponent("outside.txt").path)
        #expect(Manifests.read(in: scratch.url).dependencies.isEmpty)
    }
}
