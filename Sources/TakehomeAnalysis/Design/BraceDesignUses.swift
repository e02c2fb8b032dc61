/// One pass over a brace-language file's tokens for what its code uses: calls with their
/// arguments, constructions, explicit generic type arguments, imports and identifier counts.
extension BraceScan {
    mutating func scanUses() {
        let typeNames = Set(types.map(\.name))
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            if tokens.kinds[index] == .directive { readInclude(index); continue }
            guard tokens.isIdentifier(index) else { continue }
            let name = tokens.texts[index]
            design.identifierCounts.add(name)
            if d.importWords.contains(name), index + 1 < tokens.count, tokens.isIdentifier(index + 1) || tokens.kinds[index + 1] == .string
                || ["(", "{", "*"].contains(text(index + 1)),
               functionAt[index] < 0 || d.language == .rust, statementStart(index) == index {
                readImport(index); continue
            }
            if d.importCalls.contains(name) {
                let argument = text(index + 1) == "(" ? index + 2 : index + 1
                if argument < tokens.count, tokens.kinds[argument] == .string { design.imports.append(unquoted(text(argument))) }
            }
            if d.keywords.contains(name) && name != "new" || Self.functionWords.contains(text(index - 1)) { continue }
            if name == "new" { index = readNew(index, typeNames: typeNames); continue }
            readCallOrUse(index, typeNames: typeNames)
        }
    }

    /// `name(`, `name<T>(`, `name::<T>(`, Go's `name[T](`; otherwise a generic use `Name<T>`.
    mutating func readCallOrUse(_ index: Int, typeNames: Set<String>) {
        let name = tokens.texts[index]
        var next = index + 1, arguments: [String]? = nil
        if text(next) == "::", text(next + 1) == "<" { next += 1 }
        if !declarationGroups.contains(next), text(next) == "<" || (d.language == .go && text(next) == "["),
           ![.javascript, .ruby, .c].contains(d.language),
           let group = tokens.typeArguments(at: next, square: text(next) == "[") {
            arguments = group.parts.isEmpty ? nil : compact(group.parts)
            if text(group.close + 1) != "(", let parts = arguments, !functionNameTokens.contains(index) {
                if d.language != .go || name.first?.isUppercase == true || text(group.close + 1) == "{" {
                    design.genericUses.append(GenericUse(name: name, arguments: parts, line: tokens.line(index)))
                }
                if d.constructions.contains(.compositeLiteral), text(group.close + 1) == "{" {
                    construct(name, at: index, start: index, typeArguments: parts)
                }
                return
            }
            next = group.close + 1
        }
        if text(next) == "(", !functionNameTokens.contains(index), tokens.partner[next] > next {
            var call = callSite(name, open: next)
            call.typeArguments = arguments
            if d.constructions.contains(.upperCall), name.first?.isUppercase == true, !tokens.isChained(index)
                || typeNames.contains(name) && d.language == .cpp {
                construct(name, at: index, start: index, typeArguments: arguments)
            }
            design.calls.append(call)
            return
        }
        readConstruction(index, name: name, typeNames: typeNames)
    }

    /// Go composite literals, Rust `X::new(`/`X { f: .. }`, Ruby `X.new`.
    mutating func readConstruction(_ index: Int, name: String, typeNames: Set<String>) {
        if d.constructions.contains(.dotNew), text(index + 1) == ".", text(index + 2) == "new" {
            construct(name, at: index, start: index, typeArguments: nil)
            let open = text(index + 3) == "(" ? index + 3 : -1
            design.calls.append(open >= 0 ? callSite(name, open: open) : CallSite(name: name, positional: 0, keywords: [], spreads: false))
            return
        }
        if d.constructions.contains(.pathNew), text(index + 1) == "::", ["new", "default"].contains(text(index + 2)),
           name.first?.isUppercase == true {
            construct(name, at: index, start: index, typeArguments: nil); return
        }
        let previous = text(index - 1)
        if d.constructions.contains(.pathNew), text(index + 1) == "{", name.first?.isUppercase == true, !tokens.isChained(index),
           !["struct", "enum", "impl", "for", "trait", "mod", "union", "->", "if", "match", "while", "in", "dyn"].contains(previous),
           text(index + 2) == "}" || text(index + 2) == ".." || (tokens.isIdentifier(index + 2) && [":", ",", "}"].contains(text(index + 3))) {
            construct(name, at: index, start: index, typeArguments: nil); return
        }
        if d.constructions.contains(.compositeLiteral), text(index + 1) == "{",
           ["&", "=", ":=", "return", "(", ",", ":", "{"].contains(previous) || tokens.isChained(index) {
            let qualifiedStart = tokens.isChained(index) ? index - 2 : index
            if ["&", "=", ":=", "return", "(", ",", ":", "{"].contains(text(qualifiedStart - 1)) {
                construct(name, at: index, start: text(qualifiedStart - 1) == "&" ? qualifiedStart - 1 : qualifiedStart, typeArguments: nil)
            }
        }
    }

    /// `new X(...)`, `new X<T>(...)`, `new a.b.X(...)`.
    /// Returns the last token it read.
    mutating func readNew(_ index: Int, typeNames: Set<String>) -> Int {
        guard d.constructions.contains(.newKeyword), tokens.isIdentifier(index + 1) else { return index }
        let (names, end) = tokens.chain(startingAt: index + 1)
        guard let name = names.last else { return index }
        for link in stride(from: index + 1, through: end, by: 2) { design.identifierCounts.add(tokens.texts[link]) }
        var next = end + 1, arguments: [String]? = nil
        if text(next) == "<", let group = tokens.typeArguments(at: next) { arguments = compact(group.parts); next = group.close + 1 }
        construct(name, at: end, start: index, typeArguments: arguments)
        if text(next) == "(", tokens.partner[next] > next {
            var call = callSite(name, open: next)
            call.typeArguments = arguments
            design.calls.append(call)
            if text(tokens.partner[next] + 1) == "{", tokens.partner[tokens.partner[next] + 1] > 0 {
                anonymousImplementation(bases: [name], at: index, open: tokens.partner[next] + 1)
            }
        }
        return end
    }

    mutating func construct(_ name: String, at index: Int, start: Int, typeArguments: [String]?) {
        let function = functionAt[index] >= 0 ? functions[Int(functionAt[index])].function : nil
        let enclosing = typeAt[index] >= 0 ? types[Int(typeAt[index])].name : function?.typeName
        var made = Instantiation(typeName: name, line: tokens.line(index), function: function?.name, enclosingType: enclosing,
                                 isReturned: function != nil && isReturned(start, in: Int(functionAt[index])))
        made.typeArguments = typeArguments
        design.instantiations.append(made)
    }

    /// The construction starting at `start` is returned: after `return`, a match or `when` arm, or
    /// (Rust, Ruby) as the function's last expression.
    func isReturned(_ start: Int, in function: Int) -> Bool {
        let first = statementStart(start)
        if ["return", "when", "then", "else", "yield"].contains(text(first)) { return true }
        if ["=>", "->", "then", "?", ":"].contains(text(start - 1)) { return true }
        guard d.implicitReturn, first == start else { return false }
        let record = functions[function].record
        let (range, _) = body(of: record)
        var cursor = start
        while cursor < range.upperBound {
            if text(cursor) == ";" { return false }
            if isRuby, cursor > start, tokens.startsLine[cursor] { return false }
            if tokens.partner[cursor] > cursor { cursor = tokens.partner[cursor] + 1; continue }
            cursor += 1
        }
        return true
    }

    func callSite(_ name: String, open: Int) -> CallSite {
        var positional = 0, keywords: [String] = [], spreads = false
        for part in tokens.arguments(open) {
            let first = text(part.lowerBound)
            if ["...", "*", "**"].contains(first) { spreads = true
            } else if let marker = d.namedArgument, part.count > 2, tokens.isIdentifier(part.lowerBound),
                      text(part.lowerBound + 1) == marker { keywords.append(first)
            } else { positional += 1 }
        }
        var call = CallSite(name: name, positional: positional, keywords: keywords, spreads: spreads)
        call.line = tokens.line(open)
        return call
    }

    /// `import a.b.C;`, `using X.Y;`, `use a::b::{c, d};`, `import x from "m"`, Go's `import ( "a" "b" )`.
    mutating func readImport(_ index: Int) {
        var cursor = index + 1, names: [String] = [], strings: [String] = []
        let line = tokens.line(index)
        while cursor < min(tokens.count, index + 256) {
            let token = text(cursor)
            if token == ";" || (lineStatements && tokens.startsLine[cursor] && tokens.line(cursor) != line && text(cursor - 1) != "(") {
                if !(d.language == .go && text(index + 1) == "(") { break }
            }
            if d.language == .go, text(index + 1) == "(", cursor > tokens.partner[index + 1] { break }
            if tokens.kinds[cursor] == .string { strings.append(unquoted(token)) }
            if tokens.isIdentifier(cursor), names.isEmpty || [".", "::"].contains(text(cursor - 1)), !["static", "type", "as"].contains(token) {
                names.append(token)
            }
            if token == "{" || token == "*" || token == "as" { if !names.isEmpty, strings.isEmpty, d.language != .javascript && d.language != .typescript { break } }
            cursor += 1
        }
        if !strings.isEmpty { design.imports += strings } else if !names.isEmpty { design.imports.append(names.joined(separator: ".")) }
    }

    /// `#include <a/b.h>` or `#include "c.h"`.
    mutating func readInclude(_ index: Int) {
        let line = text(index)
        guard line.contains("include") else { return }
        let trimmed = line.drop { $0 != "<" && $0 != "\"" }.dropFirst()
        let name = trimmed.prefix { $0 != ">" && $0 != "\"" }
        if !name.isEmpty { design.imports.append(String(name)) }
    }

    /// Type arguments as written without spaces (`List<Int>`).
    func compact(_ parts: [String]) -> [String] { parts.map { $0.filter { $0 != " " } } }

    func unquoted(_ literal: String) -> String {
        var text = Substring(literal)
        while let first = text.first, "\"'`".contains(first) { text = text.dropFirst() }
        while let last = text.last, "\"'`".contains(last) { text = text.dropLast() }
        return String(text)
    }
}
