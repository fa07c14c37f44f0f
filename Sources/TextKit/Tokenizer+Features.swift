/// A non-allocating path to the classifier features of a text, for the hot loops of training and
/// classifying: the same features, in the same order, as
/// `tokenize(text).filter { $0.kind != .punctuation }.map { ($0.feature, $0.kind) }`.
///
/// ASCII text without `@` (no email to recognise) is scanned byte by byte with the rules of
/// `tokenize`; anything else takes the general path.
extension Tokenizer {
    /// Calls `body` with each non-punctuation token's feature as UTF-8 bytes, and its kind.
    public func forEachFeature(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void) {
        var text = text
        let handled: Bool = text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "@") { return false }
            Self.scanASCII(bytes, body)
            return true
        }
        if handled { return }
        for token in tokenize(text) where token.kind != .punctuation {
            var feature = token.feature
            feature.withUTF8 { body($0, token.kind) }
        }
    }

    private static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>,
                                  _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void)
    {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if isLetter(byte) {
                var end = index + 1
                while end < count {
                    if isLetter(bytes[end]) {
                        end += 1
                    } else if bytes[end] == UInt8(ascii: "'"), end + 1 < count, isLetter(bytes[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                emitWord(bytes, index..<end, body)
                index = end
            } else if isDigit(byte) {
                var end = index + 1
                var digits = 1
                while end < count {
                    if isDigit(bytes[end]) {
                        end += 1
                        digits += 1
                    } else if bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "."), end + 1 < count,
                              isDigit(bytes[end + 1])
                    {
                        end += 2
                        digits += 1
                    } else {
                        break
                    }
                }
                // Token.feature's shape: `<num:5>`, up to `<num:12+>` (short strings: no allocation).
                var shape = digits >= 12 ? "<num:12+>" : "<num:\(digits)>"
                shape.withUTF8 { body($0, .number) }
                index = end
            } else {
                // Separators and punctuation make no feature.
                index += 1
            }
        }
    }

    /// Folds an ASCII word to lower case and expands it if it is a contraction.
    private static func emitWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                 _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void)
    {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count) { buffer in
            for (offset, index) in range.enumerated() {
                let byte = bytes[index]
                buffer[offset] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            let folded = UnsafeBufferPointer(buffer)
            // Only a word with an apostrophe, or one shaped like a whole-word contraction (`dont`, `im`),
            // can expand: the dictionary lookup is skipped for every other word.
            if folded.contains(UInt8(ascii: "'")) || Self.mayBeWholeContraction(folded),
               let expansion = Contractions.expand(String(decoding: folded, as: UTF8.self))
            {
                for var word in expansion { word.withUTF8 { body($0, .word) } }
            } else {
                body(folded, .word)
            }
        }
    }

    /// Whether a folded ASCII word has the length, first and last letter of a whole-word contraction.
    @inline(__always)
    private static func mayBeWholeContraction(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let key = contractionShapeKey(word) else { return false }
        return contractionShapes[key]
    }

    private static func contractionShapeKey(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard (1...15).contains(word.count), let first = word.first, let last = word.last,
              (0x61...0x7A).contains(first), (0x61...0x7A).contains(last)
        else { return nil }
        return (word.count * 26 + Int(first - 0x61)) * 26 + Int(last - 0x61)
    }

    /// (length, first letter, last letter) of every apostrophe-less whole-word contraction.
    private static let contractionShapes: [Bool] = {
        var shapes = [Bool](repeating: false, count: 16 * 26 * 26)
        for key in Contractions.whole.keys where !key.contains("'") {
            var key = key
            key.withUTF8 { word in
                if let index = contractionShapeKey(word) { shapes[index] = true }
            }
        }
        return shapes
    }()
}
