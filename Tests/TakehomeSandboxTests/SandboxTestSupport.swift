import Foundation
import Testing
import TakehomeCore
@testable import TakehomeSandbox

/// Every sandbox test, one at a time: some use whole cores or many processes, and the cgroup
/// checks need to know that no other run is in flight.
@Suite("Sandbox", .serialized)
struct SandboxTests {}

/// Small limits so every test is bounded by a few seconds.
extension RunLimits {
    static func quick(wall: Double = 3, cpu: Double = 3, memory: Int64 = 256 << 20, processes: Int = 64,
                      output: Int64 = 1 << 20, disk: Int64 = 64 << 20) -> RunLimits {
        RunLimits(wall: TimeSpan(seconds: wall), cpu: TimeSpan(seconds: cpu), memory: ByteSize(bytes: memory),
                  processes: processes, output: ByteSize(bytes: output), disk: ByteSize(bytes: disk))
    }
}

/// A scratch directory on the host, mounted writable at `/sandbox/run` by `runShell`.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/takehome-sandbox-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

let sandboxRunDirectory = "/sandbox/run"

/// Runs `sh -c script` in the sandbox with the scratch directory as the writable working directory.
func runShell(_ script: String, limits: RunLimits = .quick(), scratch: ScratchDirectory? = nil,
              environment: [String: String] = [:], stdin: Data? = nil, witness: Bool = false) async throws -> SandboxResult {
    let sandbox = try Sandbox.detect()
    var command = SandboxCommand(arguments: ["sh", "-c", script], workingDirectory: "/", environment: environment,
                                 limits: limits, stdin: stdin, witness: witness)
    if let scratch {
        command.mounts = [SandboxMount(source: scratch.path, destination: sandboxRunDirectory, writable: true)]
        command.workingDirectory = sandboxRunDirectory
    }
    return try await sandbox.run(command)
}

extension Sandbox {
    /// The detected sandbox with other control groups or profiles, as a machine without them would have.
    func variant(groups: ControlGroups? = nil, profiles: SandboxProfiles? = nil) -> Sandbox {
        Sandbox(bwrapPath: bwrapPath, groups: groups ?? self.groups, disableNestedUserNamespaces: true,
                profiles: profiles ?? self.profiles, seccompProgram: seccompProgram)
    }
}

func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

/// Host processes whose command line contains `marker`.
func hostProcesses(containing marker: String) -> [String] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
        let line = String(decoding: data.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        return line.contains(marker) ? "\(pid): \(line)" : nil
    }
}
