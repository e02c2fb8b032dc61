/// Questions for the review call, one template per finding rule, each naming the code it is about.
/// The costliest improvement of each area is asked about first, areas taking turns (design,
/// testability, complexity, correctness, duplication) so the call covers different ground; when the
/// findings give fewer than three, walk-through questions about the largest code fill up.
enum InterviewQuestions {
    static let limit = 6, minimum = 3
    static let areaOrder = ["design", "testability", "complexity", "correctness", "duplication"]

    static func questions(for report: Report, improvements: [ImprovementCandidate]) -> [InterviewQuestion] {
        let asked = improvements.compactMap { question(for: $0.improvement, in: report) }
        var byArea = areaOrder.map { area in asked.filter { $0.area == area } }
        var chosen: [InterviewQuestion] = []
        while chosen.count < limit, byArea.contains(where: { !$0.isEmpty }) {
            for index in byArea.indices where !byArea[index].isEmpty && chosen.count < limit {
                chosen.append(byArea[index].removeFirst())
            }
        }
        for fallback in walkthroughs(report) where chosen.count < minimum {
            if !chosen.contains(where: { $0.file == fallback.file && $0.line == fallback.line }) { chosen.append(fallback) }
        }
        return chosen
    }

    /// The question an improvement's rule asks, or nil when the rule has no template.
    static func question(for improvement: Improvement, in report: Report) -> InterviewQuestion? {
        let place = improvement.file.map { file in improvement.line.map { "\(file):\($0)" } ?? file } ?? ""
        let name = improvement.name.map { "`\($0)`" } ?? "this code"
        let rule = improvement.rule
        let ask = { (area: String, text: String) in
            InterviewQuestion(area: area, rule: rule, question: text, file: improvement.file, line: improvement.line)
        }
        if rule.hasPrefix("design.") || rule.hasPrefix("testability."), let signal = signal(rule, report),
           let first = signal.places.first {
            return ask(rule.hasPrefix("design.") ? "design" : "testability", signalQuestion(signal.name, first, place: place))
        }
        switch rule {
        case "complexity.function":
            guard let function = report.metrics.complexity?.functions.first(where: { $0.file == improvement.file && $0.line == improvement.line })
            else { return nil }
            return ask("complexity", "\(name) (\(place)) has a cognitive complexity of \(function.cognitive) and a CCN of "
                + "\(function.ccn): walk me through it — where would you split it, and what would each part be called?")
        case "duplication.clone":
            return ask("duplication", "The code at \(place) repeats code elsewhere in the solution: what kept you from sharing it, "
                + "and what would change if the rule it encodes changed?")
        case "testability.surviving-mutant":
            guard let mutation = report.metrics.testability?.mutation, let mutant = mutation.survivors.first else { return nil }
            return ask("testability", "Your tests leave \(mutation.survived) \(mutation.survived == 1 ? "mutant" : "mutants") alive, "
                + "e.g. `\(mutant.original)` → `\(mutant.mutated)` \(ImprovementCandidates.whereIn(mutant)): which test would catch it?")
        case "testability.uncovered-code":
            if let name = improvement.name {
                return ask("testability", "Your tests never run `\(name)` (\(place)): how do you know it works, and what test "
                    + "would you add first?")
            }
            let file = report.metrics.testability?.ownTests?.files.first { $0.file == improvement.file }
            let lines = file.map { Self.firstRanges($0.uncoveredLines) } ?? ""
            let one = Int(lines) != nil
            return ask("testability", "Your tests never run \(improvement.file ?? "some of the code") \(one ? "line" : "lines") \(lines): "
                + "which case do \(one ? "it handle" : "those lines handle"), and what test would you add first?")
        case "testability.no-tests":
            return ask("testability", "You wrote no tests: how did you convince yourself that \(name) (\(place)) works, "
                + "and which case would you test first?")
        case "testability.failing-own-tests":
            return ask("testability", "Some of your own tests fail: did you know when you submitted, and what do they tell you?")
        case "tests.tampering":
            return ask("correctness", place.isEmpty ? "The test results were tampered with: what were you trying to achieve?"
                : "The test results were tampered with by \(place): what did you mean that code to do?")
        case "tests.load-failure":
            return ask("correctness", "The tests could not import your solution\(place.isEmpty ? "" : " from \(place)"): "
                + "how did you run it yourself, and how would a colleague?")
        case "tests.failing":
            guard let suite = report.mode == .grade ? report.tests.hidden : report.tests.public,
                  let failing = suite.cases.first(where: { $0.status != .passed && $0.status != .skipped }) else { return nil }
            let function = namesake(of: failing.name, in: report.metrics.complexity?.functions ?? [])
            let whereTo = function.map { ": `\($0.name)` (\($0.file):\($0.line)) looks like the code for that case; "
                + "how would you find out what goes wrong there" } ?? ": which part of your code handles that case, "
                + "and how would you find out what goes wrong"
            return InterviewQuestion(area: "correctness", rule: rule,
                                     question: "The test `\(failing.name)` fails\(failing.message.map { " (\(String($0.prefix(80))))" } ?? "")"
                                         + "\(whereTo)?", file: function?.file, line: function?.line)
        default:
            return nil
        }
    }

