import Yams

/// Reads typed values out of a composed YAML node while remembering where each came from, so that
/// every error names the file, line and key. Unknown keys are errors.
struct YAMLReader {
    let file: String
    let node: Yams.Node
    let path: String

    init(file: String, node: Yams.Node, path: String = "") {
        self.file = file
        self.node = node
        self.path = path
    }

    var line: Int? { node.mark?.line }

    func error(_ problem: String, key: String? = nil, at node: Yams.Node? = nil) -> AssignmentError {
        AssignmentError(file: file, line: (node ?? self.node).mark?.line, key: key ?? (path.isEmpty ? nil : path),
                        problem: problem)
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The mapping's entries in file order; fails on a non-mapping, duplicate or unknown keys.
    func entries(allowed: Set<String>? = nil) throws -> [(key: String, reader: YAMLReader)] {
        guard case .mapping(let mapping) = node else {
            throw error("expected a mapping of keys to values, found \(kind)")
        }
        var seen = Set<String>()
        var result: [(String, YAMLReader)] = []
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.string else { throw error("a key must be a plain string", at: keyNode) }
            let keyPath = child(key)
            guard seen.insert(key).inserted else {
                throw AssignmentError(file: file, line: keyNode.mark?.line, key: keyPath, problem: "duplicate key")
            }
            if let allowed, !allowed.contains(key) {
                let known = allowed.sorted().joined(separator: ", ")
                throw AssignmentError(file: file, line: keyNode.mark?.line, key: keyPath,
                                      problem: "unknown key (known keys here: \(known))")
            }
            result.append((key, YAMLReader(file: file, node: valueNode, path: keyPath)))
        }
        return result
    }

    var kind: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar) where scalar.string.isEmpty: return "nothing"
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .alias: return "an alias"
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else { throw error("expected text, found \(kind)") }
        return scalar.string
    }

    func bool() throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("expected true or false, found \(kind)") }
        return value
    }

    func int(min: Int = Int.min, max: Int = Int.max) throws -> Int {
        guard case .scalar = node, let value = node.int else { throw error("expected a whole number, found \(kind)") }
        guard value >= min, value <= max else { throw error("\(value) is out of range (\(min)…\(max))") }
        return value
    }

    func double(min: Double = -.infinity) throws -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init) else {
            throw error("expected a number, found \(kind)")
        }
        guard value >= min else { throw error("\(value) must be at least \(min)") }
        return value
    }

    func byteSize(positive: Bool = true) throws -> ByteSize {
        guard case .scalar(let scalar) = node, let size = ByteSize(parsing: scalar.string) else {
            throw error("expected a size such as 512MiB or 1GiB, found \(kind)")
        }
        if positive, size.bytes == 0 { throw error("must be larger than zero") }
        return size
    }

    func timeSpan(positive: Bool = true) throws -> TimeSpan {
        guard case .scalar(let scalar) = node, let span = TimeSpan(parsing: scalar.string) else {
            throw error("expected a duration such as 120s, 2m or 4h, found \(kind)")
        }
        if positive, span.seconds <= 0 { throw error("must be longer than zero") }
        return span
    }

    func strings() throws -> [String] {
        guard case .sequence(let sequence) = node else { throw error("expected a list of text, found \(kind)") }
        return try sequence.map { try YAMLReader(file: file, node: $0, path: path).string() }
    }
}
