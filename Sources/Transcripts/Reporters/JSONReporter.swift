import Foundation

/// `concierge test --json` (SPEC §1):
/// `{"passed": N, "failed": N, "transcripts": [{"file", "status", "failures": [{"line", "expected", "actual"}]}]}`.
public enum JSONReporter {
    struct Document: Encodable {
        var passed: Int
        var failed: Int
        var transcripts: [Transcript]
    }

    struct Transcript: Encodable {
        var file: String
        var status: String
        var failures: [Failure]
    }

    struct Failure: Encodable {
        var line: Int
        var expected: String
        var actual: String
    }

    /// The report as one JSON document (keys sorted, so the output is stable).
    public static func render(_ report: TestReport) -> String {
        let document = Document(
            passed: report.passed, failed: report.failed,
            transcripts: report.results.map { result in
                Transcript(file: result.file, status: result.passed ? "passed" : "failed",
                           failures: result.failures.map { Failure(line: $0.line, expected: $0.expected, actual: $0.actual) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
