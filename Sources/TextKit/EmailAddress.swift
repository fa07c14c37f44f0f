/// The shape of an email address as customers type one: `local@domain.tld`.
///
/// Deliberately simpler than RFC 5322: printable local part, dotted domain with letters, digits and
/// hyphens, a top-level domain of two or more letters.
public enum EmailAddress {
    public static func isValid<S: StringProtocol>(_ text: S) -> Bool {
        let utf8 = Array(text.utf8)
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at > 0, at < utf8.count - 1,
              utf8.lastIndex(of: UInt8(ascii: "@")) == at, utf8.count <= 254
        else { return false }
        let local = utf8[..<at]
        let domain = utf8[(at + 1)...]
        let localAllowed: (UInt8) -> Bool = { byte in
            isAlphanumeric(byte) || "._%+-'".utf8.contains(byte)
        }
        guard local.allSatisfy(localAllowed), local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".")
        else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2,
              labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") } }),
              let tld = labels.last, tld.count >= 2, tld.allSatisfy(isLetter)
        else { return false }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
