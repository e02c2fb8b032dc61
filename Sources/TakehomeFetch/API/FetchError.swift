import TakehomeCore

/// Why a fetch was refused or failed; nothing is left on disk when one is thrown.
public struct FetchError: HarnessError, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Over one of the assignment's fetch caps (exit 65).
        case overCap
        /// The remote could not be reached or refused us (exit 75, worth retrying).
        case unreachable
        /// The fetch ran past the assignment's fetch timeout (exit 75).
        case timedOut
        /// The source or ref is not something we can fetch (exit 65).
        case badInput
        /// Reading or writing the local disk failed (exit 74).
        case io
    }

    public var kind: Kind
    /// One sentence for the user.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var exitCode: ExitCode {
        switch kind {
        case .overCap, .badInput: .dataError
        case .unreachable, .timedOut: .tempFailure
        case .io: .ioError
        }
    }

    public var description: String { message }
}
