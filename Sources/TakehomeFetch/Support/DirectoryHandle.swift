import Foundation

/// A file name as raw bytes: Linux names need not be UTF-8, so nothing here goes through `String`.
typealias NameBytes = [UInt8]

/// A failed system call, with the call, the name it was about and `errno`.
struct SystemCallError: Error, CustomStringConvertible {
    var call: String
    var name: String
    var code: Int32

    init(_ call: String, _ name: NameBytes = [], code: Int32 = errno) {
        self.call = call
        self.name = String(decoding: name, as: UTF8.self)
        self.code = code
    }

    var description: String { "\(call)(\(name)) failed: \(String(cString: strerror(code)))" }
}

/// Calls `body` with `name` as a NUL-terminated C string.
func withName<R>(_ name: NameBytes, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    try (name + [0]).withUnsafeBufferPointer { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
    }
}

/// An open folder, owned by this object and closed when it goes away. Every operation is relative
/// to the folder and never follows a symlink, so nothing can be written or read outside it.
final class DirectoryHandle {
    let fd: Int32

    private init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// Opens the folder at `path` (which must not itself be a symlink).
    static func open(_ path: String) throws -> DirectoryHandle {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError("open", Array(path.utf8)) }
        return DirectoryHandle(fd: fd)
    }

    /// Creates the folder at `path`, which must not exist, and opens it.
    static func create(_ path: String, mode: mode_t = 0o755) throws -> DirectoryHandle {
        guard mkdir(path, mode) == 0 else { throw SystemCallError("mkdir", Array(path.utf8)) }
        return try open(path)
    }

    func subdirectory(_ name: NameBytes) throws -> DirectoryHandle {
        let fd = withName(name) { openat(self.fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw SystemCallError("openat", name) }
        return DirectoryHandle(fd: fd)
    }

    /// Opens the subfolder `name`, creating it first when it is missing.
    func makeSubdirectory(_ name: NameBytes, mode: mode_t = 0o755) throws -> DirectoryHandle {
        let made = withName(name) { mkdirat(fd, $0, mode) }
        guard made == 0 || errno == EEXIST else { throw SystemCallError("mkdirat", name) }
        return try subdirectory(name)
    }

    /// Creates a new regular file (never replacing anything) and returns its descriptor.
    func createFile(_ name: NameBytes, mode: mode_t) throws -> Int32 {
        let fd = withName(name) { openat(self.fd, $0, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw SystemCallError("openat", name) }
        guard fchmod(fd, mode) == 0 else {
            let error = SystemCallError("fchmod", name)
            close(fd)
            throw error
        }
        return fd
    }

    /// Opens an existing regular file for reading, refusing symlinks.
    func openFile(_ name: NameBytes) throws -> Int32 {
        let fd = withName(name) { openat(self.fd, $0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        guard fd >= 0 else { throw SystemCallError("openat", name) }
        return fd
    }

    func makeSymlink(_ name: NameBytes, target: NameBytes) throws {
        let made = withName(target) { target in withName(name) { symlinkat(target, fd, $0) } }
        guard made == 0 else { throw SystemCallError("symlinkat", name) }
    }

    func readLink(_ name: NameBytes) throws -> NameBytes {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = withName(name) { name in
            buffer.withUnsafeMutableBytes { readlinkat(fd, name, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        }
        guard count >= 0 else { throw SystemCallError("readlinkat", name) }
        return Array(buffer[0..<count])
    }

    func status(_ name: NameBytes) throws -> stat {
        var info = stat()
        guard withName(name, { fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else {
            throw SystemCallError("fstatat", name)
        }
        return info
    }

    /// The names in the folder, without `.` and `..`.
    func names() throws -> [NameBytes] {
        let copy = dup(fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let error = SystemCallError("fdopendir")
            if copy >= 0 { close(copy) }
            throw error
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var result: [NameBytes] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name != [0x2E], name != [0x2E, 0x2E] { result.append(name) }
        }
        return result
    }

    /// Removes `name` and everything under it; a missing name is not an error.
    func removeTree(_ name: NameBytes) throws {
        guard let info = try? status(name) else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            let child = try subdirectory(name)
            for entry in try child.names() { try child.removeTree(entry) }
            guard withName(name, { unlinkat(fd, $0, AT_REMOVEDIR) }) == 0 || errno == ENOENT else {
                throw SystemCallError("unlinkat", name)
            }
        } else {
            guard withName(name, { unlinkat(fd, $0, 0) }) == 0 || errno == ENOENT else {
                throw SystemCallError("unlinkat", name)
            }
        }
    }
}

/// Removes the file or folder at `url` and everything under it, whatever its names; best effort.
func removeTree(at url: URL) {
    let parent = url.deletingLastPathComponent().path
    guard let handle = try? DirectoryHandle.open(parent) else { return }
    try? handle.removeTree(Array(url.lastPathComponent.utf8))
}

/// Writes all of `bytes` to `fd`.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            throw SystemCallError("write")
        }
        offset += written
    }
}
