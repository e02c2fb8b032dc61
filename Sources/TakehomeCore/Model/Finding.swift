/// One observation about a submission, with the place in the code it is about and a sentence the
/// candidate can act on. Every check (fetch safety, tampering, metrics, hygiene) speaks through it;
/// renderers never invent their own.
public struct Finding: Codable, Hashable, Sendable {
    /// How much a finding matters to the grade.
    public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int { Severity.allCases.firstIndex(of: self)! }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable identifier of the check, e.g. `fetch.symlink-outside` or `tests.tampering`.
    public var rule: String
    public var severity: Severity
    /// What was seen and what to do about it, in one or two sentences.
    public var message: String
    /// Path relative to the submission's root, when the finding has a place.
    public var file: String?
    public var line: Int?

    public init(rule: String, severity: Severity, message: String, file: String? = nil, line: Int? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
    }
}
