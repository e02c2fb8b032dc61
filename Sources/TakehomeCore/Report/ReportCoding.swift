import Foundation

/// Reads and writes reports as JSON: sorted keys and ISO 8601 dates, so that the same report is the
/// same bytes (`ReportJSONEncoder`). Decoding reads the header first and refuses an unknown major version.
public enum ReportCoding {
    public static func encode(_ report: Report) throws -> Data { try encode(value: report) }

    /// A report's `metrics` object alone, encoded exactly as inside a report (`takehome metrics`).
    public static func encode(metrics: Report.Metrics) throws -> Data { try encode(value: metrics) }

    /// The same bytes, with the parts in `prewritten` (each a type `metrics` holds one value of,
    /// such as its `ComplexityMetrics`) taken from the JSON already written for them.
    public static func encode(metrics: Report.Metrics, prewritten: [PrewrittenJSON]) throws -> Data {
        try ReportJSONEncoder.encode(metrics, suffix: "\n", prewritten: prewritten)
    }

    /// Any part of a report as a report.json holds it: pretty-printed, sorted keys, ISO 8601 dates,
    /// slashes unescaped (the bytes `JSONEncoder` writes with those options), and a final newline.
    static func encode(value: some Encodable) throws -> Data { try ReportJSONEncoder.encode(value, suffix: "\n") }

    public static func decode(_ data: Data, file: String = "report.json") throws -> Report {
        struct Header: Decodable { var schemaVersion: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw TakehomeError(.dataError, "\(file): not a takehome report (no schemaVersion)")
        }
        guard header.schemaVersion == Report.currentSchemaVersion else {
            throw TakehomeError(.dataError, "\(file): schemaVersion \(header.schemaVersion) is not supported by this takehome (it reads \(Report.currentSchemaVersion))")
        }
        do {
            return try decoder.decode(Report.self, from: data)
        } catch {
            throw TakehomeError(.dataError, "\(file): does not match the report schema: \(error)")
        }
    }
}
