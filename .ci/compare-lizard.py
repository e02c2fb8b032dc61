#!/usr/bin/env python3
"""`make compare-lizard`: runs lizard (from PyPI) and `takehome metrics` on the same real code found on
this machine, matches functions by file and start line, and prints per language how many functions
matched and the share with the same cyclomatic complexity (CCN). Lizard is adjusted for the deliberate
differences listed in docs/metrics.md before it runs, so the share is "after documented differences".

Usage: compare-lizard.py [--takehome BIN] [--max-files N] [--language NAME] [--show N]
BIN defaults to $TAKEHOME or .build/release/takehome; it is called as `BIN metrics DIR --format json`.
"""
import argparse, glob, json, os, re, shutil, subprocess, sys, tarfile, tempfile, time, zipfile

def ensure_lizard():
    try:
        import lizard  # noqa: F401
        return
    except ImportError:
        pass
    command = [sys.executable, "-m", "pip", "install", "lizard"]
    if os.geteuid() != 0:
        print("lizard is missing; install it with: " + " ".join(command), file=sys.stderr)
        sys.exit(69)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

# Deliberate differences from lizard (docs/metrics.md, "Where takehome differs from lizard").
# Each has a predicate saying whether it explains a remaining mismatch: (text, ours, theirs, file) -> bool, where
# text is the source from lizard's start line to the later of both end lines, ours takehome's JSON function, theirs
# lizard's FunctionInfo and file a SourceFile (its lines and lizard's functions in it). None: the difference is
# removed from lizard before comparing (adjust_lizard).
class SourceFile:
    def __init__(self, lines, lizard_functions):
        self.lines, self.lizard_functions = lines, lizard_functions

def closing_brace_line(lines, start_line):
    """The line of the `}` that closes the first `{` on start_line (strings, template literals and comments
    skipped, naively), or None when that line opens no brace."""
    depth, line_number, quote, opened = 0, start_line, None, False
    for line in lines[start_line - 1:start_line + 3000]:
        index = 0
        while index < len(line):
            char = line[index]
            if quote:
                if char == "\\":
                    index += 1
                elif char == quote:
                    quote = None
            elif line.startswith("//", index):
                break
            elif char in "'\"`":
                quote = char
            elif char == "{":
                depth, opened = depth + 1, True
            elif char == "}":
                depth -= 1
                if opened and depth == 0:
                    return line_number
            index += 1
        if quote in ("'", '"'):
            quote = None   # no multi-line plain strings
        if not opened:
            return None
        line_number += 1
    return None

def js_lizard_misplaces_end(text, ours, theirs, file):
    """lizard's function ends on another line than the `}` that closes its body (brace-matched here); takehome's
    ends there. lizard's figure then covers the wrong tokens."""
    end = closing_brace_line(file.lines, theirs.start_line)
    return end == ours["endLine"] and theirs.end_line != end

def js_holds_misplaced_function(text, ours, theirs, file):
    """A function nested in this one that lizard ends early: lizard gives the rest of its decisions to this one."""
    return ours["ccn"] < theirs.cyclomatic_complexity and any(
        theirs.start_line < inner.start_line <= theirs.end_line and
        closing_brace_line(file.lines, inner.start_line) not in (None, inner.end_line)
        for inner in file.lizard_functions)

def js_parenthesis_after_assignment(text, ours, theirs, file):
    """`x = (a || b) ? c : d`: lizard reads `(a || b)` as the parameters of an arrow function named x, finds no
    `=>`, abandons it and loses the decisions inside and the one right after it. The difference must be no more than
    the decisions so lost."""
    lost = 0
    for match in re.finditer(r"(?<![=!<>+\-*/%&|^])=\s*\(", text):
        depth, index = 0, match.end() - 1
        while index < len(text):
            depth += {"(": 1, ")": -1}.get(text[index], 0)
            if depth == 0:
                break
            index += 1
        inside, after = text[match.end():index], text[index + 1:].lstrip()
        if after.startswith("=>"):
            continue
        lost += len(re.findall(r"&&|\|\||\?\?|\?(?![.?])", inside)) + (1 if re.match(r"&&|\|\||\?\?|\?(?![.?])", after) else 0)
    return 0 < ours["ccn"] - theirs.cyclomatic_complexity <= lost

