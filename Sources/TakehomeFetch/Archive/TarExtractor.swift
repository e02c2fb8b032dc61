import Foundation
import TakehomeCore

/// Reads the entries of a tar stream (ustar, GNU long names, pax paths and sizes).
struct TarReader {
    let stream: GzipStream

    /// The offered entries; a file's content is the stream position of its data.
    func offeredEntries(maxFiles: Int, files: inout Int) throws -> [OfferedEntry<Int64>] {
        var offered: [OfferedEntry<Int64>] = []
        var longName: NameBytes?
        var longLink: NameBytes?
        var paxSize: Int64?
        while true {
            let header = try stream.read(512)
            guard header.count == 512 else {
                if header.isEmpty { break }
                throw FetchError(.badInput, "the archive ends in the middle of a tar header")
            }
            if header.allSatisfy({ $0 == 0 }) { break }
            var size = try number(header[124..<136])
            if let override = paxSize { size = override }
            let type = header[156]
            let dataStart = stream.position
            let padded = (size + 511) / 512 * 512
            if type == UInt8(ascii: "L") || type == UInt8(ascii: "K") || type == UInt8(ascii: "x") {
                guard size <= 1 << 20 else { throw FetchError(.badInput, "the archive has a tar header over 1 MiB") }
                let data = try stream.read(Int(size))
                try stream.skip(padded - size)
                if type == UInt8(ascii: "L") { longName = cString(data[...]) }
                if type == UInt8(ascii: "K") { longLink = cString(data[...]) }
                if type == UInt8(ascii: "x") { applyPax(data, name: &longName, link: &longLink, size: &paxSize) }
                continue
            }
            var name = longName ?? cString(header[0..<100])
            if longName == nil, header[257..<262].elementsEqual("ustar".utf8), header[345] != 0 {
                name = cString(header[345..<500]) + [0x2F] + name
            }
            let link = longLink ?? cString(header[157..<257])
            (longName, longLink, paxSize) = (nil, nil, nil)
            let path = ArchiveLayout.split(name)
            let mode = (try? number(header[100..<108])) ?? 0o644
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                files += 1
                if files <= maxFiles {
                    offered.append(OfferedEntry(path: path, kind: .file(size: size, executable: mode & 0o100 != 0, content: dataStart)))
                }
            case UInt8(ascii: "5"):
                offered.append(OfferedEntry(path: path, kind: .directory))
            case UInt8(ascii: "2"):
                files += 1
                if files <= maxFiles { offered.append(OfferedEntry(path: path, kind: .symlink(target: link))) }
            case UInt8(ascii: "1"):
                offered.append(OfferedEntry(path: path, kind: .unsupported("a hard link (to `\(String(decoding: link, as: UTF8.self))`)")))
            case UInt8(ascii: "3"), UInt8(ascii: "4"):
                offered.append(OfferedEntry(path: path, kind: .unsupported("a device")))
            case UInt8(ascii: "6"):
                offered.append(OfferedEntry(path: path, kind: .unsupported("a FIFO")))
            case UInt8(ascii: "g"):
                break
            default:
                offered.append(OfferedEntry(path: path, kind: .unsupported("a tar entry of type `\(String(decoding: [type], as: UTF8.self))`")))
            }
            try stream.skip(padded)
        }
        return offered
    }

    private func cString(_ bytes: ArraySlice<UInt8>) -> NameBytes {
        Array(bytes.prefix(while: { $0 != 0 }))
    }

    /// An octal field, or a base-256 one (high bit set) for large sizes.
    private func number(_ field: ArraySlice<UInt8>) throws -> Int64 {
        if let first = field.first, first & 0x80 != 0 {
            var value: Int64 = 0
            for byte in field.dropFirst() {
                guard value < Int64.max >> 8 else { throw FetchError(.badInput, "the archive has a size field out of range") }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        let text = String(decoding: field.prefix(while: { $0 != 0 && $0 != 0x20 }).drop(while: { $0 == 0x20 }), as: UTF8.self)
        if text.isEmpty { return 0 }
        guard let value = Int64(text, radix: 8), value >= 0 else {
            throw FetchError(.badInput, "the archive has a tar header with a bad number field")
        }
        return value
    }

    private func applyPax(_ data: [UInt8], name: inout NameBytes?, link: inout NameBytes?, size: inout Int64?) {
        var rest = data[...]
        while let space = rest.firstIndex(of: 0x20),
              let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
              length > 0, rest.startIndex + length <= rest.endIndex {
            let record = rest[(space + 1)..<(rest.startIndex + length - 1)]
            rest = rest[(rest.startIndex + length)...]
            guard let equals = record.firstIndex(of: 0x3D) else { continue }
            let key = String(decoding: record[..<equals], as: UTF8.self)
            let value = Array(record[(equals + 1)...])
            switch key {
            case "path": name = value
            case "linkpath": link = value
            case "size": size = Int64(String(decoding: value, as: UTF8.self))
            default: break
            }
        }
    }
}

extension Materialiser {
    func extractTarGz(_ url: URL, size: Int64) throws -> FetchedSubmission {
        let budget = limits.maxTreeSize.bytes + Int64(limits.maxFiles + 1_000) * 1_536 + (4 << 20)
        var files = 0
        let offered = try TarReader(stream: GzipStream(path: url.path, maxPosition: budget))
            .offeredEntries(maxFiles: limits.maxFiles, files: &files)
        if files > limits.maxFiles {
            throw FetchError(.overCap, "the archive has \(Wording.count(files)) files, over the assignment's cap of \(Wording.count(limits.maxFiles)) (fetch.max-files)")
        }
        let plan = TreePlan(ArchiveLayout.normalise(offered))
        var stream = try GzipStream(path: url.path, maxPosition: budget)
        try write(plan, noun: "archive") { offset, size, fd in
            if offset < stream.position { stream = try GzipStream(path: url.path, maxPosition: budget) }
            try stream.skip(offset - stream.position)
            var left = size
            while left > 0 {
                let chunk = try stream.read(Int(min(left, 1 << 16)))
                guard !chunk.isEmpty else { throw FetchError(.badInput, "the archive ends in the middle of an entry") }
                try chunk.withUnsafeBytes { try writeAll(fd, $0) }
                left -= Int64(chunk.count)
            }
        }
        return submission(plan, bytesReceived: size)
    }
}
