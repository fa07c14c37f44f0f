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

    /// Bumped whenever the features of a text change, so saved models of the old features are retrained.
    static let version: UInt8 = 1

    public var minGram: Int
    public var maxGram: Int

    public init(minGram: Int = 2, maxGram: Int = 5) {
        self.minGram = minGram
        self.maxGram = maxGram
    }

    /// Calls `body` with each feature's hash and group, in text order; repeats are reported each time.
    /// This is the hot path: no allocation per token for ASCII text.
    public func forEachFeature(in text: String, _ body: (UInt64, Group) -> Void) {
        var state = SequenceState()
        Tokenizer().forEachFeature(in: text) { bytes, kind in
            emit(bytes, isWord: kind == .word, position: 0, state: &state) { hash, group, _ in body(hash, group) }
        }
        finish(state: state, position: 0) { hash, group, _ in body(hash, group) }
    }

    /// The tokens features are made of: all but punctuation.
    static func featureTokens(_ text: String) -> [Token] {
        Tokenizer().tokenize(text).filter { $0.kind != .punctuation }
    }

    /// Calls `body` with each feature's hash, group and the index in `tokens` of the token it ends at
    /// (`tokens.count` for the closing bigram). Gives the same features as `forEachFeature(in:)`.
    func forEachFeature(of tokens: [Token], _ body: (UInt64, Group, Int) -> Void) {
        var state = SequenceState()
        for (position, token) in tokens.enumerated() {
            var feature = token.feature
            feature.withUTF8 { bytes in
                emit(bytes, isWord: token.kind == .word, position: position, state: &state, body)
            }
        }
        finish(state: state, position: tokens.count, body)
    }

    /// What a bigram needs of the token before it.
    struct SequenceState {
        /// The previous unigram's hash, or nil at the start of the text.
        var previous: UInt64?
    }

    @inline(__always)
    private func emit(_ bytes: UnsafeBufferPointer<UInt8>, isWord: Bool, position: Int, state: inout SequenceState,
                      _ body: (UInt64, Group, Int) -> Void)
    {
        var unigram = FNV1a()
        unigram.combine(0x01)
        for byte in bytes { unigram.combine(byte) }
        body(unigram.value, .unigram, position)

        var bigram = FNV1a()
        bigram.combine(0x02)
        if let previous = state.previous { bigram.combineWord(previous) } else { bigram.combine(0x03) }
        bigram.combine(0x20)
        for byte in bytes { bigram.combine(byte) }
        body(bigram.value, .bigram, position)
        state.previous = unigram.value

        guard isWord else { return }
        // Character n-grams of " word ": byte(i) is the padded word's i-th byte.
        let count = bytes.count + 2
        for start in 0..<count {
            var hash = FNV1a()
            hash.combine(0x05)
            var index = start
            var length = 0
            while index < count, length < maxGram {
                hash.combine((index == 0 || index == count - 1) ? 0x20 : bytes[index - 1])
                length += 1
                index += 1
                if length >= minGram { body(hash.value, .characters, position) }
            }
        }
    }

    /// The closing bigram: the last token against the end of the text.
    @inline(__always)
    private func finish(state: SequenceState, position: Int, _ body: (UInt64, Group, Int) -> Void) {
        guard let previous = state.previous else { return }
        var bigram = FNV1a()
        bigram.combine(0x02)
        bigram.combineWord(previous)
        bigram.combine(0x20)
        bigram.combine(0x04)
        body(bigram.value, .bigram, position)
    }
}
