import TextKit

/// One thing in a text that can carry sentiment: a word, an emoticon or an emoji.
struct SentimentItem {
    enum Kind { case word, emoticon, emoji }

    /// The folded word (clitics dropped), or the emoticon's canonical form, or the emoji.
    var key: String
    var kind: Kind
    /// Typed in capitals ("TERRIBLE").
    var isCaps: Bool
    /// Has a letter three or more times in a row ("sooo").
    var isElongated: Bool
    /// Clause and sentence numbers: negation and intensifiers stay in a clause, contrast in a sentence.
    var clause: Int
    var sentence: Int
}

/// A text read for sentiment: its items, and its "!" and "?" counts.
struct ScannedText {
    var items: [SentimentItem] = []
    var exclamations = 0
    var questions = 0
}

/// Reads the original text, not TextKit's folded tokens: sentiment needs the capitals, the runs of
/// "!" and "?", the emoticons that the tokenizer splits into punctuation, and clause boundaries.
///
/// Chunks are the runs between white space. A chunk that is an emoticon (perhaps followed by
/// sentence punctuation, ";-)." ) is one item; otherwise letters make words (with internal
/// apostrophes), `!` `?` `.` `;` end a sentence, `,` `:` `(` `)` `"` `/` and dashes end a clause,
/// emoji are items, and everything else (digits, symbols) is skipped.
struct SentimentScanner {
    func scan(_ text: String) -> ScannedText {
        var result = ScannedText()
        var clause = 0
        var sentence = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        let end = scalars.endIndex
        while index < end {
            if Self.isSpace(scalars[index]) {
                index = scalars.index(after: index)
                continue
            }
            var chunkEnd = scalars.index(after: index)
            while chunkEnd < end, !Self.isSpace(scalars[chunkEnd]) { chunkEnd = scalars.index(after: chunkEnd) }

            // An emoticon is a whole chunk, perhaps followed by sentence punctuation.
            var bareEnd = chunkEnd
            while bareEnd > index, Self.isTrailingPunctuation(scalars[scalars.index(before: bareEnd)]) {
                bareEnd = scalars.index(before: bareEnd)
            }
            var position = index
            let bare = Substring(scalars[index..<bareEnd])
            if bare.utf8.count >= 2, bare.utf8.count <= 5, let emoticon = SentimentRules.emoticons[String(bare)] {
                result.items.append(SentimentItem(
                    key: emoticon, kind: .emoticon, isCaps: false, isElongated: false,
                    clause: clause, sentence: sentence))
                position = bareEnd
            }

            while position < chunkEnd {
                let scalar = scalars[position]
                if Self.isLetter(scalar) {
                    var wordEnd = scalars.index(after: position)
                    while wordEnd < chunkEnd {
                        let next = scalars[wordEnd]
                        if Self.isLetter(next) {
                            wordEnd = scalars.index(after: wordEnd)
                        } else if Self.isApostrophe(next), case let after = scalars.index(after: wordEnd),
                                  after < chunkEnd, Self.isLetter(scalars[after]) {
                            wordEnd = after
                        } else {
                            break
                        }
                    }
                    appendWord(Substring(scalars[position..<wordEnd]), to: &result, clause: clause, sentence: sentence)
                    position = wordEnd
                    continue
                }
                switch scalar {
                case "!":
                    result.exclamations += 1
                    clause += 1
                    sentence += 1
                case "?":
                    result.questions += 1
                    clause += 1
                    sentence += 1
                case ".", ";":
                    clause += 1
                    sentence += 1
                case ",", ":", "(", ")", "\"", "/", "\u{2013}", "\u{2014}":
                    clause += 1
                default:
                    if SentimentRules.isEmoji(scalar) {
                        result.items.append(SentimentItem(
                            key: String(scalar), kind: .emoji, isCaps: false, isElongated: false,
                            clause: clause, sentence: sentence))
                    }
                }
                position = scalars.index(after: position)
            }
            index = chunkEnd
        }
        return result
    }

    private func appendWord(_ original: Substring, to result: inout ScannedText, clause: Int, sentence: Int) {
        var letters = 0
        var upper = 0
        for scalar in original.unicodeScalars where !Self.isApostrophe(scalar) {
            letters += 1
            if scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase {
                upper += 1
            }
        }
        let isCaps = letters >= 2 && upper == letters
        var word = Tokenizer.fold(original)
        let isElongated = Self.isElongated(word)
        func item(_ key: String, elongated: Bool = false) -> SentimentItem {
            SentimentItem(key: key, kind: .word, isCaps: isCaps, isElongated: elongated, clause: clause, sentence: sentence)
        }
        let hasApostrophe = word.utf8.contains(UInt8(ascii: "'"))
        if (hasApostrophe && word.hasSuffix("n't")) || SentimentRules.bareNegations.contains(word) {
            var base = String(word.dropLast(hasApostrophe ? 3 : 2))
            base = SentimentRules.negatedBases[base] ?? base
            if !base.isEmpty { result.items.append(item(base)) }
            result.items.append(item("not"))
            return
        }
        if hasApostrophe {
            for clitic in SentimentRules.clitics where word.hasSuffix(clitic) && word.utf8.count > clitic.utf8.count {
                word = String(word.dropLast(clitic.count))
                break
            }
            word = String(word.unicodeScalars.filter { $0 != "'" })
        }
        result.items.append(item(word, elongated: isElongated))
    }

    /// Three equal letters in a row.
    static func isElongated(_ word: String) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        for byte in word.utf8 {
            if byte == previous {
                run += 1
                if run >= 3 { return true }
            } else {
                previous = byte
                run = 1
            }
        }
        return false
    }

    /// The word with every run of three or more equal letters cut to `keep` letters.
    static func collapsed(_ word: String, keep: Int) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var run = 0
        for scalar in word.unicodeScalars {
            if scalar == previous {
                run += 1
            } else {
                previous = scalar
                run = 1
            }
            if run <= keep { out.append(scalar) }
        }
        return String(out)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                || (scalar.value >= 0x1C && scalar.value <= 0x1F)
        }
        return scalar.properties.isWhitespace
    }

    static func isTrailingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "," || scalar == "!" || scalar == "?"
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}"
    }
}
