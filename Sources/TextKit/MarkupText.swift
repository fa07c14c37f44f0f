/// Text made safe inside HTML and XML (the evaluation report, JUnit files): markup characters as
/// entities, and the characters XML 1.0 forbids shown as `\u{…}` rather than breaking the document.
public enum MarkupText {
    /// `attribute`: also encode newlines and tabs, which an attribute value would otherwise fold.
    public static func escaped(_ text: String, attribute: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"  // valid in XML and HTML alike, unlike &apos; in old HTML
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
