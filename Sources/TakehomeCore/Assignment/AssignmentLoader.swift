import Foundation
import Yams

/// Loads and checks `assignment.yml`. Unknown keys, wrong types and impossible values are errors
/// that name the file, line and key.
public enum AssignmentLoader {
    static let topLevelKeys: Set<String> = [
        "id", "title", "language", "runner", "root", "time-box", "tests", "setup", "network", "limits",
        "fetch", "mutation", "rubric", "thresholds",
    ]

    /// Loads `DIR/assignment.yml` and checks that the folders it names exist. A candidate's copy of
    /// an assignment has no hidden-tests/: `hiddenTestsRequired: false` accepts that (for `check`).
    public static func load(directory: URL, hiddenTestsRequired: Bool = true) throws -> Assignment {
        let file = directory.appendingPathComponent("assignment.yml")
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw AssignmentError(file: file.path, problem: "cannot be read (\(FileManager.default.fileExists(atPath: file.path) ? "not UTF-8 text or unreadable" : "no such file"))")
        }
        return try parse(text, file: file.path, directory: directory, hiddenTestsRequired: hiddenTestsRequired)
    }

    /// Parses the text of an assignment.yml found in `directory`.
    public static func parse(_ text: String, file: String, directory: URL, hiddenTestsRequired: Bool = true) throws -> Assignment {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file, text: text)
        }
        guard let node else { throw AssignmentError(file: file, line: 1, problem: "is empty") }
        let top = YAMLReader(file: file, node: node)
        var values: [String: YAMLReader] = [:]
        for entry in try top.entries(allowed: topLevelKeys) { values[entry.key] = entry.reader }

        func required(_ key: String) throws -> YAMLReader {
            guard let reader = values[key] else {
                throw AssignmentError(file: file, line: node.mark?.line, key: key, problem: "is required but missing")
            }
            return reader
        }

        let idReader = try required("id")
        let id = try idReader.string()
        guard id.range(of: "^[a-z0-9][a-z0-9._-]*$", options: .regularExpression) != nil else {
            throw idReader.error("must be lowercase letters, digits, '.', '_' or '-'")
        }
        var assignment = Assignment(
            id: id, title: try required("title").string(), language: try required("language").string(),
            runner: try required("runner").string(), root: ".", timeBox: nil, hiddenTests: nil, publicTests: nil,
            setup: [], network: NetworkPolicy(), limits: .standard, fetch: .standard, mutation: MutationBudget(),
            rubric: Rubric(), thresholds: Thresholds(), directory: directory)

        assignment.keyLines = values.compactMapValues { $0.node.mark?.line }
        if let reader = values["root"] { assignment.root = try relativePath(reader) }
        if let reader = values["time-box"] { assignment.timeBox = try reader.timeSpan() }
        if let reader = values["setup"] { assignment.setup = try reader.strings() }
        if let reader = values["tests"] {
            for (key, suite) in try reader.entries(allowed: ["hidden", "public"]) {
                let spec = try testSuite(suite, directory: directory, mustExist: key == "public" || hiddenTestsRequired)
                if key == "hidden" { assignment.hiddenTests = spec } else { assignment.publicTests = spec }
            }
        }
        if let reader = values["network"] {
            for (key, value) in try reader.entries(allowed: ["setup", "tests"]) {
                if key == "setup" { assignment.network.setup = try value.bool() }
                if key == "tests" {
                    guard try !value.bool() else {
                        throw value.error("tests never get the network; only setup may (network.setup: true)")
                    }
                }
            }
        }
        if let reader = values["limits"] { (assignment.limits, assignment.namedLimits) = try limits(reader, base: .standard) }
        if let reader = values["fetch"] { assignment.fetch = try fetchLimits(reader) }
        if let reader = values["mutation"] {
            for (key, value) in try reader.entries(allowed: ["mutants", "seconds"]) {
                if key == "mutants" { assignment.mutation.mutants = try value.int(min: 0, max: 10_000) }
                if key == "seconds" { assignment.mutation.seconds = try value.timeSpan() }
            }
        }
        if let reader = values["rubric"] { assignment.rubric = try rubric(reader) }
        if let reader = values["thresholds"] { assignment.thresholds = try thresholds(reader) }
        return assignment
    }

    private static func syntaxError(_ error: YamlError, file: String, text: String) -> AssignmentError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return AssignmentError(file: file, line: mark.line, problem: "is not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the mapping; the line worth naming is the key's second occurrence.
            let key = duplicates.sorted().first ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter {
                $0.element.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):")
            }
            return AssignmentError(file: file, line: lines.count > 1 ? lines[1].offset + 1 : context.mark.line, key: key,
                                   problem: "duplicate key")
        default:
            return AssignmentError(file: file, problem: "is not valid YAML: \(error)")
        }
    }

    private static func relativePath(_ reader: YAMLReader) throws -> String {
        let path = try reader.string()
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.contains("..") else {
            throw reader.error("must be a relative path inside the submission, without '..'")
        }
        return parts.filter { $0 != "." }.joined(separator: "/").isEmpty ? "." : parts.filter { $0 != "." }.joined(separator: "/")
    }

    private static func testSuite(_ reader: YAMLReader, directory: URL, mustExist: Bool) throws -> TestSuiteSpec {
        var path: String?
        var into: String?
        var points = PointsSpec()
        for (key, value) in try reader.entries(allowed: ["path", "into", "points"]) {
            switch key {
            case "path":
                let relative = try relativePath(value)
                var isDirectory: ObjCBool = false
                let full = directory.appendingPathComponent(relative).path
                guard !mustExist || FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) && isDirectory.boolValue else {
                    throw value.error("names '\(relative)', which is not a folder beside assignment.yml")
                }
                path = relative
            case "into":
                into = try relativePath(value)
                guard into != "." else { throw value.error("must name a subfolder, not the submission's root") }
            default:
                points = try pointsSpec(value)
            }
        }
        guard let path else { throw AssignmentError(file: reader.file, line: reader.line, key: "\(reader.path).path", problem: "is required but missing") }
        guard let into else { throw AssignmentError(file: reader.file, line: reader.line, key: "\(reader.path).into", problem: "is required but missing") }
        return TestSuiteSpec(path: path, into: into, points: points)
    }

    private static func pointsSpec(_ reader: YAMLReader) throws -> PointsSpec {
        if case .scalar = reader.node { return PointsSpec(defaultPoints: try reader.double(min: 0)) }
        var spec = PointsSpec()
        for (key, value) in try reader.entries() {
            let points = try value.double(min: 0)
            if key == "default" { spec.defaultPoints = points } else { spec.patterns.append((key, points)) }
        }
        return spec
    }

    /// The keys of a `limits:` block.
    static let limitKeys = ["wall", "cpu", "memory", "processes", "output", "disk"]

    /// A `limits:` block over `base`, and the keys it named.
    static func limits(_ reader: YAMLReader, base: RunLimits) throws -> (limits: RunLimits, named: Set<String>) {
        var limits = base
        var named = Set<String>()
        for (key, value) in try reader.entries(allowed: Set(limitKeys)) {
            named.insert(key)
            switch key {
            case "wall": limits.wall = try value.timeSpan()
            case "cpu": limits.cpu = try value.timeSpan()
            case "memory":
                limits.memory = try value.byteSize()
                guard limits.memory.bytes >= 16 << 20 else { throw value.error("must be at least 16MiB for any runtime to start") }
            case "processes": limits.processes = try value.int(min: 1, max: 100_000)
            case "output": limits.output = try value.byteSize()
            default: limits.disk = try value.byteSize()
            }
        }
        return (limits, named)
    }

    private static func fetchLimits(_ reader: YAMLReader) throws -> FetchLimits {
        var limits = FetchLimits.standard
        let keys: Set<String> = ["timeout", "max-bytes", "max-files", "max-file-size", "max-tree-size"]
        for (key, value) in try reader.entries(allowed: keys) {
            switch key {
            case "timeout": limits.timeout = try value.timeSpan()
            case "max-bytes": limits.maxBytes = try value.byteSize()
            case "max-files": limits.maxFiles = try value.int(min: 1, max: 10_000_000)
            case "max-file-size": limits.maxFileSize = try value.byteSize()
            default: limits.maxTreeSize = try value.byteSize()
            }
        }
        return limits
    }

    private static func rubric(_ reader: YAMLReader) throws -> Rubric {
        var weights: [(String, Double)] = []
        for (key, value) in try reader.entries(allowed: Set(Rubric.knownParts)) {
            weights.append((key, try value.double(min: 0)))
        }
        guard weights.contains(where: { $0.1 > 0 }) else { throw reader.error("needs at least one part with a weight above zero") }
        return Rubric(weights: weights)
    }

    private static func thresholds(_ reader: YAMLReader) throws -> Thresholds {
        var thresholds = Thresholds()
        for (key, value) in try reader.entries(allowed: ["ccn", "cognitive", "function-lines", "params", "nesting"]) {
            let number = try value.int(min: 1, max: 10_000)
            switch key {
            case "ccn": thresholds.ccn = number
            case "cognitive": thresholds.cognitive = number
            case "function-lines": thresholds.functionLines = number
            case "params": thresholds.params = number
            default: thresholds.nesting = number
            }
        }
        return thresholds
    }
}
