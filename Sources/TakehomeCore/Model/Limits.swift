/// Caps on fetching a submission (`fetch:` in assignment.yml). A fetch over any cap is refused
/// (exit 65) and leaves nothing on disk.
public struct FetchLimits: Hashable, Sendable, Codable {
    /// Wall time of the whole fetch (network and materialising).
    public var timeout: TimeSpan
    /// Bytes received from the remote (or read from an archive).
    public var maxBytes: ByteSize
    /// Files in the materialised tree.
    public var maxFiles: Int
    /// Size of any one file.
    public var maxFileSize: ByteSize
    /// Total size of the materialised tree.
    public var maxTreeSize: ByteSize

    public init(timeout: TimeSpan = TimeSpan(seconds: 60), maxBytes: ByteSize = ByteSize(bytes: 200 << 20),
                maxFiles: Int = 20_000, maxFileSize: ByteSize = ByteSize(bytes: 20 << 20),
                maxTreeSize: ByteSize = ByteSize(bytes: 500 << 20)) {
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
        self.maxFileSize = maxFileSize
        self.maxTreeSize = maxTreeSize
    }

    public static let standard = FetchLimits()
}

/// Limits on one sandboxed phase (`limits:` in assignment.yml). Hitting one is a graded result.
public struct RunLimits: Hashable, Sendable, Codable {
    /// Wall time; every process of the run is killed when it passes.
    public var wall: TimeSpan
    /// CPU time summed over the run's processes.
    public var cpu: TimeSpan
    public var memory: ByteSize
    /// Processes and threads alive at once.
    public var processes: Int
    /// Bytes of stdout and of stderr kept each; the rest is counted and dropped.
    public var output: ByteSize
    /// Largest file the run may write, and the size of its writable space where it can be bounded.
    public var disk: ByteSize

    public init(wall: TimeSpan = TimeSpan(seconds: 120), cpu: TimeSpan = TimeSpan(seconds: 60),
                memory: ByteSize = ByteSize(bytes: 1 << 30), processes: Int = 128,
                output: ByteSize = ByteSize(bytes: 1 << 20), disk: ByteSize = ByteSize(bytes: 512 << 20)) {
        self.wall = wall
        self.cpu = cpu
        self.memory = memory
        self.processes = processes
        self.output = output
        self.disk = disk
    }

    public static let standard = RunLimits()
}
