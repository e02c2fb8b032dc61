import Crypto
import Foundation
import TakehomeCore

/// The bait an attack must not touch: a secret file on the host, a fake token in the harness's
/// environment, a loopback listener, and the host paths an escape would change. Where they are is
/// handed to every attack in `audit-canaries.json`, so containment never rests on obscurity.
public final class Canaries: Sendable {
    public static let escapeMarker = "TAKEHOME-AUDIT-ESCAPE"
    public static let tokenVariable = "GITHUB_TOKEN"

    public let folder: URL
    public let secretFile: URL
    public let secret: String
    public let token: String
    public let listener: LoopbackListener
    /// Host paths an attack may try to change: the audit's assignment copy, the harness binary,
    /// the manifest cache. Fingerprinted before and after every attack.
    public let watched: [URL]
    /// Folders where an escaped attack would leave `TAKEHOME-AUDIT-ESCAPE`.
    public let markerFolders: [URL]
    let facts: [String: String]

    public init(scratch: URL, assignment: URL, harness: URL, cache: URL) throws {
        folder = scratch.appendingPathComponent("canary")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        secret = "takehome-canary-secret-" + UUID().uuidString
        token = "takehome-canary-token-" + UUID().uuidString
        secretFile = folder.appendingPathComponent("secret.txt")
        try Data((secret + "\n").utf8).write(to: secretFile)
        listener = try LoopbackListener()
        let home = FileManager.default.homeDirectoryForCurrentUser
        watched = [folder, assignment, harness, cache]
        markerFolders = [home, URL(fileURLWithPath: "/root"), URL(fileURLWithPath: "/home"), URL(fileURLWithPath: "/"),
                         harness.deletingLastPathComponent(), folder, assignment]
        facts = ["secretFile": secretFile.path, "canaryDir": folder.path, "listenerPort": String(listener.port),
                 "tokenVariable": Self.tokenVariable, "assignmentDir": assignment.path, "harnessBinary": harness.path,
                 "cacheDir": cache.path, "hostHome": home.path]
    }

    /// `audit-canaries.json`, written into every attack's submission.
    public func factsFile() throws -> Data {
        var object: [String: JSONValue] = facts.mapValues { .string($0) }
        object["listenerPort"] = .number(Double(listener.port))
        return CanonicalJSON.data(.object(object))
    }

    /// The strings no output may contain: the secret file's content and the token.
    public var secrets: [String] { [secret, token] }

    /// What the watched paths look like now: path → size, modification time and content hash.
    public func fingerprint() -> [String: String] {
        var prints: [String: String] = [:]
        for root in watched { Self.fingerprint(root, into: &prints) }
        for folder in markerFolders {
            let marker = folder.appendingPathComponent(Self.escapeMarker)
            if FileManager.default.fileExists(atPath: marker.path) { prints[marker.path] = "escape marker present" }
        }
        return prints
    }

    /// Removes escape markers left on the host, once they have been reported.
    public func removeMarkers() {
        for folder in markerFolders { try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.escapeMarker)) }
    }

    private static func fingerprint(_ url: URL, into prints: inout [String: String]) {
        var status = stat()
        guard lstat(url.path, &status) == 0 else { return }
        let time = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        if status.st_mode & S_IFMT == S_IFDIR {
            prints[url.path] = "folder"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                fingerprint(url.appendingPathComponent(name), into: &prints)
            }
        } else if status.st_size < 4 << 20, let data = FileManager.default.contents(atPath: url.path) {
            prints[url.path] = "\(status.st_size) \(time) " + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        } else {
            prints[url.path] = "\(status.st_size) \(time) \(status.st_ino)"
        }
    }
}
