/// Customer text made safe to print on a terminal.
///
/// ANSI/VT escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-byte `ESC x`) are removed
/// whole; every other control character (C0, DEL, C1) is dropped, except that tabs and newlines become
/// spaces. What remains can be echoed without moving the cursor, changing colours or the window title.
public enum TerminalText {
    public static func sanitized(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            if value == 0x1B || value == 0x9B || value == 0x9D {
                index = endOfEscape(scalars, from: index)
                continue
            }
            if value == 0x09 || value == 0x0A || value == 0x0D {
                output.append(" ")
            } else if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                // dropped
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return String(output)
    }

    /// True when `text` holds anything `sanitized` would remove or change.
    public static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }

    /// The index just past the escape sequence that starts at `start`.
    private static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        let introducer = scalars[index].value
        index += 1
        var kind: UInt32 = introducer == 0x9B ? 0x5B : (introducer == 0x9D ? 0x5D : 0)
        if kind == 0 {
            guard index < scalars.count else { return index }
            kind = scalars[index].value
            index += 1
            guard kind == 0x5B || kind == 0x5D || kind == 0x50 || kind == 0x5F || kind == 0x5E else {
                return index  // ESC plus one character (ESC c, ESC 7, ...)
            }
        }
        if kind == 0x5B {  // CSI: parameters and intermediates, then one final byte 0x40...0x7E
            while index < scalars.count {
                let value = scalars[index].value
                index += 1
                if (0x40...0x7E).contains(value) { break }
                if value < 0x20 || value > 0x7E { break }
            }
            return index
        }
        // OSC, DCS, PM, APC: up to BEL or ST (ESC \).
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x07 || value == 0x9C { return index + 1 }
            if value == 0x1B {
                return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index + 1
            }
            index += 1
        }
        return index
    }
}
