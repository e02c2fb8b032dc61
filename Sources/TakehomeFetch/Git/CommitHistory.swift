import CLibGit2

/// The authors of every commit reachable from a commit, most commits first.
enum CommitHistory {
    static func authors(of commit: GitCommit, in repository: GitRepository, job: FetchJob) throws -> [CommitAuthor] {
        var walk: OpaquePointer?
        try gitCheck(git_revwalk_new(&walk, repository.pointer), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        var start = commit.id
        try gitCheck(git_revwalk_push(walk, &start), "git_revwalk_push")
        var counts: [AuthorKey: Int] = [:]
        var id = git_oid()
        var seen = 0
        while git_revwalk_next(&id, walk) == 0 {
            seen += 1
            if seen % 1_000 == 0 { try job.checkpoint() }
            var object: OpaquePointer?
            guard git_commit_lookup(&object, repository.pointer, &id) == 0, let object else { continue }
            defer { git_commit_free(object) }
            guard let signature = git_commit_author(object) else { continue }
            let key = AuthorKey(name: String(cString: signature.pointee.name), email: String(cString: signature.pointee.email))
            counts[key, default: 0] += 1
        }
        return counts
            .map { CommitAuthor(name: $0.key.name, email: $0.key.email, commits: $0.value) }
            .sorted { ($1.commits, $0.name, $0.email) < ($0.commits, $1.name, $1.email) }
    }

    private struct AuthorKey: Hashable {
        var name: String
        var email: String
    }
}
