import Foundation
import TakehomeCore

/// Line and branch coverage per file, as a language's own coverage tool reported it (LCOV or
/// Cobertura XML), with paths relative to the run directory.
public struct CoverageData: Sendable, Equatable {
    /// One file's coverage: hit counts per executable line, and branch outcomes when measured.
    public struct File: Sendable, Equatable {
        /// Executable line number → times executed.
        public var lineHits: [Int: Int] = [:]
        public var branchesCovered = 0
        public var branchesTotal = 0

        public init(lineHits: [Int: Int] = [:], branchesCovered: Int = 0, branchesTotal: Int = 0) {
            self.lineHits = lineHits; self.branchesCovered = branchesCovered; self.branchesTotal = branchesTotal
        }

        /// Executable lines never executed, in order.
        public var uncoveredLines: [Int] { lineHits.filter { $0.value == 0 }.keys.sorted() }

        mutating func merge(_ other: File) {
            lineHits.merge(other.lineHits) { $0 + $1 }
            branchesCovered += other.branchesCovered
            branchesTotal += other.branchesTotal
        }
    }

    /// Path relative to the run directory → coverage.
    public var files: [String: File]

    public init(files: [String: File] = [:]) { self.files = files }

    /// The files whose path satisfies `keep` (e.g. the candidate's source, not their tests).
    public func filtered(_ keep: (String) -> Bool) -> CoverageData {
        CoverageData(files: files.filter { keep($0.key) })
    }

    /// Covered over executable lines, and covered over measured branches (nil when none were).
    public var summary: Coverage? {
        let lines = files.values.reduce(into: (covered: 0, total: 0)) {
            $0.total += $1.lineHits.count
            $0.covered += $1.lineHits.values.filter { $0 > 0 }.count
        }
        guard lines.total > 0 else { return nil }
        let branches = files.values.reduce(into: (covered: 0, total: 0)) {
            $0.covered += $1.branchesCovered
            $0.total += $1.branchesTotal
        }
        return Coverage(lines: Self.ratio(lines.covered, lines.total),
                        branches: branches.total > 0 ? Self.ratio(branches.covered, branches.total) : nil)
    }

    /// A fraction rounded to four decimals, so reports stay byte-identical across runs.
    private static func ratio(_ part: Int, _ whole: Int) -> Double {
        (Double(part) / Double(whole) * 10_000).rounded() / 10_000
    }

    /// Makes `path` relative to `root` when it lies under it; strips a leading `./`.
    static func relative(_ path: String, to root: String) -> String {
        var path = path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }
}
