/// Word wrapping for fixed-width output: the terminal report stays inside its columns however long
/// a message or path is.
enum TextWrapping {
    /// Splits `text` into lines of at most `width` characters, breaking at spaces and cutting
    /// words longer than a line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !line.isEmpty { lines.append(line); line = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` wrapped to `width` columns, the first line after `first` and the rest after as many
    /// spaces as `first` is wide (`first` may carry colour codes, so its visible width is given).
    static func hanging(_ text: String, first: String, firstWidth: Int, width: Int) -> [String] {
        let lines = wrap(text, width: width - firstWidth)
        let indent = String(repeating: " ", count: firstWidth)
        return lines.enumerated().map { index, line in (index == 0 ? first : indent) + line }
    }

    /// `text` padded with spaces to `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
