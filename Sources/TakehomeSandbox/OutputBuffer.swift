import Foundation

/// Keeps the first `limit` bytes of a stream and counts the rest, which are read and dropped.
struct OutputBuffer {
    let limit: Int
    private(set) var kept = Data()
    private(set) var dropped: Int64 = 0

    init(limit: Int64) { self.limit = Int(clamping: max(0, limit)) }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let room = max(0, limit - kept.count)
        let taken = min(room, bytes.count)
        if taken > 0 { kept.append(contentsOf: bytes[0..<taken]) }
        dropped += Int64(bytes.count - taken)
    }

    /// The kept bytes, with a marker line when some were dropped.
    func finished(marker: Bool = true) -> Data {
        guard marker, dropped > 0 else { return kept }
        var result = kept
        if let last = result.last, last != UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
        result.append(contentsOf: Array("[takehome: output truncated, \(dropped) more bytes]\n".utf8))
        return result
    }
}
