import TextKit

/// Turns text into hashed features, the vocabulary-free half of TF-IDF.
///
/// Three groups, each hashed with FNV-1a 64 under its own tag so they never collide with each other:
/// - word unigrams: each token's `feature` (numbers and emails as their shape, punctuation dropped);
/// - word bigrams: adjacent unigrams, plus the first and last word against the sentence boundary;
/// - character n-grams (`minGram...maxGram`) inside each word padded with a space on both sides, so
///   `refund` and `refunds` share most of their features and typos cost only a few.
public struct FeatureExtractor: Sendable, Equatable {
    /// The feature groups, in the order `groupWeights` lists them.
    public enum Group: Int, Sendable, CaseIterable {
        case unigram = 0, bigram = 1, characters = 2
    }

    public var minGram: Int
    public var maxGram: Int

    public init(minGram: Int = 2, maxGram: Int = 5) {
        self.minGram = minGram
        self.maxGram = maxGram
    }

    /// Calls `body` with each feature's hash and group, in text order; repeats are reported each time.
    public func forEachFeature(in text: String, _ body: (UInt64, Group) -> Void) {
        let tokens = Tokenizer().tokenize(text)
        var previous = FNV1a.offsetBasis  // hash state of the previous unigram's bytes; basis = sentence start
        var isFirst = true
        for token in tokens where token.kind != .punctuation {
            let feature = token.feature
            var unigram = FNV1a()
            unigram.combine(0x01)
            unigram.combine(feature.utf8)
            body(unigram.value, .unigram)

            var bigram = FNV1a()
            bigram.combine(0x02)
            if isFirst { bigram.combine(0x03) } else { bigram.combineWord(previous) }
            bigram.combine(0x20)
            bigram.combine(feature.utf8)
            body(bigram.value, .bigram)
            previous = unigram.value
            isFirst = false

            if token.kind == .word { forEachCharacterGram(feature, body) }
        }
        if !isFirst {
            var bigram = FNV1a()
            bigram.combine(0x02)
            bigram.combineWord(previous)
            bigram.combine(0x20)
            bigram.combine(0x04)
            body(bigram.value, .bigram)
        }
    }

    /// The hashes of the character n-grams of ` word `.
    @inline(__always)
    private func forEachCharacterGram(_ word: String, _ body: (UInt64, Group) -> Void) {
        var word = word
        word.withUTF8 { utf8 in
            let count = utf8.count + 2
            // byte(i) of " word "
            @inline(__always) func byte(_ i: Int) -> UInt8 { (i == 0 || i == count - 1) ? 0x20 : utf8[i - 1] }
            for start in 0..<count {
                var hash = FNV1a()
                hash.combine(0x05)
                var length = 0
                var index = start
                while index < count, length < maxGram {
                    hash.combine(byte(index))
                    length += 1
                    index += 1
                    if length >= minGram { body(hash.value, .characters) }
                }
            }
        }
    }
}
