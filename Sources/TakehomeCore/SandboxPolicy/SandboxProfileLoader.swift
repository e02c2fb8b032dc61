import Foundation
import Yams

/// Reads `Sandbox/profiles/tests.yml` and `setup.yml`. Unknown keys, wrong types and impossible
/// values are errors naming the file, line and key (exit 65).
public enum SandboxProfileLoader {
    /// The folder holding the profiles: `TAKEHOME_SANDBOX_PROFILES` when set, else the first
    /// `Sandbox/profiles` found walking up from the executable (a build folder inside the project).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        if let chosen = environment["TAKEHOME_SANDBOX_PROFILES"], !chosen.isEmpty { return URL(fileURLWithPath: chosen) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("Sandbox/profiles")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("tests.yml").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw TakehomeError(.unavailable, "The sandbox profiles (Sandbox/profiles/tests.yml, setup.yml) were not found near \(executable.path); "
            + "run takehome from its project's build folder or set TAKEHOME_SANDBOX_PROFILES to that folder.")
    }

    /// Loads every phase's profile from `directory`.
    public static func load(directory: URL) throws -> SandboxProfiles {
        SandboxProfiles(tests: try load(.tests, from: directory), setup: try load(.setup, from: directory))
    }

    /// Loads one phase's profile, `<phase>.yml` in `directory`.
    public static func load(_ phase: SandboxPhase, from directory: URL) throws -> SandboxProfile {
        let url = directory.appendingPathComponent("\(phase.rawValue).yml")
        let file = url.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw AssignmentError(file: file, problem: "cannot be read; every sandbox phase needs its profile")
        }
        let text = String(decoding: data, as: UTF8.self)
        let node: Yams.Node
        do {
            guard let composed = try Yams.compose(yaml: text) else { throw AssignmentError(file: file, problem: "is empty") }
            node = composed
        } catch let error as YamlError {
            throw AssignmentError(file: file, problem: "is not valid YAML: \(error)")
        }
        return try parse(YAMLReader(file: file, node: node), phase: phase, source: file)
    }

    static func parse(_ root: YAMLReader, phase: SandboxPhase, source: String) throws -> SandboxProfile {
        let values = Dictionary(uniqueKeysWithValues: try root.entries(allowed: ["network", "mounts", "environment", "limits"])
            .map { ($0.key, $0.reader) })
        for key in ["network", "mounts", "environment", "limits"] where values[key] == nil {
            throw AssignmentError(file: root.file, line: root.line, key: key, problem: "is required but missing")
        }
        let networkReader = values["network"]!
        guard let network = SandboxProfile.Network(rawValue: try networkReader.string()) else {
            throw networkReader.error("must be 'never' or 'when-allowed'")
        }
        if phase == .tests && network != .never { throw networkReader.error("tests never get the network; it must be 'never'") }
        let limitsReader = values["limits"]!
        let (limits, named) = try AssignmentLoader.limits(limitsReader, base: .standard)
        if let missing = AssignmentLoader.limitKeys.first(where: { !named.contains($0) }) {
            throw limitsReader.error("a profile names every limit; '\(missing)' is missing", key: "limits.\(missing)")
        }
        var profile = SandboxProfile(phase: phase, source: source, network: network, readOnly: [], etc: [], tmpfs: [],
                                     environment: [:], allow: [], pass: [], limits: limits)
        for (key, value) in try values["mounts"]!.entries(allowed: ["read-only", "etc", "tmpfs"]) {
            let paths = try value.strings()
            if let bad = paths.first(where: { !$0.hasPrefix("/") || $0.split(separator: "/").contains("..") }) {
                throw value.error("'\(bad)' must be an absolute path without '..'")
            }
            switch key {
            case "read-only": profile.readOnly = paths
            case "etc":
                if let bad = paths.first(where: { !$0.hasPrefix("/etc/") }) { throw value.error("'\(bad)' is not under /etc") }
                profile.etc = paths
            default: profile.tmpfs = paths
            }
        }
        for (key, value) in try values["environment"]!.entries(allowed: ["set", "allow", "pass"]) {
            switch key {
            case "set":
                for (name, entry) in try value.entries() { profile.environment[try variableName(name, value)] = try entry.string() }
            case "allow": profile.allow = try value.strings()
            default: profile.pass = try value.strings().map { try variableName($0, value) }
            }
        }
        return profile
    }

    private static func variableName(_ name: String, _ reader: YAMLReader) throws -> String {
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil else {
            throw reader.error("'\(name)' is not an environment variable name")
        }
        return name
    }
}
