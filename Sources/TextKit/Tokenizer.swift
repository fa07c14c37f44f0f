import Foundation

/// Splits text the way customers type it into folded tokens.
///
/// - Case, accents and full-width forms are folded (`Ｃrème` reads `creme`).
/// - Contractions are expanded (`where's` → `where is`, `don't` and `dont` → `do not`).
/// - Numbers (`10023`, `1,299.99`), emails and emoji (with skin tones and joiners) stay whole.
/// - Every other visible symbol is a punctuation token of its own; control characters separate tokens.
///
/// The tokenizer is a pure value: the same text always gives the same tokens.
public struct Tokenizer: Sendable {
    public init() {}

    /// The tokens of `text`, in order.
    public func tokenize(_ text: String) -> [Token] {
        // An escape sequence is terminal control, not words: `\e[31mred` must not read as `31mred`.
        if text.utf8.contains(0x1B) || text.unicodeScalars.contains(where: { $0 == "\u{9B}" || $0 == "\u{9D}" }) {
            return tokenize(TerminalText.sanitized(text))
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(16)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isSeparator(scalar) {
                index = scalars.index(after: index)
                continue
            }
            // A chunk is the run up to the next separator: emails are recognised on whole chunks.
            var chunkEnd = index
            while chunkEnd < scalars.endIndex, !Self.isSeparator(scalars[chunkEnd]) {
                chunkEnd = scalars.index(after: chunkEnd)
            }
            scanChunk(text[index..<chunkEnd], into: &tokens)
            index = chunkEnd
        }
        return tokens
    }

    /// The classifier features of `text`: each token's `feature`, in order.
    public func features(_ text: String) -> [String] {
        tokenize(text).map(\.feature)
    }

    // MARK: - Chunks

    private func scanChunk(_ chunk: Substring, into tokens: inout [Token]) {
        if chunk.utf8.contains(UInt8(ascii: "@")), let (before, email, after) = Self.splitEmail(chunk) {
            if !before.isEmpty { scanRuns(before, into: &tokens) }
            tokens.append(Token(Self.fold(email), .email, original: email))
            if !after.isEmpty { scanRuns(after, into: &tokens) }
            return
        }
        scanRuns(chunk, into: &tokens)
    }

    private func scanRuns(_ chunk: Substring, into tokens: inout [Token]) {
        let scalars = chunk.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isLetter(scalar) {
                var end = scalars.index(after: index)
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if Self.isLetter(next) {
                        end = scalars.index(after: end)
                    } else if Self.isApostrophe(next), case let after = scalars.index(after: end),
                              after < scalars.endIndex, Self.isLetter(scalars[after]) {
                        end = after
                    } else {
                        break
                    }
                }
                appendWord(chunk[index..<end], into: &tokens)
                index = end
            } else if Self.isDigit(scalar) {
                var end = scalars.index(after: index)
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if Self.isDigit(next) {
                        end = scalars.index(after: end)
                    } else if next == "," || next == ".", case let after = scalars.index(after: end),
                              after < scalars.endIndex, Self.isDigit(scalars[after]) {
                        end = after
                    } else {
                        break
                    }
                }
                let original = chunk[index..<end]
                tokens.append(Token(Self.fold(original), .number, original: original))
                index = end
            } else if let end = Self.emojiEnd(scalars, from: index) {
                let original = chunk[index..<end]
                tokens.append(Token(String(original), .emoji, original: original))
                index = end
            } else {
                let end = scalars.index(after: index)
                if !Self.isInvisible(scalar) {
                    let original = chunk[index..<end]
                    tokens.append(Token(Self.fold(original), .punctuation, original: original))
                }
                index = end
            }
        }
    }

    private func appendWord(_ original: Substring, into tokens: inout [Token]) {
        let folded = Self.fold(original)
        if let expansion = Contractions.expand(folded) {
            for word in expansion {
                tokens.append(Token(word, .word, original: original))
            }
        } else {
            tokens.append(Token(folded, .word, original: original))
        }
    }

    // MARK: - Folding

    /// Lower case, without accents, half-width: the form every comparison in Concierge uses.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(decoding: text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let folded = String(text).folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        // Typographic apostrophes read as the ASCII one, so `don’t` is `don't`.
        return folded.replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
            .replacingOccurrences(of: "\u{02BC}", with: "'")
    }

    // MARK: - Character classes

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value <= 0x20 || scalar.value == 0x7F
        }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }

    /// Letters and combining marks, as words are made of them (ASCII answered without a table lookup);
    /// the sentiment scanner reads words by the same rule.
    @inlinable
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark:
            return scalar.value != 0x02BC  // the modifier-letter apostrophe is an apostrophe here
        default:
            return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value >= 0x30 && scalar.value <= 0x39
        }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// The apostrophes customers type inside words ("don't", "don’t", "donʼt").
    @inlinable
    public static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}"
    }

    /// Format characters (zero-width space, joiners, bidi marks) that carry no meaning on their own.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.properties.generalCategory == .format
    }

    /// Where the emoji starting at `index` ends, or nil if no emoji starts there.
    static func emojiEnd(_ scalars: Substring.UnicodeScalarView, from index: Substring.UnicodeScalarView.Index)
        -> Substring.UnicodeScalarView.Index?
    {
        let first = scalars[index]
        guard first.value >= 0xA9 else { return nil }
        var end = scalars.index(after: index)
        let startsEmoji: Bool
        if first.properties.isEmojiPresentation {
            startsEmoji = true
        } else if first.properties.isEmoji, end < scalars.endIndex, scalars[end] == "\u{FE0F}" {
            startsEmoji = true
        } else {
            startsEmoji = false
        }
        guard startsEmoji else { return nil }
        let isRegional = (0x1F1E6...0x1F1FF).contains(first.value)
        if isRegional, end < scalars.endIndex, (0x1F1E6...0x1F1FF).contains(scalars[end].value) {
            return scalars.index(after: end)
        }
        while end < scalars.endIndex {
            let next = scalars[end]
            if next == "\u{FE0F}" || next == "\u{20E3}" || next.properties.isEmojiModifier
                || (0xE0020...0xE007F).contains(next.value)
            {
                end = scalars.index(after: end)
            } else if next == "\u{200D}", case let after = scalars.index(after: end), after < scalars.endIndex,
                      scalars[after].properties.isEmoji
            {
                end = scalars.index(after: after)
            } else {
                break
            }
        }
        return end
    }

    /// Splits `chunk` into the text before an email, the email, and the text after it.
    static func splitEmail(_ chunk: Substring) -> (Substring, Substring, Substring)? {
        // Strip the punctuation a sentence wraps around an address: "(alice@example.com)," or "<bob@x.org>".
        let wrappers: Set<Character> = ["(", ")", "<", ">", "[", "]", "\"", "'", ",", ".", ";", ":", "!", "?"]
        var start = chunk.startIndex
        var end = chunk.endIndex
        while start < end, wrappers.contains(chunk[start]) { start = chunk.index(after: start) }
        while end > start, wrappers.contains(chunk[chunk.index(before: end)]) { end = chunk.index(before: end) }
        let candidate = chunk[start..<end]
        guard EmailAddress.isValid(candidate) else { return nil }
        return (chunk[chunk.startIndex..<start], candidate, chunk[end..<chunk.endIndex])
    }
}
