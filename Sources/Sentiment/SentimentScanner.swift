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
    /// Typed right after "#": it may be two words run together ("#careerfail").
    var isHashtag = false
}

/// A text read for sentiment: its items, its "!" and "?" counts, and which sentences end in them.
struct ScannedText {
    var items: [SentimentItem] = []
    var exclamations = 0
    var questions = 0
    /// The sentences that end in a lone "?" and in "!" (by number, ascending; a run "!!" adds empty ones after).
    var questionSentences: [Int] = []
    var exclamationSentences: [Int] = []
}

/// Reads the original text, not TextKit's folded tokens: sentiment needs the capitals, the runs of
/// "!" and "?", the emoticons that the tokenizer splits into punctuation, and clause boundaries.
///
/// Chunks are the runs between white space. A chunk that is an emoticon (perhaps followed by
/// sentence punctuation, ";-)." ) is one item; otherwise letters make words (with internal
/// apostrophes), `!` `?` `.` `;` end a sentence, `,` `:` `(` `)` `"` `/` and dashes end a clause,
/// emoji are items, and everything else (digits, symbols) is skipped.
///
/// It works on the UTF-8 bytes, with a fast path for ASCII: this loop is most of the scorer's time.
struct SentimentScanner {
    func scan(_ text: String) -> ScannedText {
        var result = ScannedText()
        var text = text
        text.withUTF8 { bytes in scan(bytes, into: &result) }
        return result
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, into result: inout ScannedText) {
        var clause = 0
        var sentence = 0
        let end = bytes.count
        var index = 0
        while index < end {
            let (first, firstLength) = Self.decode(bytes, at: index)
            if Self.isSpace(first) {
                index += firstLength
                continue
            }
            var chunkEnd = index + firstLength
            while chunkEnd < end {
                let (scalar, length) = Self.decode(bytes, at: chunkEnd)
                if Self.isSpace(scalar) { break }
                chunkEnd += length
            }

            // An emoticon is a whole chunk, perhaps followed by sentence punctuation.
            var bareEnd = chunkEnd
            while bareEnd > index, Self.isTrailingPunctuation(bytes[bareEnd - 1]) { bareEnd -= 1 }
            var position = index
            if bareEnd - index >= 2, bareEnd - index <= 8, Self.mayStartEmoticon(bytes[index]),
               let emoticon = SentimentRules.emoticons[String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<bareEnd]), as: UTF8.self)] {
                result.items.append(SentimentItem(
                    key: emoticon, kind: .emoticon, isCaps: false, isElongated: false,
                    clause: clause, sentence: sentence))
                position = bareEnd
            }

            while position < chunkEnd {
                let (scalar, length) = Self.decode(bytes, at: position)
                if Tokenizer.isLetter(scalar) {
                    var wordEnd = position + length
                    while wordEnd < chunkEnd {
                        let (next, nextLength) = Self.decode(bytes, at: wordEnd)
                        if Tokenizer.isLetter(next) {
                            wordEnd += nextLength
                        } else if Tokenizer.isApostrophe(next), wordEnd + nextLength < chunkEnd,
                                  Tokenizer.isLetter(Self.decode(bytes, at: wordEnd + nextLength).0) {
                            wordEnd += nextLength
                        } else {
                            break
                        }
                    }
                    appendWord(UnsafeBufferPointer(rebasing: bytes[position..<wordEnd]), to: &result,
                               clause: clause, sentence: sentence,
                               isHashtag: position > index && bytes[position - 1] == UInt8(ascii: "#"))
                    position = wordEnd
                    continue
                }
                switch scalar {
                case "!":
                    result.exclamations += 1
                    result.exclamationSentences.append(sentence)
                    clause += 1
                    sentence += 1
                case "?":
                    result.questions += 1
                    // A lone "?" asks; a run ("???") is exasperation, which the count above raises instead.
                    let question = UInt8(ascii: "?")
                    if (position + 1 >= chunkEnd || bytes[position + 1] != question)
                        && (position == index || bytes[position - 1] != question) {
                        result.questionSentences.append(sentence)
                    }
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
                position += length
            }
            index = chunkEnd
        }
    }

    private func appendWord(
        _ original: UnsafeBufferPointer<UInt8>, to result: inout ScannedText, clause: Int, sentence: Int, isHashtag: Bool
    ) {
        var letters = 0
        var upper = 0
        var ascii = true
        var offset = 0
        while offset < original.count {
            let (scalar, length) = Self.decode(original, at: offset)
            offset += length
            if scalar.value >= 0x80 { ascii = false }
            if Tokenizer.isApostrophe(scalar) { continue }
            letters += 1
            if scalar.value < 0x80 {
                if scalar.value >= 0x41 && scalar.value <= 0x5A { upper += 1 }
            } else if scalar.properties.isUppercase {
                upper += 1
            }
        }
        let isCaps = letters >= 2 && upper == letters
        var word = ascii ? Self.lowercasedASCII(original) : Self.foldedUnicode(original)
        let isElongated = Self.isElongated(word)
        func item(_ key: String, elongated: Bool = false) -> SentimentItem {
            SentimentItem(key: key, kind: .word, isCaps: isCaps, isElongated: elongated, clause: clause, sentence: sentence)
        }
        let utf8 = word.utf8
        let hasApostrophe = utf8.contains(UInt8(ascii: "'"))
        let apostropheNegation = hasApostrophe && Self.hasSuffix(utf8, "n't")
        if apostropheNegation
            || (!hasApostrophe && utf8.count >= 4 && utf8.count <= 8 && Self.hasSuffix(utf8, "nt")
                && SentimentRules.bareNegations.contains(word)) {
            var base = String(word.dropLast(apostropheNegation ? 3 : 2))
            base = SentimentRules.negatedBases[base] ?? base
            if !base.isEmpty { result.items.append(item(base)) }
            result.items.append(item("not"))
            return
        }
        if hasApostrophe {
            for clitic in SentimentRules.clitics where utf8.count > clitic.utf8.count && Self.hasSuffix(utf8, clitic) {
                word = String(word.dropLast(clitic.count))
                break
            }
            word = String(word.unicodeScalars.filter { $0 != "'" })
        }
        if let laugh = Self.laughter(word) {
            result.items.append(item(laugh))
            return
        }
        var last = item(word, elongated: isElongated)
        last.isHashtag = isHashtag
        result.items.append(last)
    }

    /// Laughter typed at any length: "hahaha", "ahahah", "hehehe", "hihi" → "haha"; "lolol", "lool" → "lol".
    /// (`rules.laughter` in scripts/sentiment/rules.py is the same test.)
    static func laughter(_ word: String) -> String? {
        let utf8 = word.utf8
        guard utf8.count >= 4, let first = utf8.first,
              first == UInt8(ascii: "h") || first == UInt8(ascii: "a") || first == UInt8(ascii: "l") else { return nil }
        let bytes = Array(utf8)
        if first == UInt8(ascii: "l") {
            // l(o+l)+
            var index = 1
            var groups = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "o") else { return nil }
                while index < bytes.count, bytes[index] == UInt8(ascii: "o") { index += 1 }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "l") else { return nil }
                index += 1
                groups += 1
            }
            return groups >= 1 && word != "lol" ? "lol" : nil
        }
        // a?(h[aei])+h?, with at least two "h"
        var index = bytes[0] == UInt8(ascii: "a") ? 1 : 0
        var hs = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "h") else { return nil }
            hs += 1
            index += 1
            if index == bytes.count { break }
            let vowel = bytes[index]
            guard vowel == UInt8(ascii: "a") || vowel == UInt8(ascii: "e") || vowel == UInt8(ascii: "i") else { return nil }
            index += 1
        }
        return hs >= 2 ? "haha" : nil
    }

    // MARK: - Bytes

    /// The scalar at `index` of valid UTF-8 (Swift strings always are) and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            length = 2
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        } else if lead < 0xF0 {
            length = 3
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        } else {
            length = 4
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// A word with letters beyond ASCII: typographic apostrophes become "'", then TextKit folds it.
    static func foldedUnicode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var offset = 0
        while offset < bytes.count {
            let (scalar, length) = decode(bytes, at: offset)
            scalars.append(Tokenizer.isApostrophe(scalar) ? "'" : scalar)
            offset += length
        }
        return Tokenizer.fold(String(scalars))
    }

    static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    static func hasSuffix(_ utf8: String.UTF8View, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard utf8.count >= count else { return false }
        var index = utf8.index(utf8.endIndex, offsetBy: -count)
        let pointer = suffix.utf8Start
        for offset in 0..<count {
            if utf8[index] != pointer[offset] { return false }
            index = utf8.index(after: index)
        }
        return true
    }

    static func hasSuffix(_ utf8: String.UTF8View, _ suffix: String) -> Bool {
        utf8.reversed().starts(with: suffix.utf8.reversed())
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

    /// The word with every run of three or more equal letters cut to `keep` letters ("sorryyy" → "sorry"
    /// with 1: the double "rr" is a run of two and stays).
    static func collapsed(_ word: String, keep: Int) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(word.unicodeScalars)
        var index = 0
        while index < scalars.count {
            var end = index + 1
            while end < scalars.count, scalars[end] == scalars[index] { end += 1 }
            let run = end - index
            for _ in 0..<(run >= 3 ? keep : run) { out.append(scalars[index]) }
            index = end
        }
        return String(out)
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)
                || (scalar.value >= 0x1C && scalar.value <= 0x1F)
        }
        return scalar.properties.isWhitespace
    }

    static func isTrailingPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// The first characters of the emoticons in `SentimentRules.emoticons`.
    static func mayStartEmoticon(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "x"), UInt8(ascii: "X"),
             UInt8(ascii: "8"), UInt8(ascii: "<"), UInt8(ascii: "("), UInt8(ascii: "^"), UInt8(ascii: "c"),
             UInt8(ascii: ")"), UInt8(ascii: "-"), UInt8(ascii: ">"), UInt8(ascii: "D"), UInt8(ascii: "&"),
             UInt8(ascii: "T"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }
}
