import CLibGit2
import TakehomeCore

/// A failed libgit2 call: its return code and the message of `git_error_last()` at that moment.
struct GitError: Error, CustomStringConvertible {
    var code: Int32
    var errorClass: Int32
    var message: String

    init(code: Int32, call: String) {
        self.code = code
        if let last = git_error_last() {
            errorClass = last.pointee.klass
            message = String(cString: last.pointee.message)
        } else {
            errorClass = 0
            message = "\(call) failed (\(code))"
        }
    }

    var description: String { message }

    /// True when the error came from the network (connection, protocol, HTTP, SSH, TLS).
    var isNetwork: Bool {
        [GIT_ERROR_NET, GIT_ERROR_HTTP, GIT_ERROR_SSH, GIT_ERROR_SSL, GIT_ERROR_OS]
            .map { Int32(bitPattern: $0.rawValue) }.contains(errorClass)
    }
}

/// Throws a `GitError` when a libgit2 call returned a negative code.
@discardableResult
func gitCheck(_ code: Int32, _ call: String) throws -> Int32 {
    guard code >= 0 else { throw GitError(code: code, call: call) }
    return code
}

/// libgit2, loaded (takehome does not link it: see CLibGit2's shim.h) and initialised once for
/// the process before the first call.
enum Libgit2 {
    private static let loaded: Result<Void, TakehomeError> = {
        var message = [CChar](repeating: 0, count: 512)
        guard takehome_libgit2_load(&message, UInt(message.count)) == 0 else {
            let reason = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(TakehomeError(.unavailable, "libgit2 \(LIBGIT2_SOVERSION) cannot be loaded (\(reason)): "
                + "apt-get install libgit2-\(LIBGIT2_SOVERSION)"))
        }
        _ = git_libgit2_init()
        return .success(())
    }()

    /// Loads and initialises libgit2 on first use; throws (exit 69, with the install command)
    /// when its shared library is missing.
    static func ensureInitialised() throws { try loaded.get() }
}
