import CSandboxFilter
import Foundation

/// The seccomp program every sandboxed command runs under, handed to bwrap with `--seccomp FD`.
/// The policy lives in Sources/CSandboxFilter/seccomp_filter.c (what is denied and why).
enum SeccompProgram {
    static let install = "apt-get install -y libseccomp2 libseccomp-dev"

    /// The program as raw BPF (`struct sock_filter` records); exit 69 when libseccomp cannot build it.
    static func build() throws -> Data {
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        var failedStep: UnsafePointer<CChar>?
        let error = th_seccomp_program(&bytes, &length, &failedStep)
        guard error == 0, let bytes, length > 0 else {
            let step = failedStep.map { String(cString: $0) } ?? "libseccomp"
            throw SandboxError(exitCode: .unavailable,
                               message: "libseccomp cannot build the sandbox's seccomp filter (\(step): \(String(cString: strerror(error)))); install it with `\(install)`.")
        }
        defer { free(bytes) }
        return Data(bytes: bytes, count: length)
    }
}
