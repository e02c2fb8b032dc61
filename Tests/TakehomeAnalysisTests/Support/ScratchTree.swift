import Foundation

/// A scratch folder of real files for one test, removed when the value goes away.
final class ScratchTree {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-analysis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` (UTF-8) at `path`, creating folders.
    @discardableResult
    func write(_ path: String, _ text: String) throws -> URL { try write(path, bytes: Array(text.utf8)) }

    @discardableResult
    func write(_ path: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file
    }

    func link(_ path: String, to destination: String) throws {
        let link = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: destination)
    }
}

/// A function of the toy language: the header `def name(a, b):` (8 clone tokens) and `lines`
/// statements `v = a + b - c` (7 tokens each) whose two operators come from operator pair
/// `seed`, `seed + 1`... (at most 100 pairs), so that no stretch of it repeats another stretch
/// unless the seeds overlap: 8 + 7 × lines tokens, 1 + lines lines.
func toyFunction(_ name: String, lines: Int, seed: Int = 0) -> String {
    let operators = ["+", "-", "*", "/", "%", "&", "|", "^", "<", ">"]
    let body = (seed..<(seed + lines)).map { pair in
        "    v = a \(operators[pair / 10 % 10]) b \(operators[pair % 10]) c\n"
    }
    return "def \(name)(a, b):\n" + body.joined()
}
