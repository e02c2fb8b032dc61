import CLibGit2
import Foundation

/// Owns a `git_repository` and frees it when it goes away.
final class GitRepository {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_repository_free(pointer) }

    /// Opens the repository at exactly `path` (a work tree with `.git` or a bare repository), or nil.
    static func openExactly(_ path: String) throws -> GitRepository? {
        try Libgit2.ensureInitialised()
        var repository: OpaquePointer?
        guard git_repository_open_ext(&repository, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) == 0,
              let repository else { return nil }
        return GitRepository(repository)
    }

    /// The repository's git folder (`.git/` of a work tree, or the bare repository itself).
    var gitDirectory: String { String(cString: git_repository_path(pointer)) }

    /// Clones `url` into a new bare repository at `path`, reporting progress to `guardian`.
    static func cloneBare(_ url: String, to path: String, guardian: TransferGuard) throws -> GitRepository {
        try Libgit2.ensureInitialised()
        var options = git_clone_options()
        try gitCheck(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "git_clone_options_init")
        options.bare = 1
        options.local = GIT_CLONE_NO_LOCAL
        options.fetch_opts.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
        options.fetch_opts.callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let guardian = Unmanaged<TransferGuard>.fromOpaque(payload).takeUnretainedValue()
            return guardian.received(Int64(stats.pointee.received_bytes))
        }
        options.fetch_opts.callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<TransferGuard>.fromOpaque(payload).takeUnretainedValue().tick()
        }
        options.fetch_opts.callbacks.certificate_check = { certificate, valid, _, payload in
            guard let payload else { return -1 }
            let guardian = Unmanaged<TransferGuard>.fromOpaque(payload).takeUnretainedValue()
            let stop = guardian.tick()
            if stop != 0 { return stop }
            guard let certificate, certificate.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return valid != 0 ? 0 : -1 }
            return guardian.checkHostKey(UnsafeRawPointer(certificate).assumingMemoryBound(to: git_cert_hostkey.self).pointee)
        }
        options.fetch_opts.callbacks.credentials = { out, url, username, allowed, payload in
            guard let out, let payload else { return -1 }
            let guardian = Unmanaged<TransferGuard>.fromOpaque(payload).takeUnretainedValue()
            guard let ssh = guardian.ssh else { return GIT_PASSTHROUGH.rawValue }
            let (credential, code) = ssh.nextCredential(username: username.map { String(cString: $0) }, allowed: allowed)
            if code == GIT_EUSER.rawValue {
                return guardian.stop(ssh.authenticationFailure(url: url.map { String(cString: $0) } ?? ""))
            }
            out.pointee = credential
            return code
        }
        var repository: OpaquePointer?
        let code = withExtendedLifetime(guardian) {
            options.fetch_opts.callbacks.payload = Unmanaged.passUnretained(guardian).toOpaque()
            return git_clone(&repository, url, path, &options)
        }
        try gitCheck(code, "git_clone")
        return GitRepository(repository!)
    }

    /// The branch HEAD points at (`main`), or nil when HEAD is detached or unborn.
    var headBranch: String? {
        var reference: OpaquePointer?
        guard git_repository_head(&reference, pointer) == 0, let reference else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_is_branch(reference) != 0 else { return nil }
        return String(cString: git_reference_shorthand(reference))
    }

    /// The commit a branch, tag or (abbreviated) commit id names; HEAD when `ref` is nil. In a
    /// clone the remote's branches come first; in a repository read in place, its own branches.
    func commit(named ref: String?, inPlace: Bool = false) throws -> GitCommit {
        let branches = inPlace ? ["refs/heads/", "refs/remotes/origin/"] : ["refs/remotes/origin/", "refs/heads/"]
        let candidates = ref.map { name in branches.map { $0 + name } + ["refs/tags/\(name)", name] } ?? ["HEAD"]
        for spec in candidates {
            var object: OpaquePointer?
            guard git_revparse_single(&object, pointer, spec) == 0, let object else { continue }
            defer { git_object_free(object) }
            var peeled: OpaquePointer?
            guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else { continue }
            return GitCommit(peeled)
        }
        throw FetchError(.badInput, ref.map { "the repository has no branch, tag or commit named `\($0)`" }
            ?? "the repository has no commit at HEAD (is it empty?)")
    }

    func lookupTree(_ id: git_oid) throws -> GitTree {
        var id = id
        var tree: OpaquePointer?
        try gitCheck(git_tree_lookup(&tree, pointer, &id), "git_tree_lookup")
        return GitTree(tree!)
    }

    func lookupBlob(_ id: git_oid) throws -> GitBlob {
        var id = id
        var blob: OpaquePointer?
        try gitCheck(git_blob_lookup(&blob, pointer, &id), "git_blob_lookup")
        return GitBlob(blob!)
    }

    func objectDatabase() throws -> GitObjectDatabase {
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, pointer), "git_repository_odb")
        return GitObjectDatabase(odb!)
    }
}

/// Owns a `git_commit`.
final class GitCommit {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_commit_free(pointer) }

    var id: git_oid { git_commit_id(pointer).pointee }
    var hex: String { id.hex }
    var time: Date { Date(timeIntervalSince1970: TimeInterval(git_commit_time(pointer))) }
    var treeID: git_oid { git_commit_tree_id(pointer).pointee }
}

/// Owns a `git_tree`; its entries are valid while it lives.
final class GitTree {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_free(pointer) }

    var count: Int { git_tree_entrycount(pointer) }

    func entry(at index: Int) -> (name: NameBytes, mode: UInt32, id: git_oid) {
        let entry = git_tree_entry_byindex(pointer, index)!
        let cName = git_tree_entry_name(entry)!
        let name = Array(UnsafeRawBufferPointer(start: cName, count: strlen(cName)))
        return (name, git_tree_entry_filemode(entry).rawValue, git_tree_entry_id(entry).pointee)
    }
}

/// Owns a `git_blob`; its content is valid while it lives.
final class GitBlob {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_blob_free(pointer) }

    /// Calls `body` with the blob's raw bytes, valid only during the call.
    func withContent<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) {
            try body(UnsafeRawBufferPointer(start: git_blob_rawcontent(pointer), count: Int(git_blob_rawsize(pointer))))
        }
    }
}

/// Owns a `git_odb`, used to learn an object's size without reading it.
final class GitObjectDatabase {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_odb_free(pointer) }

    func size(of id: git_oid) throws -> Int64 {
        var id = id
        var length = 0
        var type = GIT_OBJECT_ANY
        try gitCheck(git_odb_read_header(&length, &type, pointer, &id), "git_odb_read_header")
        return Int64(length)
    }
}

extension git_oid {
    /// The 40-hex form.
    var hex: String {
        var copy = self
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, buffer.count, &copy)
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
