import Foundation
import TakehomeCore
import ZIPFoundation

extension Materialiser {
    func extractZip(_ url: URL, size: Int64) throws -> FetchedSubmission {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw FetchError(.badInput, "`\(url.path)` is not a readable zip archive: \(error)")
        }
        var offered: [OfferedEntry<Entry>] = []
        var files = 0
        for entry in archive {
            let path = ArchiveLayout.split(Array(entry.path.utf8))
            switch entry.type {
            case .directory:
                offered.append(OfferedEntry(path: path, kind: .directory))
            case .symlink:
                files += 1
                guard files <= limits.maxFiles, entry.uncompressedSize < 4_096 else { continue }
                var target: [UInt8] = []
                _ = try? archive.extract(entry, skipCRC32: true) { target += $0 }
                offered.append(OfferedEntry(path: path, kind: .symlink(target: Array(target.prefix(4_096)))))
            case .file:
                files += 1
                guard files <= limits.maxFiles else { continue }
                let permissions = (entry.fileAttributes[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o644
                let size = Int64(clamping: entry.uncompressedSize)
                offered.append(OfferedEntry(path: path, kind: .file(size: size, executable: permissions & 0o100 != 0, content: entry)))
            }
        }
        if files > limits.maxFiles {
            throw FetchError(.overCap, "the archive has \(Wording.count(files)) files, over the assignment's cap of \(Wording.count(limits.maxFiles)) (fetch.max-files)")
        }
        let plan = TreePlan(ArchiveLayout.normalise(offered))
        try write(plan, noun: "archive") { entry, size, fd in
            var written: Int64 = 0
            do {
                _ = try archive.extract(entry) { chunk in
                    written += Int64(chunk.count)
                    guard written <= size else { throw FetchError(.badInput, "the zip entry `\(entry.path)` holds more bytes than it declares") }
                    try chunk.withUnsafeBytes { try writeAll(fd, $0) }
                }
            } catch let error as FetchError {
                throw error
            } catch let error as SystemCallError {
                throw error
            } catch {
                throw FetchError(.badInput, "the zip entry `\(entry.path)` could not be extracted: \(error)")
            }
        }
        return submission(plan, bytesReceived: size)
    }
}
