import TakehomeCore

extension SplitMix64 {
    /// A draw in `0..<bound` (0 for a bound below 1), as the seeded property tests take them.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
}
