import Foundation
import Testing
@testable import TakehomeFetch
import TakehomeCore

/// A scratch folder for one test, removed when the test ends.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("takehome-fetch-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { removeTree(at: url) }

    func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The names directly in the scratch folder, to show a failed fetch left nothing behind.
    var names: Set<String> { Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []) }

    func write(_ name: String, _ text: String) throws {
        let file = path(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ name: String) -> String? {
        (try? Data(contentsOf: path(name))).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs a program and returns its standard output, trimmed; fails the test on a non-zero exit.
@discardableResult
func run(_ arguments: [String], in folder: URL, input: Data? = nil, environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env.merge(["GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com",
               "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.com"]) { $1 }
    env.merge(environment) { $1 }
    process.environment = env
    let output = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardInput = inputPipe
    try process.run()
    if let input { inputPipe.fileHandleForWriting.write(input) }
    try inputPipe.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw TakehomeError(.software, "`\(arguments.joined(separator: " "))` exited with \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A git repository made in a scratch folder with the git CLI.
struct TestRepository {
    let url: URL

    init(at url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String..., input: String? = nil, environment: [String: String] = [:]) throws -> String {
        try run(["git"] + arguments, in: url, input: input.map { Data($0.utf8) }, environment: environment)
    }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Commits everything, as `author` at `date` (seconds since 1970).
    @discardableResult
    func commit(_ message: String, author: (String, String) = ("Ada", "ada@example.com"), date: Int = 1_700_000_000) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "-m", message, environment: [
            "GIT_AUTHOR_NAME": author.0, "GIT_AUTHOR_EMAIL": author.1,
            "GIT_AUTHOR_DATE": "\(date) +0000", "GIT_COMMITTER_DATE": "\(date) +0000",
        ])
        return try git("rev-parse", "HEAD")
    }
}

/// Limits generous enough for every test repository, with a short timeout.
let testLimits = FetchLimits(timeout: TimeSpan(seconds: 30), maxBytes: ByteSize(bytes: 50 << 20), maxFiles: 1_000,
                             maxFileSize: ByteSize(bytes: 10 << 20), maxTreeSize: ByteSize(bytes: 50 << 20))

/// Fetches and expects a `FetchError`; returns it (or nil when the fetch did not fail that way).
func fetchError(_ source: String, ref: String? = nil, limits: FetchLimits, into destination: URL) async -> FetchError? {
    do {
        _ = try await SubmissionFetcher(limits: limits).fetch(source, ref: ref, into: destination)
        return nil
    } catch let error as FetchError {
        return error
    } catch {
        return nil
    }
}

func isSymlink(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
}

func exists(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0
}

func rules(_ findings: [Finding]) -> [String: String] {
    Dictionary(findings.map { ($0.file ?? "", $0.rule) }, uniquingKeysWith: { first, _ in first })
}