def regex_bodies(text):
    """Regular expression literals (`/.../` after an operator, a bracket or a keyword; Ruby's `%r{...}`)."""
    return re.findall(r"(?:^|[=(,:!&|?;{]|\breturn|\bwhen|\bif|\bunless|=~|!~)\s*/((?:\\.|\[(?:\\.|[^\]])*\]|[^/\\\n])+)/"
                      r"|%r\{([^}]*)\}", text, re.M)

def lizard_reads_regex(text, ours, theirs, file):
    """lizard reads some regular expression literals as code: their `?`, `|`-pairs, quotes, braces and words
    (`or`, `if`) count, or end the function. Explained when a regex in the function holds such tokens and lizard
    counts at most that many more, or when lizard's end moves because a regex holds a brace or a quote."""
    bodies = ["".join(parts) for parts in regex_bodies(text)]
    tokens = sum(len(re.findall(r"\?|\|\||&&|\b(?:if|and|or|for|while|when|until|unless|rescue|ensure)\b", body))
                 for body in bodies)
    if 0 < theirs.cyclomatic_complexity - ours["ccn"] <= tokens:
        return True
    return theirs.end_line != ours["endLine"] and any(re.search(r"[{}'\"`]", body) for body in bodies)

def ruby_value_block(text, ours, theirs, file):
    """lizard does not open a block at `case`, nor at `if`/`unless` used as a value (`x = if c`, `a << if c`),
    nor at an `if` that starts the line after a `while`/`until`/`for` header; their `end` ends lizard's method
    early and its figure stops there."""
    if theirs.end_line >= ours["endLine"]:
        return False
    body = text.split("\n")[1:theirs.end_line - theirs.start_line + 1]
    after_loop = any(re.match(r"\s*(while|until|for)\b", line) and re.match(r"\s*(if|unless|case|while|until|for)\b",
                                                                          following)
                     for line, following in zip(body, body[1:]))
    return after_loop or any(re.search(r"^\s*case\b|([=(,|&]|<<|\breturn)\s*(case|if|unless)\b", line) for line in body)

def ruby_modifier_in_braces(text, ours, theirs, file):
    """a modifier `if`/`unless` inside a one-line `{ ... }` block: lizard's reader waits for `then` or a new line
    and loses the `}`, so its method runs on past its `end`."""
    return theirs.end_line > ours["endLine"] and \
        re.search(r"\{[^{}\n]*\b(if|unless)\b[^{}\n]*\}", text) is not None

def ruby_punctuation_global(text, ours, theirs, file):
    """`$'`, `` $` `` and `$"` are globals; lizard opens a string at their quote and `$?` is its ternary."""
    return re.search(r"\$['\"`]", text) is not None or \
        0 < theirs.cyclomatic_complexity - ours["ccn"] <= text.count("$?")

def nullable_type(text, ours, theirs, file):
    """`int? code`, `string? name =`, `a?.b`, `a?[i]`: a `?` written onto a type or a null-conditional access is
    no decision; lizard counts it. lizard may count at most that many more."""
    return 0 < theirs.cyclomatic_complexity - ours["ccn"] <= len(re.findall(r"[\w>\])]\?(?![?=(])", text))

JS_DIFFERENCES = [
    ("`x = (a || b) ? c : d`: lizard takes the parentheses for an arrow's parameters and loses their decisions",
     js_parenthesis_after_assignment),
    ("lizard ends a function on another line than the `}` closing its body (brace-matched); its figure covers "
     "other tokens", js_lizard_misplaces_end),
    ("a nested function lizard ends early gives lizard's parent the rest of its decisions",
     js_holds_misplaced_function),
    ("lizard reads some regular expression literals as code (`?`, `||`, quotes, braces inside them)",
     lizard_reads_regex),
]

