import Foundation

/// Writes a `TreePlan` under a folder: folders first, then files, then symlinks (so nothing is ever
/// written through a symlink), each name created fresh relative to its open parent folder.
struct TreeWriter<Content> {
    /// Writes one file's content to the open descriptor; must write exactly `size` bytes.
    var writeContent: (_ content: Content, _ size: Int64, _ fd: Int32) throws -> Void
    /// Called between entries; throws to stop (time-out, cancellation).
    var checkpoint: () throws -> Void

    func write(_ plan: TreePlan<Content>, into root: DirectoryHandle) throws {
        var cache = FolderCache(root: root)
        for folder in plan.directories {
            try checkpoint()
            _ = try cache.folder(folder)
        }
        for file in plan.files {
            try checkpoint()
            let parent = try cache.folder(Array(file.path.dropLast()))
            let fd = try parent.createFile(file.path.last!, mode: file.executable ? 0o755 : 0o644)
            defer { close(fd) }
            try writeContent(file.content, file.size, fd)
        }
        for link in plan.symlinks {
            try checkpoint()
            try cache.folder(Array(link.path.dropLast())).makeSymlink(link.path.last!, target: link.target)
        }
    }
}

/// Open handles of the folders of the last path written, so a folder of many files is opened once.
private struct FolderCache {
    var chain: [(name: NameBytes, handle: DirectoryHandle)] = []
    let root: DirectoryHandle

    init(root: DirectoryHandle) { self.root = root }

    mutating func folder(_ path: [NameBytes]) throws -> DirectoryHandle {
        var common = 0
        while common < min(chain.count, path.count), chain[common].name == path[common] { common += 1 }
        chain.removeSubrange(common...)
        for name in path[common...] {
            let parent = chain.last?.handle ?? root
            chain.append((name, try parent.makeSubdirectory(name)))
        }
        return chain.last?.handle ?? root
    }
}
