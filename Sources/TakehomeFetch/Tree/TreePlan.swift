import TakehomeCore

/// One entry a source (git tree, archive, folder) offers to materialise, before any safety rule.
struct OfferedEntry<Content> {
    enum Kind {
        case file(size: Int64, executable: Bool, content: Content)
        case symlink(target: NameBytes)
        case directory
        /// A gitlink (mode 160000): never fetched.
        case submodule
        /// Hard links, devices, FIFOs and other entries an archive may hold: never materialised.
        case unsupported(String)
    }

    var path: [NameBytes]
    var kind: Kind
}

/// What will be written: the entries that passed every rule, and a finding for each that did not.
struct TreePlan<Content> {
    struct File {
        var path: [NameBytes]
        var size: Int64
        var executable: Bool
        var content: Content
    }

    var directories: [[NameBytes]] = []
    var files: [File] = []
    var symlinks: [(path: [NameBytes], target: NameBytes)] = []
    var findings: [Finding] = []

    var fileCount: Int { files.count + symlinks.count }
    var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// Applies the safety rules to `offered`, in order; the first of two entries at one path wins.
    init(_ offered: [OfferedEntry<Content>]) {
        var taken = Set<[NameBytes]>()
        var accepted: [OfferedEntry<Content>] = []
        for entry in offered {
            let shown = Wording.path(entry.path)
            if let problem = PathRules.problem(in: entry.path) {
                let absolute = entry.path.first?.isEmpty == true && entry.path.count > 1
                let reason = absolute ? "an absolute path" : problem
                refuse("fetch.unsafe-path", "`\(shown)` was not materialised: its path has \(reason).", shown)
                continue
            }
            switch entry.kind {
            case .submodule:
                refuse("fetch.submodule", "`\(shown)` is a submodule; submodules are not fetched, so its content is missing from the submission.", shown)
                continue
            case .unsupported(let what):
                refuse("fetch.unsafe-path", "`\(shown)` was not materialised: it is \(what).", shown)
                continue
            case .directory:
                if taken.contains(entry.path) { continue }
            case .file, .symlink:
                if taken.contains(entry.path) {
                    refuse("fetch.unsafe-path", "`\(shown)` appears more than once; only the first was materialised.", shown)
                    continue
                }
            }
            taken.insert(entry.path)
            accepted.append(entry)
        }

        var folders = Set<[NameBytes]>()
        for entry in accepted {
            if case .directory = entry.kind { folders.insert(entry.path) }
            for depth in 1..<max(entry.path.count, 1) { folders.insert(Array(entry.path.prefix(depth))) }
        }
        var links: [[NameBytes]: NameBytes] = [:]
        for entry in accepted { if case .symlink(let target) = entry.kind { links[entry.path] = target } }

        for entry in accepted {
            let shown = Wording.path(entry.path)
            switch entry.kind {
            case .directory:
                directories.append(entry.path)
            case .file(let size, let executable, let content):
                if folders.contains(entry.path) {
                    refuse("fetch.unsafe-path", "`\(shown)` is both a file and a folder; the file was not materialised.", shown)
                } else {
                    files.append(File(path: entry.path, size: size, executable: executable, content: content))
                }
            case .symlink(let target):
                if folders.contains(entry.path) {
                    refuse("fetch.unsafe-path", "`\(shown)` is both a symlink and a folder; the symlink was not materialised.", shown)
                } else if SymlinkResolver(links: links).staysInside(link: entry.path, target: target) {
                    symlinks.append((entry.path, target))
                } else {
                    let to = String(decoding: target, as: UTF8.self)
                    refuse("fetch.symlink-outside", "`\(shown)` is a symlink to `\(to)`, outside the submission; it was not materialised.", shown)
                }
            case .submodule, .unsupported:
                break
            }
        }
    }

    private mutating func refuse(_ rule: String, _ message: String, _ file: String) {
        findings.append(Finding(rule: rule, severity: .warning, message: message, file: file))
    }

    /// Refuses the plan when it is over a cap; `noun` names the source ("repository", "archive").
    func checkCaps(_ limits: FetchLimits, noun: String) throws {
        if fileCount > limits.maxFiles {
            throw FetchError(.overCap, "the \(noun) has \(Wording.count(fileCount)) files, over the assignment's cap of \(Wording.count(limits.maxFiles)) (fetch.max-files)")
        }
        if let largest = files.max(by: { $0.size < $1.size }), largest.size > limits.maxFileSize.bytes {
            throw FetchError(.overCap, "the file `\(Wording.path(largest.path))` is \(Wording.size(largest.size)), over the assignment's cap of \(limits.maxFileSize) (fetch.max-file-size)")
        }
        if totalBytes > limits.maxTreeSize.bytes {
            throw FetchError(.overCap, "the \(noun)'s files total \(Wording.size(totalBytes)), over the assignment's cap of \(limits.maxTreeSize) (fetch.max-tree-size)")
        }
    }
}

/// Resolves a symlink's target lexically inside the tree, through the tree's other symlinks.
struct SymlinkResolver {
    var links: [[NameBytes]: NameBytes]
    static let maxHops = 40

    func staysInside(link: [NameBytes], target: NameBytes) -> Bool {
        guard !target.isEmpty, target.first != 0x2F, !target.contains(0), target.count < 4_096 else { return false }
        var folder = Array(link.dropLast())
        var pending = Array(split(target).reversed())
        var hops = 0
        while let component = pending.popLast() {
            if component.isEmpty || component == [0x2E] { continue }
            if component == [0x2E, 0x2E] {
                guard !folder.isEmpty else { return false }
                folder.removeLast()
                continue
            }
            folder.append(component)
            if let next = links[folder] {
                hops += 1
                guard hops <= Self.maxHops, next.first != 0x2F, !next.isEmpty else { return false }
                folder.removeLast()
                pending.append(contentsOf: split(next).reversed())
            }
        }
        return true
    }

    private func split(_ path: NameBytes) -> [NameBytes] {
        path.split(separator: 0x2F, omittingEmptySubsequences: false).map(Array.init)
    }
}