DIFFERENCES = {
    "rust": [("`where` clauses are generic bounds, not decisions", None)],
    "ruby": [("`unless` is a decision, like `if`", None),
             ("heredoc bodies are strings; lizard reads their words (`if`, `and`, `for` in prose) as code",
              lambda text, ours, theirs, file: re.search(r"<<[~-]?['\"`]?[A-Z_]", text) is not None),
             ("`case ... end`, `x = if ... end` and an `if` first on the line after a `while` header are blocks; "
              "lizard ends the method at their `end`", ruby_value_block),
             ("`{ |x| x.f if c }`: lizard loses the `}` after a modifier `if` and runs the method on",
              ruby_modifier_in_braces),
             ("`$'`, `` $` ``, `$\"` and `$?` are globals; lizard opens a string at the quote or counts the `?`",
              ruby_punctuation_global),
             ("lizard reads some regular expression literals as code (`?`, `or`, braces inside them)",
              lizard_reads_regex)],
    "csharp": [("`foreach` is a decision, like `for`", None),
               ("a nullable type's `?` (`int? x`) and null-conditional `?.`, `?[` are no decisions", nullable_type)],
    "javascript": JS_DIFFERENCES,
    "typescript": JS_DIFFERENCES,
}

def adjust_lizard():
    from lizard_languages.rust import RustReader
    from lizard_languages.rubylike import RubylikeReader
    RustReader._control_flow_keywords = RustReader._control_flow_keywords - {"where"}
    RubylikeReader._control_flow_keywords = RubylikeReader._control_flow_keywords | {"unless"}
    from lizard_languages.csharp import CSharpReader
    CSharpReader._control_flow_keywords = CSharpReader._control_flow_keywords | {"foreach"}

def java_corpus(cache):
    """The JDK's own sources (src.zip of openjdk-17), java.base's java/util and java/lang trees."""
    for archive in [a for a in sorted(glob.glob("/usr/lib/jvm/*/lib/src.zip")) if zipfile.is_zipfile(a)]:
        target = os.path.join(cache, "jdk-src")
        if not os.path.isdir(target):
            with zipfile.ZipFile(archive) as zipped:
                for name in zipped.namelist():
                    if name.startswith(("java.base/java/util/", "java.base/java/lang/", "java.base/java/io/")) \
                            and name.endswith(".java"):
                        zipped.extract(name, target)
        return [target]
    return []

def fetched(cache, name, fetch, extract):
    """A corpus fetched once into cache/name: fetch(folder) downloads into it (as root only; pip and apt-get are
    the registries this machine reaches), extract(folder, target) unpacks the sources. [] when unavailable."""
    target = os.path.join(cache, name)
    if os.path.isdir(target) and os.listdir(target):
        return [target]
    if os.geteuid() != 0:
        print("%s corpus: not fetched (run as root to fetch it)" % name, file=sys.stderr)
        return []
    download = tempfile.mkdtemp(prefix="download-%s-" % name)
    try:
        fetch(download)
        os.makedirs(target, exist_ok=True)
        extract(download, target)
    except (subprocess.CalledProcessError, OSError, zipfile.BadZipFile, tarfile.TarError) as error:
        print("%s corpus: could not fetch (%s)" % (name, error), file=sys.stderr)
        shutil.rmtree(target, ignore_errors=True)
        return []
    finally:
        shutil.rmtree(download, ignore_errors=True)
    return [target]

def pip_download(*arguments):
    return lambda folder: subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder,
                                          *arguments], check=True, stdout=subprocess.DEVNULL)

def unzip_matching(pattern, suffixes):
    """Extracts from every zip (wheel, jar) matching pattern the members ending in suffixes."""
    def extract(folder, target):
        for archive in glob.glob(os.path.join(folder, pattern)):
            with zipfile.ZipFile(archive) as zipped:
                for member in zipped.namelist():
                    if member.endswith(suffixes) and not member.endswith(".d.ts"):
                        zipped.extract(member, target)
    return extract

