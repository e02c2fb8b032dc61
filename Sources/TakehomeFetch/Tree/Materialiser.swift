import Foundation
import TakehomeCore

/// Turns one kind of source into a tree under `staging`, inside a running `FetchJob`.
struct Materialiser {
    let limits: FetchLimits
    let job: FetchJob
    let staging: URL
    /// Read for SSH keys and known hosts.
    let environment: [String: String]

    /// Checks the plan's caps, then writes it under `staging` with `writeContent`.
    func write<Content>(_ plan: TreePlan<Content>, noun: String,
                        writeContent: @escaping (Content, Int64, Int32) throws -> Void) throws {
        try plan.checkCaps(limits, noun: noun)
        try job.checkpoint()
        do {
            let root = try DirectoryHandle.create(staging.path)
            try TreeWriter(writeContent: writeContent, checkpoint: job.checkpoint).write(plan, into: root)
        } catch let error as SystemCallError {
            throw FetchError(.io, "could not write the submission under `\(staging.deletingLastPathComponent().path)`: \(error)")
        }
    }

    /// A fetched submission with the plan's counts and findings.
    func submission<Content>(_ plan: TreePlan<Content>, bytesReceived: Int64) -> FetchedSubmission {
        FetchedSubmission(tree: staging, source: "", kind: .folder, findings: plan.findings,
                          fileCount: plan.fileCount, totalBytes: plan.totalBytes, bytesReceived: bytesReceived)
    }
}

extension Materialiser {
    /// The repository a `file://` URL or a path names, when it is on this machine.
    static func localRepository(_ url: String) throws -> GitRepository? {
        var path = url
        if url.lowercased().hasPrefix("file://") {
            path = String(url.dropFirst("file://".count)).removingPercentEncoding ?? String(url.dropFirst("file://".count))
        } else if url.contains("://") {
            return nil
        }
        guard path.hasPrefix("/") else { return nil }
        return try GitRepository.openExactly(path)
    }

    /// Bytes of regular files under `objects/` (loose objects and packs), not following links.
    static func objectStoreBytes(_ gitDirectory: String) -> Int64 {
        let objects = URL(fileURLWithPath: gitDirectory).appendingPathComponent("objects")
        guard let walker = FileManager.default.enumerator(at: objects, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey],
                                                          options: []) else { return 0 }
        var total: Int64 = 0
        for case let url as URL in walker {
            guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey]),
                  values.isRegularFile == true else { continue }
            total += Int64(values.fileSize ?? 0)
        }
        return total
    }

    /// Clones into a temporary bare repository (or reads a repository on this machine in place),
    /// then writes the commit's tree blob by blob (raw: no filters, no hooks, no checkout).
    func cloneGit(_ url: String, ref: String?, bareRepository: URL) throws -> FetchedSubmission {
        let guardian = TransferGuard(maxBytes: limits.maxBytes.bytes, job: job, ssh: SSHAccess(url: url, environment: environment))
        let repository: GitRepository
        var bytesRead: Int64?
        if let local = try Self.localRepository(url) {
            // A repository on this machine is read in place: its objects are the submission, and
            // their size on disk is what the byte cap measures. No second object store is made.
            let size = Self.objectStoreBytes(local.gitDirectory)
            guard size <= limits.maxBytes.bytes else {
                throw FetchError(.overCap, "the repository's objects take \(Wording.size(size)), over the assignment's cap of \(limits.maxBytes) (fetch.max-bytes)")
            }
            (repository, bytesRead) = (local, size)
        } else {
            do {
                repository = try GitRepository.cloneBare(url, to: bareRepository.path, guardian: guardian)
            } catch let error as GitError {
                if let reason = guardian.stopReason { throw reason }
                try job.checkpoint()
                throw FetchError(.unreachable, "could not fetch `\(url)`: \(error.message)")
            }
        }
        try job.checkpoint()
        let commit = try repository.commit(named: ref, inPlace: bytesRead != nil)
        do {
            let offered = try GitTreeReader(repository: repository, limits: limits, job: job).offeredEntries(of: commit)
            let plan = TreePlan(offered)
            try plan.checkCaps(limits, noun: "repository")
            let authors = try CommitHistory.authors(of: commit, in: repository, job: job)
            try write(plan, noun: "repository") { id, size, fd in
                try repository.lookupBlob(id).withContent { content in
                    guard Int64(content.count) == size else {
                        throw FetchError(.badInput, "a blob of the repository changed size while it was written")
                    }
                    try writeAll(fd, content)
                }
            }
            var fetched = submission(plan, bytesReceived: bytesRead ?? guardian.receivedBytes)
            fetched.ref = ref ?? repository.headBranch
            fetched.commit = commit.hex
            fetched.commitTime = commit.time
            fetched.authors = authors
            return fetched
        } catch let error as GitError {
            throw FetchError(.badInput, "the repository at `\(url)` could not be read: \(error.message)")
        }
    }
}
