// make bench: measures the harness against named anchors, side by side in one run, and prints
// ratios. Anchors: a bare spawn of /bin/true (sandbox start-up), `git clone --no-local` (fetch),
// and the time candidate code ran (grading overhead), lizard (static analysis).
import Foundation
import TakehomeCore
import TakehomeFetch
import TakehomeGrading
import TakehomeSandbox

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func timeAsync(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs a program to completion with posix_spawn and returns its exit status and peak resident
/// memory in bytes (from wait4's rusage), or nil when it could not be started.
func spawnMeasuringMemory(_ arguments: [String]) -> (status: Int32, peakBytes: Int64, cpuSeconds: Double)? {
    var pid = pid_t()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    posix_spawn_file_actions_destroy(&actions)
    guard result == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (exited, Int64(usage.ru_maxrss) * 1024, cpu)
}

/// Runs a program to completion with posix_spawn, as a bare anchor or for `git clone`; its exit
/// status, or -1 when it could not be started.
@discardableResult
func spawn(_ arguments: [String]) -> Int32 {
    spawnMeasuringMemory(arguments)?.status ?? -1
}

let arguments = CommandLine.arguments
let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 50
let cloneSource = ProcessInfo.processInfo.environment["BENCH_REPO"] ?? "/opt/swift-packages/apple/swift-nio.git"
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("takehome-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

print("takehome bench (\(runs) runs where repeated; medians)")

// 1. Sandbox start-up: /bin/true in the sandbox against a bare spawn, interleaved.
let sandbox = try Sandbox.detect()
var bare: [Double] = [], boxed: [Double] = []
for _ in 0..<runs {
    bare.append(time { spawn(["/bin/true"]) })
    let command = SandboxCommand(arguments: ["true"], workingDirectory: "/", limits: .standard)
    boxed.append(try await timeAsync { _ = try await sandbox.run(command) })
}
let overhead = median(boxed) - median(bare)
print(String(format: "sandbox   /bin/true: sandboxed %@, bare %@, overhead %@ (target ≤ 5 ms), ratio %.1fx",
             milliseconds(median(boxed)), milliseconds(median(bare)), milliseconds(overhead), median(boxed) / median(bare)))

// 2. Fetch: libgit2 clone + materialise against `git clone --no-local`, interleaved.
var ours: [Double] = [], git: [Double] = []
let cloneRuns = max(3, runs / 10)
let limits = FetchLimits(timeout: TimeSpan(seconds: 600), maxBytes: ByteSize(bytes: 4 << 30), maxFiles: 1_000_000,
                         maxFileSize: ByteSize(bytes: 1 << 30), maxTreeSize: ByteSize(bytes: 8 << 30))
for index in 0..<cloneRuns {
    let target = scratch.appendingPathComponent("git-\(index)")
    git.append(time { spawn(["git", "clone", "-q", "--no-local", cloneSource, target.path]) })
    try? FileManager.default.removeItem(at: target)
    let destination = scratch.appendingPathComponent("ours-\(index)")
    ours.append(try await timeAsync { _ = try await SubmissionFetcher(limits: limits).fetch("file://\(cloneSource)", ref: nil, into: destination) })
    try? FileManager.default.removeItem(at: destination)
}
print(String(format: "fetch     %@: takehome %@, git clone --no-local %@, ratio %.2fx (target ≤ 1.1x)",
             cloneSource, milliseconds(median(ours)), milliseconds(median(git)), median(ours) / median(git)))

// 3. Grading overhead: one grading's wall time minus the time candidate code ran (the report's
// `candidateCode` timing: the union of the sandboxed runs — hidden tests, own tests, setup — and
// the mutation stage, which overlap).
let assignmentPath = ProcessInfo.processInfo.environment["BENCH_ASSIGNMENT"] ?? "Assignments/shift-pay-python"
let assignment = try AssignmentLoader.load(directory: URL(fileURLWithPath: assignmentPath))
let sample = scratch.appendingPathComponent("clean")
try FileManager.default.copyItem(at: assignment.samplesDirectory.appendingPathComponent("clean"), to: sample)
for step in [["init", "-q", "-b", "main"], ["add", "-A"], ["-c", "user.name=Bench", "-c", "user.email=b@example.com", "commit", "-q", "-m", "s"]] {
    spawn(["git", "-C", sample.path] + step)
}
let grader = try Grader(assignment: assignment)
_ = try await grader.grade(.init(source: "file://\(sample.path)"))  // warms the reference caches
var overheads: [Double] = [], totals: [Double] = [], candidate: [Double] = []
var mutation: MutationMetrics?
for _ in 0..<3 {
    var report: Report?
    let wall = try await timeAsync { report = try await grader.grade(.init(source: "file://\(sample.path)")) }
    let candidateCode = report?.timings["candidateCode"] ?? 0
    mutation = report?.metrics.testability?.mutation
    totals.append(wall)
    candidate.append(candidateCode)
    overheads.append(wall - candidateCode)
}
print(String(format: "grading   clean sample: total %@, candidate code %@ (tests, own tests, mutation), harness overhead %@ (target ≤ 500 ms)",
             milliseconds(median(totals)), milliseconds(median(candidate)), milliseconds(median(overheads))))

// 5. Mutation testing: mutants run per second of the mutation stage on the clean sample (last grading).
if let mutation, mutation.notMeasured == nil, mutation.seconds > 0 {
    print(String(format: "mutation  clean sample: %d mutants run (%d killed, %d not run) in %.2f s: %.1f mutants/s on %d cores; unmutated run %.2f s",
                 mutation.run, mutation.killed, mutation.notRun, mutation.seconds, Double(mutation.run) / mutation.seconds,
                 ProcessInfo.processInfo.activeProcessorCount, mutation.baselineSeconds))
} else {
    print("mutation  clean sample: not measured (\(mutation?.notMeasured ?? "no mutation metrics in the report"))")
}

// 4. Static analysis: takehome against lizard on the same ~100 000 lines of real Python (CPython's
// standard library on this machine). As hyperfine does: each tool runs once untimed (the page
// cache, the loader, Python's bytecode cache), then both alternate BENCH_ANALYSIS_RUNS times; the
// ratios are of medians. takehome runs five times in each turn, lizard (some 30 times longer) once:
// a virtual machine's speed changes from second to second, and five of takehome's 50 ms runs sample
// five moments where lizard's runs span seconds; 25 samples in the same stretch of time give a
// steadier median. Peak memory is the largest of `takehome metrics`'s runs.
let corpusSource = ProcessInfo.processInfo.environment["BENCH_CORPUS"]
    ?? (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib").filter { $0.hasPrefix("python3.") }.sorted().last)
        .map { "/usr/lib/\($0)" } ?? "/usr/lib/python3"
let corpus = scratch.appendingPathComponent("corpus")
/// Copies Python files (tests left out) from `source` into `target` until about 100 000 lines;
/// returns the line count. A plain function: Swift 6.3's optimiser crashes on this loop in the
/// async top-level code.
func copyCorpus(from source: String, to target: URL) throws -> Int {
    var lines = 0
    guard let files = FileManager.default.enumerator(atPath: source) else { return 0 }
    while lines < 100_000, let path = files.nextObject() as? String {
        guard path.hasSuffix(".py"), !path.contains("test"),
              let text = try? String(contentsOfFile: source + "/" + path, encoding: .utf8) else { continue }
        let file = target.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).count
    }
    return lines
}
let corpusLines = try copyCorpus(from: corpusSource, to: corpus)
let takehomeBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("takehome").path
let analysisRuns = max(1, Int(ProcessInfo.processInfo.environment["BENCH_ANALYSIS_RUNS"] ?? "") ?? 5)
let oursCommand = [takehomeBinary, "metrics", corpus.path, "--format", "json"], lizardCommand = ["python3", "-m", "lizard", corpus.path]
/// One tool's timed runs: wall and CPU seconds, the largest peak; `failed` once a run did not succeed.
struct AnalysisRuns {
    var walls: [Double] = [], cpus: [Double] = [], peak: Int64 = 0, failed = false
    /// Times one run; `succeeded` judges its exit status.
    mutating func record(_ command: [String], succeeded: (Int32) -> Bool) {
        var run: (status: Int32, peakBytes: Int64, cpuSeconds: Double)?
        let wall = time { run = spawnMeasuringMemory(command) }
        guard let run, succeeded(run.status) else { failed = true; return }
        walls.append(wall)
        cpus.append(run.cpuSeconds)
        peak = max(peak, run.peakBytes)
    }
}
// lizard exits 1 when it printed warnings (functions over its thresholds): that is a full run.
let oursSucceeded: (Int32) -> Bool = { $0 == 0 }, lizardSucceeded: (Int32) -> Bool = { $0 == 0 || $0 == 1 }
var warmUp = AnalysisRuns(), takehomeRuns = AnalysisRuns(), lizardRuns = AnalysisRuns()
warmUp.record(oursCommand, succeeded: oursSucceeded)
warmUp.record(lizardCommand, succeeded: lizardSucceeded)
let takehomeRunsPerTurn = 5
for _ in 0..<analysisRuns {
    for _ in 0..<takehomeRunsPerTurn { takehomeRuns.record(oursCommand, succeeded: oursSucceeded) }
    lizardRuns.record(lizardCommand, succeeded: lizardSucceeded)
}
if !takehomeRuns.failed {
    let oursWall = median(takehomeRuns.walls), oursCPU = median(takehomeRuns.cpus)
    // CPU time (user + sys) is printed too: on a shared machine it is the steadier comparison.
    let versus = lizardRuns.failed ? "lizard not run (python3 -m pip install lizard)" : String(
        format: "lizard %.2f s (%.2f–%.2f s, CPU %.2f s), ratio %.1fx faster by wall, %.1fx by CPU (target ≥ 30x)",
        median(lizardRuns.walls), lizardRuns.walls.min() ?? 0, lizardRuns.walls.max() ?? 0, median(lizardRuns.cpus),
        median(lizardRuns.walls) / oursWall, median(lizardRuns.cpus) / max(oursCPU, 0.001))
    print(String(format: "analysis  %d lines of Python from %@, after a warm-up, medians of %d takehome and %d lizard runs: takehome %.3f s (%.3f–%.3f s, CPU %.3f s), %@; takehome peak memory %.0f MB (target ≤ 100 MB)",
                 corpusLines, corpusSource, takehomeRuns.walls.count, lizardRuns.walls.count, oursWall, takehomeRuns.walls.min() ?? 0,
                 takehomeRuns.walls.max() ?? 0, oursCPU, versus, Double(takehomeRuns.peak) / 1_048_576))
} else {
    print("analysis  `\(takehomeBinary) metrics` failed: build it with `swift build -c release --product takehome`")
}
