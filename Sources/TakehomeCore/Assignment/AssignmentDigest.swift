import Crypto
import Foundation

extension Assignment {
    /// SHA-256 over everything that decides a grade: assignment.yml, the hidden and public tests and
    /// the reference solution (paths and contents, in sorted order). Reports and caches key on it.
    /// `includingHidden: false` (a candidate's `check`) never opens hidden-tests/.
    public func digest(includingHidden: Bool = true) throws -> String {
        var hasher = SHA256()
        let folders = ["assignment.yml", includingHidden ? hiddenTests?.path : nil, publicTests?.path, "reference"]
            .compactMap { $0 }
        for folder in folders {
            for relative in try Self.files(under: directory, relative: folder) {
                let data = try Data(contentsOf: directory.appendingPathComponent(relative))
                hasher.update(data: Data("\(relative)\0\(data.count)\0".utf8))
                hasher.update(data: data)
            }
        }
        return "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Regular files at or below `relative`, sorted, skipping caches that pytest or Python leave.
    static func files(under base: URL, relative: String) throws -> [String] {
        let url = base.appendingPathComponent(relative)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [relative] }
        var result: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        where !["__pycache__", ".pytest_cache", ".DS_Store"].contains(name) {
            result += try files(under: base, relative: relative + "/" + name)
        }
        return result
    }
}
