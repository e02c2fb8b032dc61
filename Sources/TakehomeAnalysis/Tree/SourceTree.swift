import Foundation
import TakehomeCore

/// One file of the candidate's code, read and ready for its analyser.
public struct SourceFile: Sendable {
    /// Path relative to the analysed root, with `/` separators.
    public var path: String
    public var kind: CodeKind
    public var analyzer: any LanguageAnalyzer
    public var text: String
    /// What reading it noticed ("not valid UTF-8: read with replacement characters").
    public var notes: [String]
}

/// A walked folder: the files to analyse and everything left out or skipped, in walk order (each
/// folder's entries in byte order of their names, folders entered where they are met).
public struct SourceTree: Sendable {
    public var files: [SourceFile] = []
    public var leftOut: [ExcludedPath] = []
    public var skipped: [ExcludedPath] = []
}

/// Walks a folder and decides, file by file, what is the candidate's code (source or test), what is
/// left out (dependencies, build output, generated, minified, starter code) and what is skipped
/// (binary, unknown language, too large, links). Never follows a symbolic link.
public struct SourceTreeWalker: Sendable {
    public var registry: LanguageRegistry
    /// Files larger than this are skipped with a note.
    public var maxFileBytes: Int
    /// The assignment's starter code: files identical to one of them are left out.
    public var starter: StarterFiles

    /// How much of a file is read to tell binary from text (a NUL byte in it means binary).
    static let binaryProbe = 8192

    public init(registry: LanguageRegistry, maxFileBytes: Int = 2 << 20, starter: StarterFiles = StarterFiles()) {
        self.registry = registry; self.maxFileBytes = maxFileBytes; self.starter = starter
    }

    /// Reads `subfolder` of `root` (`.` for the root itself); `found` is given each file to analyse
    /// as soon as it has been read.
    public func walk(_ root: URL, subfolder: String = ".", found: (SourceFile) -> Void = { _ in }) throws -> SourceTree {
        var tree = SourceTree()
        try DirectoryWalk.walk(root, subfolder: subfolder, unreadable: { path, reason in
            tree.skipped.append(ExcludedPath(path: path, reason: reason))
        }, visit: { path, entry, reader in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            switch entry {
            case .directory:
                if LeftOutRules.ignoredFolders.contains(name) { return false }
                if let reason = LeftOutRules.folderReason(name) {
                    tree.leftOut.append(ExcludedPath(path: path + "/", reason: reason))
                    return false
                }
                return true
            case .symbolicLink:
                tree.skipped.append(ExcludedPath(path: path, reason: "symbolic link: not followed"))
            case .other:
                tree.skipped.append(ExcludedPath(path: path, reason: "not a regular file"))
            case .regularFile(let size):
                if let file = classify(path: path, name: name, size: size, reader: reader, into: &tree) {
                    tree.files.append(file)
                    found(file)
                }
            }
            return false
        })
        return tree
    }

    /// The file to analyse, read; nil when it is left out or skipped (recorded in `tree`).
    private func classify(path: String, name: String, size: Int, reader: FileReader, into tree: inout SourceTree) -> SourceFile? {
        if let reason = LeftOutRules.fileNameReason(name) {
            tree.leftOut.append(ExcludedPath(path: path, reason: reason))
            return nil
        }
        do {
            // One read for a file that will be analysed: all of it (up to the size cap), whose first
            // bytes are the binary probe; any other file is read only as far as the probe.
            let analyzer = registry.analyzer(for: name)
            let bytes = try reader.read(upTo: analyzer != nil && size <= maxFileBytes ? maxFileBytes : Self.binaryProbe)
            if LeftOutRules.hasNulByte(bytes, within: Self.binaryProbe) {
                tree.skipped.append(ExcludedPath(path: path, reason: "binary"))
                return nil
            }
            if starter.hasFile(ofSize: size), let original = starter.match(size <= bytes.count ? bytes : try reader.read(upTo: size)) {
                tree.leftOut.append(ExcludedPath(path: path, reason: "starter code, unchanged from starter/\(original)"))
                return nil
            }
            guard let analyzer else {
                tree.skipped.append(ExcludedPath(path: path, reason: "skipped: unknown language"))
                return nil
            }
            guard size <= maxFileBytes else {
                let limit = ByteSize(bytes: Int64(maxFileBytes))
                tree.skipped.append(ExcludedPath(path: path, reason: "larger than \(limit) (\(ByteSize(bytes: Int64(size)))): not analysed"))
                return nil
            }
            if let reason = LeftOutRules.contentReason(bytes) {
                tree.leftOut.append(ExcludedPath(path: path, reason: reason))
                return nil
            }
            var notes: [String] = []
            let text: String
            if let valid = String(validating: bytes, as: UTF8.self) {
                text = valid
            } else {
                text = String(decoding: bytes, as: UTF8.self)
                notes.append("not valid UTF-8: read with replacement characters")
            }
            return SourceFile(path: path, kind: TestFileRules.kind(of: path), analyzer: analyzer, text: text, notes: notes)
        } catch {
            tree.skipped.append(ExcludedPath(path: path, reason: "unreadable (\(error))"))
            return nil
        }
    }
}
