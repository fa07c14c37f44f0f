/// A non-allocating path to the classifier features of a text, for the hot loops of training and
/// classifying: the same features, in the same order, as
/// `tokenize(text).filter { $0.kind != .punctuation }.map { ($0.feature, $0.kind) }`.
///
/// ASCII text without `@` (no email to recognise) or ESC (no escape sequence to remove) is scanned byte by byte with the rules of
/// `tokenize`; anything else takes the general path.
extension Tokenizer {
    /// Calls `body` with each non-punctuation token's feature as UTF-8 bytes, and its kind.
    public func forEachFeature(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void) {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard Self.isPlainASCII(bytes) else { return false }
            guard !bytes.isEmpty else { return true }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { folded in
                Self.foldASCII(bytes, into: folded)
                Self.scanASCII(UnsafeBufferPointer(folded), body)
            }
            return true
        }
        // A native string's bytes are read where they are; `withUTF8` (which may have to copy a bridged
        // string's) mutates, so it needs a copy of the string.
        var handled = text.utf8.withContiguousStorageIfAvailable(scan)
        if handled == nil {
            var text = text
            handled = text.withUTF8(scan)
        }
        if handled == true { return }
        for token in tokenize(text) where token.kind != .punctuation {
            var feature = token.feature
            feature.withUTF8 { body($0, token.kind) }
        }
    }

    /// `0x01` in every byte of a word, and `0x80`: for testing eight bytes at a time.
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether the bytes are ASCII without `@` or ESC: eight at a time (a byte b is zero exactly when
    /// (b − 1) & ~b has its high bit set, with no false positive for whether any is), the rest one by one.
    /// Byte by byte this was a fifth of the scan's instructions.
    @inline(__always)
    private static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highBits != 0 }
        let raw = UnsafeRawBufferPointer(bytes)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & highBits != 0 || hasZeroByte(word ^ (ones &* 0x40)) || hasZeroByte(word ^ (ones &* 0x1B)) {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "@") || byte == 0x1B { return false }
            index += 1
        }
        return true
    }

    /// Writes the ASCII bytes with `A`...`Z` lowered, eight at a time: in a word of bytes under 0x80,
    /// adding 0x3F and 0x25 to every byte sets its high bit exactly when it is at least `A`, and at least
    /// `[` (no carry crosses a byte), so their difference marks the capitals, whose 0x20 bit is then set.
    @inline(__always)
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) {
        let (source, target) = (UnsafeRawBufferPointer(bytes), UnsafeMutableRawBufferPointer(folded))
        var index = 0
        while index + 8 <= bytes.count {
            let word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let capitals = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & highBits
            target.storeBytes(of: word | (capitals >> 2), toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            folded[index] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            index += 1
        }
    }

    /// The rules of `tokenize` over folded ASCII: words (letters, and apostrophes between letters) and
    /// numbers (digits, and `,` or `.` between digits) make features; everything else separates them.
    private static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>,
                                  _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void)
    {
        @inline(__always) func isLetter(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
        let count = bytes.count
        // Read once a text, not at every word (each read of a static is a call).
        let contractions = Contractions.english
        var index = 0
        while index < count {
            let byte = bytes[index]
            if isLetter(byte) {
                var end = index + 1
                var hasApostrophe = false
                while end < count {
                    if isLetter(bytes[end]) {
                        end += 1
                    } else if bytes[end] == UInt8(ascii: "'"), end + 1 < count, isLetter(bytes[end + 1]) {
                        hasApostrophe = true
                        end += 2
                    } else {
                        break
                    }
                }
                emitWord(UnsafeBufferPointer(rebasing: bytes[index..<end]), hasApostrophe: hasApostrophe,
                         contractions: contractions, body)
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
                var shape = Token.numberShapes[min(digits, Token.numberShapes.count - 1)]
                shape.withUTF8 { body($0, .number) }
                index = end
            } else {
                // Separators and punctuation make no feature.
                index += 1
            }
        }
    }

    /// Emits a folded ASCII word, expanded if it is a contraction.
    @inline(__always)
    private static func emitWord(_ word: UnsafeBufferPointer<UInt8>, hasApostrophe: Bool, contractions: Contractions,
                                 _ body: (UnsafeBufferPointer<UInt8>, Token.Kind) -> Void)
    {
        if !contractions.expand(word, hasApostrophe: hasApostrophe, { body($0, .word) }) { body(word, .word) }
    }
}
