/// Outside-world access in Python code, by the dotted names it calls: the clock, randomness, the
/// environment, files and the network. What a unit test cannot pin without patching.
enum PythonEffects {
    static let clock: Set<String> = ["datetime.now", "datetime.utcnow", "datetime.today", "date.today", "time.time",
                                     "time.monotonic", "time.perf_counter", "time.time_ns", "time.sleep"]
    static let environment: Set<String> = ["os.environ", "os.getenv", "sys.argv", "os.getcwd"]
    static let fileCalls: Set<String> = ["open", "input", "read_text", "write_text", "read_bytes", "write_bytes"]
    static let randomModules: Set<String> = ["random", "secrets", "uuid"]
    static let networkModules: Set<String> = ["requests", "urllib", "httpx", "socket", "aiohttp", "http"]

    /// The kinds of effects in a token range, in a fixed order, each once.
    static func kinds(in range: Range<Int>, tokens: PythonTokens) -> [String] {
        var found: Set<String> = []
        for index in range where tokens.isIdentifier(index) && tokens.text(index - 1) != "." {
            var chain = [tokens.texts[index]], end = index
            while tokens.text(end + 1) == ".", tokens.isIdentifier(end + 2) { chain.append(tokens.texts[end + 2]); end += 2 }
            let pairs = zip(chain, chain.dropFirst()).map { "\($0).\($1)" }
            if pairs.contains(where: { clock.contains($0) }) { found.insert("clock") }
            if randomModules.contains(chain[0]) { found.insert("randomness") }
            if pairs.contains(where: { environment.contains($0) }) { found.insert("environment") }
            if networkModules.contains(chain[0]) { found.insert("network") }
            let called = tokens.text(end + 1) == "("
            if called, fileCalls.contains(chain[chain.count - 1]), chain.count > 1 || ["open", "input"].contains(chain[0]) {
                found.insert("file")
            }
        }
        return DesignDescription.EffectKind.allCases.map(\.rawValue).filter(found.contains)
    }
}
