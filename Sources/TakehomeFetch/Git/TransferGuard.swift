import CLibGit2
import Foundation
import TakehomeCore

/// The payload of libgit2's remote callbacks: counts bytes received and stops the transfer when
/// it passes the byte cap, the deadline, or the waiting side gave up; for SSH it also answers the
/// credential and host-key questions. Lives as long as the clone call.
final class TransferGuard: @unchecked Sendable {
    private let maxBytes: Int64
    private let job: FetchJob
    /// Keys and known hosts, for ssh:// and scp-like URLs only.
    let ssh: SSHAccess?
    private let lock = NSLock()
    private var bytes: Int64 = 0
    private var reason: FetchError?

    init(maxBytes: Int64, job: FetchJob, ssh: SSHAccess? = nil) {
        self.maxBytes = maxBytes
        self.job = job
        self.ssh = ssh
    }

    var receivedBytes: Int64 { lock.withLock { bytes } }
    /// Why the transfer was stopped by us, if it was.
    var stopReason: FetchError? { lock.withLock { reason } }

    /// Records the bytes received so far; non-zero tells libgit2 to stop.
    func received(_ total: Int64) -> Int32 {
        lock.withLock { bytes = max(bytes, total) }
        if total > maxBytes {
            return stop(FetchError(.overCap, "the fetch received more than \(Wording.size(maxBytes)), over the assignment's cap of \(ByteSize(bytes: maxBytes)) (fetch.max-bytes)"))
        }
        return tick()
    }

    /// Checks the deadline; non-zero tells libgit2 to stop.
    func tick() -> Int32 {
        if job.isAbandoned || Date() >= job.deadline { return stop(job.timedOutError) }
        return 0
    }

    /// Records why the transfer must stop (a refused host key, failed authentication); returns -1.
    func stop(_ error: FetchError) -> Int32 {
        lock.withLock { if reason == nil { reason = error } }
        return -1
    }
}

extension TransferGuard {
    /// libgit2's answer for an SSH host key: 0 when known_hosts lists it for this host, else the
    /// transfer stops with the reason. Without a raw key there is nothing to compare: refused.
    func checkHostKey(_ certificate: git_cert_hostkey) -> Int32 {
        guard let ssh else { return -1 }
        guard certificate.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = certificate.hostkey else {
            return stop(FetchError(.badInput, "the SSH server at \(ssh.knownHostsName) sent no host key to check"))
        }
        let key = Array(UnsafeRawBufferPointer(start: raw, count: certificate.hostkey_len))
        if let refusal = ssh.refusal(ofHostKey: key) { return stop(refusal) }
        return 0
    }
}
