/// The grade: each rubric part with its weight and what it earned, and how it was reached.
public struct Score: Codable, Sendable, Equatable {
    /// Points earned over the measured parts.
    public var total: Double
    /// The sum of the measured parts' weights: parts not measured are excluded, never invented.
    public var max: Double
    /// `total / max` as a percentage (0…100), what `--fail-under` compares with.
    public var percent: Double
    public var parts: [Part]

    public init(total: Double, max: Double, percent: Double, parts: [Part]) {
        self.total = total; self.max = max; self.percent = percent; self.parts = parts
    }

    public struct Part: Codable, Sendable, Equatable {
        public var name: String
        public var weight: Double
        /// Nil when the part is not measured.
        public var earned: Double?
        public var measured: Bool
        /// How the points were reached, in a sentence.
        public var explanation: String

        public init(name: String, weight: Double, earned: Double?, measured: Bool, explanation: String) {
            self.name = name; self.weight = weight; self.earned = earned; self.measured = measured
            self.explanation = explanation
        }
    }
}

/// How the sandbox was built and what each phase did in it.
public struct SandboxInfo: Codable, Sendable, Equatable {
    /// e.g. `bubblewrap 0.8.0`.
    public var isolation: String
    /// Which mechanism enforced each limit, e.g. `memory: cgroup-v1`.
    public var enforcement: [String: String]
    public var limits: LimitsInfo
    public var phases: [Phase]
    /// Limits that were asked for but that this machine cannot enforce, one sentence each
    /// ("processes: not enforced: ..."); renderers show them as warnings.
    public var unenforced: [String]?
    /// The seccomp filter every phase ran under, e.g. "seccomp deny list (libseccomp 2.5.4)".
    public var syscallFilter: String?

    public init(isolation: String, enforcement: [String: String], limits: LimitsInfo, phases: [Phase],
                unenforced: [String]? = nil, syscallFilter: String? = nil) {
        self.isolation = isolation; self.enforcement = enforcement; self.limits = limits; self.phases = phases
        self.unenforced = unenforced; self.syscallFilter = syscallFilter
    }

    /// The limits that applied, in plain units.
    public struct LimitsInfo: Codable, Sendable, Equatable {
        public var wallSeconds: Double
        public var cpuSeconds: Double
        public var memoryBytes: Int64
        public var processes: Int
        public var outputBytes: Int64
        public var diskBytes: Int64
        public init(_ limits: RunLimits) {
            wallSeconds = limits.wall.seconds; cpuSeconds = limits.cpu.seconds; memoryBytes = limits.memory.bytes
            processes = limits.processes; outputBytes = limits.output.bytes; diskBytes = limits.disk.bytes
        }
    }

    /// One sandboxed run: setup, the hidden tests, the public tests, the reference manifest...
    public struct Phase: Codable, Sendable, Equatable {
        public var name: String
        public var exitCode: Int32?
        public var signal: Int32?
        public var wallSeconds: Double
        public var limitsHit: [String]
        public var network: Bool
        /// The sandbox profile the phase ran with (`tests`, `setup`), from Sandbox/profiles/.
        public var profile: String?
        /// What the phase printed, when the report keeps it (setup commands).
        public var output: String?
        public init(name: String, exitCode: Int32?, signal: Int32?, wallSeconds: Double, limitsHit: [String], network: Bool,
                    profile: String? = nil, output: String? = nil) {
            self.name = name; self.exitCode = exitCode; self.signal = signal; self.wallSeconds = wallSeconds
            self.limitsHit = limitsHit; self.network = network; self.profile = profile; self.output = output
        }
    }
}
