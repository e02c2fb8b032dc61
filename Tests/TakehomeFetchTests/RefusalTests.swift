import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// Every refusal names its cap, maps to its exit code and leaves nothing in the scratch folder.
@Suite struct RefusalTests {
    private func repository(in scratch: Scratch, files: Int = 3, bigFile: Int = 0) throws -> TestRepository {
        let repo = try TestRepository(at: scratch.path("source"))
        for index in 0..<files { try repo.write("f\(index).txt", "file \(index)\n") }
        if bigFile > 0 {
            var generator = SystemRandomNumberGenerator()
            let noise = Data((0..<bigFile).map { _ in UInt8.random(in: 0...255, using: &generator) })
            try noise.write(to: repo.url.appendingPathComponent("big.bin"))
        }
        try repo.commit("files")
        return repo
    }

    private func expectRefusal(_ source: String, _ limits: FetchLimits, in scratch: Scratch,
                               kind: FetchError.Kind, mentioning cap: String) async throws {
        let before = scratch.names
        let error = await fetchError(source, limits: limits, into: scratch.path("tree"))
        #expect(error?.kind == kind)
        #expect(error?.exitCode == (kind == .overCap ? .dataError : .tempFailure))
        #expect(error?.message.contains(cap) == true, "\(error?.message ?? "no error")")
        #expect(scratch.names == before)
    }

    @Test func overMaxFiles() async throws {
        let scratch = try Scratch()
        let repo = try repository(in: scratch, files: 30)
        var limits = testLimits
        limits.maxFiles = 20
        try await expectRefusal("file://\(repo.url.path)", limits, in: scratch, kind: .overCap,
                                mentioning: "the repository has 30 files, over the assignment's cap of 20 (fetch.max-files)")
    }

    @Test func overMaxFileSize() async throws {
        let scratch = try Scratch()
        let repo = try repository(in: scratch, bigFile: 200_000)
        var limits = testLimits
        limits.maxFileSize = ByteSize(bytes: 100 << 10)
        try await expectRefusal(repo.url.path, limits, in: scratch, kind: .overCap, mentioning: "`big.bin` is 195.3 KiB, over the assignment's cap of 100 KiB (fetch.max-file-size)")
    }

    @Test func overMaxTreeSize() async throws {
        let scratch = try Scratch()
        let repo = try repository(in: scratch, files: 40)
        var limits = testLimits
        limits.maxTreeSize = ByteSize(bytes: 100)
        try await expectRefusal(repo.url.path, limits, in: scratch, kind: .overCap, mentioning: "(fetch.max-tree-size)")
    }

    @Test func overMaxBytesReceived() async throws {
        let scratch = try Scratch()
        let repo = try repository(in: scratch, bigFile: 2 << 20)
        var limits = testLimits
        limits.maxBytes = ByteSize(bytes: 256 << 10)
        try await expectRefusal("file://\(repo.url.path)", limits, in: scratch, kind: .overCap,
                                mentioning: "over the assignment's cap of 256 KiB (fetch.max-bytes)")
    }

    @Test func closedPortIsUnreachable() async throws {
        let scratch = try Scratch()
        let port = try Loopback.freePort()
        try await expectRefusal("git://127.0.0.1:\(port)/repo", testLimits, in: scratch, kind: .unreachable, mentioning: "could not fetch")
    }

    // The limit guards against a fetch that never gives up; how fast it gives up is `make bench`'s business.
    @Test(.timeLimit(.minutes(5))) func silentServerTimesOut() async throws {
        let scratch = try Scratch()
        let listener = try Loopback.SilentListener()
        var limits = testLimits
        limits.timeout = TimeSpan(seconds: 1)
        try await expectRefusal("git://127.0.0.1:\(listener.port)/repo", limits, in: scratch, kind: .timedOut, mentioning: "(fetch.timeout)")
        withExtendedLifetime(listener) {}
    }

    @Test func hundredThousandFilesAreRefusedWithoutCrashing() async throws {
        let scratch = try Scratch()
        let repo = try TestRepository(at: scratch.path("source"))
        let blob = try repo.git("hash-object", "-w", "--stdin", input: "x\n")
        let leaf = try repo.git("mktree", input: (0..<1_000).map { "100644 blob \(blob)\tf\($0)\n" }.joined())
        let root = try repo.git("mktree", input: (0..<100).map { "040000 tree \(leaf)\td\($0)\n" }.joined())
        let commit = try repo.git("commit-tree", root, "-m", "many")
        try repo.git("update-ref", "refs/heads/main", commit)
        var limits = testLimits
        limits.maxFiles = 20_000
        try await expectRefusal(repo.url.path, limits, in: scratch, kind: .overCap,
                                mentioning: "the repository has 100 000 files, over the assignment's cap of 20 000 (fetch.max-files)")
    }
}
