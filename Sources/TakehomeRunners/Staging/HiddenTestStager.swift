import TakehomeCore
import Foundation

/// Places an assignment's tests into a run directory, last, so that no candidate file, folder or
/// symlink at that path wins: every component of the destination is made a real folder, whatever
/// stood there is removed, then the tests are copied in.
public enum HiddenTestStager {
    /// Copies `suite` (a folder of the assignment) to `runDirectory/solutionRoot/into`; returns a
    /// finding for each candidate entry that had to be replaced.
    @discardableResult
    public static func place(suite: URL, into: String, solutionRoot: String, runDirectory: URL) throws -> [Finding] {
        var findings: [Finding] = []
        let components = Assignment.pathInSubmission(root: solutionRoot, into).split(separator: "/").map(String.init)
        var current = runDirectory
        var relative = ""
        for (index, component) in components.enumerated() {
            current.appendPathComponent(component)
            relative = relative.isEmpty ? component : "\(relative)/\(component)"
            let isLast = index == components.count - 1
            let type = (try? FileManager.default.attributesOfItem(atPath: current.path))?[.type] as? FileAttributeType
            if type != nil, type != .typeDirectory || isLast {
                if isLast && type == .typeDirectory {
                    findings.append(Finding(rule: "tests.replaced", severity: .info,
                                            message: "The submission's own \(relative)/ was replaced by the assignment's tests.",
                                            file: relative))
                } else {
                    findings.append(Finding(rule: "tests.tampering-attempt", severity: .error,
                                            message: "A \(type == .typeSymbolicLink ? "symlink" : "file") stood where the assignment's tests go; it was removed.",
                                            file: relative))
                }
                try FileManager.default.removeItem(at: current)
            }
            if isLast { break }
            if type == nil || type != .typeDirectory {
                try FileManager.default.createDirectory(at: current, withIntermediateDirectories: false)
            }
        }
        try FileManager.default.copyItem(at: suite, to: current)
        return findings
    }
}
