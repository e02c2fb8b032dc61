/// Outside-world access in Python code, by the dotted names it calls: the clock, randomness, the
/// environment, files and the network. What a unit test cannot pin without patching.
struct PythonEffects {
    /// Pairs of neighbouring names in a chain (`datetime.now` matches `datetime.datetime.now()`).
    let clock: [(Word, Word)] = pairs(["datetime.now", "datetime.utcnow", "datetime.today", "date.today", "time.time",
                                       "time.monotonic", "time.perf_counter", "time.time_ns", "time.sleep"])
    let environment: [(Word, Word)] = pairs(["os.environ", "os.getenv", "sys.argv", "os.getcwd"])
    let fileCalls = WordSet(["open", "input", "read_text", "write_text", "read_bytes", "write_bytes"])
    let randomModules = WordSet(["random", "secrets", "uuid"])
    let networkModules = WordSet(["requests", "urllib", "httpx", "socket", "aiohttp", "http"])
    /// The first names of every pair above: a chain starting elsewhere holds none of them unless
    /// it is longer, so most chains are settled by one lookup.
    let pairHeads = WordSet(["datetime", "date", "time", "os", "sys"])

    /// The tables, made once; a reader copies them into a local before its loop (a static read in
    /// the loop would check its one-time initialisation on every token).
    static let tables = PythonEffects()

    private static func pairs(_ names: [String]) -> [(Word, Word)] {
        names.map { name in
            let parts = name.split(separator: ".").map(String.init)
            return (Word(parts[0]), Word(parts[1]))
        }
    }

    /// An effect kind's bit in a mask.
    static func bit(_ kind: DesignDescription.EffectKind) -> UInt8 {
        switch kind {
        case .clock: 1
        case .randomness: 2
        case .environment: 4
        case .file: 8
        case .network: 16
        }
    }

    /// What a name says on its own when it starts a chain: the module of randomness or the
    /// network it names; a file when it is `open` or `input` and called.
    func headEffects(_ word: Word) -> (module: UInt8, calledAlone: UInt8) {
        var module: UInt8 = 0
        if randomModules.contains(word) { module |= Self.bit(.randomness) }
        if networkModules.contains(word) { module |= Self.bit(.network) }
        return (module, word == "open" || word == "input" ? Self.bit(.file) : 0)
    }

    /// The effects of the dotted links after the name at `index` (`datetime.now`, `path.read_text(`);
    /// 0 when no `.` follows it.
    func chainEffects(from index: Int, tokens: CodeTokens) -> UInt8 {
        var found: UInt8 = 0, end = index
        while tokens.word(end + 1) == ".", tokens.isIdentifier(end + 2) {
            if pairHeads.contains(tokens.word(end)) {
                let pair = (tokens.word(end), tokens.word(end + 2))
                if clock.contains(where: { $0 == pair }) { found |= Self.bit(.clock) }
                if environment.contains(where: { $0 == pair }) { found |= Self.bit(.environment) }
            }
            end += 2
        }
        if end > index, tokens.word(end + 1) == "(", fileCalls.contains(tokens.word(end)) { found |= Self.bit(.file) }
        return found
    }

    /// The kinds of effects in a mask, in a fixed order.
    static func kinds(_ mask: UInt8) -> [String] {
        guard mask != 0 else { return [] }
        return DesignDescription.EffectKind.allCases.filter { mask & bit($0) != 0 }.map(\.rawValue)
    }
}
