import TakehomeCore

/// Finds runs of at least `minTokens` equal normalised tokens in the files of one language, the
/// way jscpd does: a rolling hash over every window of `minTokens` tokens remembers where each
/// window was first seen; a later window with the same hash (and the same tokens) starts a clone,
/// which is extended as far as the tokens stay equal and then skipped over. Linear in the number
/// of tokens: a first pass marks in a bitmap the hashes more than one window may have
/// (`RepeatedWindows`), and only those windows go through the table of first places
/// (`WindowTable`); the others cannot be part of a clone. Windows never cross a file boundary and
/// the two copies of a clone within one file never overlap.
public struct CloneDetector: Sendable {
    /// The shortest run reported as a clone.
    public var minTokens: Int

    public init(minTokens: Int = 50) { self.minTokens = max(1, minTokens) }

    /// One file's clone tokens, and the hashes of their windows when they were computed ahead
    /// (`windows(of:)` of a detector with the same `minTokens`, in the parallel per-file pass).
    public struct Input: Sendable {
        public var path: String
        public var kind: CodeKind
        public var tokens: [CloneToken]
        public var windows: [UInt64]?
        public init(path: String, kind: CodeKind, tokens: [CloneToken], windows: [UInt64]? = nil) {
            self.path = path; self.kind = kind; self.tokens = tokens; self.windows = windows
        }
    }

    /// The clone pairs found (in the order found), and per input file how many of its tokens lie in
    /// a clone.
    public struct Result: Sendable {
        public var clones: [ClonePair] = []
        public var duplicatedTokens: [Int] = []
    }

    static let base: UInt64 = 1_000_003

    /// base^(minTokens-1): takes the token leaving the window out of the hash.
    var leavingFactor: UInt64 {
        var power: UInt64 = 1
        for _ in 1..<minTokens { power = power &* Self.base }
        return power
    }

    /// Detects clones among `files` (in walk order: the earlier copy of each pair is the one
    /// earlier in that order). Positions are counted over all files, one after the other.
    public func detect(_ files: [Input]) -> Result {
        var starts = [0]
        starts.reserveCapacity(files.count + 1)
        for file in files { starts.append(starts[starts.count - 1] + file.tokens.count) }
        let windows = files.map { $0.windows ?? self.windows(of: $0.tokens) }
        let repeated = RepeatedWindows(windows)
        var firstSeen = WindowTable(capacity: repeated.seenAgain)
        var marked = TokenMarks(count: starts[files.count])
        var result = Result()

        for file in files.indices {
            let start = starts[file]
            files[file].tokens.withUnsafeBufferPointer { tokens in
                windows[file].withUnsafeBufferPointer { hashes in
                    var position = 0
                    while position < hashes.count {
                        // The first window with this hash, or this one remembered as the first.
                        let hash = hashes[position]
                        if repeated.mayRepeat(hash), let origin = firstSeen.firstPosition(of: hash, storingIfAbsent: start + position) {
                            let originFile = Self.file(holding: origin, starts: starts), originStart = starts[originFile]
                            let length = files[originFile].tokens.withUnsafeBufferPointer { originTokens in
                                matchLength(originTokens, origin: origin - originStart, tokens, position: position, sameFile: originFile == file)
                            }
                            if let length {
                                result.clones.append(pair(files, origin: (originFile, origin - originStart), position: (file, position),
                                                          length: length))
                                marked.mark(origin..<(origin + length))
                                marked.mark((start + position)..<(start + position + length))
                                position += length
                                continue
                            }
                        }
                        position += 1
                    }
                }
            }
        }
        result.duplicatedTokens = files.indices.map { marked.count(in: starts[$0]..<starts[$0 + 1]) }
        return result
    }

    /// The hash of every window of `minTokens` tokens of one file, by where it starts (none when
    /// the file is shorter): the first computed in full, each next one rolled on from the last.
    public func windows(of tokens: [CloneToken]) -> [UInt64] {
        guard tokens.count >= minTokens else { return [] }
        let factor = leavingFactor
        return tokens.withUnsafeBufferPointer { tokens in
            [UInt64](unsafeUninitializedCapacity: tokens.count - minTokens + 1) { hashes, filled in
                var hash = windowHash(tokens, at: 0)
                hashes[0] = hash
                for index in minTokens..<tokens.count {
                    hash = Self.rolled(hash, leaving: tokens[index - minTokens].value, entering: tokens[index].value, factor: factor)
                    hashes[index - minTokens + 1] = hash
                }
                filled = hashes.count
            }
        }
    }

    /// The polynomial hash of the window starting at `position` (0 when it does not fit).
    func windowHash(_ tokens: UnsafeBufferPointer<CloneToken>, at position: Int) -> UInt64 {
        guard position + minTokens <= tokens.count else { return 0 }
        var hash: UInt64 = 0
        for index in position..<(position + minTokens) { hash = hash &* Self.base &+ tokens[index].value }
        return hash
    }

    /// The hash of the window one token on: `leaving` drops out at the front, `entering` joins at
    /// the back (`factor` is `leavingFactor`).
    @inline(__always) static func rolled(_ hash: UInt64, leaving: UInt64, entering: UInt64, factor: UInt64) -> UInt64 {
        (hash &- leaving &* factor) &* base &+ entering
    }

    /// The file whose tokens hold the overall `position`: the last start at or before it.
    static func file(holding position: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1   // starts[low] <= position < starts[high]
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low
    }

    /// How many tokens from `origin` (in `originTokens`) and `position` (in `tokens`) are equal (at
    /// least `minTokens`, else nil), staying inside each file and keeping two copies in one file apart.
    private func matchLength(_ originTokens: UnsafeBufferPointer<CloneToken>, origin: Int, _ tokens: UnsafeBufferPointer<CloneToken>,
                             position: Int, sameFile: Bool) -> Int? {
        if sameFile, origin + minTokens > position { return nil }
        for offset in 0..<minTokens where originTokens[origin + offset].value != tokens[position + offset].value { return nil }
        var length = minTokens
        while position + length < tokens.count, origin + length < originTokens.count,
              !sameFile || origin + length < position,
              originTokens[origin + length].value == tokens[position + length].value {
            length += 1
        }
        return length
    }

    /// The pair of an earlier copy and a later one, each given as (file, first token in it).
    private func pair(_ files: [Input], origin: (file: Int, token: Int), position: (file: Int, token: Int), length: Int) -> ClonePair {
        func location(_ file: Int, _ first: Int) -> CloneLocation {
            let tokens = files[file].tokens
            return CloneLocation(file: files[file].path, line: tokens[first].line, endLine: tokens[first + length - 1].line)
        }
        let kinds = (files[origin.file].kind, files[position.file].kind)
        let scope: ClonePair.Scope = kinds.0 != kinds.1 ? .mixed : (kinds.0 == .test ? .test : .source)
        return ClonePair(tokens: length, scope: scope, first: location(origin.file, origin.token),
                         second: location(position.file, position.token))
    }
}

