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
    /// Exactly these variables, plus PATH, HOME, LANG and TMPDIR defaults when absent.
    public var environment: [String: String]
    /// Mounts in addition to the system ones.
    public var mounts: [SandboxMount]
    /// false: a new network namespace with only a loopback interface that is down.
    public var network: Bool = false
    public var limits: RunLimits
    /// Written to the child's stdin, which is then closed; nil gives /dev/null.
    public var stdin: Data? = nil
    /// Gives the child fd 3 as a pipe whose bytes come back in `SandboxResult.witness`.
    public var witness: Bool = false

    public init(arguments: [String], workingDirectory: String = Sandbox.home, environment: [String: String] = [:],
                mounts: [SandboxMount] = [], network: Bool = false, limits: RunLimits = .standard,
                stdin: Data? = nil, witness: Bool = false) {
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.mounts = mounts
        self.network = network
        self.limits = limits
        self.stdin = stdin
        self.witness = witness
    }

    /// The environment handed to bwrap itself (and so to everything inside).
    var effectiveEnvironment: [String: String] {
        var result = environment
        let defaults = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": Sandbox.home,
                        "LANG": "C.UTF-8", "TMPDIR": "/tmp"]
        for (key, value) in defaults where result[key] == nil { result[key] = value }
        return result
    }
}
