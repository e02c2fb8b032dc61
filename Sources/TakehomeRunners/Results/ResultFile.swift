import TakehomeCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file that sandboxed code could have written, without trusting it: no symlink is
/// followed, only a regular file is read, and at most `limit` bytes.
enum ResultFile {
    enum Outcome {
        case absent
        case refused(String)
        case data(Data)
    }

    static func read(_ url: URL, limit: Int = 16 << 20) -> Outcome {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return .absent }
            if errno == ELOOP { return .refused("the result file is a symbolic link; it was not read") }
            return .refused("the result file cannot be opened (\(String(cString: strerror(errno))))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .refused("the result file is not a regular file; it was not read")
        }
        guard info.st_size <= limit else {
            return .refused("the result file is \(info.st_size) bytes, over the \(limit >> 20) MiB the harness reads")
        }
        var data = Data(count: Int(info.st_size))
        var total = 0
        let ok = data.withUnsafeMutableBytes { buffer -> Bool in
            while total < buffer.count {
                let count = Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if count <= 0 { return count == 0 }
                total += count
            }
            return true
        }
        guard ok else { return .refused("the result file could not be read") }
        return .data(data.prefix(total))
    }
}
