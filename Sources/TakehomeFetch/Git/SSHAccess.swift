import CLibGit2
import Foundation

/// How one ssh:// or scp-like fetch authenticates and which host key it trusts: the key named by
/// `TAKEHOME_SSH_KEY`, else the ssh-agent at `SSH_AUTH_SOCK`, else `~/.ssh/id_ed25519`,
/// `id_ecdsa`, `id_rsa`; and only a host key listed in `TAKEHOME_KNOWN_HOSTS` or
/// `~/.ssh/known_hosts` (libgit2 1.5 with libssh2 checks none itself).
final class SSHAccess: @unchecked Sendable {
    /// One way to offer a key, tried in order; each is offered once.
    enum KeySource: Equatable, CustomStringConvertible {
        case file(privateKey: String, publicKey: String?)
        case agent

        var description: String {
            switch self {
            case .file(let key, _): "the key `\(key)`"
            case .agent: "the keys of ssh-agent"
            }
        }
    }

    let host: String
    let port: Int
    let keySources: [KeySource]
    let knownHostsPath: String
    private let lock = NSLock()
    private var offered = 0

    /// Nil for URLs that do not use SSH.
    init?(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let (host, port) = Self.endpoint(of: url) else { return nil }
        self.host = host
        self.port = port
        let home = environment["HOME"] ?? NSHomeDirectory()
        knownHostsPath = environment["TAKEHOME_KNOWN_HOSTS"] ?? home + "/.ssh/known_hosts"
        var sources: [KeySource] = []
        if let key = environment["TAKEHOME_SSH_KEY"], !key.isEmpty {
            sources.append(.file(privateKey: key, publicKey: Self.existing(key + ".pub")))
        } else {
            if environment["SSH_AUTH_SOCK"].map({ !$0.isEmpty }) == true { sources.append(.agent) }
            for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
                let key = "\(home)/.ssh/\(name)"
                if FileManager.default.fileExists(atPath: key) {
                    sources.append(.file(privateKey: key, publicKey: Self.existing(key + ".pub")))
                }
            }
        }
        keySources = sources
    }

    /// Host and port of `ssh://[user@]host[:port]/path` (also `git+ssh://`, `ssh+git://`) and of
    /// the scp-like `user@host:path`; nil for every other URL.
    static func endpoint(of url: String) -> (host: String, port: Int)? {
        let lower = url.lowercased()
        if let scheme = ["ssh://", "git+ssh://", "ssh+git://"].first(where: { lower.hasPrefix($0) }) {
            var authority = url.dropFirst(scheme.count).prefix { $0 != "/" }
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
                let host = String(authority[authority.index(after: authority.startIndex)..<close])
                let rest = authority[authority.index(after: close)...]
                return (host, rest.hasPrefix(":") ? Int(rest.dropFirst()) ?? 22 : 22)
            }
            let parts = authority.split(separator: ":", maxSplits: 1)
            guard let host = parts.first else { return nil }
            return (String(host), parts.count == 2 ? Int(parts[1]) ?? 22 : 22)
        }
        guard !lower.contains("://"), let at = url.firstIndex(of: "@"),
              let colon = url[at...].firstIndex(of: ":") else { return nil }
        return (String(url[url.index(after: at)..<colon]), 22)
    }

    /// The name known_hosts uses for this endpoint: `host`, or `[host]:port` off port 22.
    var knownHostsName: String { port == 22 ? host : "[\(host)]:\(port)" }

    /// Answers libgit2's credential request: the next key source, or nil when all were offered.
    func nextCredential(username: String?, allowed: UInt32) -> (UnsafeMutablePointer<git_credential>?, Int32) {
        let user = username ?? "git"
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, allowed & GIT_CREDENTIAL_SSH_KEY.rawValue == 0 {
            var credential: UnsafeMutablePointer<git_credential>?
            let code = git_credential_username_new(&credential, user)
            return (credential, code)
        }
        guard allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 else { return (nil, GIT_PASSTHROUGH.rawValue) }
        let source: KeySource? = lock.withLock {
            defer { offered += 1 }
            return offered < keySources.count ? keySources[offered] : nil
        }
        var credential: UnsafeMutablePointer<git_credential>?
        let code: Int32
        switch source {
        case .file(let key, let publicKey)?:
            code = git_credential_ssh_key_new(&credential, user, publicKey, key, nil)
        case .agent?:
            code = git_credential_ssh_key_from_agent(&credential, user)
        case nil:
            return (nil, GIT_EUSER.rawValue)
        }
        return (credential, code)
    }

    /// Why authentication failed, once every key source was refused.
    func authenticationFailure(url: String) -> FetchError {
        let tried = keySources.isEmpty ? "no key was found (set TAKEHOME_SSH_KEY to a private key file, or run ssh-agent)"
            : "the server refused " + keySources.map(\.description).joined(separator: ", ")
        return FetchError(.unreachable, "could not authenticate to \(knownHostsName) for `\(url)`: \(tried)")
    }

    /// Checks the server's host key against known_hosts; nil when trusted, else why not.
    func refusal(ofHostKey key: [UInt8]) -> FetchError? {
        let hosts = KnownHosts(contentsOf: knownHostsPath)
        switch hosts.verdict(for: knownHostsName, key: key) {
        case .trusted:
            return nil
        case .revoked:
            return FetchError(.badInput, "the SSH host key of \(knownHostsName) is marked @revoked in \(knownHostsPath)")
        case .mismatch:
            return FetchError(.badInput, "the SSH host key of \(knownHostsName) does not match the one in \(knownHostsPath): someone may be intercepting the connection; if the server's key really changed, replace its line")
        case .unknown:
            let keyscan = port == 22 ? "ssh-keyscan \(host)" : "ssh-keyscan -p \(port) \(host)"
            return FetchError(.badInput, "the SSH host key of \(knownHostsName) is not in \(knownHostsPath); check the server's fingerprint, then add it with `\(keyscan) >> \(knownHostsPath)` (or point TAKEHOME_KNOWN_HOSTS at a file that lists it)")
        }
    }

    private static func existing(_ path: String) -> String? {
        FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
