import ArgumentParser
import Foundation
import TakehomeAnalysis
import TakehomeCore

/// The `takehome` command: argument parsing and wiring only; everything it calls lives in a library.
@main
struct Takehome: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "takehome",
        abstract: "Grade take-home coding assignments: fetch, run hidden tests in a sandbox, report.",
        version: "0.1.0",
        subcommands: [Grade.self, Check.self, Metrics.self, AssignmentCommand.self, SandboxCommandGroup.self, Verify.self])

    /// Runs the command, mapping harness errors to DESIGN.md's exit codes with one sentence on stderr.
    static func main() async {
        let arguments = CommandLine.arguments.dropFirst(), plainMetrics = Metrics.Plain(arguments)
        if let command = arguments.first, ["metrics", "grade", "check"].contains(command) {
            // The analysis allocates and frees a few hundred megabytes in buffers of every size in
            // well under a second: malloc keeps what is freed (no mmap per large buffer, no trim)
            // and grows its heaps 32 MB at a time, for fewer page faults and system calls (bench
            // corpus: system time 21 → 17 ms, peak memory +2 MB).
            MallocTuning.keepFreedMemory()
            // And backs its heaps with 2 MB pages where the kernel allows (CPU 108 → 86 ms).
            HugePageHeaps.enable()
            // Another core begins `metrics PATH`'s analysis at once, which `Metrics.run` finishes
            // if the command is that one: read as `Metrics.Plain` (microseconds) or, when it is not
            // that plain, parsed by argument-parser (2 to 4 ms, most of it the Swift runtime
            // searching protocol conformances). After the tuning: the thread's heap, made now,
            // must grow 32 MB at a time to hold 2 MB pages.
            if command == "metrics", let path = arguments.dropFirst().first, !path.hasPrefix("-") {
                let options = plainMetrics.map { MetricsOptions(minTokens: $0.minTokens) } ?? MetricsOptions()
                Metrics.begun.withLock { $0 = MetricsAnalyzer.begin(URL(fileURLWithPath: path), options: options) }
            }
        }
        do {
            if let plainMetrics {
                // The process ends with the output written: the metrics are kept to the end rather
                // than freed block by block first (bench corpus: 1.3 ms).
                let written = try plainMetrics.run()
                withExtendedLifetime(written) { Foundation.exit(0) }
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as HarnessError {
            FileHandle.standardError.write(Data("takehome: \(error.description)\n".utf8))
            Foundation.exit(error.exitCode.rawValue)
        } catch let error as CocoaError where error.code.rawValue >= 4 && error.code.rawValue < 1024 {
            FileHandle.standardError.write(Data("takehome: I/O error: \(error.localizedDescription)\n".utf8))
            Foundation.exit(ExitCode.ioError.rawValue)
        } catch {
            // Usage errors (64), help and explicit exit codes are argument-parser's; anything else
            // is the harness failing, which must not pass for `--fail-under`'s exit 1.
            if exitCode(for: error) == .failure, !(error is ArgumentParser.ExitCode) {
                FileHandle.standardError.write(Data("takehome: internal error: \(error)\n".utf8))
                Foundation.exit(TakehomeCore.ExitCode.software.rawValue)
            }
            exit(withError: error)
        }
    }
}
