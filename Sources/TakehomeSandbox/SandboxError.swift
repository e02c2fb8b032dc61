import TakehomeCore

/// A failure of the sandbox itself (never of the command run in it), with its exit code.
public struct SandboxError: HarnessError, Equatable {
    public var exitCode: ExitCode
    public var message: String

    public var description: String { message }

    static let install = "apt-get install bubblewrap"

    static func bwrapMissing(_ path: String) -> SandboxError {
        SandboxError(exitCode: .unavailable,
                     message: "bubblewrap (bwrap) is not installed at \(path); install it with `\(install)`.")
    }

    static func sandboxFailed(_ reason: String) -> SandboxError {
        SandboxError(exitCode: .unavailable,
                     message: "bubblewrap cannot create the sandbox (\(reason)); check that user namespaces are enabled, or reinstall it with `\(install)`.")
    }

    static func controlGroup(_ reason: String) -> SandboxError {
        SandboxError(exitCode: .ioError, message: "The sandbox's control group failed: \(reason).")
    }

    static func invalid(_ reason: String) -> SandboxError {
        SandboxError(exitCode: .software, message: "Invalid sandbox command: \(reason).")
    }
}
