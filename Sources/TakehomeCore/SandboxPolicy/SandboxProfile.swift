import Foundation

/// The kinds of sandboxed phase, each with a profile file of its own in `Sandbox/profiles/`.
public enum SandboxPhase: String, Sendable, CaseIterable, Codable {
    /// Any test run: hidden, public, the reference manifest, `takehome sandbox run`.
    case tests
    /// The `setup:` commands of assignment.yml (installs, builds), before the tests are placed.
    case setup
}

/// What a phase's sandbox may see and use: mounts, environment allowlist, network and default
/// limits. Loaded from `Sandbox/profiles/<phase>.yml` (data, not code).
public struct SandboxProfile: Sendable, Equatable {
    /// When the phase may reach the network.
    public enum Network: String, Sendable, Equatable {
        /// Never, whatever the assignment says.
        case never
        /// Only when the assignment allows it for this phase (`network.setup: true`).
        case whenAllowed = "when-allowed"
    }

    public var phase: SandboxPhase
    /// The file the profile was read from, or "built-in copy".
    public var source: String
    public var network: Network
    /// Host paths bound read-only at the same place.
    public var readOnly: [String]
    /// Host /etc files bound read-only when present.
    public var etc: [String]
    /// Private writable tmpfs folders.
    public var tmpfs: [String]
    /// The variables every run starts with.
    public var environment: [String: String]
    /// Glob patterns of the names a runner may add to a command.
    public var allow: [String]
    /// Names copied from the harness's own environment when set.
    public var pass: [String]
    /// Default limits of the phase.
    public var limits: RunLimits

    public init(phase: SandboxPhase, source: String, network: Network, readOnly: [String], etc: [String],
                tmpfs: [String], environment: [String: String], allow: [String], pass: [String], limits: RunLimits) {
        self.phase = phase; self.source = source; self.network = network; self.readOnly = readOnly; self.etc = etc
        self.tmpfs = tmpfs; self.environment = environment; self.allow = allow; self.pass = pass; self.limits = limits
    }

    /// Whether a runner may set `name` in this phase.
    public func allows(_ name: String) -> Bool {
        environment[name] != nil || allow.contains { Glob.matches($0, name) }
    }

    /// The limits of a test phase: the assignment's named limits over the profile's defaults.
    public func limits(for assignment: Assignment) -> RunLimits {
        var result = limits
        let given = assignment.limits
        for key in assignment.namedLimits {
            switch key {
            case "wall": result.wall = given.wall
            case "cpu": result.cpu = given.cpu
            case "memory": result.memory = given.memory
            case "processes": result.processes = given.processes
            case "output": result.output = given.output
            case "disk": result.disk = given.disk
            default: break
            }
        }
        return result
    }
}

/// The profile of every phase, as loaded together.
public struct SandboxProfiles: Sendable, Equatable {
    public var tests: SandboxProfile
    public var setup: SandboxProfile

    public init(tests: SandboxProfile, setup: SandboxProfile) {
        self.tests = tests
        self.setup = setup
    }

    /// The profile of `phase`.
    public subscript(phase: SandboxPhase) -> SandboxProfile {
        switch phase {
        case .tests: return tests
        case .setup: return setup
        }
    }
}
