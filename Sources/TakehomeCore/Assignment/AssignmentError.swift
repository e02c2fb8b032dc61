/// A mistake in an assignment's definition: names the file, the line and the key (exit 65).
public struct AssignmentError: HarnessError, Equatable {
    public var file: String
    public var line: Int?
    public var key: String?
    public var problem: String

    public init(file: String, line: Int? = nil, key: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var exitCode: ExitCode { .dataError }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let key { return "\(place): key '\(key)': \(problem)" }
        return "\(place): \(problem)"
    }
}
