import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// A real OpenSSH server on a loopback address, started by the test with its own host key,
/// accepting one client key for the current user; stopped when the test ends.
private final class LoopbackSSHServer {
    let scratch: Scratch
    let address: String
    let port: UInt16
    let user: String
    let clientKey: URL
    let hostPublicKey: String
    private let server: SpawnedServer

    init(in scratch: Scratch, address: String = "127.0.0.1", port: UInt16? = nil) async throws {
        self.scratch = scratch
        self.address = address
        self.port = try port ?? Loopback.freePort()
        user = try run(["id", "-un"], in: scratch.url)
        let folder = scratch.path("sshd")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["host", "client"] {
            try run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder.appendingPathComponent(name).path], in: folder)
        }
        clientKey = folder.appendingPathComponent("client")
        hostPublicKey = try String(contentsOf: folder.appendingPathComponent("host.pub"), encoding: .utf8)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("client.pub"), to: folder.appendingPathComponent("authorized_keys"))
        if getuid() == 0 { try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let config = """
            ListenAddress \(address):\(self.port)
            HostKey \(folder.path)/host
            AuthorizedKeysFile \(folder.path)/authorized_keys
            PidFile none
            StrictModes no
            UsePAM no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            AllowUsers \(user)
            LogLevel ERROR

            """
        try scratch.write("sshd/sshd_config", config)
        server = try SpawnedServer(["/usr/sbin/sshd", "-D", "-e", "-f", folder.appendingPathComponent("sshd_config").path])
        try Loopback.waitForListener(port: self.port, address: address)
    }

    /// A known_hosts line for this server, as `ssh-keyscan` would print it.
    var knownHostsLine: String {
        let name = port == 22 ? address : "[\(address)]:\(port)"
        return "\(name) \(hostPublicKey.split(separator: " ").prefix(2).joined(separator: " "))\n"
    }

    func environment(knownHosts: String, key: URL? = nil) throws -> [String: String] {
        try scratch.write("known_hosts", knownHosts)
        return ["HOME": scratch.path("home").path, "TAKEHOME_SSH_KEY": (key ?? clientKey).path,
                "TAKEHOME_KNOWN_HOSTS": scratch.path("known_hosts").path]
    }

    func fetch(_ url: String, environment: [String: String], into name: String = "tree") async throws -> FetchedSubmission {
        try await SubmissionFetcher(limits: testLimits, environment: environment).fetch(url, ref: nil, into: scratch.path(name))
    }

    func fetchError(_ url: String, environment: [String: String]) async -> FetchError? {
        do {
            _ = try await fetch(url, environment: environment)
            return nil
        } catch {
            return error as? FetchError
        }
    }

    deinit { withExtendedLifetime(server) {} }
}

private func makeRepository(in scratch: Scratch) throws -> (TestRepository, String) {
    let repo = try TestRepository(at: scratch.path("source"))
    try repo.write("src/pay.py", "def pay():\n    return 1\n")
    return (repo, try repo.commit("first"))
}

@Suite(.serialized, .timeLimit(.minutes(5))) struct SSHTests {
    @Test func sshURLClonesWithAKeyFileAndAKnownHost() async throws {
        let scratch = try Scratch()
        let (repo, head) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch)
        let url = "ssh://\(server.user)@127.0.0.1:\(server.port)\(repo.url.path)"
        let fetched = try await server.fetch(url, environment: try server.environment(knownHosts: server.knownHostsLine))
        #expect(fetched.commit == head)
        #expect(fetched.kind == .gitURL)
        #expect(scratch.read("tree/src/pay.py") == "def pay():\n    return 1\n")
        #expect(fetched.bytesReceived > 0)
    }

    @Test func hashedKnownHostsEntryIsTrusted() async throws {
        let scratch = try Scratch()
        let (repo, head) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch)
        try scratch.write("hashed", server.knownHostsLine)
        try run(["ssh-keygen", "-q", "-H", "-f", scratch.path("hashed").path], in: scratch.url)
        let hashed = try #require(scratch.read("hashed"))
        #expect(hashed.hasPrefix("|1|"))
        let url = "ssh://\(server.user)@127.0.0.1:\(server.port)\(repo.url.path)"
        let fetched = try await server.fetch(url, environment: try server.environment(knownHosts: hashed))
        #expect(fetched.commit == head)
    }

    @Test func unknownHostIsRefusedWithTheCommandToTrustIt() async throws {
        let scratch = try Scratch()
        let (repo, _) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch)
        let url = "ssh://\(server.user)@127.0.0.1:\(server.port)\(repo.url.path)"
        let error = try #require(await server.fetchError(url, environment: try server.environment(knownHosts: "")))
        #expect(error.kind == .badInput)
        #expect(error.exitCode == .dataError)
        #expect(error.message.contains("ssh-keyscan -p \(server.port) 127.0.0.1 >>"))
        #expect(scratch.names == ["source", "sshd", "known_hosts"])
    }

    @Test func changedHostKeyIsRefusedAsAPossibleInterception() async throws {
        let scratch = try Scratch()
        let (repo, _) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch)
        let other = try String(contentsOf: scratch.path("sshd/client.pub"), encoding: .utf8)
        let forged = "[127.0.0.1]:\(server.port) " + other.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
        let url = "ssh://\(server.user)@127.0.0.1:\(server.port)\(repo.url.path)"
        let error = try #require(await server.fetchError(url, environment: try server.environment(knownHosts: forged)))
        #expect(error.kind == .badInput)
        #expect(error.message.contains("does not match"))
        #expect(!exists(scratch.path("tree")))
    }

    @Test func unauthorisedKeyFailsOnceWithTheKeyItTried() async throws {
        let scratch = try Scratch()
        let (repo, _) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch)
        try run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", scratch.path("stranger").path], in: scratch.url)
        let url = "ssh://\(server.user)@127.0.0.1:\(server.port)\(repo.url.path)"
        let environment = try server.environment(knownHosts: server.knownHostsLine, key: scratch.path("stranger"))
        let error = try #require(await server.fetchError(url, environment: environment))
        #expect(error.kind == .unreachable)
        #expect(error.message.contains("could not authenticate"))
        #expect(error.message.contains(scratch.path("stranger").path))
        #expect(!exists(scratch.path("tree")))
    }

    /// The scp-like form has no port, so it needs a server on port 22 of a loopback address.
    @Test func scpLikeURLClones() async throws {
        let address = "127.0.0.\(Int.random(in: 20...250))"
        guard Loopback.canBind(address: address, port: 22) else {
            Issue.record("port 22 of \(address) is taken or not bindable; the scp-like form was not exercised")
            return
        }
        let scratch = try Scratch()
        let (repo, head) = try makeRepository(in: scratch)
        let server = try await LoopbackSSHServer(in: scratch, address: address, port: 22)
        let url = "\(server.user)@\(address):\(repo.url.path)"
        let fetched = try await server.fetch(url, environment: try server.environment(knownHosts: server.knownHostsLine))
        #expect(fetched.commit == head)
    }
}

