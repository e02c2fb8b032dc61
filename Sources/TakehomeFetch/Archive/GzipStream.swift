import CGzip
import Foundation

/// Owns a zlib `gzFile` reading a .tar.gz, and counts the decompressed bytes against a cap.
final class GzipStream {
    private let file: gzFile
    private(set) var position: Int64 = 0
    let maxPosition: Int64

    init(path: String, maxPosition: Int64) throws {
        guard let file = gzopen(path, "rb") else {
            throw FetchError(.badInput, "`\(path)` could not be opened as a gzip file")
        }
        self.file = file
        self.maxPosition = maxPosition
    }

    deinit { gzclose(file) }

    /// Reads up to `count` bytes; fewer only at the end of the stream.
    func read(_ count: Int) throws -> [UInt8] {
        guard position + Int64(count) <= maxPosition else {
            throw FetchError(.overCap, "the archive unpacks to more than \(Wording.size(maxPosition)), over what the assignment's caps allow (fetch.max-tree-size)")
        }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes {
                gzread(file, $0.baseAddress! + filled, UInt32(min(count - filled, 1 << 20)))
            }
            guard got >= 0 else { throw FetchError(.badInput, "the archive is not valid gzip data") }
            if got == 0 { break }
            filled += Int(got)
        }
        position += Int64(filled)
        return filled == count ? buffer : Array(buffer.prefix(filled))
    }

    /// Reads and drops `count` bytes.
    func skip(_ count: Int64) throws {
        var left = count
        while left > 0 {
            let chunk = try read(Int(min(left, 1 << 16)))
            guard !chunk.isEmpty else { throw FetchError(.badInput, "the archive ends in the middle of an entry") }
            left -= Int64(chunk.count)
        }
    }
}
