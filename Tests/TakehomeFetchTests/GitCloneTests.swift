import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// A repository with two authors, a branch, a tag and three commits on main.
private func makeHistory(in scratch: Scratch) throws -> (repo: TestRepository, first: String, head: String) {
    let repo = try TestRepository(at: scratch.path("source"))
    try repo.write("README.md", "# one\n")
    let first = try repo.commit("first", date: 1_700_000_000)
    try repo.git("tag", "v1")
    try repo.write("src/main.py", "print('hi')\n")
    try repo.commit("second", author: ("Grace", "grace@example.com"), date: 1_700_000_100)
    try repo.git("branch", "feature")
    try repo.write("src/main.py", "print('hello')\n")
    let head = try repo.commit("third", date: 1_700_000_200)
    try repo.git("checkout", "-q", "feature")
    try repo.write("feature.txt", "only on feature\n")
    try repo.commit("feature work", author: ("Grace", "grace@example.com"), date: 1_700_000_300)
    try repo.git("checkout", "-q", "main")
    return (repo, first, head)
}

@Suite struct GitCloneTests {
    @Test func fileURLCloneMatchesTheRepository() async throws {
        let scratch = try Scratch()
        let (repo, _, head) = try makeHistory(in: scratch)
        try repo.write("uncommitted.txt", "not committed\n")
        let into = scratch.path("tree")
        let fetched = try await SubmissionFetcher(limits: testLimits).fetch("file://\(repo.url.path)", ref: nil, into: into)

        #expect(fetched.kind == .gitURL)
        #expect(fetched.commit == head)
        #expect(fetched.ref == "main")
        #expect(fetched.commitTime == Date(timeIntervalSince1970: 1_700_000_200))
        #expect(fetched.authors == [CommitAuthor(name: "Ada", email: "ada@example.com", commits: 2),
                                    CommitAuthor(name: "Grace", email: "grace@example.com", commits: 1)])
        #expect(scratch.read("tree/README.md") == "# one\n")
        #expect(scratch.read("tree/src/main.py") == "print('hello')\n")
        #expect(!exists(into.appendingPathComponent("uncommitted.txt")))
        #expect(!exists(into.appendingPathComponent("feature.txt")))
        #expect(!exists(into.appendingPathComponent(".git")))
        #expect(fetched.fileCount == 2)
        #expect(fetched.totalBytes == 6 + 15)
        #expect(fetched.bytesReceived > 0)
        #expect(fetched.findings.isEmpty)
        #expect(scratch.names == ["source", "tree"])
    }

    @Test(arguments: ["feature", "v1", "full", "short"])
    func refSelectsTheCommit(_ which: String) async throws {
        let scratch = try Scratch()
        let (repo, first, _) = try makeHistory(in: scratch)
        let featureHead = try repo.git("rev-parse", "feature")
        let (ref, expected) = switch which {
        case "feature": ("feature", featureHead)
        case "v1": ("v1", first)
        case "full": (first, first)
        default: (String(featureHead.prefix(8)), featureHead)
        }
        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(repo.url.path, ref: ref, into: scratch.path("tree"))
        #expect(fetched.kind == .localRepository)
        #expect(fetched.commit == expected)
        #expect(fetched.ref == ref)
        #expect(exists(scratch.path("tree/feature.txt")) == (expected == featureHead))
        #expect(exists(scratch.path("tree/src/main.py")) == (expected != first))
    }

    @Test func unknownRefIsBadInputAndLeavesNothing() async throws {
        let scratch = try Scratch()
        let (repo, _, _) = try makeHistory(in: scratch)
        let error = await fetchError(repo.url.path, ref: "no-such-branch", limits: testLimits, into: scratch.path("tree"))
        #expect(error?.kind == .badInput)
        #expect(error?.exitCode == .dataError)
        #expect(scratch.names == ["source"])
    }

    @Test func bareRepositoryIsCloned() async throws {
        let scratch = try Scratch()
        let (repo, _, head) = try makeHistory(in: scratch)
        try run(["git", "clone", "-q", "--bare", repo.url.path, scratch.path("bare.git").path], in: scratch.url)
        let fetched = try await SubmissionFetcher(limits: testLimits).fetch(scratch.path("bare.git").path, ref: nil, into: scratch.path("tree"))
        #expect(fetched.kind == .localRepository)
        #expect(fetched.commit == head)
    }

    @Test func gitDaemonOnLoopback() async throws {
        let scratch = try Scratch()
        let (repo, _, head) = try makeHistory(in: scratch)
        let port = try Loopback.freePort()
        let daemon = try ServerProcess([try run(["git", "--exec-path"], in: scratch.url) + "/git-daemon", "--export-all", "--base-path=\(scratch.url.path)", "--port=\(port)",
                                        "--listen=127.0.0.1", "--reuseaddr", scratch.url.path], in: scratch.url)
        try Loopback.waitForListener(port: port)
        let fetched = try await SubmissionFetcher(limits: testLimits).fetch("git://127.0.0.1:\(port)/source", ref: nil, into: scratch.path("tree"))
        #expect(fetched.commit == head)
        #expect(fetched.bytesReceived > 0)
        #expect(scratch.read("tree/src/main.py") == "print('hello')\n")
        withExtendedLifetime(daemon) {}
        _ = repo
    }

    @Test func smartHTTPOnLoopback() async throws {
        let scratch = try Scratch()
        let (repo, _, head) = try makeHistory(in: scratch)
        try run(["git", "clone", "-q", "--bare", repo.url.path, scratch.path("repo.git").path], in: scratch.url)
        try scratch.write("server.py", httpBackendScript)
        let port = try Loopback.freePort()
        let server = try ServerProcess(["python3", scratch.path("server.py").path, scratch.url.path, "\(port)"], in: scratch.url)
        try Loopback.waitForListener(port: port)
        let fetched = try await SubmissionFetcher(limits: testLimits).fetch("http://127.0.0.1:\(port)/repo.git", ref: "v1", into: scratch.path("tree"))
        #expect(fetched.commit == (try repo.git("rev-parse", "v1^{commit}")))
        #expect(fetched.commit != head)
        #expect(scratch.read("tree/README.md") == "# one\n")
        withExtendedLifetime(server) {}
    }
}
