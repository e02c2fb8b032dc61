import TakehomeCore

/// Draws a bounded, deterministic sample of mutants spread over functions: the mutants of each
/// function are shuffled, the functions are shuffled, and one mutant is taken from each function
/// in turn until the count is reached. The shuffles are seeded by a string (the commit id), so the
/// same commit always gets the same mutants, in the same order.
public enum MutantSample {
    /// Up to `count` mutants of `mutants`, in the order they should run.
    public static func draw(_ mutants: [Mutant], count: Int, seed: String) -> [Mutant] {
        var generator = SplitMix64(seed: CloneToken.hash(seed))
        var groups: [[Mutant]] = []
        var groupIndex: [String: Int] = [:]
        for mutant in mutants {
            let key = mutant.file + "\u{0}" + mutant.function
            if let index = groupIndex[key] { groups[index].append(mutant) } else {
                groupIndex[key] = groups.count; groups.append([mutant])
            }
        }
        groups = groups.map { $0.shuffled(using: &generator) }.shuffled(using: &generator)
        var sample: [Mutant] = []
        var round = 0
        while sample.count < count, groups.contains(where: { $0.count > round }) {
            for group in groups where group.count > round && sample.count < count { sample.append(group[round]) }
            round += 1
        }
        return sample
    }

    /// The sentence the report gives for how the sample was drawn.
    public static func description(count: Int, of total: Int, seed: String) -> String {
        "\(count) of \(total) mutants, spread over functions one at a time, shuffled with seed `\(seed)`"
    }
}
