import TakehomeCore
import Foundation

/// Walks a tree without following symbolic links: symlinks and special files are reported as what
/// they are, never entered.
enum TreeWalk {
    /// Calls `visit` with each regular file's path relative to `root`.
    static func files(in root: URL, _ visit: (String, URL) throws -> Void) throws {
        try walk(root, relative: "", visit)
    }

    private static func walk(_ directory: URL, relative: String, _ visit: (String, URL) throws -> Void) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            let url = directory.appendingPathComponent(name)
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            // A name that is not UTF-8 comes back lossy and cannot be found again; none of the
            // files a profile neutralises has such a name, and pytest never collects below one.
            guard let type = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType else {
                continue
            }
            if type == .typeDirectory {
                try walk(url, relative: path, visit)
            } else if type == .typeRegular {
                try visit(path, url)
            }
        }
    }
}
