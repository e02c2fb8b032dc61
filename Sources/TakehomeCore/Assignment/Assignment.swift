import Foundation

/// A take-home assignment as defined by `Assignments/<id>/assignment.yml` and the folders beside it.
public struct Assignment: Sendable {
    public var id: String
    public var title: String
    public var language: String
    /// The runner profile's name, e.g. `pytest`.
    public var runner: String
    /// Subfolder of the submission where the solution lives.
    public var root: String
    public var timeBox: TimeSpan?
    public var hiddenTests: TestSuiteSpec?
    public var publicTests: TestSuiteSpec?
    /// Commands run in the sandbox before the tests.
    public var setup: [String]
    public var network: NetworkPolicy
    public var limits: RunLimits
    /// The keys `limits:` names; the others come from the tests' sandbox profile.
    public var namedLimits: Set<String> = []
    public var fetch: FetchLimits
    public var mutation: MutationBudget
    public var rubric: Rubric
    public var thresholds: Thresholds
    /// The folder holding assignment.yml.
    public var directory: URL
    /// The line of each top-level key in assignment.yml, for errors found after loading.
    public var keyLines: [String: Int] = [:]

    /// The assignment.yml path, for error messages.
    public var definitionPath: String { directory.appendingPathComponent("assignment.yml").path }

    /// `relative` as a path from the submission's top, below the solution's `root`.
    public static func pathInSubmission(root: String, _ relative: String) -> String {
        root == "." ? relative : "\(root)/\(relative)"
    }

    /// Where a suite of tests sits in a run directory, e.g. `tests/hidden`.
    public func pathInSubmission(of suite: TestSuiteSpec) -> String {
        Self.pathInSubmission(root: root, suite.into)
    }

    public var referenceDirectory: URL { directory.appendingPathComponent("reference") }
    public var samplesDirectory: URL { directory.appendingPathComponent("samples") }
    public var starterDirectory: URL { directory.appendingPathComponent("starter") }
}

/// Where a suite of tests lives in the assignment, where it goes in the run directory, and what
/// each test is worth.
public struct TestSuiteSpec: Sendable, Hashable {
    /// Folder in the assignment, relative to assignment.yml.
    public var path: String
    /// Folder in the run directory, relative to the submission's root.
    public var into: String
    public var points: PointsSpec

    public init(path: String, into: String, points: PointsSpec = PointsSpec()) {
        self.path = path; self.into = into; self.points = points
    }
}

/// Points per test: glob patterns in file order, first match wins, else the default.
public struct PointsSpec: Sendable, Hashable {
    public var defaultPoints: Double
    public var patterns: [(pattern: String, points: Double)]

    public init(defaultPoints: Double = 1, patterns: [(pattern: String, points: Double)] = []) {
        self.defaultPoints = defaultPoints
        self.patterns = patterns
    }

    /// The points of a test, matched by its name (without parameters) and by its full id.
    public func points(forName name: String, id: String) -> Double {
        let bare = name.split(separator: "[", maxSplits: 1).first.map(String.init) ?? name
        for entry in patterns where Glob.matches(entry.pattern, bare) || Glob.matches(entry.pattern, name)
            || Glob.matches(entry.pattern, id) {
            return entry.points
        }
        return defaultPoints
    }

    public static func == (lhs: PointsSpec, rhs: PointsSpec) -> Bool {
        lhs.defaultPoints == rhs.defaultPoints && lhs.patterns.elementsEqual(rhs.patterns) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(defaultPoints)
        for entry in patterns { hasher.combine(entry.pattern); hasher.combine(entry.points) }
    }
}

/// Whether each phase may reach the network. Tests never may; setup only when allowed here.
public struct NetworkPolicy: Sendable, Hashable {
    public var setup: Bool = false
    public var tests: Bool = false
}

/// The budget for mutation testing of the candidate's own tests.
public struct MutationBudget: Sendable, Hashable {
    public var mutants: Int = 40
    public var seconds: TimeSpan = TimeSpan(seconds: 120)

    public init(mutants: Int = 40, seconds: TimeSpan = TimeSpan(seconds: 120)) {
        self.mutants = mutants; self.seconds = seconds
    }
}

/// The rubric's parts and their weights, in file order.
public struct Rubric: Sendable, Hashable {
    public static let knownParts = ["correctness", "testability", "complexity", "design"]
    public var weights: [(part: String, weight: Double)]

    public init(weights: [(part: String, weight: Double)] = [("correctness", 60), ("testability", 15),
                                                               ("complexity", 15), ("design", 10)]) {
        self.weights = weights
    }

    public static func == (lhs: Rubric, rhs: Rubric) -> Bool {
        lhs.weights.elementsEqual(rhs.weights) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in weights { hasher.combine(entry.part); hasher.combine(entry.weight) }
    }
}

/// Per-function limits above which a finding is raised.
public struct Thresholds: Sendable, Hashable, Codable {
    public var ccn = 10
    public var cognitive = 15
    public var functionLines = 50
    public var params = 5
    public var nesting = 4

    public init(ccn: Int = 10, cognitive: Int = 15, functionLines: Int = 50, params: Int = 5, nesting: Int = 4) {
        self.ccn = ccn; self.cognitive = cognitive; self.functionLines = functionLines; self.params = params
        self.nesting = nesting
    }
}

/// Shell-style glob matching (`*`, `?`, `[abc]`) for test names and paths.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars), t = Array(text.unicodeScalars)
        var pi = 0, ti = 0, star = -1, mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "[", let (matched, next) = matchClass(p, pi, t[ti]) {
                if matched { pi = next; ti += 1; continue }
            } else if pi < p.count, p[pi] == "?" || p[pi] == t[ti], p[pi] != "*" {
                pi += 1; ti += 1; continue
            }
            if pi < p.count, p[pi] == "*" {
                star = pi; mark = ti; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }

    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var matched = false
        while i < p.count, p[i] != "]" {
            if i + 2 < p.count, p[i + 1] == "-", p[i + 2] != "]" {
                if p[i] <= c && c <= p[i + 2] { matched = true }
                i += 3
            } else {
                if p[i] == c { matched = true }
                i += 1
            }
        }
        return i < p.count ? (matched, i + 1) : nil
    }
}

extension Assignment {
    /// The text of every hidden-test file, for redacting candidate-audience output; empty when the
    /// assignment has no hidden tests. Files over 1 MiB or not UTF-8 are skipped.
    public func hiddenTestSources() throws -> [String] {
        guard let hidden = hiddenTests else { return [] }
        let folder = directory.appendingPathComponent(hidden.path)
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            return []
        }
        var sources: [String] = []
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values.isRegularFile == true, (values.fileSize ?? 0) <= 1 << 20,
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            sources.append(text)
        }
        return sources
    }
}
