import TakehomeCore
import Foundation
import TakehomeSandbox

/// pytest, run in isolated mode with the harness's own configuration, no plugin autoload, no cache,
/// the candidate's conftest.py files outside the suite removed, and a witness plugin reporting on a
/// channel of its own.
public struct PytestProfile: RunnerProfile {
    public let name = "pytest"
    public let resultFile = "junit.xml"
    /// The interpreter, resolved on the host (e.g. /usr/bin/python3 or a pyenv prefix).
    public let python: String
    /// The interpreter's prefixes outside /usr, mounted read-only.
    public let prefixes: [String]

    public var supportFiles: [String: String] { PytestSupportFiles.all }

    public var toolchainMounts: [SandboxMount] {
        prefixes.map { SandboxMount(source: $0, destination: $0, writable: false) }
    }

    static let installHint = "python3 with pytest is required: run `apt-get install -y python3 python3-pytest` (or `pip install pytest`)"

    /// Finds python3 and pytest on the host; exit 69 with the install command when either is missing.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PytestProfile {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let launcher = path.split(separator: ":").map({ "\($0)/python3" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TakehomeError(.unavailable, installHint)
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: launcher)
        probe.arguments = ["-I", "-c", "import sys, pytest; print(sys.executable); print(sys.prefix); print(sys.base_prefix)"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        do { try probe.run() } catch { throw TakehomeError(.unavailable, installHint) }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        let lines = output.split(separator: "\n").map(String.init)
        guard probe.terminationStatus == 0, lines.count == 3 else { throw TakehomeError(.unavailable, installHint) }
        let executable = URL(fileURLWithPath: lines[0]).resolvingSymlinksInPath().path
        let prefixes = Set(lines[1...].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
            .filter { !$0.hasPrefix("/usr/") && $0 != "/usr" }
        return PytestProfile(python: executable, prefixes: prefixes.sorted())
    }

    public func neutralise(runDirectory: URL, keep: String) throws -> [Finding] {
        var findings: [Finding] = []
        try TreeWalk.files(in: runDirectory) { relative, url in
            let name = url.lastPathComponent
            let insideSuite = relative == keep || relative.hasPrefix(keep + "/")
            guard !insideSuite else { return }
            switch name {
            case "conftest.py", "sitecustomize.py", "usercustomize.py":
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                try FileManager.default.removeItem(at: url)
                let hooks = Self.resultHooks.filter { text.contains($0) }
                if hooks.isEmpty {
                    findings.append(Finding(rule: "tests.neutralised", severity: .info,
                                            message: "\(name) was set aside for the graded run; it cannot change how the assignment's tests run.",
                                            file: relative))
                } else {
                    findings.append(Finding(rule: "tests.tampering-attempt", severity: .error,
                                            message: "\(name) hooks into how results are reported (\(hooks.joined(separator: ", "))); it was removed before the graded run.",
                                            file: relative))
                }
            case "pytest.ini", "tox.ini", "setup.cfg", "pyproject.toml":
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                if text.contains("[pytest]") || text.contains("[tool:pytest]") || text.contains("[tool.pytest") {
                    findings.append(Finding(rule: "tests.neutralised", severity: .info,
                                            message: "pytest options in \(name) are ignored in the graded run: the harness uses its own configuration.",
                                            file: relative))
                }
            default:
                break
            }
        }
        return findings
    }

    /// Names in a conftest.py that can rewrite results rather than set tests up.
    static let resultHooks = ["pytest_runtest_makereport", "pytest_report_teststatus", "pytest_runtest_logreport",
                              "pytest_sessionfinish", "pytest_terminal_summary", "junitxml", "os._exit"]

    public func command(for suite: SuiteInvocation, layout: SandboxLayout) -> SandboxCommand {
        pytestCommand(suite, layout: layout, start: ["\(layout.support)/bootstrap.py", layout.support])
    }

    /// coverage.py started in-process before pytest, with branch coverage, no data file, none of the
    /// candidate's .coveragerc, and the candidate's solution folder as the source to measure.
    public var coverageReport: CoverageReport? { CoverageReport(file: "coverage.xml", format: .cobertura) }

    public func ownTestsCommand(for suite: SuiteInvocation, layout: SandboxLayout) -> SandboxCommand? {
        pytestCommand(suite, layout: layout,
                      start: ["\(layout.support)/coverage_bootstrap.py", layout.support,
                               "\(layout.results)/\(coverageReport?.file ?? "coverage.xml")"])
    }

    /// Their own conftest.py files stay (fixtures are part of their tests) unless they hook into how
    /// results are reported; sitecustomize and usercustomize go; ini options are ignored as ever.
    public func neutraliseForOwnTests(runDirectory: URL) throws -> [Finding] {
        var findings: [Finding] = []
        try TreeWalk.files(in: runDirectory) { relative, url in
            let name = url.lastPathComponent
            guard ["conftest.py", "sitecustomize.py", "usercustomize.py"].contains(name) else { return }
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            let hooks = Self.resultHooks.filter { text.contains($0) }
            guard name != "conftest.py" || !hooks.isEmpty else { return }
            try FileManager.default.removeItem(at: url)
            if !hooks.isEmpty {
                findings.append(Finding(rule: "tests.tampering-attempt", severity: .error,
                                        message: "\(name) hooks into how results are reported (\(hooks.joined(separator: ", "))); it was removed before the run of the candidate's own tests.",
                                        file: relative))
            }
        }
        return findings
    }

    /// The harness's pytest invocation after `python -I -B`: `start` is the bootstrap and its own
    /// arguments, then the solution folder and pytest's arguments.
    private func pytestCommand(_ suite: SuiteInvocation, layout: SandboxLayout, start: [String]) -> SandboxCommand {
        let root = suite.solutionRoot == "." ? layout.submission : "\(layout.submission)/\(suite.solutionRoot)"
        let confcut = suite.testPath == "." ? root : "\(root)/\(suite.testPath)"
        var arguments = [python, "-I", "-B"] + start + [root,
                         "-p", "takehome_witness", "-p", "no:cacheprovider", "-p", "no:randomly",
                         "-c", "\(layout.support)/pytest.ini", "--rootdir", root,
                         "--confcutdir", confcut, "--junitxml", "\(layout.results)/\(resultFile)",
                         "-q", "-rN", "--color=no", "--tb=short"]
        arguments.append(suite.testPath)
        var command = SandboxCommand(arguments: arguments, workingDirectory: root,
                                     environment: ["PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONHASHSEED": "0",
                                                   "PYTHONIOENCODING": "utf-8"],
                                     mounts: toolchainMounts, limits: suite.limits)
        command.stdin = Data((suite.nonce + "\n").utf8)
        command.witness = true
        return command
    }

    public func controlModule(_ controls: ControlTests) -> (fileName: String, source: String)? {
        (controls.fileName, controls.pythonSource)
    }
}
