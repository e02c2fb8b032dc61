/// Copied code found by token-based clone detection (as PMD CPD and jscpd do: identifiers and
/// literals normalised): the share of duplicated tokens in source and in test code, and the
/// clone pairs with both places. `metrics.duplication` of the report.
public struct DuplicationMetrics: Codable, Hashable, Sendable {
    /// The shortest run of equal tokens reported as a clone.
    public var minTokens: Int
    public var source: DuplicationTotals
    public var test: DuplicationTotals
    /// Clone pairs, the longest first; at most `ClonePair.reportLimit` of them.
    public var clones: [ClonePair]
    /// Clone pairs found beyond those listed.
    public var clonesNotListed: Int

    public init(minTokens: Int, source: DuplicationTotals = DuplicationTotals(), test: DuplicationTotals = DuplicationTotals(),
                clones: [ClonePair] = [], clonesNotListed: Int = 0) {
        self.minTokens = minTokens; self.source = source; self.test = test; self.clones = clones
        self.clonesNotListed = clonesNotListed
    }
}

/// Tokens of one kind of code and how many of them lie in a clone.
public struct DuplicationTotals: Codable, Hashable, Sendable {
    public var tokens: Int
    public var duplicatedTokens: Int
    /// `duplicatedTokens / tokens`, 0…1 with four decimals (0 without tokens).
    public var ratio: Double

    public init(tokens: Int = 0, duplicatedTokens: Int = 0) {
        self.tokens = tokens
        self.duplicatedTokens = duplicatedTokens
        ratio = tokens == 0 ? 0 : (Double(duplicatedTokens) / Double(tokens) * 10_000).rounded() / 10_000
    }
}

/// Two places holding the same run of normalised tokens; `first` comes earlier in walk order.
public struct ClonePair: Codable, Hashable, Sendable {
    /// The most clone pairs a report lists; the rest are counted in `clonesNotListed`.
    public static let reportLimit = 200

    /// Which code the two places are in.
    public enum Scope: String, Codable, Hashable, Sendable { case source, test, mixed }

    public var tokens: Int
    public var scope: Scope
    public var first: CloneLocation
    public var second: CloneLocation

    public init(tokens: Int, scope: Scope, first: CloneLocation, second: CloneLocation) {
        self.tokens = tokens; self.scope = scope; self.first = first; self.second = second
    }
}

/// Where one copy of a clone lies (1-based lines, inclusive).
public struct CloneLocation: Codable, Hashable, Sendable {
    public var file: String
    public var line: Int
    public var endLine: Int

    public init(file: String, line: Int, endLine: Int) { self.file = file; self.line = line; self.endLine = endLine }

    /// `a.py:12-40`.
    public var description: String { "\(file):\(line)-\(endLine)" }
}
