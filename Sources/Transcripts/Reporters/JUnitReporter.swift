import Foundation
import TextKit

/// `concierge test --junit FILE`: JUnit XML as CI systems read it. One `<testcase>` per transcript;
/// a failed transcript has one `<failure>` whose message is its first error and whose body is the
/// diff of every failure. Everything is XML-escaped, and characters XML 1.0 cannot hold (the control
/// characters a transcript may send) are shown as `\u{1B}`-style escapes.
public enum JUnitReporter {
    public static func render(_ report: TestReport, suiteName: String = "concierge transcripts") -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let time = seconds(report.seconds)
        let counts = "tests=\"\(report.results.count)\" failures=\"\(report.failed)\" errors=\"0\" skipped=\"0\" time=\"\(time)\""
        xml += "<testsuites name=\"\(escape(suiteName))\" \(counts)>\n"
        xml += "  <testsuite name=\"\(escape(suiteName))\" \(counts)>\n"
        for result in report.results {
            let attributes = "classname=\"\(escape(className(result.file)))\" name=\"\(escape(result.file))\" "
                + "file=\"\(escape(result.file))\" time=\"\(seconds(result.seconds))\""
            guard let first = result.failures.first else {
                xml += "    <testcase \(attributes)/>\n"
                continue
            }
            let message = "\(result.file):\(first.line): " + (first.turn > 0 ? "turn \(first.turn): " : "") + first.message
            let body = result.failures.map { TextReporter.diff($0, file: result.file) }.joined(separator: "\n")
            xml += "    <testcase \(attributes)>\n"
            xml += "      <failure message=\"\(escape(message))\" type=\"TranscriptFailure\">\(escape(body, attribute: false))</failure>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// `dialogues/orders/lookup.dialogue` -> `dialogues.orders.lookup`, as JUnit viewers group by class.
    static func className(_ file: String) -> String {
        var name = file
        if name.hasSuffix(".dialogue") { name.removeLast(".dialogue".count) }
        while name.hasPrefix("./") { name.removeFirst(2) }
        return name.replacingOccurrences(of: "/", with: ".")
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    /// Text for an XML attribute or element (see `MarkupText`).
    static func escape(_ text: String, attribute: Bool = true) -> String {
        MarkupText.escaped(text, attribute: attribute)
    }
}
