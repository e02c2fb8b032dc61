import CSandboxSpawn
import Foundation
import TakehomeCore

/// Reads back a file that sandboxed code could have written or replaced (result files, coverage),
/// trusting nothing about it: the path is resolved only beneath a folder the harness made, no
/// symbolic link is followed anywhere on it, only a regular file is read (no FIFO, device or
/// socket), a sparse file is refused, and at most `limit` bytes are read.
public struct UntrustedFile: Sendable {
    /// What reading found.
    public enum Outcome: Sendable, Equatable {
        /// Nothing at that path.
        case absent
        /// Something is there but was not read; the sentence says why.
        case refused(String)
        case data(Data)
    }

    /// The largest file read.
    public var limit: Int
    /// false: resolve with an O_NOFOLLOW walk, as on kernels without openat2 (tests use it).
    var useOpenat2 = true

    /// Files above this size must have most of their bytes on disk.
    static let sparseThreshold = 64 << 10

    public init(limit: Int = 16 << 20) {
        self.limit = limit
    }

    /// Reads `relativePath` beneath `directory`; `name` words the sentences ("the result file").
    public func read(_ relativePath: String, beneath directory: URL, name: String = "the file") -> Outcome {
        let parts = relativePath.split(separator: "/").map(String.init)
        guard !parts.isEmpty, !relativePath.hasPrefix("/"), !parts.contains(".."), !parts.contains(".") else {
            return .refused("\(name) has a path that leaves its folder; it was not read")
        }
        let base = open(directory.path, Int32(TH_O_PATH) | O_DIRECTORY | O_CLOEXEC)
        guard base >= 0 else { return errno == ENOENT ? .absent : .refused("\(name)'s folder cannot be opened") }
        defer { close(base) }

        let flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC
        var fd = useOpenat2 ? th_openat2_beneath(base, parts.joined(separator: "/"), flags) : -1
        if !useOpenat2 || (fd < 0 && errno == ENOSYS) { fd = walk(parts, from: base, flags: flags) }
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .absent
            case ELOOP: return .refused("\(name) or a folder on its path is a symbolic link; it was not read")
            case EXDEV: return .refused("\(name) resolves outside its folder; it was not read")
            default: return .refused("\(name) cannot be opened (\(String(cString: strerror(errno))))")
            }
        }
        defer { close(fd) }
        return contents(of: fd, name: name)
    }

    /// Opens each folder of the path with O_NOFOLLOW, then the file itself.
    private func walk(_ parts: [String], from base: Int32, flags: Int32) -> Int32 {
        var current = base
        defer { if current != base { close(current) } }
        for folder in parts.dropLast() {
            let next = openat(current, folder, Int32(TH_O_PATH) | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                if errno == ENOTDIR, isSymlink(folder, in: current) { errno = ELOOP }
                return -1
            }
            if current != base { close(current) }
            current = next
        }
        return openat(current, parts[parts.count - 1], flags | O_NOFOLLOW)
    }

    /// O_PATH|O_DIRECTORY|O_NOFOLLOW on a symlink fails with ENOTDIR; name it a symlink instead.
    private func isSymlink(_ name: String, in directory: Int32) -> Bool {
        var info = stat()
        return fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func contents(of fd: Int32, name: String) -> Outcome {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .refused("\(name) cannot be examined") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .refused("\(name) is not a regular file (a FIFO, device, socket or folder); it was not read")
        }
        let size = Int(info.st_size)
        guard size <= limit else { return .refused("\(name) is \(size) bytes, over the \(ByteSize(bytes: Int64(limit))) the harness reads") }
        if size > Self.sparseThreshold && Int(info.st_blocks) * 512 * 4 < size {
            return .refused("\(name) is sparse (\(size) bytes, \(Int(info.st_blocks) * 512) on disk); it was not read")
        }
        var data = Data(count: size)
        var total = 0
        let finished = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let count = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return count == 0 }
                total += count
            }
            return true
        }
        guard finished else { return .refused("\(name) could not be read (\(String(cString: strerror(errno))))") }
        return .data(data.prefix(total))
    }
}
