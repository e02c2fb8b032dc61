/// The readers of string and character literals, interpolations and raw strings.
extension Lexer {
    /// The string form opening at `position`, if any: the longest whose opening text is spelled there.
    func stringForm(at position: Int, _ s: LexState) -> Int? {
        let byte = s.bytes[position]
        if position + 1 < s.bytes.count {
            let next = Int(s.bytes[position + 1])
            if stringSecondBytes[Int(byte) * 4 + next >> 6] & (1 << UInt64(next & 63)) == 0 { return nil }
        }
        let span = stringCandidateSpans[Int(byte)]
        for slot in span.offset..<(span.offset + span.count) where s.matches(forms[stringCandidates[slot]].open, of: formTexts, at: position) {
            // A prefix such as `r` or `f` must not be the tail of a longer identifier.
            if startsName(position, s), position > 0, continuesName(position - 1, s) { continue }
            return stringCandidates[slot]
        }
        return nil
    }

    /// Reads a literal from its opening text; returns an interpolation to resume after `}` if one opened.
    func string(_ formIndex: Int, openAt start: Int, _ s: inout LexState) -> Interpolation? {
        let form = forms[formIndex]
        let startLine = s.line
        s.index = start + form.open.count
        switch form.raw {
        case .rustHashes?: rustRaw(start: start, startLine: startLine, &s); return nil
        case .cppDelimiter?: cppRaw(start: start, startLine: startLine, &s); return nil
        case nil: return stringBody(formIndex, from: start, startLine: startLine, &s)
        }
    }

    /// Reads a literal's body up to its closing text, an interpolation's opener or (on one line) the
    /// newline. Bytes that none of these can start are skipped in a tight loop.
    func stringBody(_ formIndex: Int, from start: Int, startLine: Int, _ s: inout LexState) -> Interpolation? {
        let form = forms[formIndex], bytes = s.bytes
        // The form's block of 256 stop flags; `formStops` holds 256 per form, so any byte indexes it.
        let stops = s.stops! + form.stops
        while s.index < bytes.count {
            var cursor = s.index
            while cursor < bytes.count, !stops[Int(bytes[cursor])] { cursor += 1 }
            s.index = cursor
            if cursor == bytes.count { break }
            let byte = bytes[cursor]
            if form.escapes, byte == 92 {
                if cursor + 1 < bytes.count, bytes[cursor + 1] == 10 { s.newline(at: cursor + 1) }
                s.index += 2; continue
            }
            if s.matches(form.close, of: formTexts, at: cursor) {
                if form.doubledQuote, s.matches(form.close, of: formTexts, at: cursor + form.close.count) {
                    s.index += 2 * form.close.count; continue
                }
                s.index += form.close.count
                s.emit(.string, start, s.index, line: startLine)
                return nil
            }
            if let interpolation = form.interpolation, let openLength = opensInterpolation(interpolation, s) {
                if openLength == 0 { s.index += 2; continue }          // `{{` is a literal brace
                s.emit(.string, start, s.index, line: startLine)
                s.index += openLength
                return Interpolation(form: formIndex, depth: 0)
            }
            if byte == 10 {
                if !form.multiline {
                    s.note("string", "unterminated string on line \(startLine)")
                    s.emit(.string, start, s.index, line: startLine)
                    return nil
                }
                s.newline(at: s.index)
            }
            s.index += 1
        }
        s.note("string", "unterminated string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
        return nil
    }

    /// The length of the interpolation opener at the cursor, 0 for an escaped `{{`, nil for none.
    func opensInterpolation(_ kind: StringForm.Interpolation, _ s: LexState) -> Int? {
        let bytes = s.bytes, at = s.index
        let next: UInt8 = at + 1 < bytes.count ? bytes[at + 1] : 0
        switch kind {
        case .braces: return bytes[at] == 123 ? (next == 123 ? 0 : 1) : nil
        case .dollarBraces: return bytes[at] == 36 && next == 123 ? 2 : nil
        case .hashBraces: return bytes[at] == 35 && next == 123 ? 2 : nil
        }
    }

    func rustRaw(start: Int, startLine: Int, _ s: inout LexState) {
        var hashes = 0
        while s.index < s.bytes.count, s.bytes[s.index] == 35 { hashes += 1; s.index += 1 }
        if s.index < s.bytes.count, s.bytes[s.index] == 34 { s.index += 1 }
        while s.index < s.bytes.count {
            if s.bytes[s.index] == 34 {
                var closing = 0
                while closing < hashes, s.index + 1 + closing < s.bytes.count, s.bytes[s.index + 1 + closing] == 35 { closing += 1 }
                if closing == hashes { s.index += 1 + hashes; s.emit(.string, start, s.index, line: startLine); return }
            }
            if s.bytes[s.index] == 10 { s.newline(at: s.index) }
            s.index += 1
        }
        s.note("string", "unterminated raw string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
    }

    func cppRaw(start: Int, startLine: Int, _ s: inout LexState) {
        var delimiter: [UInt8] = [41]     // ")delim\""
        while s.index < s.bytes.count, s.bytes[s.index] != 40, s.bytes[s.index] != 10, delimiter.count < 18 {
            delimiter.append(s.bytes[s.index]); s.index += 1
        }
        delimiter.append(34)
        while s.index < s.bytes.count {
            if s.matches(delimiter, at: s.index) {
                s.index += delimiter.count; s.emit(.string, start, s.index, line: startLine); return
            }
            if s.bytes[s.index] == 10 { s.newline(at: s.index) }
            s.index += 1
        }
        s.note("string", "unterminated raw string from line \(startLine) runs to the end of the file")
        s.emit(.string, start, s.index, line: startLine)
    }
}
