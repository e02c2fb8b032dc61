import TakehomeCore
/// The harness's version, recorded in every report and in cache keys.
public enum HarnessVersion {
    public static let current = "0.1.0"
}
