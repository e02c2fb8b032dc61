import TakehomeCore

/// Numbers and names as they appear in the sentences the fetcher writes.
enum Wording {
    /// `25013` as `25 013`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: " ")
    }

    static func size(_ bytes: Int64) -> String { ByteSize(bytes: bytes).description }

    /// A path for a message or a finding; bytes that are not UTF-8 show as U+FFFD.
    static func path(_ components: [NameBytes]) -> String {
        components.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }
}
