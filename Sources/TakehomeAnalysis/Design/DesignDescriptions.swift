/// The design description of every brace and `end` language (docs/metrics.md lists what each
/// reader sees). Effect patterns: `a.b` is a call chain holding `a` then `b` (`::` reads as `.`),
/// `a.` a chain starting with `a`, `f(` a free call of `f`, a bare word any chain starting with it.
enum DesignDescriptions {
    /// The description of `language`, nil for Python and Swift (read by readers of their own).
    /// Each is built (its lexer and grammar compiled, about 0.1 ms) the first time it is asked
    /// for, so that an analysis builds only those of the languages it meets.
    static func description(of language: SourceLanguage) -> DesignDescription? {
        switch language {
        case .javascript: Built.javaScript
        case .typescript: Built.typeScript
        case .java: Built.java
        case .kotlin: Built.kotlin
        case .csharp: Built.cSharp
        case .go: Built.go
        case .rust: Built.rust
        case .ruby: Built.ruby
        case .c: Built.c
        case .cpp: Built.cPlusPlus
        case .python, .swift: nil
        }
    }

    /// One lazily built description per language (a static `let` is built once, on first use,
    /// safely across threads).
    private enum Built {
        static let javaScript = DesignDescriptions.javaScript()
        static let typeScript = DesignDescriptions.typeScript()
        static let java = DesignDescriptions.java()
        static let kotlin = DesignDescriptions.kotlin()
        static let cSharp = DesignDescriptions.cSharp()
        static let go = DesignDescriptions.go()
        static let rust = DesignDescriptions.rust()
        static let ruby = DesignDescriptions.ruby()
        static let c = DesignDescriptions.c()
        static let cPlusPlus = DesignDescriptions.cPlusPlus()
    }

    static func javaScript(_ base: some LanguageDescription = JavaScript()) -> DesignDescription {
        var d = DesignDescription(base)
        d.typeWords = ["class": .plain]
        d.baseWords = ["extends"]
        d.constructions = [.newKeyword]
        d.importCalls = ["require"]
        d.privateWords = []
        d.immutableWords = ["const"]
        d.staticWord = "static"
        d.stubMakesAbstract = true
        d.containerWords = ["Map", "Set", "Array", "WeakMap"]
        d.effects = [
            .clock: ["Date.now", "new Date(", "performance.now", "setTimeout(", "setInterval("],
            .randomness: ["Math.random", "crypto.randomUUID", "crypto.getRandomValues", "randomUUID("],
            .environment: ["process.env", "process.argv", "process.cwd"],
            .file: ["fs.", "readFileSync(", "writeFileSync(", "readFile(", "writeFile(", "fsPromises.", "process.stdin"],
            .network: ["fetch(", "axios", "http.", "https.", "XMLHttpRequest", "WebSocket", "net."],
        ]
        return d
    }

    static func typeScript() -> DesignDescription {
        var d = javaScript(TypeScript())
        d.typeWords = ["class": .plain, "interface": .structural, "enum": .value]
        d.baseWords = ["extends", "implements"]
        d.privateWords = ["private"]
        d.immutableWords = ["const", "readonly"]
        d.stubMakesAbstract = false
        return d
    }

    static func java() -> DesignDescription {
        var d = DesignDescription(Java())
        d.typeWords = ["class": .plain, "interface": .abstraction, "enum": .value, "record": .value]
        d.baseWords = ["extends", "implements"]
        d.nameFirst = false
        d.constructions = [.newKeyword]
        d.immutableWords = ["final"]
        d.containerWords = ["ArrayList", "HashMap", "HashSet", "LinkedList", "TreeMap", "ConcurrentHashMap", "LinkedHashMap"]
        d.effects = jvmEffects
        return d
    }

    static let jvmEffects: [DesignDescription.EffectKind: [String]] = [
        .clock: ["System.currentTimeMillis", "System.nanoTime", "LocalDate.now", "LocalDateTime.now", "LocalTime.now",
                 "Instant.now", "ZonedDateTime.now", "OffsetDateTime.now", "Clock.systemUTC", "Clock.systemDefaultZone",
                 "Clock.System", "Thread.sleep", "new Date("],
        .randomness: ["Math.random", "new Random(", "ThreadLocalRandom", "UUID.randomUUID", "SecureRandom", "Random.next",
                      "Random.Default", "nextInt", "nextDouble", "random("],
        .environment: ["System.getenv", "System.getProperty", "System.getProperties"],
        .file: ["Files.", "new File(", "File(", "FileReader", "FileWriter", "FileInputStream", "FileOutputStream",
                "System.in", "Paths.get", "readLine(", "readText(", "writeText("],
        .network: ["HttpClient", "HttpURLConnection", "new URL(", "URL(", "Socket", "OkHttpClient", "RestTemplate", "WebClient"],
    ]

    static func kotlin() -> DesignDescription {
        var d = DesignDescription(Kotlin())
        d.typeWords = ["class": .plain, "interface": .abstraction, "object": .singleton]
        d.abstractModifiers = ["abstract", "sealed"]
        d.valueModifiers = ["data", "enum", "value", "annotation"]
        d.colonBases = true
        d.constructions = [.upperCall]
        d.immutableWords = ["val", "const"]
        d.staticWord = nil
        d.namedArgument = "="
        d.containerWords = ["mutableListOf", "mutableMapOf", "mutableSetOf", "arrayListOf", "hashMapOf", "ArrayList", "HashMap"]
        d.effects = jvmEffects
        return d
    }

