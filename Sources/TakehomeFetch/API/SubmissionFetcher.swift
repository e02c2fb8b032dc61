import Foundation
import TakehomeCore

/// Fetches a submission (git URL, local repository, plain folder or archive) and materialises its
/// files under the assignment's caps, leaving out everything unsafe with a finding for each.
public struct SubmissionFetcher: Sendable {
    public let limits: FetchLimits
    /// Where SSH settings are read from: `TAKEHOME_SSH_KEY`, `SSH_AUTH_SOCK`,
    /// `TAKEHOME_KNOWN_HOSTS`, `HOME` (see `SSHAccess`).
    public let environment: [String: String]

    public init(limits: FetchLimits, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.limits = limits
        self.environment = environment
    }

    /// Fetches `source` at `ref` (a branch, tag or commit id; HEAD when nil) into `destination`,
    /// which must not exist. On any error nothing is left on disk, neither `destination` nor a
    /// temporary.
    public func fetch(_ source: String, ref: String?, into destination: URL) async throws -> FetchedSubmission {
        let destination = destination.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        var info = stat()
        guard lstat(destination.path, &info) != 0, errno == ENOENT else {
            throw FetchError(.badInput, "the destination `\(destination.path)` already exists; the fetcher only writes into a new folder")
        }
        guard FileManager.default.fileExists(atPath: parent.path) else {
            throw FetchError(.io, "the folder `\(parent.path)` that should hold the submission does not exist")
        }
        let origin = try SourceOrigin(classifying: source)
        if origin.kind != .gitURL && origin.kind != .localRepository && ref != nil {
            throw FetchError(.badInput, "`--ref \(ref!)` needs a git repository, but `\(source)` is a \(origin.kind == .archive ? "archive" : "plain folder")")
        }
        let unique = "\(destination.lastPathComponent).takehome-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(unique).partial")
        let bare = parent.appendingPathComponent(".\(unique).git")
        let job = FetchJob(timeout: limits.timeout.seconds, temporaries: [staging, bare])
        let (limits, environment) = (self.limits, self.environment)
        return try await job.run { job in
            let materialiser = Materialiser(limits: limits, job: job, staging: staging, environment: environment)
            var fetched: FetchedSubmission
            switch origin.kind {
            case .gitURL, .localRepository:
                defer { removeTree(at: bare) }
                fetched = try materialiser.cloneGit(origin.location, ref: ref, bareRepository: bare)
            case .folder:
                fetched = try materialiser.copyFolder(URL(fileURLWithPath: origin.location))
            case .archive:
                fetched = try materialiser.extractArchive(URL(fileURLWithPath: origin.location))
            }
            fetched.source = source
            fetched.kind = origin.kind
            fetched.tree = destination
            try job.publish {
                guard rename(staging.path, destination.path) == 0 else {
                    throw FetchError(.io, "could not move the fetched tree to `\(destination.path)`: \(SystemCallError("rename").description)")
                }
            }
            return fetched
        }
    }
}

/// A source as the user gave it, recognised as one of the kinds the fetcher handles.
struct SourceOrigin: Sendable {
    var kind: SourceKind
    /// The URL or absolute path handed to the materialiser.
    var location: String

    init(classifying source: String) throws {
        let schemes = ["file://", "git://", "http://", "https://", "ssh://", "git+ssh://", "ssh+git://"]
        if schemes.contains(where: { source.lowercased().hasPrefix($0) }) {
            (kind, location) = (.gitURL, source)
            return
        }
        let path = URL(fileURLWithPath: source).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                kind = try GitRepository.openExactly(path) != nil ? .localRepository : .folder
                location = path
                return
            }
            let lower = path.lowercased()
            if lower.hasSuffix(".zip") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") {
                (kind, location) = (.archive, path)
                return
            }
            throw FetchError(.badInput, "`\(source)` is a file but not a .zip, .tar.gz or .tgz archive")
        }
        if source.range(of: #"^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:"#, options: .regularExpression) != nil {
            (kind, location) = (.gitURL, source)
            return
        }
        throw FetchError(.badInput, "`\(source)` is neither a git URL nor an existing folder, repository or archive")
    }
}
