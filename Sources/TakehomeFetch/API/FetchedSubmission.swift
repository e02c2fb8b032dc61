import Foundation
import TakehomeCore

/// Where a submission came from, as recognised from the source the user gave.
public enum SourceKind: String, Codable, Hashable, Sendable {
    case gitURL, localRepository, folder, archive
}

/// One author of a submission's history and how many commits they wrote.
public struct CommitAuthor: Codable, Hashable, Sendable {
    public var name: String
    public var email: String
    public var commits: Int

    public init(name: String, email: String, commits: Int) {
        self.name = name
        self.email = email
        self.commits = commits
    }
}

/// A submission materialised on disk, with what is known of its origin and what was left out.
public struct FetchedSubmission: Sendable {
    /// The materialised tree (the `into` directory given to the fetcher).
    public var tree: URL
    /// The source as the user gave it.
    public var source: String
    public var kind: SourceKind
    /// The ref requested, or the branch HEAD pointed at.
    public var ref: String?
    /// The 40-hex commit id; nil for a plain folder or an archive.
    public var commit: String?
    /// The committer time of `commit`.
    public var commitTime: Date?
    /// Every author in the history reachable from `commit`, most commits first.
    public var authors: [CommitAuthor]
    /// One warning per thing that was not materialised (unsafe paths, outside symlinks, submodules).
    public var findings: [Finding]
    /// Files and symlinks written.
    public var fileCount: Int
    /// Bytes of file content written.
    public var totalBytes: Int64
    /// Bytes received from the remote, or read from the archive or folder.
    public var bytesReceived: Int64

    public init(tree: URL, source: String, kind: SourceKind, ref: String? = nil, commit: String? = nil,
                commitTime: Date? = nil, authors: [CommitAuthor] = [], findings: [Finding] = [],
                fileCount: Int = 0, totalBytes: Int64 = 0, bytesReceived: Int64 = 0) {
        self.tree = tree
        self.source = source
        self.kind = kind
        self.ref = ref
        self.commit = commit
        self.commitTime = commitTime
        self.authors = authors
        self.findings = findings
        self.fileCount = fileCount
        self.totalBytes = totalBytes
        self.bytesReceived = bytesReceived
    }
}
