/// Which path components may be materialised. A component is refused when it could escape the tree
/// (`..`, empty, `/`), or name git's own folder on any file system (`.git` in any case, with
/// trailing dots or spaces, or its NTFS short name `git~1`).
enum PathRules {
    /// Deeper paths are refused: they cannot be a real submission and would exhaust descriptors.
    static let maxDepth = 256
    static let maxPathBytes = 4_000

    /// Why `components` may not be materialised, or nil when it may.
    static func problem(in components: [NameBytes]) -> String? {
        if components.isEmpty { return "an empty path" }
        if components.count > maxDepth { return "more than \(maxDepth) folders deep" }
        if components.reduce(0, { $0 + $1.count + 1 }) > maxPathBytes { return "longer than \(maxPathBytes) bytes" }
        for component in components {
            if let problem = problem(inComponent: component) { return problem }
        }
        return nil
    }

    static func problem(inComponent component: NameBytes) -> String? {
        if component.isEmpty { return "an empty path component" }
        if component == [0x2E] { return "a `.` component" }
        if component == [0x2E, 0x2E] { return "a `..` component" }
        if component.contains(0x2F) || component.contains(0) { return "a `/` or NUL inside a name" }
        if component.count > 255 { return "a name longer than 255 bytes" }
        var trimmed = component.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        while let last = trimmed.last, last == 0x2E || last == 0x20 { trimmed.removeLast() }
        if trimmed == Array(".git".utf8) || trimmed == Array("git~1".utf8) { return "a `.git` component" }
        return nil
    }
}
