import Crypto
import Foundation
import TakehomeCore

/// The installation's report-signing key: an ed25519 private key created on first use, mode 0600,
/// in `$TAKEHOME_CONFIG_DIR`, `$XDG_CONFIG_HOME/takehome` or `~/.config/takehome` (or a file the
/// user names), with its public half beside it as `signing-key.pub` to hand to verifiers.
public struct SigningKey: Sendable {
    public static let fileName = "signing-key"

    public var file: URL
    /// The 32 raw bytes of the private key (the Crypto type is not Sendable).
    private var raw: Data

    public var privateKey: Curve25519.Signing.PrivateKey {
        // `raw` was checked to be a valid key when it was read.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// The base64 public key, as reports carry it.
    public var publicKey: String { privateKey.publicKey.rawRepresentation.base64EncodedString() }

    /// The default key file for this user.
    public static func defaultFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let base = environment["TAKEHOME_CONFIG_DIR"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent(fileName)
        }
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent("takehome").appendingPathComponent(fileName)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".config/takehome").appendingPathComponent(fileName)
    }

    /// Reads the key at `file`, creating it (and `file.pub`) when it does not exist yet. Two
    /// processes creating it at once end with the same key: the file is published with link(2).
    public static func loadOrCreate(at file: URL) throws -> SigningKey {
        if let existing = try load(at: file) { return existing }
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw TakehomeError(.ioError, "\(folder.path): cannot create the folder for the signing key: \(error.localizedDescription)")
        }
        let key = Curve25519.Signing.PrivateKey()
        let draft = folder.appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString)")
        let text = key.rawRepresentation.base64EncodedString() + "\n"
        guard FileManager.default.createFile(atPath: draft.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw TakehomeError(.ioError, "\(draft.path): cannot write the signing key")
        }
        defer { unlink(draft.path) }
        if link(draft.path, file.path) != 0 && errno != EEXIST {
            throw TakehomeError(.ioError, "\(file.path): cannot create the signing key: \(String(cString: strerror(errno)))")
        }
        guard let published = try load(at: file) else {
            throw TakehomeError(.ioError, "\(file.path): the signing key vanished while it was created")
        }
        let publicFile = file.appendingPathExtension("pub")
        if !FileManager.default.fileExists(atPath: publicFile.path) {
            try? Data((published.publicKey + "\n").utf8).write(to: publicFile, options: .atomic)
        }
        return published
    }

    /// Reads the key at `file`; nil when there is none. Refuses a key others can read.
    public static func load(at file: URL) throws -> SigningKey? {
        var status = stat()
        guard stat(file.path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw TakehomeError(.ioError, "\(file.path): cannot read the signing key: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw TakehomeError(.dataError, "\(file.path): the signing key is readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); run `chmod 600 \(file.path)`")
        }
        let text = try contents(of: file, what: "signing key")
        guard let raw = Data(base64Encoded: text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw TakehomeError(.dataError, "\(file.path): line 1 is not a base64 ed25519 private key (32 bytes)")
        }
        return SigningKey(file: file, raw: key.rawRepresentation)
    }

    /// Reads a public key file (one line of base64, as `signing-key.pub` holds).
    public static func publicKey(at file: URL) throws -> String {
        let text = try contents(of: file, what: "public key")
        guard let raw = Data(base64Encoded: text), (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw TakehomeError(.dataError, "\(file.path): line 1 is not a base64 ed25519 public key (32 bytes)")
        }
        return text
    }

    /// Signs a report with this key.
    public func sign(_ report: Report) throws -> Report {
        try ReportSigning.sign(report, with: privateKey)
    }

    private static func contents(of file: URL, what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw TakehomeError(.ioError, "\(file.path): cannot read the \(what)")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
