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
    static let version: UInt8 = 2

    public var minGram: Int
    public var maxGram: Int

    public init(minGram: Int = 2, maxGram: Int = 5) {
        self.minGram = minGram
        self.maxGram = maxGram
    }

    /// Calls `body` with each feature's hash and group, in text order; repeats are reported each time.
    public func forEachFeature(in text: String, _ body: (UInt64, Group) -> Void) {
        var hashes: [UInt64] = []
        var groups: [UInt8] = []
        appendFeatures(of: text, to: &hashes, groups: &groups)
        for (hash, group) in zip(hashes, groups) { body(hash, Group(rawValue: Int(group)) ?? .unigram) }
    }

    /// Appends each feature's hash and group (its raw value) to the buffers, in text order, repeats
    /// included. This is the hot path of training and classifying: no allocation per token for ASCII
    /// text, and no closure per feature.
    func appendFeatures(of text: String, to hashes: inout [UInt64], groups: inout [UInt8]) {
        var previous: UInt64?
        let gramLengths = max(0, maxGram - minGram + 1)
        Tokenizer().forEachFeature(in: text) { bytes, kind in
            // The token's features go to scratch space (the stack, or the heap for a huge token), then
            // to the buffers in one bulk append each.
            let room = 2 + (kind == .word ? (bytes.count + 2) * gramLengths : 0)
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: room) { tokenHashes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { tokenGroups in
                    let written = emit(bytes, isWord: kind == .word, previous: &previous, hashes: tokenHashes,
                                       groups: tokenGroups)
                    hashes.append(contentsOf: UnsafeBufferPointer(rebasing: tokenHashes[0..<written]))
                    groups.append(contentsOf: UnsafeBufferPointer(rebasing: tokenGroups[0..<written]))
                }
            }
        }
        if let previous {
            hashes.append(closingBigram(previous))
            groups.append(UInt8(Group.bigram.rawValue))
        }
    }

    /// The tokens features are made of: all but punctuation.
    static func featureTokens(_ text: String) -> [Token] {
        Tokenizer().tokenize(text).filter { $0.kind != .punctuation }
    }

    /// Calls `body` with each feature's hash, group and the index in `tokens` of the token it ends at
    /// (`tokens.count` for the closing bigram). Gives the same features as `forEachFeature(in:)`.
    func forEachFeature(of tokens: [Token], _ body: (UInt64, Group, Int) -> Void) {
        var previous: UInt64?
        var hashes: [UInt64] = []
        var groups: [UInt8] = []
        for (position, token) in tokens.enumerated() {
            var feature = token.feature
            let room = 2 + (feature.utf8.count + 2) * max(0, maxGram - minGram + 1)
            hashes = [UInt64](repeating: 0, count: room)
            groups = [UInt8](repeating: 0, count: room)
            let written = feature.withUTF8 { bytes in
                hashes.withUnsafeMutableBufferPointer { hashes in
                    groups.withUnsafeMutableBufferPointer { groups in
                        emit(bytes, isWord: token.kind == .word, previous: &previous, hashes: hashes, groups: groups)
                    }
                }
            }
            hashes.removeLast(room - written)
            groups.removeLast(room - written)
            for (hash, group) in zip(hashes, groups) { body(hash, Group(rawValue: Int(group)) ?? .unigram, position) }
        }
        if let previous { body(closingBigram(previous), .bigram, tokens.count) }
    }

    /// Writes the unigram, the bigram with the previous token, and (for words) the character n-grams
    /// of one token; returns how many features it wrote (the buffers have room for all of them).
    @inline(__always)
    private func emit(_ bytes: UnsafeBufferPointer<UInt8>, isWord: Bool, previous: inout UInt64?,
                      hashes: UnsafeMutableBufferPointer<UInt64>, groups: UnsafeMutableBufferPointer<UInt8>) -> Int
    {
        let unigram = Self.unigramHash(bytes)
        hashes[0] = unigram
        groups[0] = UInt8(Group.unigram.rawValue)
        hashes[1] = Self.bigramHash(previous, unigram)
        groups[1] = UInt8(Group.bigram.rawValue)
        previous = unigram
        guard isWord else { return 2 }
        let grams = characterGrams(bytes, into: UnsafeMutableBufferPointer(rebasing: hashes[2...]))
        for k in 2..<2 + grams { groups[k] = UInt8(Group.characters.rawValue) }
        return 2 + grams
    }

    @inline(__always)
    static func unigramHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var unigram = FNV1a()
        unigram.combine(0x01)
        for byte in bytes { unigram.combine(byte) }
        return unigram.value
    }

    /// The bigram of the token before (its unigram hash; nil at the start of the text) and this one (its
    /// unigram hash): the two 64-bit hashes mixed (a multiply-xorshift finaliser), rather than FNV-1a
    /// over nine more bytes, whose multiplies form one long dependency chain.
    @inline(__always)
    static func bigramHash(_ previous: UInt64?, _ unigram: UInt64) -> UInt64 {
        pairHash(previous ?? 0x03, unigram)
    }

    /// Mixes two hashes into the bigram group's hash space (order matters: (a, b) ≠ (b, a)).
    @inline(__always)
    static func pairHash(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var hash = (first ^ 0x0200_0000_0000_0002) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ (hash >> 29) ^ second) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ (hash >> 32)) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }

    /// Writes the hashes of the character n-grams of " word " and returns how many; `hashes` has room
    /// for `(word length + 2) × (maxGram − minGram + 1)`.
    @inline(__always)
    func characterGrams(_ bytes: UnsafeBufferPointer<UInt8>, into hashes: UnsafeMutableBufferPointer<UInt64>) -> Int {
        let count = bytes.count + 2
        var written = 0
        for start in 0..<count {
            var hash = FNV1a()
            hash.combine(0x05)
            var index = start
            var length = 0
            while index < count, length < maxGram {
                hash.combine((index == 0 || index == count - 1) ? 0x20 : bytes[index - 1])
                length += 1
                index += 1
                if length >= minGram {
                    hashes[written] = hash.value
                    written += 1
                }
            }
        }
        return written
    }

    /// Character n-gram IDs of the words seen so far in training, so that a word's n-grams are hashed
    /// and interned once rather than at every occurrence; and the buffers of the text being read,
    /// reused from text to text.
    struct WordMemo {
        /// Unigram hash of a word -> its index.
        var table = FeatureTable(capacity: 4096)
        /// Word i's n-gram IDs are `ids[starts[i] ..< starts[i + 1]]`.
        var starts: [Int32] = [0]
        var ids: [Int32] = []
        /// Word i's unigram ID.
        var unigramIDs: [Int32] = []

        /// The text's tokens: a word's index (-1 for a non-word) and whether this text brought the word
        /// to the memo; then the hashes the text has to intern, in order, with their groups and IDs.
        var tokens: [(word: Int32, isNew: Bool)] = []
        var pendingHashes: [UInt64] = []
        var pendingGroups: [UInt8] = []
        var pendingIDs: [Int32] = []
    }

    /// Training's path: writes the IDs of the features of `text`, in the order of `appendFeatures(of:)`,
    /// to the start of `ids` (replaced by a longer array when short) and returns how many.
    ///
    /// `intern` turns hashes into IDs, giving a new hash the next ID. It is called once per text with
    /// every hash the memo does not answer, in the order one-by-one interning would meet them, so it
    /// can look them all up at once (their cache misses overlap) and insert the missing ones in order:
    /// the IDs are those of interning `appendFeatures`'s hashes one by one.
    func featureIDs(
        of text: String, into ids: inout [Int32], memo: inout WordMemo,
        intern: (_ hashes: UnsafeBufferPointer<UInt64>, _ groups: UnsafeBufferPointer<UInt8>,
                 _ ids: UnsafeMutableBufferPointer<Int32>) -> Void
    ) -> Int {
        // Read the text: each token's hashes that need the vocabulary, in interning order (a new word:
        // unigram, bigram, n-grams; a known word: bigram; anything else: unigram, bigram). A new word
        // gets its memo entry at once (its IDs filled in below), so a repeat in the same text is known.
        memo.tokens.removeAll(keepingCapacity: true)
        memo.pendingHashes.removeAll(keepingCapacity: true)
        memo.pendingGroups.removeAll(keepingCapacity: true)
        var previous: UInt64?
        let gramLengths = max(0, maxGram - minGram + 1)
        Tokenizer().forEachFeature(in: text) { bytes, kind in
            let unigram = Self.unigramHash(bytes)
            let bigram = Self.bigramHash(previous, unigram)
            previous = unigram
            guard kind == .word else {
                memo.tokens.append((-1, false))
                memo.pendingHashes.append(unigram)
                memo.pendingHashes.append(bigram)
                memo.pendingGroups.append(UInt8(Group.unigram.rawValue))
                memo.pendingGroups.append(UInt8(Group.bigram.rawValue))
                return
            }
            let known = memo.table.id(of: unigram)
            if known >= 0 {
                memo.tokens.append((known, false))
                memo.pendingHashes.append(bigram)
                memo.pendingGroups.append(UInt8(Group.bigram.rawValue))
                return
            }
            let word = Int32(memo.unigramIDs.count)
            _ = memo.table.insert(unigram, id: word)
            memo.tokens.append((word, true))
            memo.pendingHashes.append(unigram)
            memo.pendingHashes.append(bigram)
            memo.pendingGroups.append(UInt8(Group.unigram.rawValue))
            memo.pendingGroups.append(UInt8(Group.bigram.rawValue))
            let count = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (bytes.count + 2) * gramLengths) {
                grams in
                let count = characterGrams(bytes, into: grams)
                memo.pendingHashes.append(contentsOf: UnsafeBufferPointer(rebasing: grams[0..<count]))
                return count
            }
            memo.pendingGroups.append(contentsOf: repeatElement(UInt8(Group.characters.rawValue), count: count))
            memo.unigramIDs.append(-1)
            memo.ids.append(contentsOf: repeatElement(-1, count: count))
            memo.starts.append(Int32(memo.ids.count))
        }
        if let previous {
            memo.pendingHashes.append(closingBigram(previous))
            memo.pendingGroups.append(UInt8(Group.bigram.rawValue))
        }

        let pendingCount = memo.pendingHashes.count
        if memo.pendingIDs.count < pendingCount { memo.pendingIDs = [Int32](repeating: 0, count: pendingCount * 2) }
        memo.pendingHashes.withUnsafeBufferPointer { hashes in
            memo.pendingGroups.withUnsafeBufferPointer { groups in
                memo.pendingIDs.withUnsafeMutableBufferPointer { pendingIDs in
                    intern(hashes, groups, UnsafeMutableBufferPointer(rebasing: pendingIDs[0..<pendingCount]))
                }
            }
        }

        // Lay the IDs out in text order, a new word's into the memo first.
        var count = previous == nil ? 0 : 1
        for (word, _) in memo.tokens {
            count += 2
            if word >= 0 { count += Int(memo.starts[Int(word) + 1] - memo.starts[Int(word)]) }
        }
        if ids.count < count { ids = [Int32](repeating: 0, count: count * 2) }
        memo.pendingIDs.withUnsafeBufferPointer { pending in
            memo.starts.withUnsafeBufferPointer { starts in
                memo.unigramIDs.withUnsafeMutableBufferPointer { unigramIDs in
                    memo.ids.withUnsafeMutableBufferPointer { gramIDs in
                        ids.withUnsafeMutableBufferPointer { ids in
                            var next = 0
                            var written = 0
                            for (word, isNew) in memo.tokens {
                                guard word >= 0 else {
                                    ids[written] = pending[next]
                                    ids[written + 1] = pending[next + 1]
                                    next += 2
                                    written += 2
                                    continue
                                }
                                let grams = Int(starts[Int(word)])..<Int(starts[Int(word) + 1])
                                if isNew {
                                    unigramIDs[Int(word)] = pending[next]
                                    next += 1
                                }
                                ids[written] = unigramIDs[Int(word)]
                                ids[written + 1] = pending[next]
                                next += 1
                                written += 2
                                if isNew {
                                    for k in grams { gramIDs[k] = pending[next + k - grams.lowerBound] }
                                    next += grams.count
                                }
                                (ids.baseAddress! + written).update(from: gramIDs.baseAddress! + grams.lowerBound,
                                                                    count: grams.count)
                                written += grams.count
                            }
                            if next < pendingCount { ids[written] = pending[next] }
                        }
                    }
                }
            }
        }
        return count
    }

    /// The closing bigram: the last token against the end of the text.
    @inline(__always)
    private func closingBigram(_ previous: UInt64) -> UInt64 {
        Self.pairHash(previous, 0x04)
    }
}
