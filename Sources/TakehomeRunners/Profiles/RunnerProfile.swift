import TakehomeCore
import Foundation
import TakehomeSandbox

/// Where things are inside the sandbox for one run. The run directory is the only writable place
/// the candidate's files live in; results go to a separate folder; the harness's own files are
/// mounted read-only.
public struct SandboxLayout: Sendable {
    public var submission = "/submission"
    public var results = "/takehome/results"
    public var support = "/takehome/support"
    public init() {}
}

/// One suite to run: which folder of tests, relative to the solution's root.
public struct SuiteInvocation: Sendable {
    public var testPath: String
    public var solutionRoot: String
    public var limits: RunLimits
    /// Per-run secret the witness channel must carry.
    public var nonce: String
    public init(testPath: String, solutionRoot: String, limits: RunLimits, nonce: String) {
        self.testPath = testPath; self.solutionRoot = solutionRoot; self.limits = limits; self.nonce = nonce
    }
}

/// How one test runner is driven: the toolchain it needs, the configuration of the candidate's it
/// must neutralise, the command that runs a suite, and where its results are written.
public protocol RunnerProfile: Sendable {
    var name: String { get }
    /// Support files the harness writes read-only into the sandbox (name → content).
    var supportFiles: [String: String] { get }
    /// The result file's name inside the results folder.
    var resultFile: String { get }
    /// Read-only mounts the toolchain needs beyond the system paths.
    var toolchainMounts: [SandboxMount] { get }
    /// Removes what the candidate controls that could change results, except inside `suitePath`
    /// (relative to the run directory); says what it removed.
    func neutralise(runDirectory: URL, keep suitePath: String) throws -> [Finding]
    func command(for suite: SuiteInvocation, layout: SandboxLayout) -> SandboxCommand
    /// The control module (file name and source) this runner plants beside a suite, or nil when
    /// the runner has none (see `ControlTests`).
    func controlModule(_ controls: ControlTests) -> (fileName: String, source: String)?
    /// Where the coverage tool writes its report and in which format; nil when the runner measures none.
    var coverageReport: CoverageReport? { get }
    /// The command that runs the candidate's own tests (the runner's discovery from `suite.testPath`)
    /// under the language's coverage tool; nil when the runner cannot run them.
    func ownTestsCommand(for suite: SuiteInvocation, layout: SandboxLayout) -> SandboxCommand?
    /// Removes what the candidate controls that could change how their own tests are reported,
    /// keeping what is legitimately part of those tests; says what it removed.
    func neutraliseForOwnTests(runDirectory: URL) throws -> [Finding]
}

extension RunnerProfile {
    public func controlModule(_ controls: ControlTests) -> (fileName: String, source: String)? { nil }
    public var coverageReport: CoverageReport? { nil }
    public func ownTestsCommand(for suite: SuiteInvocation, layout: SandboxLayout) -> SandboxCommand? { nil }
    public func neutraliseForOwnTests(runDirectory: URL) throws -> [Finding] { [] }
}

/// A coverage report a runner profile declares: its file name in the results folder and its format.
public struct CoverageReport: Sendable, Equatable {
    public enum Format: String, Sendable { case cobertura, lcov }
    public var file: String
    public var format: Format
    public init(file: String, format: Format) { self.file = file; self.format = format }
}

/// Runner profiles by the name used in assignment.yml.
public enum RunnerProfiles {
    public static let names = ["pytest"]

    /// The profile for `runner:`; exit 65 naming the line for an unknown one, 69 for a missing toolchain.
    public static func profile(for assignment: Assignment) throws -> any RunnerProfile {
        switch assignment.runner {
        case "pytest":
            return try PytestProfile.detect()
        default:
            throw AssignmentError(file: assignment.definitionPath, line: assignment.keyLines["runner"], key: "runner",
                                  problem: "unknown runner '\(assignment.runner)' (known: \(names.joined(separator: ", ")))")
        }
    }
}
