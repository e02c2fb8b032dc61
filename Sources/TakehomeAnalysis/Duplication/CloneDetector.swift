import TakehomeCore

/// Finds runs of at least `minTokens` equal normalised tokens in the files of one language, the
/// way jscpd does: a rolling hash over every window of `minTokens` tokens remembers where each
/// window was first seen; a later window with the same hash (and the same tokens) starts a clone,
/// which is extended as far as the tokens stay equal and then skipped over. One pass, linear in
/// the number of tokens. Windows never cross a file boundary and the two copies of a clone within
/// one file never overlap.
public struct CloneDetector: Sendable {
    /// The shortest run reported as a clone.
    public var minTokens: Int

    public init(minTokens: Int = 50) { self.minTokens = max(1, minTokens) }

    /// One file's clone tokens.
    public struct Input: Sendable {
        public var path: String
        public var kind: CodeKind
        public var tokens: [CloneToken]
        public init(path: String, kind: CodeKind, tokens: [CloneToken]) { self.path = path; self.kind = kind; self.tokens = tokens }
    }

    /// The clone pairs found (in the order found), and per input file how many of its tokens lie in
    /// a clone.
    public struct Result: Sendable {
        public var clones: [ClonePair] = []
        public var duplicatedTokens: [Int] = []
    }

    private static let base: UInt64 = 1_000_003

    /// Detects clones among `files` (in walk order: the earlier copy of each pair is the one
    /// earlier in that order).
    public func detect(_ files: [Input]) -> Result {
        let values = files.flatMap { $0.tokens.map(\.value) }
        var starts: [Int] = [], fileOf: [Int] = []
        starts.reserveCapacity(files.count + 1)
        fileOf.reserveCapacity(values.count)
        var offset = 0
        for (index, file) in files.enumerated() {
            starts.append(offset)
            offset += file.tokens.count
            fileOf += repeatElement(index, count: file.tokens.count)
        }
        starts.append(offset)

        var power: UInt64 = 1  // base^(minTokens-1), to take the leaving token out of the hash
        for _ in 1..<minTokens { power = power &* Self.base }
        var firstSeen = WindowTable(capacity: values.count)
        var marked = [Bool](repeating: false, count: values.count)
        var result = Result()

        for file in files.indices {
            let end = starts[file + 1]
            var position = starts[file]
            var hash = windowHash(values, at: position, end: end)
            while position + minTokens <= end {
                // The first window with this hash, or this one remembered as the first.
                if let origin = firstSeen.firstPosition(of: hash, storingIfAbsent: position),
                   let length = matchLength(values, origin: origin, position: position, ends: (starts[fileOf[origin] + 1], end),
                                            sameFile: fileOf[origin] == file) {
                    result.clones.append(pair(files, starts: starts, origin: origin, originFile: fileOf[origin],
                                              position: position, file: file, length: length))
                    for index in origin..<(origin + length) { marked[index] = true }
                    for index in position..<(position + length) { marked[index] = true }
                    position += length
                    hash = windowHash(values, at: position, end: end)
                    continue
                }
                guard position + minTokens < end else { break }
                hash = (hash &- values[position] &* power) &* Self.base &+ values[position + minTokens]
                position += 1
            }
        }
        result.duplicatedTokens = files.indices.map { file in
            marked[starts[file]..<starts[file + 1]].reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        return result
    }

    /// The polynomial hash of the window starting at `position` (0 when it does not fit).
    private func windowHash(_ values: [UInt64], at position: Int, end: Int) -> UInt64 {
        guard position + minTokens <= end else { return 0 }
        var hash: UInt64 = 0
        for index in position..<(position + minTokens) { hash = hash &* Self.base &+ values[index] }
        return hash
    }

    /// How many tokens from `origin` and `position` are equal (at least `minTokens`, else nil),
    /// staying inside each file and keeping two copies in one file apart.
    private func matchLength(_ values: [UInt64], origin: Int, position: Int, ends: (origin: Int, position: Int),
                             sameFile: Bool) -> Int? {
        if sameFile, origin + minTokens > position { return nil }
        for offset in 0..<minTokens where values[origin + offset] != values[position + offset] { return nil }
        var length = minTokens
        while position + length < ends.position, origin + length < ends.origin,
              !sameFile || origin + length < position,
              values[origin + length] == values[position + length] {
            length += 1
        }
        return length
    }

    private func pair(_ files: [Input], starts: [Int], origin: Int, originFile: Int, position: Int, file: Int,
                      length: Int) -> ClonePair {
        func location(_ file: Int, _ start: Int) -> CloneLocation {
            let tokens = files[file].tokens
            let first = start - starts[file]
            return CloneLocation(file: files[file].path, line: tokens[first].line, endLine: tokens[first + length - 1].line)
        }
        let kinds = (files[originFile].kind, files[file].kind)
        let scope: ClonePair.Scope = kinds.0 != kinds.1 ? .mixed : (kinds.0 == .test ? .test : .source)
        return ClonePair(tokens: length, scope: scope, first: location(originFile, origin), second: location(file, position))
    }
}