@Suite struct SSHSettingsTests {
    @Test(arguments: [
        ("ssh://git@example.com/team/repo.git", "example.com", 22),
        ("ssh://example.com:2222/repo", "example.com", 2222),
        ("git+ssh://u@[::1]:2200/repo", "::1", 2200),
        ("ada@host.example:team/repo.git", "host.example", 22),
    ])
    func endpointOfSSHURLs(_ url: String, _ host: String, _ port: Int) throws {
        let endpoint = try #require(SSHAccess.endpoint(of: url))
        #expect(endpoint.host == host)
        #expect(endpoint.port == port)
    }

    @Test func otherURLsAreNotSSH() {
        #expect(SSHAccess.endpoint(of: "https://user@example.com/repo.git") == nil)
        #expect(SSHAccess(url: "file:///tmp/repo", environment: [:]) == nil)
    }

    @Test func keySourcesFollowTheDocumentedOrder() throws {
        let scratch = try Scratch()
        try scratch.write("home/.ssh/id_rsa", "key")
        try scratch.write("home/.ssh/id_ed25519", "key")
        let home = scratch.path("home").path
        let access = try #require(SSHAccess(url: "ssh://h/r", environment: ["HOME": home, "SSH_AUTH_SOCK": "/tmp/agent"]))
        #expect(access.keySources == [.agent, .file(privateKey: home + "/.ssh/id_ed25519", publicKey: nil),
                                      .file(privateKey: home + "/.ssh/id_rsa", publicKey: nil)])
        let chosen = try #require(SSHAccess(url: "ssh://h/r", environment: ["HOME": home, "TAKEHOME_SSH_KEY": "/keys/ci"]))
        #expect(chosen.keySources == [.file(privateKey: "/keys/ci", publicKey: nil)])
        #expect(chosen.knownHostsPath == home + "/.ssh/known_hosts")
    }

    @Test func knownHostsPatternsNegationAndRevocation() {
        let key = Array("key-one".utf8), other = Array("key-two".utf8)
        let text = """
            # comment
            *.example.com,!bad.example.com ssh-ed25519 \(Data(key).base64EncodedString())
            [git.example.org]:2222 ssh-ed25519 \(Data(key).base64EncodedString())
            @revoked old.example.net ssh-ed25519 \(Data(other).base64EncodedString())
            old.example.net ssh-ed25519 \(Data(other).base64EncodedString())
            """
        let hosts = KnownHosts(text: text)
        #expect(hosts.verdict(for: "git.example.com", key: key) == .trusted)
        #expect(hosts.verdict(for: "git.example.com", key: other) == .mismatch)
        #expect(hosts.verdict(for: "bad.example.com", key: key) == .unknown)
        #expect(hosts.verdict(for: "[git.example.org]:2222", key: key) == .trusted)
        #expect(hosts.verdict(for: "git.example.org", key: key) == .unknown)
        #expect(hosts.verdict(for: "old.example.net", key: other) == .revoked)
        #expect(KnownHosts.glob("a*b?c", "axxbyc"))
        #expect(!KnownHosts.glob("a*b?c", "axxbc"))
    }
}
