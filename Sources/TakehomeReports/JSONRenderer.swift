import Foundation
import TakehomeCore

/// The report as JSON (`schemaVersion: 1`, docs/report.schema.json): exactly `ReportCoding.encode`.
public struct JSONRenderer: ReportRenderer {
    public var format: ReportFormat { .json }

    public init() {}

    /// The encoded report. A report JSON cannot represent (a NaN or infinite number) becomes a
    /// one-key `error` document rather than a crash.
    public func render(_ report: Report) -> String {
        do {
            return String(decoding: try ReportCoding.encode(report), as: UTF8.self)
        } catch {
            let document = ["error": "the report could not be encoded as JSON: \(error)"]
            let data = (try? JSONEncoder().encode(document)) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }
}
