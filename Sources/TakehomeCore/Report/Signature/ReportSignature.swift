import Crypto
import Foundation

/// A report's ed25519 signature over its canonical JSON (the report without `signature`), with the
/// facts it binds spelled out so a reader sees what was signed without decoding anything.
public struct ReportSignature: Codable, Sendable, Equatable {
    public static let ed25519 = "ed25519"

    /// Always `ed25519`.
    public var algorithm: String
    /// The signer's public key: the 32 raw bytes, base64.
    public var publicKey: String
    /// The 64-byte signature, base64.
    public var value: String
    public var binds: Binds

    public init(algorithm: String = ReportSignature.ed25519, publicKey: String, value: String, binds: Binds) {
        self.algorithm = algorithm; self.publicKey = publicKey; self.value = value; self.binds = binds
    }

    /// What a signature ties together. Each is also inside the signed bytes; `verify` checks that
    /// these copies agree with the report's own fields.
    public struct Binds: Codable, Sendable, Equatable {
        /// `submission.commit`; nil for a folder or archive.
        public var commit: String?
        /// `assignment.digest`.
        public var assignmentDigest: String
        /// `tool.version`.
        public var harnessVersion: String
        /// `sha256:` of the canonical JSON of `sandbox` without its `phases` (isolation,
        /// enforcement, limits and any profile fields), or `none` when the report ran nothing.
        public var sandboxProfile: String

        public init(commit: String?, assignmentDigest: String, harnessVersion: String, sandboxProfile: String) {
            self.commit = commit; self.assignmentDigest = assignmentDigest; self.harnessVersion = harnessVersion
            self.sandboxProfile = sandboxProfile
        }

        /// The binds of a report document (parsed JSON, so that verification reads what the file says).
        init(document: [String: JSONValue]) {
            func string(_ section: String, _ key: String) -> String? {
                if case .object(let object)? = document[section], case .string(let text)? = object[key] { return text }
                return nil
            }
            commit = string("submission", "commit")
            assignmentDigest = string("assignment", "digest") ?? ""
            harnessVersion = string("tool", "version") ?? ""
            if case .object(var sandbox)? = document["sandbox"] {
                sandbox["phases"] = nil
                let digest = SHA256.hash(data: CanonicalJSON.data(.object(sandbox)))
                sandboxProfile = "sha256:" + digest.map { String(format: "%02x", $0) }.joined()
            } else {
                sandboxProfile = "none"
            }
        }
    }
}
