/// Outside-world access in Python code, by the dotted names it calls: the clock, randomness, the
/// environment, files and the network. What a unit test cannot pin without patching.
enum PythonEffects {
    /// Pairs of neighbouring names in a chain (`datetime.now` matches `datetime.datetime.now()`).
    static let clock: [(Word, Word)] = pairs(["datetime.now", "datetime.utcnow", "datetime.today", "date.today", "time.time",
                                              "time.monotonic", "time.perf_counter", "time.time_ns", "time.sleep"])
    static let environment: [(Word, Word)] = pairs(["os.environ", "os.getenv", "sys.argv", "os.getcwd"])
    static let fileCalls = WordSet(["open", "input", "read_text", "write_text", "read_bytes", "write_bytes"])
    static let randomModules = WordSet(["random", "secrets", "uuid"])
    static let networkModules = WordSet(["requests", "urllib", "httpx", "socket", "aiohttp", "http"])
    /// The first names of every pair above: a chain starting elsewhere holds none of them unless
    /// it is longer, so most chains are settled by one lookup.
    static let pairHeads = WordSet(["datetime", "date", "time", "os", "sys"])

    private static func pairs(_ names: [String]) -> [(Word, Word)] {
        names.map { name in
            let parts = name.split(separator: ".").map(String.init)
            return (Word(parts[0]), Word(parts[1]))
        }
    }

    /// The kinds of effects in a token range, in a fixed order, each once.
    static func kinds(in range: Range<Int>, tokens: PythonTokens) -> [String] {
        var found: Set<DesignDescription.EffectKind> = []
        // The tables in locals: a static read in the loop would check its one-time initialisation each time.
        let randomModules = randomModules, networkModules = networkModules, pairHeads = pairHeads, fileCalls = fileCalls
        for index in range where tokens.kinds[index] == .identifier && tokens.word(index - 1) != "." {
            let head = tokens.word(index)
            if randomModules.contains(head) { found.insert(.randomness) }
            if networkModules.contains(head) { found.insert(.network) }
            var end = index
            while tokens.word(end + 1) == ".", tokens.isIdentifier(end + 2) {
                if pairHeads.contains(tokens.word(end)) {
                    let pair = (tokens.word(end), tokens.word(end + 2))
                    if clock.contains(where: { $0 == pair }) { found.insert(.clock) }
                    if environment.contains(where: { $0 == pair }) { found.insert(.environment) }
                }
                end += 2
            }
            if tokens.word(end + 1) == "(", fileCalls.contains(tokens.word(end)),
               end > index || tokens.word(index) == "open" || tokens.word(index) == "input" {
                found.insert(.file)
            }
        }
        return DesignDescription.EffectKind.allCases.filter(found.contains).map(\.rawValue)
    }
}
