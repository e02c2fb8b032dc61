import Crypto
import Foundation

/// An OpenSSH known_hosts file, read the way sshd(8) describes it: comma-separated host
/// patterns with `*`, `?` and `!` negation, hashed names (`|1|salt|HMAC-SHA1`), `[host]:port`
/// names, and the `@revoked` marker (`@cert-authority` lines are not used: libgit2 gives no
/// certificate to check them against).
struct KnownHosts {
    /// What the file says about one host's key.
    enum Verdict: Equatable { case trusted, mismatch, unknown, revoked }

    private struct Entry {
        var revoked: Bool
        var patterns: Substring
        var key: [UInt8]
    }

    private let entries: [Entry]

    /// Reads `path`; a missing or unreadable file has no entries.
    init(contentsOf path: String) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        self.init(text: text)
    }

    init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
            guard let first = fields.first, !first.hasPrefix("#") else { return nil }
            var revoked = false
            if first.hasPrefix("@") {
                guard first == "@revoked" else { return nil }
                revoked = true
                fields = fields.dropFirst()
            }
            guard fields.count >= 3, let key = Data(base64Encoded: String(fields[fields.startIndex + 2])) else { return nil }
            return Entry(revoked: revoked, patterns: fields[fields.startIndex], key: Array(key))
        }
    }

    /// The verdict for `name` (`host` or `[host]:port`) presenting the raw public key `key` (the
    /// SSH wire-format blob, as in the file's base64 field).
    func verdict(for name: String, key: [UInt8]) -> Verdict {
        let lowered = name.lowercased()
        let matching = entries.filter { Self.matches($0.patterns, name: lowered) }
        if matching.contains(where: { $0.revoked && $0.key == key }) { return .revoked }
        let listed = matching.filter { !$0.revoked }
        if listed.contains(where: { $0.key == key }) { return .trusted }
        return listed.isEmpty ? .unknown : .mismatch
    }

    /// True when the comma-separated `patterns` match `name` and no negated pattern does.
    static func matches(_ patterns: Substring, name: String) -> Bool {
        if patterns.hasPrefix("|1|") { return hashedMatches(patterns, name: name) }
        var matched = false
        for pattern in patterns.split(separator: ",") {
            if pattern.hasPrefix("!") {
                if glob(pattern.dropFirst().lowercased(), name) { return false }
            } else if glob(pattern.lowercased(), name) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as `HashKnownHosts yes` writes it.
    private static func hashedMatches(_ field: Substring, name: String) -> Bool {
        let parts = field.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])),
              let expected = Data(base64Encoded: String(parts[2])) else { return false }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(mac) == expected
    }

    /// Shell-style matching of `*` and `?` over whole names, iterative (no backtracking blow-up).
    static func glob(_ pattern: String, _ name: String) -> Bool {
        let pattern = Array(pattern.utf8), name = Array(name.utf8)
        var (p, n, star, mark) = (0, 0, -1, 0)
        while n < name.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == name[n] {
                p += 1; n += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                (star, mark) = (p, n); p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; n = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
