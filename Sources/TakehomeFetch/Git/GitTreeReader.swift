import CLibGit2
import TakehomeCore

/// Walks a commit's tree (iteratively: trees may be deep or repeat) and offers its entries, with
/// blob sizes read from object headers, so the caps are checked before anything is written.
struct GitTreeReader {
    let repository: GitRepository
    let limits: FetchLimits
    let job: FetchJob

    /// Visiting more entries than this means a tree made to exhaust us (a subtree repeated many times).
    private var maxVisited: Int { max(1_000_000, limits.maxFiles * 4) }

    func offeredEntries(of commit: GitCommit) throws -> [OfferedEntry<git_oid>] {
        let odb = try repository.objectDatabase()
        var offered: [OfferedEntry<git_oid>] = []
        var files = 0
        var visited = 0
        var pending: [(path: [NameBytes], tree: git_oid)] = [([], commit.treeID)]
        while let (folder, treeID) = pending.popLast() {
            let tree = try repository.lookupTree(treeID)
            for index in 0..<tree.count {
                visited += 1
                if visited % 4_096 == 0 { try job.checkpoint() }
                guard visited <= maxVisited else {
                    throw FetchError(.overCap, "the repository's tree has more than \(Wording.count(maxVisited)) entries, over the assignment's cap of \(Wording.count(limits.maxFiles)) files (fetch.max-files)")
                }
                let entry = tree.entry(at: index)
                let path = folder + [entry.name]
                switch entry.mode {
                case 0o040000:
                    offered.append(OfferedEntry(path: path, kind: .directory))
                    if PathRules.problem(in: path) == nil { pending.append((path, entry.id)) }
                case 0o160000:
                    offered.append(OfferedEntry(path: path, kind: .submodule))
                case 0o120000:
                    files += 1
                    guard files <= limits.maxFiles else { continue }
                    let target = try odb.size(of: entry.id) < 4_096 ? try repository.lookupBlob(entry.id).withContent { Array($0) } : []
                    offered.append(OfferedEntry(path: path, kind: .symlink(target: target)))
                case 0o100644, 0o100755, 0o100664:
                    files += 1
                    guard files <= limits.maxFiles else { continue }
                    let size = try odb.size(of: entry.id)
                    offered.append(OfferedEntry(path: path, kind: .file(size: size, executable: entry.mode == 0o100755, content: entry.id)))
                default:
                    offered.append(OfferedEntry(path: path, kind: .unsupported("a tree entry of unknown mode \(String(entry.mode, radix: 8))")))
                }
            }
        }
        if files > limits.maxFiles {
            throw FetchError(.overCap, "the repository has \(Wording.count(files)) files, over the assignment's cap of \(Wording.count(limits.maxFiles)) (fetch.max-files)")
        }
        return offered
    }
}
