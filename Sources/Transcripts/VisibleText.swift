/// Text made safe and visible for a diagnostic: control characters and escape sequences are shown
/// as `\u{1B}`-style escapes instead of acting on the terminal (SPEC §7), so a QA engineer sees
/// exactly what a turn sent.
public enum VisibleText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            default:
                if isControl(scalar) {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `escaped`, cut to `limit` characters with the number left out said at the end.
    public static func excerpt(_ text: String, limit: Int) -> String {
        let visible = escaped(text)
        guard visible.count > limit else { return visible }
        return String(visible.prefix(limit)) + "... (\(visible.count) characters)"
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
    }
}
