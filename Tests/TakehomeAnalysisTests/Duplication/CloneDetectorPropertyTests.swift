import Testing
import TakehomeCore
@testable import TakehomeAnalysis

/// The clone detection as first written, plainly: one array of every token value, a dictionary
/// from window hash to the first position seen, a flag per token. The detector must find exactly
/// what this finds, in the same order.
private func referenceDetect(_ files: [CloneDetector.Input], minTokens: Int) -> CloneDetector.Result {
    let base: UInt64 = 1_000_003
    let values = files.flatMap { $0.tokens.map(\.value) }
    var starts: [Int] = [], fileOf: [Int] = []
    for (index, file) in files.enumerated() {
        starts.append(fileOf.count)
        fileOf += Array(repeating: index, count: file.tokens.count)
    }
    starts.append(values.count)
    func windowHash(_ position: Int, _ end: Int) -> UInt64 {
        guard position + minTokens <= end else { return 0 }
        return values[position..<(position + minTokens)].reduce(0) { $0 &* base &+ $1 }
    }
    var power: UInt64 = 1
    for _ in 1..<minTokens { power = power &* base }
    var firstSeen: [UInt64: Int] = [:]
    var marked = Array(repeating: false, count: values.count)
    var result = CloneDetector.Result()
    for file in files.indices {
        let end = starts[file + 1]
        var position = starts[file], hash = windowHash(position, end)
        while position + minTokens <= end {
            if let origin = firstSeen[hash] {
                let sameFile = fileOf[origin] == file, originEnd = starts[fileOf[origin] + 1]
                if !(sameFile && origin + minTokens > position), values[origin..<(origin + minTokens)] == values[position..<(position + minTokens)] {
                    var length = minTokens
                    while position + length < end, origin + length < originEnd, !sameFile || origin + length < position,
                          values[origin + length] == values[position + length] { length += 1 }
                    func place(_ at: Int) -> CloneLocation {
                        let owner = fileOf[at], tokens = files[owner].tokens, first = at - starts[owner]
                        return CloneLocation(file: files[owner].path, line: tokens[first].line, endLine: tokens[first + length - 1].line)
                    }
                    let kinds = (files[fileOf[origin]].kind, files[file].kind)
                    let scope: ClonePair.Scope = kinds.0 != kinds.1 ? .mixed : (kinds.0 == .test ? .test : .source)
                    result.clones.append(ClonePair(tokens: length, scope: scope, first: place(origin), second: place(position)))
                    for index in origin..<(origin + length) { marked[index] = true }
                    for index in position..<(position + length) { marked[index] = true }
                    position += length
                    hash = windowHash(position, end)
                    continue
                }
            } else {
                firstSeen[hash] = position
            }
            guard position + minTokens < end else { break }
            hash = (hash &- values[position] &* power) &* base &+ values[position + minTokens]
            position += 1
        }
    }
    result.duplicatedTokens = files.indices.map { marked[starts[$0]..<starts[$0 + 1]].filter { $0 }.count }
    return result
}

@Suite struct CloneDetectorPropertyTests {
    /// Random files over small alphabets (so that runs repeat, within and across files), some
    /// empty or shorter than a window, test files among them.
    private func randomFiles(_ random: inout SplitMix64, alphabet: [UInt64]) -> [CloneDetector.Input] {
        (0..<(1 + random.below(6))).map { index in
            // Repeating a few earlier stretches makes long clones likely.
            var values: [UInt64] = []
            for _ in 0..<random.below(12) {
                if !values.isEmpty, random.below(3) == 0 {
                    let from = random.below(values.count)
                    values += values[from..<min(values.count, from + random.below(40))]
                } else {
                    values += (0..<random.below(30)).map { _ in alphabet[random.below(alphabet.count)] }
                }
            }
            let tokens = values.enumerated().map { CloneToken(value: $0.element, line: 1 + $0.offset / (1 + index)) }
            return CloneDetector.Input(path: "f\(index).py", kind: random.below(3) == 0 ? .test : .source, tokens: tokens)
        }
    }

