import Crypto
import Foundation

/// Signs reports and checks signed ones. A signature proves the report is byte for byte what a
/// holder of the private key wrote; whom to trust is the verifier's choice (`trustedKeys`).
public enum ReportSigning {
    /// The report with its `signature` set, over the canonical JSON of everything else.
    public static func sign(_ report: Report, with key: Curve25519.Signing.PrivateKey) throws -> Report {
        var unsigned = report
        unsigned.signature = nil
        guard case .object(let document)? = CanonicalJSON.parse(try ReportCoding.encode(unsigned)) else {
            throw TakehomeError(.software, "the report could not be read back as a JSON object for signing")
        }
        let value = try key.signature(for: signedBytes(of: document))
        var signed = report
        signed.signature = ReportSignature(publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
                                           value: value.base64EncodedString(), binds: .init(document: document))
        return signed
    }

    /// The bytes a signature covers: the canonical JSON of the document without `signature`.
    public static func signedBytes(of document: [String: JSONValue]) -> Data {
        var unsigned = document
        unsigned["signature"] = nil
        return CanonicalJSON.data(.object(unsigned))
    }

    /// What a successful verification established.
    public struct Verified: Sendable, Equatable {
        public var publicKey: String
        public var binds: ReportSignature.Binds
    }

    /// Checks that `data` (a report.json as written) is intact, signed, and signed by one of
    /// `trustedKeys` (base64 ed25519 public keys). Throws exit 65 with one sentence otherwise.
    public static func verify(_ data: Data, file: String, trustedKeys: [String]) throws -> Verified {
        func refuse(_ problem: String) -> TakehomeError { TakehomeError(.dataError, "\(file): \(problem)") }
        guard case .object(let document)? = CanonicalJSON.parse(data) else {
            throw refuse("is not a JSON object, so it is not an intact takehome report")
        }
        guard let signatureValue = document["signature"], signatureValue != .null else {
            throw refuse("is not signed (it has no signature object)")
        }
        guard let signature = try? JSONDecoder().decode(ReportSignature.self, from: JSONEncoder().encode(signatureValue)),
              signature.algorithm == ReportSignature.ed25519,
              let keyBytes = Data(base64Encoded: signature.publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
              let value = Data(base64Encoded: signature.value) else {
            throw refuse("has a malformed signature object (it needs algorithm ed25519, a base64 publicKey and value)")
        }
        guard key.isValidSignature(value, for: signedBytes(of: document)) else {
            throw refuse("was edited after it was signed (the ed25519 signature does not match its content)")
        }
        guard try layout(of: .object(document)) == data else {
            throw refuse("was edited after it was signed (its bytes differ from the layout takehome writes for the same content)")
        }
        let actual = ReportSignature.Binds(document: document)
        guard actual == signature.binds else {
            throw refuse("its signature's binds disagree with the report (commit, assignment digest, harness version or sandbox profile was edited)")
        }
        guard trustedKeys.contains(signature.publicKey) else {
            throw refuse("is intact but signed by the key \(signature.publicKey), which is not a trusted key (pass --public-key with the grader's key)")
        }
        return Verified(publicKey: signature.publicKey, binds: actual)
    }

    /// The bytes `ReportCoding.encode` writes for a document: what an untouched report.json holds.
    static func layout(of document: JSONValue) throws -> Data { try ReportCoding.encode(value: document) }
}
