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

    /// Bumped whenever the features of a text change, so saved models of the old features are retrained.
    static let version: UInt8 = 1

    /// Calls `body` with each feature's hash and group, in text order; repeats are reported each time.
    public func forEachFeature(in text: String, _ body: (UInt64, Group) -> Void) {
        forEachFeature(of: Self.featureTokens(text)) { hash, group, _ in body(hash, group) }
    }

    /// The tokens features are made of: all but punctuation.
    static func featureTokens(_ text: String) -> [Token] {
        Tokenizer().tokenize(text).filter { $0.kind != .punctuation }
    }

    /// Calls `body` with each feature's hash, group and the index in `tokens` of the token it ends at.
    func forEachFeature(of tokens: [Token], _ body: (UInt64, Group, Int) -> Void) {
        var previous = FNV1a.offsetBasis  // hash state of the previous unigram's bytes; basis = sentence start
        var isFirst = true
        for (position, token) in tokens.enumerated() {
            let feature = token.feature
            var unigram = FNV1a()
            unigram.combine(0x01)
            unigram.combine(feature.utf8)
            body(unigram.value, .unigram, position)

            var bigram = FNV1a()
            bigram.combine(0x02)
            if isFirst { bigram.combine(0x03) } else { bigram.combineWord(previous) }
            bigram.combine(0x20)
            bigram.combine(feature.utf8)
            body(bigram.value, .bigram, position)
            previous = unigram.value
            isFirst = false

            if token.kind == .word {
                forEachCharacterGram(feature) { hash in body(hash, .characters, position) }
            }
        }
        if !isFirst {
            var bigram = FNV1a()
            bigram.combine(0x02)
            bigram.combineWord(previous)
            bigram.combine(0x20)
            bigram.combine(0x04)
            body(bigram.value, .bigram, tokens.count)
        }
    }

    /// The hashes of the character n-grams of ` word `.
    @inline(__always)
    private func forEachCharacterGram(_ word: String, _ body: (UInt64) -> Void) {
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
                    if length >= minGram { body(hash.value) }
                }
            }
        }
    }
}
