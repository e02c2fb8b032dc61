// swift-tools-version:6.0
import PackageDescription

/// Release builds reach the metadata of concrete generic types (`[String: Int]`, `Set<Word>`)
/// through accessor functions instead of by mangled name. A name is resolved at run time by
/// searching all of the binary's protocol conformances (about 11 800, swift-syntax's among them)
/// once per generic requirement, each time a type is first used. make bench's corpus: CPU −3 ms,
/// wall −1 ms per `metrics` run, with the same output. The Makefile's release builds pass the same
/// flag to every module, the dependencies too (`-Xswiftc`).
let releaseSwiftSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

let package = Package(
    name: "takehome",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "takehome", targets: ["takehome"]),
        .executable(name: "takehome-bench", targets: ["takehome-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        // C surfaces: libgit2's headers and its functions, loaded from the shared library when a
        // fetch first needs them (libgit2-dev at build time, libgit2-1.5 at run time), zlib for
        // .tar.gz, and a fork/exec helper that applies rlimits, a new session and a cgroup before
        // exec (what posix_spawn cannot do).
        .target(name: "CLibGit2"),
        .systemLibrary(name: "CGzip", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CSandboxSpawn"),
        // libseccomp through pkg-config, and the sandbox's seccomp program built with it.
        .systemLibrary(name: "CLibSeccomp", pkgConfig: "libseccomp", providers: [.apt(["libseccomp-dev"])]),
        .target(name: "CSandboxFilter", dependencies: ["CLibSeccomp"]),

        // Pure values: assignment, submission, report model, findings, scoring. No I/O but reading
        // the assignment's own files.
        .target(name: "TakehomeCore", dependencies: [
            .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Fetch: git (libgit2), archives, folders, materialised safely under caps.
        .target(name: "TakehomeFetch", dependencies: [
            "TakehomeCore", "CLibGit2", "CGzip",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Sandbox: bubblewrap, cgroups / rlimits, output capture.
        .target(name: "TakehomeSandbox", dependencies: ["TakehomeCore", "CSandboxSpawn", "CSandboxFilter"]),
        // Runners: profiles, staging, result parsers, tamper cross-checks.
        .target(name: "TakehomeRunners", dependencies: ["TakehomeCore", "TakehomeSandbox"]),
        // Static analysis: per-function complexity, size and duplication, reading files only.
        // Swift through swift-syntax, every other language through one token engine.
        .target(name: "TakehomeAnalysis", dependencies: [
            "TakehomeCore", "CThreadPlacement",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
        ]),
        // Threads started on a CPU other than their maker's (GNU affinity calls Swift does not import).
        .target(name: "CThreadPlacement"),
        // Renderers: one per output format, Report in, text out.
        .target(name: "TakehomeReports", dependencies: ["TakehomeCore"]),
        // The pipeline: fetch → stage → sandbox → score → report.
        .target(name: "TakehomeGrading", dependencies: [
            "TakehomeCore", "TakehomeFetch", "TakehomeSandbox", "TakehomeRunners", "TakehomeReports",
            "TakehomeAnalysis", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `takehome sandbox audit`: the attack corpus graded against canaries on the host.
        .target(name: "CSubreaper"),
        .target(name: "TakehomeAudit", dependencies: [
            "CSubreaper", "TakehomeCore", "TakehomeReports", "TakehomeGrading", .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "takehome", dependencies: [
            "TakehomeGrading", "TakehomeAudit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // The Swift driver exports every symbol of an executable (45 000 here); nothing looks
            // them up, and each shared library's relocations search them first: about 1 ms a start.
            .unsafeFlags(["-Xlinker", "--no-export-dynamic"]),
        ]),
        // `make bench`: the harness's own benchmark, ratios against named anchors.
        .executableTarget(name: "takehome-bench", dependencies: ["TakehomeGrading"]),

        .testTarget(name: "TakehomeCoreTests", dependencies: [
            "TakehomeCore", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "TakehomeFetchTests", dependencies: ["TakehomeFetch"]),
        .testTarget(name: "TakehomeSandboxTests", dependencies: ["TakehomeSandbox"]),
        .testTarget(name: "TakehomeRunnersTests", dependencies: ["TakehomeRunners"]),
        .testTarget(name: "TakehomeAnalysisTests", dependencies: ["TakehomeAnalysis"]),
        .testTarget(name: "TakehomeReportsTests", dependencies: [
            "TakehomeReports", .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["Golden"]),
        .testTarget(name: "TakehomeGradingTests", dependencies: ["TakehomeGrading"]),
        .testTarget(name: "TakehomeAuditTests", dependencies: ["TakehomeAudit", "TakehomeSandbox"]),
        // End-to-end tests of the built executable: exit codes, output files, nothing left behind.
        .testTarget(name: "TakehomeCLITests", dependencies: ["TakehomeCore"]),
    ],
    swiftLanguageModes: [.v6]
)

// The package's own Swift targets (dependencies cannot take unsafe flags).
for target in package.targets where target.type != .system && target.name.lowercased().hasPrefix("takehome") {
    target.swiftSettings = (target.swiftSettings ?? []) + releaseSwiftSettings
}
