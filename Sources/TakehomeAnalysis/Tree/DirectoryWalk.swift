import Foundation
import TakehomeCore

/// Walks a folder through open file descriptors (`openat`, `fstatat` with `AT_SYMLINK_NOFOLLOW`,
/// `O_NOFOLLOW`), so that nothing is ever opened through a symbolic link, however the tree changes
/// while it is read. Entries come in byte order of their names, so every walk is deterministic.
struct DirectoryWalk {
    /// What the walk met at a path relative to the root.
    enum Entry {
        case directory
        case regularFile(size: Int)
        case symbolicLink
        case other

        var isSymbolicLink: Bool { if case .symbolicLink = self { true } else { false } }
    }

    /// The deepest folder level read; deeper folders are reported as skipped.
    static let maxDepth = 128

    /// The visitor decides, for each folder, whether to enter it, and reads each file it wants
    /// through the `FileReader` it is given.
    typealias Visitor = (_ path: String, _ entry: Entry, _ reader: FileReader) -> Bool

    /// Walks `subfolder` (components separated by `/`, none followed if a link) of `root`. Throws
    /// when the starting folder cannot be opened; later failures are reported to `unreadable`.
    static func walk(_ root: URL, subfolder: String = ".", unreadable: (String, String) -> Void,
                     visit: Visitor) throws {
        var handle = try DescriptorHandle.open(root.path)
        for component in subfolder.split(separator: "/") where component != "." {
            handle = try handle.subdirectory(Array(component.utf8), shownAs: "\(root.path)/\(subfolder)")
        }
        walk(handle, relative: "", depth: 0, unreadable: unreadable, visit: visit)
    }

    private static func walk(_ directory: DescriptorHandle, relative: String, depth: Int,
                             unreadable: (String, String) -> Void, visit: Visitor) {
        let names: [[UInt8]]
        do { names = try directory.names() } catch {
            unreadable(relative.isEmpty ? "." : relative + "/", "unreadable folder (\(error))")
            return
        }
        for name in names {
            let path = relative.isEmpty ? Self.display(name) : relative + "/" + Self.display(name)
            let entry = directory.entry(name)
            let reader = FileReader(directory: directory, name: name)
            guard visit(path, entry, reader), case .directory = entry else { continue }
            guard depth + 1 < maxDepth else {
                unreadable(path + "/", "folders nested deeper than \(maxDepth) levels are not read")
                continue
            }
            do {
                let child = try directory.subdirectory(name, shownAs: path)
                walk(child, relative: path, depth: depth + 1, unreadable: unreadable, visit: visit)
            } catch {
                unreadable(path + "/", "unreadable folder (\(error))")
            }
        }
    }

    /// A file name as the report shows it: UTF-8, invalid bytes replaced.
    static func display(_ name: [UInt8]) -> String { String(decoding: name, as: UTF8.self) }
}

/// Reads one regular file of a walked folder, never through a link and never blocking on a FIFO
/// that replaced it.
struct FileReader {
    fileprivate let directory: DescriptorHandle
    fileprivate let name: [UInt8]

    /// At most `limit` bytes from the start of the file.
    func read(upTo limit: Int) throws -> [UInt8] {
        let fd = name.withCString { openat(directory.fd, $0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard fd >= 0 else { throw SystemError("open") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw SystemError("fstat") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw SystemError("open", code: EINVAL) }
        let capacity = min(limit, Int(status.st_size))
        return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, filled in
            filled = 0
            while filled < capacity {
                let count = Glibc.read(fd, buffer.baseAddress! + filled, capacity - filled)
                if count < 0, errno == EINTR { continue }
                guard count >= 0 else { throw SystemError("read") }
                if count == 0 { break }
                filled += count
            }
        }
    }
}

/// A failed system call as one short phrase: `open: Permission denied`.
struct SystemError: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    init(_ call: String, code: Int32 = errno) { self.call = call; self.code = code }
    var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// An open folder descriptor, closed when the value goes away.
final class DescriptorHandle {
    let fd: Int32
    private init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }

    /// Opens the folder at `path`; the last component must not be a symbolic link.
    static func open(_ path: String) throws -> DescriptorHandle {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            var status = stat()
            throw failure(path, code: code, isLink: lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        }
        return DescriptorHandle(fd: fd)
    }

    func subdirectory(_ name: [UInt8], shownAs path: String) throws -> DescriptorHandle {
        let fd = name.withCString { openat(self.fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            throw Self.failure(path, code: code, isLink: entry(name).isSymbolicLink)
        }
        return DescriptorHandle(fd: fd)
    }

    /// "cannot analyse PATH: no such folder" (exit 65).
    private static func failure(_ path: String, code: Int32, isLink: Bool) -> TakehomeError {
        let reason = switch code {
        case _ where isLink: "it is a symbolic link, which is never followed"
        case ENOENT: "no such folder"
        case ENOTDIR: "not a folder"
        default: String(cString: strerror(code))
        }
        return TakehomeError(.dataError, "cannot analyse \(path): \(reason)")
    }

    /// The folder's entry names, `.` and `..` excepted, in byte order.
    func names() throws -> [[UInt8]] {
        let copy = dup(fd)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            throw SystemError("opendir")
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E] && name != [0x2E, 0x2E] { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// What `name` is, without following it if it is a link.
    func entry(_ name: [UInt8]) -> DirectoryWalk.Entry {
        var status = stat()
        guard name.withCString({ fstatat(fd, $0, &status, AT_SYMLINK_NOFOLLOW) }) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile(size: Int(status.st_size))
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }
}

extension Array where Element == UInt8 {
    /// Calls `body` with the bytes as a NUL-terminated C string.
    fileprivate func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (self + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }
}