def typescript_corpus(cache):
    """Panel's TypeScript models (its wheel on PyPI ships the .ts sources of its Bokeh extension)."""
    return fetched(cache, "panel-ts", pip_download("--only-binary", ":all:", "panel==1.9.4"),
                   unzip_matching("panel-*.whl", (".ts", ".tsx")))

def csharp_corpus(cache):
    """pythonnet's C# runtime (its source distribution on PyPI)."""
    def extract(folder, target):
        for archive in glob.glob(os.path.join(folder, "pythonnet-*.tar.gz")):
            with tarfile.open(archive) as tarred:
                tarred.extractall(target, members=[m for m in tarred.getmembers()
                                                   if m.isfile() and m.name.endswith(".cs")], filter="data")
    return fetched(cache, "pythonnet-cs", pip_download("--no-binary", ":all:", "pythonnet==3.2.1"), extract)

def kotlin_corpus(cache):
    """Gradle's Kotlin DSL: Debian's libgradle-kotlin-dsl-java bundles its .kt sources in gradle-kotlin-dsl.jar."""
    def fetch(folder):
        subprocess.run(["apt-get", "download", "libgradle-kotlin-dsl-java"], cwd=folder, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for package in glob.glob(os.path.join(folder, "*.deb")):
            subprocess.run(["dpkg-deb", "-x", package, os.path.join(folder, "unpacked")], check=True)
    def extract(folder, target):
        unzip_matching("unpacked/usr/share/java/gradle-kotlin-dsl.jar", (".kt",))(folder, target)
    return fetched(cache, "gradle-kotlin-dsl", fetch, extract)

def corpora(cache):
    stdlib = os.path.dirname(os.__file__)
    crypto = sorted(glob.glob(".build*/checkouts/swift-crypto/Sources/CCryptoBoringSSL"))
    return {
        "python": ([stdlib], ["py"], "CPython's standard library (%s)" % stdlib),
        "go": (sorted(glob.glob("/usr/lib/go-*/src"))[-1:], ["go"], "Go's standard library (apt golang-go)"),
        "java": (java_corpus(cache), ["java"], "the JDK's java.base sources (src.zip)"),
        "ruby": (sorted(glob.glob("/usr/lib/ruby/[0-9]*"))[-1:], ["rb"], "Ruby's standard library (apt ruby)"),
        "rust": (["/usr/share/cargo/registry"], ["rs"], "crates from Debian librust-*-dev packages"),
        "c": (sorted(glob.glob("/usr/share/go-*/src"))[-1:] + crypto[:1], ["c"],
              "C files of Go's runtime/cgo tests and BoringSSL (swift-crypto checkout)"),
        "cpp": (crypto[:1], ["cc", "cpp"], "BoringSSL's C++ sources (swift-crypto checkout)"),
        "javascript": (["/usr/share/nodejs"], ["js"], "JavaScript under /usr/share/nodejs (apt node-*)"),
        "typescript": (typescript_corpus(cache) + ["/usr/share/nodejs"], ["ts", "tsx"],
                       "panel 1.9.4's .ts models (PyPI wheel) and any .ts under /usr/share/nodejs"),
        "kotlin": (kotlin_corpus(cache), ["kt"], "Gradle's Kotlin DSL sources (apt libgradle-kotlin-dsl-java's jar)"),
        "csharp": (csharp_corpus(cache), ["cs"], "pythonnet 3.2.1's C# runtime (PyPI sdist)"),
    }

def pick_files(roots, extensions, max_files, max_bytes=400_000):
    files = []
    for root in roots:
        for folder, folders, names in os.walk(root):
            folders[:] = [f for f in folders if f not in ("site-packages", "dist-packages", "__pycache__")]
            for name in names:
                path = os.path.join(folder, name)
                if name.rsplit(".", 1)[-1] in extensions and not name.endswith(".d.ts") \
                        and os.path.isfile(path) and os.path.getsize(path) <= max_bytes:
                    files.append(path)
    files.sort()
    if len(files) > max_files:   # an even spread over the tree, deterministic
        step = len(files) / max_files
        files = [files[int(i * step)] for i in range(max_files)]
    return files

def run_lizard(files, stage):
    import lizard
    result = {}
    started = time.time()
    for source in files:
        relative = os.path.relpath(source, stage)
        info = lizard.analyze_file(source)
        for function in info.function_list:
            result[(relative, function.start_line)] = function
    return result, time.time() - started

def run_takehome(binary, stage):
    """takehome's functions keyed by (file, line), source and test code alike, and the files it leaves out
    (generated, minified) with their reasons."""
    started = time.time()
    completed = subprocess.run([binary, "metrics", stage, "--format", "json"], capture_output=True, text=True)
    elapsed = time.time() - started
    if completed.returncode != 0:
        raise SystemExit("takehome metrics failed (%d): %s" % (completed.returncode, completed.stderr[-2000:]))
    report = json.loads(completed.stdout)
    metrics = report.get("metrics", report)
    functions, all_functions = {}, []
    for function in metrics["complexity"]["functions"] + metrics["complexity"].get("testFunctions", []):
        all_functions.append(function)
        key = (function["file"], function["line"])
        if key not in functions or function["endLine"] > functions[key]["endLine"]:
            functions[key] = function   # the outermost of several functions starting on one line
    left_out = {entry["path"]: entry["reason"] for entry in metrics["size"].get("leftOut", [])}
    return functions, all_functions, left_out, elapsed

def simple_name(name):
    return re.split(r"[.:]+", name.split("<")[0].strip())[-1].split("@")[0]

def unmatched_reason(key, function, all_ours, sources):
    """Why one of lizard's functions has no takehome function starting on its line."""
    same_file = [f for f in all_ours if f["file"] == key[0]]
    name = simple_name(function.name)
    lines = sources[key[0]].lines
    head = lines[function.start_line - 1] if function.start_line <= len(lines) else ""
    following = "\n".join(lines[function.start_line - 1:function.start_line + 20])
    if key[0].endswith(".rs"):
        bodyless = following.find(";") >= 0 and (following.find("{") < 0 or following.find(";") < following.find("{"))
    else:   # Go: `func f(x int) int` with no `{` on its line (assembly)
        bodyless = key[0].endswith(".go") and "{" not in head and not head.rstrip().endswith((",", "("))
    if bodyless:
        return "declared without a body (assembly, extern, trait): lizard runs it into the next function's body"
    if key[0].endswith(".kt") and re.match(r"\s*(get|set)\s*\(", head):
        return "a property accessor `get()`/`set()`, which takehome measures with its property"
    if function.name == "(anonymous)" and "->" in head and "{" not in head:
        return "a function type (`T.() -> R`) that lizard reads as a lambda"
    for ours in same_file:
        if simple_name(ours["name"]) == name and name not in ("(anonymous)", "anonymous__0") \
                and abs(ours["line"] - function.start_line) <= 10:
            return "takehome starts it on another line (%d)" % ours["line"]
    if re.search(r"\bfunc\s*\(|\|[^|]*\|\s*\{|\bmove\s*\||=>|\blambda\b|\bfun\s*\(", head) and \
            not any(f["line"] == function.start_line for f in same_file):
        return "a closure or function literal lizard lists and takehome keeps in its function"
    return "no takehome function on that line"

def explained_by_difference(language, sources, key, lizard_function, ours):
    file = sources[key[0]]
    text = "\n".join(file.lines[lizard_function.start_line - 1:max(lizard_function.end_line, ours["endLine"])])
    return any(predicate and predicate(text, ours, lizard_function, file)
               for _, predicate in DIFFERENCES.get(language, []))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--takehome", default=os.environ.get("TAKEHOME", ".build/release/takehome"))
    parser.add_argument("--max-files", type=int, default=300)
    parser.add_argument("--language", action="append")
    parser.add_argument("--show", type=int, default=0, help="print N mismatches per language")
    args = parser.parse_args()
    ensure_lizard()
    adjust_lizard()
    cache = os.path.join(tempfile.gettempdir(), "takehome-compare-corpus")
    os.makedirs(cache, exist_ok=True)
    print("%-11s %7s %8s %9s %8s %8s  %s" % ("language", "files", "lizard", "matched", "sameCCN", "speedup", "corpus"))
    below = []
    for language, (roots, extensions, corpus) in corpora(cache).items():
        if args.language and language not in args.language:
            continue
        files = pick_files([r for r in roots if os.path.isdir(r)], extensions, args.max_files)
        if not files:
            print("%-11s %7d %8s %9s %8s %8s  %s" % (language, 0, "-", "-", "-", "-", corpus))
            continue
        stage = tempfile.mkdtemp(prefix="compare-%s-" % language)
        try:
            staged = []
            for index, source in enumerate(files):
                target = os.path.join(stage, "%04d_%s" % (index, os.path.basename(source)))
                shutil.copyfile(source, target)
                staged.append(target)
            ours, all_ours, left_out, our_time = run_takehome(args.takehome, stage)
            theirs, their_time = run_lizard(staged, stage)
            by_file = {}
            for (relative, _), function in theirs.items():
                by_file.setdefault(relative, []).append(function)
            sources = {os.path.relpath(path, stage): SourceFile(
                           open(path, encoding="utf-8", errors="replace").read().split("\n"),
                           by_file.get(os.path.relpath(path, stage), []))
                       for path in staged}
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        skipped = {key for key in theirs if key[0] in left_out}
        theirs = {key: f for key, f in theirs.items() if key not in skipped}
        matched = [(key, f) for key, f in theirs.items() if key in ours]
        reasons = {key: unmatched_reason(key, f, all_ours, sources) for key, f in theirs.items() if key not in ours}
        same = [key for key, f in matched if ours[key]["ccn"] == f.cyclomatic_complexity]
        explained = [key for key, f in matched if ours[key]["ccn"] != f.cyclomatic_complexity
                     and explained_by_difference(language, sources, key, f, ours[key])]
        share = 100.0 * (len(same) + len(explained)) / len(matched) if matched else 0.0
        speed = "%.1fx" % (their_time / our_time) if our_time > 0 else "-"
        print("%-11s %7d %8d %9d %7.1f%% %8s  %s" % (language, len(files), len(theirs), len(matched), share, speed, corpus))
        print("%-11s   same CCN before documented differences: %.1f%%; %d mismatches explained by them"
              % ("", 100.0 * len(same) / max(1, len(matched)), len(explained)))
        if skipped:
            print("%-11s   %d lizard functions in %d files takehome leaves out (generated or minified), not counted"
                  % ("", len(skipped), len({key[0] for key in skipped})))
        counts = {}
        for reason in reasons.values():
            reason = re.sub(r" \(\d+\)$", "", reason)
            counts[reason] = counts.get(reason, 0) + 1
        for reason, count in sorted(counts.items(), key=lambda item: -item[1]):
            print("%-11s   unmatched, %s: %d" % ("", reason, count))
        for difference, _ in DIFFERENCES.get(language, []):
            print("%-11s   documented difference: %s" % ("", difference))
        if share < 98.0:
            below.append(language)
        shown = 0
        for key, function in sorted(theirs.items()):
            if shown >= args.show:
                break
            if key not in ours:
                print("    unmatched %s:%d %s ccn=%d: %s" % (key[0], key[1], function.name,
                      function.cyclomatic_complexity, reasons[key]))
                shown += 1
            elif ours[key]["ccn"] != function.cyclomatic_complexity \
                    and not explained_by_difference(language, sources, key, function, ours[key]):
                print("    %s:%d lizard %s ccn=%d, takehome %s ccn=%d" % (key[0], key[1], function.name,
                      function.cyclomatic_complexity, ours[key]["name"], ours[key]["ccn"]))
                shown += 1
    print("(speedup: lizard's time over takehome's on the same files, one run; takehome's includes process start)")
    if below:
        print("below 98%% same CCN: %s" % ", ".join(below))

if __name__ == "__main__":
    main()
