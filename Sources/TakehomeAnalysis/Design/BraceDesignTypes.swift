/// Type declarations of a brace or `end` language: names, modifiers, generic parameters, bases
/// and bodies (see `DesignDescription.typeWords`).
extension BraceScan {
    mutating func findTypes() {
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens.isIdentifier(index), let shape = d.typeWords[text(index)] else { continue }
            let previous = text(index - 1)
            if previous == "companion", let open = findBody(after: index) { staticRanges.append((open + 1)..<tokens.partner[open]) }
            guard !tokens.isChained(index), ![".", "::", "<", ",", ":", "companion"].contains(previous),
                  previous != "enum" || d.typeWords["enum"] == nil else { continue }
            if text(index) == "impl" { readImpl(index); continue }
            if text(index) == "object", text(index + 1) == ":", let open = findBody(after: index + 1) {
                anonymousImplementation(bases: bases(from: index + 1, to: open), at: index, open: open); continue
            }
            if d.language == .go { readGoType(index); continue }
            var nameIndex = index + 1
            if ["class", "struct"].contains(text(nameIndex)) { nameIndex += 1 }   // C# `record struct`
            if d.language == .c || d.language == .cpp, text(index + 1) == "{", previous == "typedef" {
                let close = tokens.partner[index + 1]
                guard close > index, tokens.isIdentifier(close + 1) else { continue }
                add(TypeBlock(name: text(close + 1), line: tokens.line(index), keyword: index, body: (index + 2)..<close,
                              shape: shape, modifiers: []))
                continue
            }
            guard tokens.isIdentifier(nameIndex), !d.keywords.contains(text(nameIndex)) || text(nameIndex) == "self" else { continue }
            if isRuby, previous != "" && !tokens.startsLine[index] { continue }
            functionNameTokens.insert(nameIndex)
            var block = TypeBlock(name: text(nameIndex), line: tokens.line(index), keyword: index, body: 0..<0, shape: shape,
                                  modifiers: Set(headWords(before: index)))
            if shape == .namespace {
                if let open = findBody(after: nameIndex) { markNamespace(block, open: open) }
                continue
            }
            var cursor = nameIndex + 1
            while cursor < tokens.count, text(cursor) == "." || text(cursor) == "::", tokens.isIdentifier(cursor + 1) {
                block.name = text(cursor + 1); cursor += 2
            }
            if let group = tokens.typeArguments(at: cursor) {
                block.generics = tokens.parameterNames(group.parts); declarationGroups.insert(cursor); cursor = group.close + 1
            }
            block.generics += templateParameters(before: index)
            if isRuby {
                if text(cursor) == "<" { block.bases = [tokens.chain(startingAt: cursor + 1).names.last ?? ""] }
                block.body = (cursor)..<rubyEnd(from: index)
                add(block); continue
            }
            let bodyOpen = findBody(after: cursor - 1)
            block.bases = bases(from: cursor, to: bodyOpen ?? min(tokens.count, cursor + 64))
            if let open = bodyOpen { block.body = (open + 1)..<tokens.partner[open]
            } else if !(d.language == .rust || d.language == .kotlin) { continue }
            add(block)
        }
    }

    /// Kotlin's `object : Clock { ... }`, TypeScript's `const fake: Clock = { ... }`, Java's
    /// `new Clock() { ... }`: an implementation without a name (in tests, a test double).
    mutating func anonymousImplementation(bases: [String], at index: Int, open: Int) {
        guard let base = bases.first, tokens.partner[open] > open else { return }
        var block = TypeBlock(name: "(anonymous \(base))", line: tokens.line(index), keyword: index,
                              body: (open + 1)..<tokens.partner[open], shape: .plain, modifiers: [])
        block.bases = bases
        add(block)
    }

    /// TypeScript `const name: Type = {`: an object literal typed as an interface.
    mutating func findTypedObjectLiterals() {
        guard d.language == .typescript else { return }
        for index in 0..<tokens.count where ["const", "let", "var"].contains(text(index)) && tokens.isIdentifier(index + 1)
            && text(index + 2) == ":" && tokens.isIdentifier(index + 3) && text(index + 4) == "=" && text(index + 5) == "{" {
            anonymousImplementation(bases: [text(index + 3)], at: index, open: index + 5)
        }
    }

    mutating func add(_ block: TypeBlock) {
        var block = block
        block.isTest = isInTest(block.keyword)
        if d.language == .cpp || isRuby {
            var cursor = block.body.lowerBound
            while cursor < block.body.upperBound {
                let word = text(cursor)
                if ["public", "private", "protected"].contains(word),
                   isRuby ? tokens.startsLine[cursor] && (cursor + 1 >= tokens.count || tokens.startsLine[cursor + 1])
                          : text(cursor + 1) == ":" {
                    block.labels.append((cursor, word))
                }
                cursor = !isRuby && tokens.partner[cursor] > cursor ? tokens.partner[cursor] + 1 : cursor + 1
            }
        }
        types.append(block)
        paint(block.body, types.count - 1, into: \.typeAt)
    }

    /// The `{` that opens the body of a head starting after `start`, or nil when a `;` (or, in
    /// Kotlin, a line break outside brackets) ends the declaration first.
    func findBody(after start: Int) -> Int? {
        var cursor = start + 1
        while cursor < min(tokens.count, start + 512) {
            let token = text(cursor)
            if token == "{" { return tokens.partner[cursor] > cursor ? cursor : nil }
            if token == ";" || token == "}" || token == "=" && d.language != .cpp { return nil }
            if d.language == .kotlin, tokens.startsLine[cursor], ![":", ",", "where"].contains(token),
               ![":", ",", "where"].contains(text(cursor - 1)) { return nil }
            if token == "(" || token == "[", tokens.partner[cursor] > cursor { cursor = tokens.partner[cursor] + 1; continue }
            cursor += 1
        }
        return nil
    }

    /// Base names written in a type's head between `start` and `end`.
    func bases(from start: Int, to end: Int) -> [String] {
        var lists: [Range<Int>] = [], cursor = start, listStart = -1
        while cursor < end {
            let token = text(cursor)
            if [";", "{", "}"].contains(token) || (d.language == .kotlin && cursor > start && tokens.startsLine[cursor]
                && ![":", ","].contains(token) && ![":", ","].contains(text(cursor - 1))) { break }
            if (token == "(" || token == "<") && listStart < 0 {
                if token == "(", tokens.partner[cursor] > cursor { cursor = tokens.partner[cursor] + 1; continue }
                if let group = tokens.typeArguments(at: cursor) { cursor = group.close + 1; continue }
            }
            if d.baseWords.contains(token) || (d.colonBases || d.language == .rust) && token == ":" && listStart < 0 {
                if listStart >= 0 { lists.append(listStart..<cursor) }
                listStart = cursor + 1
            } else if token == "where", listStart >= 0 { lists.append(listStart..<cursor); listStart = -1; break }
            cursor += 1
        }
        if listStart >= 0 { lists.append(listStart..<min(cursor, tokens.count)) }
        let skipped: Set<String> = ["public", "private", "protected", "virtual", "internal", "dyn"]
        return lists.flatMap { list in
            tokens.split(list, at: ",").flatMap { d.language == .rust ? tokens.split($0, at: "+") : [$0] }.compactMap { part in
                guard let first = part.first(where: { tokens.isIdentifier($0) && !skipped.contains(text($0)) }) else { return nil }
                return tokens.chain(startingAt: first).names.last
            }
        }
    }

    /// C++ `template <typename T, class U>` just before a declaration's head.
    func templateParameters(before index: Int) -> [String] {
        guard d.language == .cpp else { return [] }
        var cursor = index - 1
        while cursor > 0, tokens.isIdentifier(cursor), text(cursor) != "template" { cursor -= 1 }
        guard text(cursor) == ">" else { return [] }
        var open = cursor - 1
        while open > 0, cursor - open < 64, !(text(open) == "<" && text(open - 1) == "template") { open -= 1 }
        guard text(open) == "<", let group = tokens.typeArguments(at: open) else { return [] }
        return group.parts.compactMap { part in
            let words = part.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            return words.count >= 2 ? String(words[1]) : nil
        }
    }

    /// Ruby: the `end` at the column of the line that opened the block at `index`.
    func rubyEnd(from index: Int) -> Int {
        var start = index
        while start > 0, !tokens.startsLine[start] { start -= 1 }
        let column = tokens.column(start)
        var cursor = index + 1
        while cursor < tokens.count {
            if text(cursor) == "end", tokens.startsLine[cursor], tokens.column(cursor) <= column { return cursor }
            cursor += 1
        }
        return tokens.count
    }

    /// A namespace or module: no type, but Rust's `#[cfg(test)] mod tests` is test code.
    mutating func markNamespace(_ block: TypeBlock, open: Int) {
        guard d.language == .rust, tokens.partner[open] > open else { return }
        let words = headWords(before: block.keyword)
        if block.name == "tests" || block.name == "test" || (words.contains("test") && words.contains("cfg")) {
            testRanges.append(open..<tokens.partner[open])
        }
    }

    /// Go: `type Name[T any] struct {` / `interface {`; aliases and other kinds are no types here.
    mutating func readGoType(_ index: Int) {
        guard tokens.isIdentifier(index + 1) else { return }
        var cursor = index + 2, generics: [String] = []
        if let group = tokens.typeArguments(at: cursor, square: true), text(group.close + 1) == "struct" || text(group.close + 1) == "interface" {
            generics = tokens.parameterNames(group.parts); declarationGroups.insert(cursor); cursor = group.close + 1
        }
        let kind = text(cursor)
        guard kind == "struct" || kind == "interface", text(cursor + 1) == "{", tokens.partner[cursor + 1] > cursor else { return }
        var block = TypeBlock(name: text(index + 1), line: tokens.line(index), keyword: index,
                              body: (cursor + 2)..<tokens.partner[cursor + 1], shape: kind == "interface" ? .structural : .plain,
                              modifiers: [])
        block.generics = generics
        add(block)
    }

    /// Rust: `impl<T> Trait<X> for Type<T> {` or `impl Type {`.
    mutating func readImpl(_ index: Int) {
        var cursor = index + 1
        if let group = tokens.typeArguments(at: cursor) { declarationGroups.insert(cursor); cursor = group.close + 1 }
        guard tokens.isIdentifier(cursor), let open = findBody(after: cursor - 1) else { return }
        let first = tokens.chain(startingAt: cursor)
        var scan = first.end + 1, forIndex = -1
        while scan < open, text(scan) != "where" {
            if text(scan) == "for" { forIndex = scan; break }
            if text(scan) == "<", let group = tokens.typeArguments(at: scan) { scan = group.close + 1; continue }
            scan += 1
        }
        var target = first.names.last ?? "", trait: String? = nil
        if forIndex > 0 {
            var start = forIndex + 1
            while start < open, !tokens.isIdentifier(start) || text(start) == "dyn" { start += 1 }
            guard start < open else { return }
            trait = target; target = tokens.chain(startingAt: start).names.last ?? ""
        }
        var block = TypeBlock(name: target, line: tokens.line(index), keyword: index, body: (open + 1)..<tokens.partner[open],
                              shape: .implementation, modifiers: [])
        block.target = target
        block.implementsTrait = trait != nil
        if let trait { block.bases = [trait] }
        add(block)
    }
}
