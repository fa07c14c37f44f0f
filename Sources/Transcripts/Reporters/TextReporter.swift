import Foundation

/// The human-readable report: a pass/fail line per transcript, and under each failure a diff in the
/// compiler's format that editors and CI logs link to the line:
///
/// ```
/// FAIL dialogues/orders/lookup.dialogue
/// dialogues/orders/lookup.dialogue:9: error: turn 2 "where is my order?": the reply does not match
///     expected: < *order number*
///     actual:   I can help with orders, recommendations and complaints.
/// ```
public struct TextReporter: Sendable {
    /// Colour the PASS/FAIL words (only on a terminal).
    public var colour: Bool
    /// The longest reply shown in a diff, in characters; the rest is summarised.
    public var replyLimit: Int

    public init(colour: Bool = false, replyLimit: Int = 600) {
        self.colour = colour
        self.replyLimit = replyLimit
    }

    /// The pass/fail line of one transcript, followed by the diff of each failure.
    public func render(_ result: TranscriptResult) -> String {
        guard !result.passed else {
            return paint("PASS", code: "32") + " \(result.file) (\(plural(result.turns, "turn")))"
        }
        var lines = [paint("FAIL", code: "31") + " \(result.file) (\(plural(result.failures.count, "failure")))"]
        for failure in result.failures {
            lines.append(diff(failure, file: result.file))
        }
        return lines.joined(separator: "\n")
    }

    /// `N passed, M failed (K transcripts, T s)`.
    public func summary(_ report: TestReport) -> String {
        let seconds = String(format: "%.2f", report.seconds)
        let failed = report.failed > 0 ? paint("\(report.failed) failed", code: "31") : "0 failed"
        return "\(report.passed) passed, \(failed) (\(plural(report.results.count, "transcript")), \(seconds) s)"
    }

    /// One failure as a compiler-style error line and the expected/actual pair under it.
    public func diff(_ failure: TranscriptFailure, file: String) -> String {
        Self.diff(failure, file: file, replyLimit: replyLimit)
    }

    /// The plain-text diff of one failure (also the body of a JUnit failure).
    public static func diff(_ failure: TranscriptFailure, file: String, replyLimit: Int = 600) -> String {
        var head = "\(file):\(failure.line): error: "
        if failure.turn > 0 {
            head += "turn \(failure.turn) \"\(VisibleText.excerpt(failure.turnText, limit: 60))\": "
        }
        head += failure.message
        var lines = [head,
                     "    expected: " + VisibleText.excerpt(failure.expected, limit: replyLimit),
                     "    actual:   " + VisibleText.excerpt(failure.actual, limit: replyLimit)]
        if failure.replies.count > 1, failure.expected.hasPrefix("<") {
            for (index, message) in failure.replies.enumerated() {
                let label = index == 0 ? "    messages: " : "              "
                lines.append(label + "\(index + 1). " + VisibleText.excerpt(Reply.collapsingWhitespace(message), limit: replyLimit))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func paint(_ text: String, code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