    static func cSharp() -> DesignDescription {
        var d = DesignDescription(CSharp())
        d.typeWords = ["class": .plain, "interface": .abstraction, "struct": .value, "record": .value, "enum": .value,
                       "namespace": .namespace]
        d.abstractModifiers = ["abstract"]
        d.colonBases = true
        d.nameFirst = false
        d.constructions = [.newKeyword]
        d.importWords = ["using"]
        d.defaultPrivate = true
        d.immutableWords = ["readonly", "const"]
        d.namedArgument = ":"
        d.containerWords = ["List", "Dictionary", "HashSet", "ConcurrentDictionary"]
        d.effects = [
            .clock: ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
                     "Stopwatch", "Thread.Sleep", "Task.Delay"],
            .randomness: ["new Random(", "Random.Shared", "Guid.NewGuid", "RandomNumberGenerator"],
            .environment: ["Environment.GetEnvironmentVariable", "Environment.GetCommandLineArgs", "Environment.CurrentDirectory"],
            .file: ["File.", "Directory.", "StreamReader", "StreamWriter", "FileStream", "Console.ReadLine", "Console.In"],
            .network: ["HttpClient", "WebClient", "Socket", "TcpClient", "WebRequest"],
        ]
        return d
    }

    static func go() -> DesignDescription {
        var d = DesignDescription(Go())
        d.typeWords = ["type": .plain]
        d.constructions = [.compositeLiteral]
        d.privateWords = []
        d.publicWords = []
        d.lowercasePrivate = true
        d.staticWord = nil
        d.receivers = []
        d.effects = [
            .clock: ["time.Now", "time.Since", "time.Until", "time.Sleep", "time.After", "time.Tick"],
            .randomness: ["rand.", "uuid.New"],
            .environment: ["os.Getenv", "os.LookupEnv", "os.Environ", "os.Args", "flag."],
            .file: ["os.Open", "os.ReadFile", "os.WriteFile", "os.Create", "os.OpenFile", "os.Stdin", "ioutil.", "bufio.NewScanner"],
            .network: ["http.", "net.", "grpc."],
        ]
        return d
    }

    static func rust() -> DesignDescription {
        var d = DesignDescription(Rust())
        d.typeWords = ["struct": .plain, "enum": .value, "trait": .abstraction, "impl": .implementation, "union": .value,
                       "mod": .namespace]
        d.constructions = [.pathNew, .upperCall]
        d.importWords = ["use", "mod"]
        d.privateWords = []
        d.publicWords = []
        d.pubMarksPublic = true
        d.immutableWords = ["const"]
        d.implicitReturn = true
        d.receivers = ["self"]
        d.effects = [
            .clock: ["SystemTime.now", "Instant.now", "Utc.now", "Local.now", "thread.sleep"],
            .randomness: ["rand.", "thread_rng(", "random(", "OsRng"],
            .environment: ["env.var", "env.args", "env.vars", "env.current_dir", "std.env"],
            .file: ["File.open", "File.create", "fs.", "io.stdin", "stdin(", "BufReader", "OpenOptions"],
            .network: ["TcpStream", "TcpListener", "UdpSocket", "reqwest", "hyper"],
        ]
        return d
    }

    static func ruby() -> DesignDescription {
        var d = DesignDescription(Ruby())
        d.typeWords = ["class": .plain, "module": .namespace]
        d.constructions = [.dotNew]
        d.importWords = []
        d.importCalls = ["require", "require_relative", "load"]
        d.staticWord = nil
        d.namedArgument = ":"
        d.receivers = []
        d.implicitReturn = true
        d.stubMakesAbstract = true
        d.effects = [
            .clock: ["Time.now", "Date.today", "DateTime.now", "Time.current", "sleep("],
            .randomness: ["rand(", "Random.", "SecureRandom", "shuffle", "sample"],
            .environment: ["ENV", "ARGV", "Dir.pwd"],
            .file: ["File.", "IO.", "gets(", "gets", "Dir.", "STDIN", "$stdin"],
            .network: ["Net.HTTP", "HTTParty", "Faraday", "URI.open", "TCPSocket", "RestClient"],
        ]
        return d
    }

    static let cEffects: [DesignDescription.EffectKind: [String]] = [
        .clock: ["time(", "clock(", "gettimeofday(", "clock_gettime(", "localtime(", "sleep(", "usleep(",
                 "system_clock.now", "steady_clock.now", "high_resolution_clock.now"],
        .randomness: ["rand(", "srand(", "random(", "random_device", "mt19937", "default_random_engine"],
        .environment: ["getenv(", "secure_getenv(", "environ"],
        .file: ["fopen(", "fread(", "fgets(", "fscanf(", "scanf(", "getchar(", "open(", "read(", "ifstream", "ofstream",
                "fstream", "std.cin", "cin"],
        .network: ["socket(", "connect(", "curl_", "recv(", "send("],
    ]

    static func c() -> DesignDescription {
        var d = DesignDescription(C())
        d.typeWords = ["struct": .value, "union": .value, "enum": .value]
        d.importWords = []
        d.privateWords = []
        d.publicWords = []
        d.receivers = []
        d.nameFirst = false
        d.effects = cEffects
        return d
    }

    static func cPlusPlus() -> DesignDescription {
        var d = DesignDescription(CPlusPlus())
        d.typeWords = ["class": .plain, "struct": .plain, "union": .value, "enum": .value, "namespace": .namespace]
        d.colonBases = true
        d.nameFirst = false
        d.constructions = [.newKeyword, .upperCall]
        d.importWords = ["import"]
        d.receivers = []
        d.containerWords = ["vector", "map", "unordered_map", "set", "unordered_set", "list", "deque"]
        d.effects = cEffects
        return d
    }
}