    @Test(.timeLimit(.minutes(5))) func findsWhatThePlainDetectionFinds() {
        for seed in UInt64(1)...1_500 {
            var random = SplitMix64(seed: seed)  // a failure names a seed that repeats it
            let minTokens = 1 + random.below(8)
            let alphabet = (0..<(1 + random.below(4))).map { _ in random.next() }
            let files = randomFiles(&random, alphabet: alphabet)
            let found = CloneDetector(minTokens: minTokens).detect(files)
            let expected = referenceDetect(files, minTokens: minTokens)
            #expect(found.clones == expected.clones, "seed \(seed)")
            #expect(found.duplicatedTokens == expected.duplicatedTokens, "seed \(seed)")
        }
    }

    /// Windows that differ but hash alike: raising the last-but-one token by one and lowering the
    /// last by the base leaves the polynomial hash unchanged, so the first place of a hash may hold
    /// other tokens, and later copies must still be compared with it alone.
    @Test(.timeLimit(.minutes(5))) func collidingWindowsAreComparedAsThePlainDetectionCompares() {
        for seed in UInt64(1)...800 {
            var random = SplitMix64(seed: seed)
            let minTokens = 2 + random.below(4)
            let x = random.next(), y = random.next()
            let files = randomFiles(&random, alphabet: [x, x &+ 1, y, y &- CloneDetector.base])
            let found = CloneDetector(minTokens: minTokens).detect(files)
            let expected = referenceDetect(files, minTokens: minTokens)
            #expect(found.clones == expected.clones, "seed \(seed)")
            #expect(found.duplicatedTokens == expected.duplicatedTokens, "seed \(seed)")
        }
    }

    @Test func theAlphabetReallyCollides() {
        let x: UInt64 = 17, y: UInt64 = 99
        let hash = { (values: [UInt64]) in
            values.map { CloneToken(value: $0, line: 1) }.withUnsafeBufferPointer { CloneDetector(minTokens: 2).windowHash($0, at: 0) }
        }
        #expect(hash([x, y]) == hash([x &+ 1, y &- CloneDetector.base]))
        #expect([x, y] != [x &+ 1, y &- CloneDetector.base])
    }
}

@Suite struct DuplicationBitsetTests {
    @Test func marksAreCountedPerRangeAcrossWordBoundaries() {
        var marks = TokenMarks(count: 300)
        marks.mark(3..<70)
        marks.mark(60..<64)
        marks.mark(128..<256)
        marks.mark(299..<300)
        #expect(marks.count(in: 0..<300) == 67 + 128 + 1)
        #expect(marks.count(in: 64..<128) == 6)
        #expect(marks.count(in: 0..<3) == 0 && marks.count(in: 3..<4) == 1 && marks.count(in: 5..<5) == 0)
        #expect(marks.count(in: 255..<300) == 2)
    }

    @Test func aHashSeenOnceIsNeverTakenForRepeated() {
        var random = SplitMix64(seed: 7)
        // 2 000 distinct windows of one token, then 300 of them again.
        let unique = (0..<2_000).map { _ in CloneToken(value: random.next(), line: 1) }
        let again = Array(unique.prefix(300))
        let detector = CloneDetector(minTokens: 1)
        let windows = RepeatedWindows([detector.windows(of: unique), detector.windows(of: again)])
        #expect(unique.prefix(300).allSatisfy { windows.mayRepeat($0.value) })
        // Few of the 1 700 unique ones have both slots taken by others.
        let shared = unique.dropFirst(300).filter { windows.mayRepeat($0.value) }.count
        #expect(shared < 100)
        #expect(windows.seenAgain >= 300 && windows.seenAgain <= 600 + shared)
    }

    @Test func theTableGrowsAndKeepsEveryFirstPosition() {
        var random = SplitMix64(seed: 3)
        let hashes = (0..<5_000).map { _ in random.next() }
        var table = WindowTable(capacity: 0)
        for (position, hash) in hashes.enumerated() { #expect(table.firstPosition(of: hash, storingIfAbsent: position) == nil) }
        for (position, hash) in hashes.enumerated() { #expect(table.firstPosition(of: hash, storingIfAbsent: -7) == position) }
    }
}
