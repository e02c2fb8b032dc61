import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// What a hostile repository may hold, and what the fetcher does with it.
@Suite struct SafetyTests {
    @Test func symlinksSubmodulesHooksAndFilters() async throws {
        let scratch = try Scratch()
        let repo = try TestRepository(at: scratch.path("source"))
        try repo.write("src/main.txt", "main\n")
        try repo.write("notes.txt", "raw content\n")
        try repo.write(".gitattributes", "*.txt filter=evil\n")
        let marker = scratch.path("marker")
        try repo.git("config", "filter.evil.smudge", "touch \(marker.path); cat")
        try repo.git("config", "filter.evil.clean", "cat")
        try repo.write(".git/hooks/post-checkout", "#!/bin/sh\ntouch \(marker.path)\n")
        chmod(repo.url.appendingPathComponent(".git/hooks/post-checkout").path, 0o755)
        symlink("/etc/passwd", repo.url.appendingPathComponent("passwd").path)
        symlink("../../outside", repo.url.appendingPathComponent("src/escape").path)
        symlink("main.txt", repo.url.appendingPathComponent("src/inside").path)
        symlink("src", repo.url.appendingPathComponent("srclink").path)
        symlink("srclink/../../x", repo.url.appendingPathComponent("through").path)
        try repo.git("add", "-A")
        let head = try repo.commit("files")
        try repo.git("update-index", "--add", "--cacheinfo", "160000,\(head),vendor/sub")
        try repo.git("commit", "-q", "-m", "submodule")

        let fetched = try await SubmissionFetcher(limits: testLimits).fetch("file://\(repo.url.path)", ref: nil, into: scratch.path("tree"))
        let found = rules(fetched.findings)
        #expect(found == ["passwd": "fetch.symlink-outside", "src/escape": "fetch.symlink-outside",
                          "through": "fetch.symlink-outside", "vendor/sub": "fetch.submodule"])
        #expect(fetched.findings.allSatisfy { $0.severity == .warning })
        #expect(!exists(scratch.path("tree/passwd")))
        #expect(!exists(scratch.path("tree/src/escape")))
        #expect(!exists(scratch.path("tree/through")))
        #expect(!exists(scratch.path("tree/vendor/sub")))
        #expect(isSymlink(scratch.path("tree/src/inside")))
        #expect(isSymlink(scratch.path("tree/srclink")))
        #expect(scratch.read("tree/src/inside") == "main\n")
        #expect(scratch.read("tree/notes.txt") == "raw content\n")
        #expect(!exists(marker))
    }

    @Test func craftedGitAndDotDotPathsAreNotMaterialised() async throws {
        let scratch = try Scratch()
        let repo = try TestRepository(at: scratch.path("source"))
        let blob = try repo.git("hash-object", "-w", "--stdin", input: "[core]\n\thooksPath = /tmp\n")
        let inner = try repo.git("mktree", input: "100644 blob \(blob)\tconfig\n")
        let names = [".GIT", ".git. ", "git~1", "..", "."]
        let entries = names.map { "040000 tree \(inner)\t\($0)\n" }.joined()
            + "100644 blob \(blob)\tok.txt\n100644 blob \(blob)\t.Git\n"
        let root = try repo.git("mktree", input: entries)
        let commit = try repo.git("commit-tree", root, "-m", "crafted")
        try repo.git("update-ref", "refs/heads/main", commit)

        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(repo.url.path, ref: nil, into: scratch.path("tree"))
        let found = rules(fetched.findings)
        for name in names + [".Git"] { #expect(found[name] == "fetch.unsafe-path", "\(name)") }
        let written = try FileManager.default.contentsOfDirectory(atPath: scratch.path("tree").path)
        #expect(written == ["ok.txt"])
        #expect(fetched.fileCount == 1)
    }

    @Test func nonUTF8NamesDoNotCrash() async throws {
        let scratch = try Scratch()
        let repo = try TestRepository(at: scratch.path("source"))
        let blob = try repo.git("hash-object", "-w", "--stdin", input: "bytes\n")
        let listing = Data("100644 blob \(blob)\tcaf".utf8) + Data([0xE9]) + Data(".txt\n100644 blob \(blob)\tok.txt\n".utf8)
        let root = try run(["git", "mktree"], in: repo.url, input: listing)
        let commit = try repo.git("commit-tree", root, "-m", "latin-1 name")
        try repo.git("update-ref", "refs/heads/main", commit)

        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(repo.url.path, ref: nil, into: scratch.path("tree"))
        #expect(fetched.fileCount == 2)
        #expect(fetched.findings.isEmpty)
        let copied = try TreeCopier.copy(from: scratch.path("tree"), to: scratch.path("copy"))
        #expect(copied == 2)
        #expect(scratch.read("copy/ok.txt") == "bytes\n")
    }
}
