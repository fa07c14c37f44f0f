import Foundation

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

    /// Text for an XML attribute or element: markup escaped, characters XML 1.0 forbids made visible.
    public static func escape(_ text: String, attribute: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n": output += attribute ? "&#10;" : "\n"
            case "\t": output += attribute ? "&#9;" : "\t"
            case "\r": output += "&#13;"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value)
                    && value != 0xFFFE && value != 0xFFFF
                if allowed {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return output
    }
}
