import TakehomeCore
import TakehomeSandbox

extension Sandbox {
    /// How runs are isolated, for the report: the bwrap binary and the control groups in use.
    var isolationDescription: String { "bubblewrap (\(bwrapPath)); limits through \(controlGroups)" }
}
