import Foundation

/// Shapes the brace design reader recognises in tokens: generic angle groups, call chains and
/// statement starts.
extension CodeTokens {
    /// Tokens allowed inside a type-argument list; anything else means `<` was a comparison.
    static let typeArgumentTokens: Set<String> = [",", ".", "::", "?", "*", "&", "[", "]", "(", ")", "->", "=>", ":", "+",
                                                  "...", "'", "|"]

    /// A `<...>` group of type arguments or parameters opening at `open` (or Go's `[...]` when
    /// `square`): the index of its closing token and its top-level parts, tokens joined by spaces.
    func typeArguments(at open: Int, square: Bool = false) -> (close: Int, parts: [String])? {
        guard open < count else { return nil }
        if square {
            guard text(open) == "[", partner[open] > open + 1 else { return nil }
            let close = partner[open]
            for index in open + 1..<close where !(isIdentifier(index) || kinds[index] == .number
                || Self.typeArgumentTokens.contains(texts[index])) { return nil }
            return (close, split(open + 1..<close, at: ",").map { texts[$0].joined(separator: " ") })
        }
        guard text(open) == "<" else { return nil }
        var depth = 0, index = open, parts: [String] = [], current = ""
        while index < min(count, open + 128) {
            let token = texts[index]
            switch token {
            case "<": depth += 1; if depth > 1 { current += " " + token }
            case ">", ">>", ">>>":
                depth -= token.count
                if depth <= 0 {
                    parts.append(current)
                    return (index, parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                }
                current += " " + token
            case "," where depth == 1: parts.append(current); current = ""
            default:
                if partner[index] > index, token == "(" || token == "[" {
                    current += " " + texts[index...partner[index]].joined(separator: " "); index = partner[index] + 1; continue
                }
                guard isIdentifier(index) || kinds[index] == .number || Self.typeArgumentTokens.contains(token) else { return nil }
                current += " " + token
            }
            index += 1
        }
        return nil
    }

    /// The first identifier of each part of a generic parameter list (`<T extends X, U>` gives T, U),
    /// or the last one after `typename`/`class` (C++ templates); lifetimes and `const` left out.
    func parameterNames(_ parts: [String]) -> [String] {
        parts.compactMap { part in
            var words = part.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "'") }).map(String.init)
            words.removeAll { ["in", "out", "const", "reified", "typename", "class"].contains($0) }
            guard let first = words.first, !first.hasPrefix("'") else { return nil }
            return first
        }
    }

    /// Identifiers joined by `.`, `::`, `?.` or `->` starting at `index`: their texts and the last index.
    func chain(startingAt index: Int) -> (names: [String], end: Int) {
        var names = [texts[index]], end = index
        while end + 2 < count, [".", "::", "?.", "->", "&."].contains(texts[end + 1]), isIdentifier(end + 2) {
            names.append(texts[end + 2]); end += 2
        }
        return (names, end)
    }

    /// Whether `index` follows a chain link (`a.b`, `a::b`): it is not the start of a chain.
    func isChained(_ index: Int) -> Bool { [".", "::", "?.", "->", "&."].contains(text(index - 1)) && isIdentifier(index - 2) }
}
