import Foundation
import Testing
import TakehomeCore
@testable import TakehomeAnalysis

private let registry = LanguageRegistry([LineAnalyzer()])

private func walk(_ scratch: ScratchTree, maxFileBytes: Int = 2 << 20, starter: StarterFiles = StarterFiles()) throws -> SourceTree {
    try SourceTreeWalker(registry: registry, maxFileBytes: maxFileBytes, starter: starter).walk(scratch.url)
}

private func reasons(_ entries: [ExcludedPath]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.reason) })
}

@Suite struct SourceTreeWalkerTests {
    @Test func symbolicLinksAreListedAndNeverFollowed() throws {
        let outside = try ScratchTree()
        try outside.write("secret.py", "def leaked():\n    pass\n")
        try outside.write("lib/more.py", "def leaked_too():\n    pass\n")
        let scratch = try ScratchTree()
        try scratch.write("app.py", "def main():\n    pass\n")
        try scratch.link("file-link.py", to: outside.url.appendingPathComponent("secret.py").path)
        try scratch.link("dir-link", to: outside.url.appendingPathComponent("lib").path)
        try scratch.link("dangling.py", to: "/nonexistent/nothing.py")
        let tree = try walk(scratch)
        #expect(tree.files.map(\.path) == ["app.py"])
        #expect(reasons(tree.skipped) == ["file-link.py": "symbolic link: not followed",
                                          "dir-link": "symbolic link: not followed",
                                          "dangling.py": "symbolic link: not followed"])
        #expect(!tree.files.contains { $0.text.contains("leaked") })
    }

    @Test func aRootThatIsALinkOrMissingIsAnInputError() throws {
        let scratch = try ScratchTree()
        try scratch.write("real/app.py", "x = 1\n")
        try scratch.link("alias", to: scratch.url.appendingPathComponent("real").path)
        let linked = #expect(throws: TakehomeError.self) {
            try SourceTreeWalker(registry: registry).walk(scratch.url.appendingPathComponent("alias"))
        }
        #expect(linked?.exitCode == .dataError)
        #expect(linked?.message.contains("symbolic link") == true)
        let viaSubfolder = #expect(throws: TakehomeError.self) {
            try SourceTreeWalker(registry: registry).walk(scratch.url, subfolder: "alias")
        }
        #expect(viaSubfolder?.message.contains("symbolic link") == true)
        let missing = #expect(throws: TakehomeError.self) {
            try SourceTreeWalker(registry: registry).walk(scratch.url.appendingPathComponent("nowhere"))
        }
        #expect(missing?.message.hasSuffix("no such folder") == true)
        #expect(try SourceTreeWalker(registry: registry).walk(scratch.url, subfolder: "real").files.map(\.path) == ["app.py"])
    }

    @Test func binaryFilesAreSkippedAndNonUTF8TextIsReadLeniently() throws {
        let scratch = try ScratchTree()
        try scratch.write("image.py", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try scratch.write("logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        // "café = 1" in Latin-1: 0xE9 is not UTF-8.
        try scratch.write("latin.py", bytes: Array("caf".utf8) + [0xE9] + Array(" = 1\n".utf8))
        let tree = try walk(scratch)
        #expect(reasons(tree.skipped) == ["image.py": "binary", "logo.png": "binary"])
        let latin = try #require(tree.files.first { $0.path == "latin.py" })
        #expect(latin.text == "caf\u{FFFD} = 1\n")
        #expect(latin.notes == ["not valid UTF-8: read with replacement characters"])
    }

    @Test func unknownLanguagesAndOversizedFilesAreSkippedWithANote() throws {
        let scratch = try ScratchTree()
        try scratch.write("README.md", "# Read me\n")
        try scratch.write("Makefile", "all:\n")
        try scratch.write("big.py", String(repeating: "x = 1\n", count: 400))
        try scratch.write("small.py", "x = 1\n")
        let tree = try walk(scratch, maxFileBytes: 1024)
        #expect(reasons(tree.skipped) == ["README.md": "skipped: unknown language", "Makefile": "skipped: unknown language",
                                          "big.py": "larger than 1 KiB (2.3 KiB): not analysed"])
        #expect(tree.files.map(\.path) == ["small.py"])
    }

    @Test(arguments: ["node_modules", ".build", "vendor", "dist", "build", "target", "__pycache__", ".venv", "Pods"])
    func dependencyAndBuildFoldersAreLeftOutWhole(_ folder: String) throws {
        let scratch = try ScratchTree()
        try scratch.write("app.py", "x = 1\n")
        try scratch.write("\(folder)/lib.py", "y = 2\n")
        try scratch.write("\(folder)/deep/er.py", "z = 3\n")
        try scratch.write("src/\(folder)/nested.py", "z = 3\n")
        let tree = try walk(scratch)
        #expect(tree.files.map(\.path) == ["app.py"])
        #expect(Set(tree.leftOut.map(\.path)) == ["\(folder)/", "src/\(folder)/"])
        #expect(tree.leftOut.allSatisfy { $0.reason == LeftOutRules.folders[folder] })
    }

    @Test func versionControlMetadataIsNeitherReadNorListed() throws {
        let scratch = try ScratchTree()
        try scratch.write(".git/hooks/pre-commit.py", "x = 1\n")
        try scratch.write("app.py", "x = 1\n")
        let tree = try walk(scratch)
        #expect(tree.files.map(\.path) == ["app.py"])
        #expect(tree.leftOut.isEmpty && tree.skipped.isEmpty)
    }

    @Test(arguments: [
        ("gen.py", "# @generated by protoc\nx = 1\n", "generated (marked “@generated”)"),
        ("model.py", "# Code generated by sqlc. DO NOT EDIT.\nx = 1\n", "generated (marked “Code generated”)"),
        ("Form.py", "// <auto-generated>\n//   by a tool\n// </auto-generated>\nx = 1\n", "generated (marked “<auto-generated”)"),
        ("app.min.js", "var a=1;", "minified (min.js)"),
        ("style.min.css", "a{b:c}", "minified (min.css)"),
        ("api_pb2.py", "x = 1\n", "generated (_pb2.py)"),
    ])
    func generatedAndMinifiedFilesAreLeftOut(name: String, text: String, reason: String) throws {
        let scratch = try ScratchTree()
        try scratch.write(name, text)
        try scratch.write("own.py", "# written by hand; mentions generated code\nx = 1\n")
        let tree = try walk(scratch)
        #expect(reasons(tree.leftOut) == [name: reason])
        #expect(tree.files.map(\.path) == ["own.py"])
    }

    @Test func aFileOfVeryLongLinesIsLeftOutAsMinified() throws {
        let scratch = try ScratchTree()
        try scratch.write("bundle.py", String(repeating: "a=1;", count: 5000) + "\n")
        try scratch.write("long-but-normal.py", String(repeating: "x = 1  # a comment of ordinary length\n", count: 300))
        let tree = try walk(scratch)
        #expect(reasons(tree.leftOut) == ["bundle.py": "minified (lines average 10000 characters)"])
        #expect(tree.files.map(\.path) == ["long-but-normal.py"])
    }

    @Test(.timeLimit(.minutes(5)))
    func aTenMegabyteOneLineFileIsSkippedWithANoteWithoutBeingRead() throws {
        let scratch = try ScratchTree()
        try scratch.write("huge.py", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20))
        let metrics = try MetricsAnalyzer(registry: registry).analyze(scratch.url)
        #expect(metrics.size.skipped == [ExcludedPath(path: "huge.py", reason: "larger than 2 MiB (10 MiB): not analysed")])
        #expect(metrics.size.files.isEmpty)
    }

    @Test func starterFilesUnchangedAreLeftOutAndChangedOnesCount() throws {
        let starter = try ScratchTree()
        try starter.write("shiftpay.py", "def pay(shifts):\n    pass\n")
        try starter.write("tests/test_example.py", "def test_example():\n    pass\n")
        try starter.write("README.md", "# Shift pay\n")
        let scratch = try ScratchTree()
        try scratch.write("shiftpay.py", "def pay(shifts):\n    return 0\n")
        try scratch.write("tests/test_example.py", "def test_example():\n    pass\n")
        try scratch.write("docs/README.md", "# Shift pay\n")
        let tree = try walk(scratch, starter: try StarterFiles(folder: starter.url))
        #expect(reasons(tree.leftOut) == ["tests/test_example.py": "starter code, unchanged from starter/tests/test_example.py",
                                          "docs/README.md": "starter code, unchanged from starter/README.md"])
        #expect(tree.files.map(\.path) == ["shiftpay.py"])
    }

    @Test(.timeLimit(.minutes(5)))
    func specialFilesAreSkippedWithoutBlocking() throws {
        let scratch = try ScratchTree()
        try scratch.write("app.py", "x = 1\n")
        #expect(mkfifo(scratch.url.appendingPathComponent("pipe.py").path, 0o644) == 0)
        let tree = try walk(scratch)
        #expect(reasons(tree.skipped) == ["pipe.py": "not a regular file"])
        #expect(tree.files.map(\.path) == ["app.py"])
    }
}
