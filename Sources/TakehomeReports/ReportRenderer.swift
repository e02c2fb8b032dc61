import TakehomeCore

/// Turns one `Report` into the text of one output format. Renderers only present what the report
/// holds: they never recompute scores, and masking for candidates happens before they are called.
public protocol ReportRenderer: Sendable {
    /// The format this renderer writes.
    var format: ReportFormat { get }
    /// The whole report in this format, ending with a newline.
    func render(_ report: Report) -> String
}

/// The report formats `--format` accepts.
public enum ReportFormat: String, CaseIterable, Sendable {
    case terminal, md, json

    /// The renderer of a format; `colour` asks for ANSI colour (the CLI passes isatty) and only
    /// matters to the terminal.
    public static func renderer(for format: ReportFormat, colour: Bool) -> any ReportRenderer {
        switch format {
        case .terminal: TerminalRenderer(colour: colour)
        case .md: MarkdownRenderer()
        case .json: JSONRenderer()
        }
    }
}
