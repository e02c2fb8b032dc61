/// One token of a file as the token engine read it, with its byte range, for tools that edit code
/// token by token (mutation testing). Comments are never tokens; a string literal is one token.
public struct SourceToken: Sendable, Equatable {
    public var kind: TokenKind
    public var text: String
    /// Byte offsets in the file's UTF-8 bytes, end exclusive.
    public var start: Int, end: Int
    /// 1-based line of the token's first byte.
    public var line: Int
    /// True for the first token of a physical line.
    public var startsLine: Bool
}

extension TokenAnalyzer {
    /// The tokens of `text` in order, with their byte ranges and lines.
    public func sourceTokens(_ text: String) -> [SourceToken] {
        var text = text
        return text.withUTF8 { bytes in
            let stream = lexer.lex(bytes).tokens
            return (0..<stream.count).map { index in
                SourceToken(kind: stream.kinds[index], text: stream.text(index, in: bytes), start: Int(stream.starts[index]),
                            end: Int(stream.ends[index]), line: Int(stream.lines[index]), startsLine: stream.startsLine[index])
            }
        }
    }
}