    static func signal(_ rule: String, _ report: Report) -> DesignSignal? {
        if rule.hasPrefix("design.") { return report.metrics.overEngineering?.signal(String(rule.dropFirst("design.".count))) }
        return report.metrics.testability?.structural?.signal(String(rule.dropFirst("testability.".count)))
    }

    /// The template of each design and structural signal.
    static func signalQuestion(_ signal: String, _ first: DesignPlace, place: String) -> String {
        let name = "`\(first.name)` (\(place))"
        switch signal {
        case "single-product-patterns":
            return "\(name) builds a single product: what change did you expect that made the pattern worth it?"
        case "single-implementation-abstractions":
            return "\(name) has one implementation\(first.note.map { " (\($0))" } ?? ""): what second one did you have in mind, "
                + "and what would adding the abstraction later have cost?"
        case "unused-abstractions": return "Nothing implements \(name): what was it meant for?"
        case "pass-through-functions":
            return "\(name) only \(first.note ?? "forwards its parameters"): what does this layer give you?"
        case "deep-inheritance": return "\(name) sits deep in a class hierarchy: what would it look like with composition instead?"
        case "unvaried-configuration": return "\(name) can be configured, but no caller sets it: who did you expect to vary it?"
        case "unused-parameters": return "\(name) takes a parameter it never reads: what was it meant for?"
        case "unused-private-members": return "Nothing calls \(name): what was it meant for?"
        case "dependencies": return "You depend on \(name), which the reference does without: what does it give you here?"
        case "effects-in-decisions":
            let outside = (first.note ?? "outside world").components(separatedBy: ", ").map { "the " + $0 }.joined(separator: " and ")
            return "\(name) reads \(outside) itself while making decisions: how would you test a case that depends on it?"
        case "global-mutable-state":
            return "\(name) is state that functions change: what happens when two tests, or two callers, change it?"
        case "constructed-collaborators":
            return "`\(first.name)` is \(first.note ?? "built inside the logic") (\(place)): how would a test hand it a different one?"
        case "singletons": return "\(name) is a shared single instance: how do you reset it between tests?"
        default: return "\(name) was flagged (\(signal)): what made you write it this way?"
        }
    }

    /// Questions about the largest code, for submissions whose findings give fewer than three.
    static func walkthroughs(_ report: Report) -> [InterviewQuestion] {
        let functions = (report.metrics.complexity?.functions ?? [])
            .sorted { ($0.cognitive, $0.ccn, $1.file, $1.line) > ($1.cognitive, $1.ccn, $0.file, $0.line) }
        var questions = functions.prefix(1).map { function in
            InterviewQuestion(area: "complexity", rule: "walkthrough",
                              question: "Walk me through `\(function.name)` (\(function.file):\(function.line)), your most complex "
                                  + "function: which case was hardest to get right?", file: function.file, line: function.line)
        }
        if let second = functions.dropFirst().first(where: { $0.file != functions.first?.file }) ?? functions.dropFirst().first {
            questions.append(InterviewQuestion(area: "testability", rule: "walkthrough",
                                               question: "If `\(second.name)` (\(second.file):\(second.line)) returned a wrong value, "
                                                   + "which of your tests would fail first?", file: second.file, line: second.line))
        }
        let files = (report.metrics.size?.files ?? []).filter { $0.kind == .source }
        if let largest = files.max(by: { ($0.nloc, $1.path) < ($1.nloc, $0.path) }) {
            questions.append(InterviewQuestion(area: "design", rule: "walkthrough",
                                               question: "`\(largest.path)` is your largest source file (\(largest.nloc) lines): if the "
                                                   + "assignment gained a new rule, where would it go and what would you test?",
                                               file: largest.path, line: 1))
        }
        return questions
    }

    /// The first three ranges of `85, 88, 91, 96-98`, then `…`.
    static func firstRanges(_ ranges: String) -> String {
        let all = ranges.components(separatedBy: ", ")
        return all.prefix(3).joined(separator: ", ") + (all.count > 3 ? "…" : "")
    }

    /// The function whose name shares the most words with the test's (`test_night_hours_round` and
    /// `night_hours`), the earliest among equals; nil when none shares a word.
    static func namesake(of test: String, in functions: [FunctionMetrics]) -> FunctionMetrics? {
        let testWords = words(test).subtracting(["test", "tests", "is", "are", "the", "a", "of", "and", "not"])
        let scored = functions.map { (function: $0, shared: words($0.name).intersection(testWords).count) }
        guard let best = scored.max(by: { $0.shared < $1.shared || ($0.shared == $1.shared && $0.function.line > $1.function.line) }),
              best.shared > 0 else { return nil }
        return best.function
    }

    /// The lower-cased words of an identifier: split at `_`, `.` and lower-to-upper case changes.
    static func words(_ identifier: String) -> Set<String> {
        var words: [String] = [], current = ""
        for character in identifier {
            if character == "_" || character == "." || !(character.isLetter || character.isNumber) {
                words.append(current); current = ""
            } else {
                if character.isUppercase, let last = current.last, last.isLowercase { words.append(current); current = "" }
                current.append(character)
            }
        }
        words.append(current)
        return Set(words.filter { !$0.isEmpty }.map { $0.lowercased() })
    }
}
