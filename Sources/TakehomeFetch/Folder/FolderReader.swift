import Foundation
import TakehomeCore

/// Lists a folder without following any symlink (every name is `lstat`ed relative to its open
/// parent) and offers its entries; sockets, FIFOs and devices are offered as unsupported.
struct FolderReader {
    /// Skip the folder's own top-level `.git` (a plain folder that was once a repository).
    var skipTopLevelGit: Bool
    /// Stop storing files past this count (they are still counted), so huge trees cost no memory.
    var maxFiles: Int
    var checkpoint: () throws -> Void = {}

    /// The entries under `root`, and how many files (including those not stored) were seen.
    func offeredEntries(of root: DirectoryHandle) throws -> (entries: [OfferedEntry<[NameBytes]>], files: Int) {
        var offered: [OfferedEntry<[NameBytes]>] = []
        var files = 0
        var pending: [(path: [NameBytes], handle: DirectoryHandle)] = [([], root)]
        while let (folder, handle) = pending.popLast() {
            try checkpoint()
            for name in try handle.names().sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let path = folder + [name]
                if skipTopLevelGit, folder.isEmpty, name == Array(".git".utf8) { continue }
                let info = try handle.status(name)
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    offered.append(OfferedEntry(path: path, kind: .directory))
                    if PathRules.problem(in: path) == nil { pending.append((path, try handle.subdirectory(name))) }
                case S_IFREG:
                    files += 1
                    guard files <= maxFiles else { continue }
                    let executable = info.st_mode & 0o100 != 0
                    offered.append(OfferedEntry(path: path, kind: .file(size: Int64(info.st_size), executable: executable, content: path)))
                case S_IFLNK:
                    files += 1
                    guard files <= maxFiles else { continue }
                    offered.append(OfferedEntry(path: path, kind: .symlink(target: try handle.readLink(name))))
                default:
                    offered.append(OfferedEntry(path: path, kind: .unsupported("a socket, FIFO or device")))
                }
            }
        }
        return (offered, files)
    }

    /// Copies at most `size` bytes of the regular file at `path` under `root` to `fd`.
    static func copy(_ path: [NameBytes], under root: DirectoryHandle, size: Int64, to fd: Int32) throws {
        var folder = root
        for name in path.dropLast() { folder = try folder.subdirectory(name) }
        let source = try folder.openFile(path.last!)
        defer { close(source) }
        var info = stat()
        guard fstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw SystemCallError("fstat", path.last!, code: EINVAL)
        }
        var remaining = size
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while remaining > 0 {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress!, min($0.count, Int(remaining))) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SystemCallError("read", path.last!) }
            if count == 0 { break }
            try buffer.withUnsafeBytes { try writeAll(fd, UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            remaining -= Int64(count)
        }
    }
}

extension Materialiser {
    /// Copies a plain folder (never through a symlink, without its top-level `.git`).
    func copyFolder(_ url: URL) throws -> FetchedSubmission {
        do {
            let root = try DirectoryHandle.open(url.path)
            let reader = FolderReader(skipTopLevelGit: true, maxFiles: limits.maxFiles, checkpoint: job.checkpoint)
            let (offered, files) = try reader.offeredEntries(of: root)
            if files > limits.maxFiles {
                throw FetchError(.overCap, "the folder has \(Wording.count(files)) files, over the assignment's cap of \(Wording.count(limits.maxFiles)) (fetch.max-files)")
            }
            let plan = TreePlan(offered)
            try plan.checkCaps(limits, noun: "folder")
            if plan.totalBytes > limits.maxBytes.bytes {
                throw FetchError(.overCap, "the folder's files total \(Wording.size(plan.totalBytes)), over the assignment's cap of \(limits.maxBytes) (fetch.max-bytes)")
            }
            try write(plan, noun: "folder") { path, size, fd in
                try FolderReader.copy(path, under: root, size: size, to: fd)
            }
            return submission(plan, bytesReceived: plan.totalBytes)
        } catch let error as SystemCallError {
            throw FetchError(.io, "could not read the folder `\(url.path)`: \(error)")
        }
    }
}

/// Copies a materialised tree somewhere else (a run directory) under the same rules as a plain
/// folder: no symlink is followed, symlinks leading outside and special files are left out.
public enum TreeCopier {
    /// Copies the tree at `source` into `destination` (created when missing, never overwriting a
    /// name in it) and returns the number of files and symlinks copied.
    @discardableResult
    public static func copy(from source: URL, to destination: URL) throws -> Int {
        do {
            let root = try DirectoryHandle.open(source.standardizedFileURL.path)
            let (offered, _) = try FolderReader(skipTopLevelGit: false, maxFiles: .max).offeredEntries(of: root)
            let plan = TreePlan(offered)
            let target = destination.standardizedFileURL.path
            let output = FileManager.default.fileExists(atPath: target)
                ? try DirectoryHandle.open(target) : try DirectoryHandle.create(target)
            try TreeWriter(writeContent: { path, size, fd in
                try FolderReader.copy(path, under: root, size: size, to: fd)
            }, checkpoint: {}).write(plan, into: output)
            return plan.fileCount
        } catch let error as SystemCallError {
            throw FetchError(.io, "could not copy `\(source.path)` to `\(destination.path)`: \(error)")
        }
    }
}
