import Foundation

/// The files an assignment hands to candidates (its `starter/` folder), to recognise them unchanged
/// in a submission wherever they were put: such code is not the candidate's.
public struct StarterFiles: Sendable {
    /// Contents by size, each with its path in starter/.
    private var bySize: [Int: [(path: String, bytes: [UInt8])]] = [:]

    /// No starter code.
    public init() {}

    /// Reads every regular file below `folder` (links not followed); a missing folder is no starter.
    public init(folder: URL) throws {
        guard FileManager.default.fileExists(atPath: folder.path) else { return }
        var files: [(String, [UInt8])] = []
        try DirectoryWalk.walk(folder, unreadable: { _, _ in }, visit: { path, entry, reader in
            switch entry {
            case .directory: return true
            case .regularFile(let size):
                if size > 0, let bytes = try? reader.read(upTo: size) { files.append((path, bytes)) }
                return false
            default: return false
            }
        })
        for (path, bytes) in files { bySize[bytes.count, default: []].append((path, bytes)) }
    }

    /// The starter path whose contents are exactly `bytes`, or nil. Empty files never match.
    public func match(_ bytes: [UInt8]) -> String? {
        bySize[bytes.count]?.first { $0.bytes == bytes }?.path
    }

    /// Whether some starter file has exactly `size` bytes (a cheap test before reading a file).
    public func hasFile(ofSize size: Int) -> Bool { bySize[size] != nil }

    public var isEmpty: Bool { bySize.isEmpty }

    /// Every starter file with its path in starter/, ordered by path.
    public var files: [(path: String, bytes: [UInt8])] {
        bySize.values.flatMap { $0 }.sorted { $0.path < $1.path }
    }
}
