/// The exit codes of DESIGN.md (sysexits). A candidate's crash, timeout or failing test is a graded
/// result and never maps here.
public enum ExitCode: Int32, Sendable {
    case success = 0
    case failUnder = 1
    case usage = 64
    case dataError = 65
    case unavailable = 69
    case software = 70
    case ioError = 74
    case tempFailure = 75
}

/// An error of the harness itself (not of the candidate), with the exit code it ends the process
/// with and one sentence for the user.
public protocol HarnessError: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
}

/// A generic harness error for the places that need no type of their own.
public struct TakehomeError: HarnessError, Equatable {
    public var exitCode: ExitCode
    public var message: String

    public init(_ exitCode: ExitCode, _ message: String) {
        self.exitCode = exitCode
        self.message = message
    }

    public var description: String { message }
}
