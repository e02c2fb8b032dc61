import Foundation
import TakehomeCore

/// A host path made visible inside the sandbox, read-only unless `writable`.
public struct SandboxMount: Sendable, Hashable {
    public var source: String
    public var destination: String
    public var writable: Bool

    public init(source: String, destination: String, writable: Bool = false) {
        self.source = source
        self.destination = destination
        self.writable = writable
    }
}

/// One command to run in the sandbox, with what it may see and how much it may use.
public struct SandboxCommand: Sendable {
    /// argv; `arguments[0]` is looked up on the sandbox's PATH.
    public var arguments: [String]
    /// A path inside the sandbox.
    public var workingDirectory: String
    /// Variables added to the profile's environment; each name must be allowed by the profile.
    public var environment: [String: String]
    /// Mounts in addition to the system ones.
    public var mounts: [SandboxMount]
    /// Which profile of `Sandbox/profiles/` applies.
    public var phase: SandboxPhase = .tests
    /// false: a new network namespace with only a loopback interface that is down. true is
    /// refused unless the phase's profile allows the network (`when-allowed`, setup only).
    public var network: Bool = false
    public var limits: RunLimits
    /// Written to the child's stdin, which is then closed; nil gives /dev/null.
    public var stdin: Data? = nil
    /// Gives the child fd 3 as a pipe whose bytes come back in `SandboxResult.witness`.
    public var witness: Bool = false

    public init(arguments: [String], workingDirectory: String = Sandbox.home, environment: [String: String] = [:],
                mounts: [SandboxMount] = [], phase: SandboxPhase = .tests, network: Bool = false,
                limits: RunLimits = .standard, stdin: Data? = nil, witness: Bool = false) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.mounts = mounts
        self.phase = phase
        self.network = network
        self.limits = limits
        self.stdin = stdin
        self.witness = witness
    }

}
