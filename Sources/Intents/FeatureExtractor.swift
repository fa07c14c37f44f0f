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
    ///
    /// The padded word is written out first, so that each n-gram's loop only hashes bytes: testing every
    /// byte for the padding cost two thirds of the n-grams' instructions.
    @inline(__always)
    func characterGrams(_ bytes: UnsafeBufferPointer<UInt8>, into hashes: UnsafeMutableBufferPointer<UInt64>) -> Int {
        let count = bytes.count + 2
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { padded in
            padded[0] = 0x20
            for index in 0..<bytes.count { padded[index &+ 1] = bytes[index] }
            padded[count - 1] = 0x20
            var written = 0
            for start in 0..<count {
                var hash = FNV1a()
                hash.combine(0x05)
                let end = min(count, start + maxGram)
                var index = start
                while index < end {
                    hash.combine(padded[index])
                    index &+= 1
                    if index &- start >= minGram {
                        hashes[written] = hash.value
                        written &+= 1
                    }
                }
            }
            return written
        }
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

        /// The tokens of the text read last are `tokens[0 ..< tokenCount]` (the array is room, reused).
        var tokens: [TextToken] = []
        var tokenCount = 0
        /// The hashes of the n-grams of the words the text brought, in order.
        var newGramHashes: [UInt64] = []
        /// The hashes the text has to intern, in order, with their groups and IDs: the first
        /// `pendingCount` of each (the arrays are room, reused).
        var pendingHashes: [UInt64] = []
        var pendingGroups: [UInt8] = []
        var pendingIDs: [Int32] = []
        var pendingCount = 0

        /// Calls `body` with the IDs of the features of the text `featureIDs` read last, in text order,
        /// a run at a time: a word's unigram and bigram, then its n-grams; anything else's unigram and
        /// bigram; the closing bigram. Inlined, so that the caller's work on each ID runs in this loop
        /// rather than on a list of them, and in runs, so that it can keep its state in registers.
        /// `mutating` though it changes nothing, so that a caller in a closure reads the memo in place:
        /// reading it there copied it (retained and released each of its arrays), 7 M instructions a fit.
        @inline(__always)
        mutating func forEachFeatureIDRun(_ body: (UnsafeBufferPointer<Int32>) -> Void) {
            tokens.withUnsafeBufferPointer { tokens in
            pendingIDs.withUnsafeBufferPointer { pending in
            starts.withUnsafeBufferPointer { starts in
            unigramIDs.withUnsafeBufferPointer { unigramIDs in
            ids.withUnsafeBufferPointer { gramIDs in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2) { pair in
                // A new word's unigram, bigram and n-grams, a known word's bigram, or anything else's
                // unigram and bigram are the pending IDs in turn (see `featureIDs`).
                var next = 0
                for token in tokens[0..<tokenCount] {
                    let word = Int(token.word)
                    guard word >= 0 else {
                        body(UnsafeBufferPointer(rebasing: pending[next..<next &+ 2]))
                        next &+= 2
                        continue
                    }
                    let grams = Int(starts[word])..<Int(starts[word &+ 1])
                    next &+= token.isNew ? 1 : 0
                    pair[0] = unigramIDs[word]
                    pair[1] = pending[next]
                    body(UnsafeBufferPointer(pair))
                    next &+= token.isNew ? 1 &+ grams.count : 1
                    body(UnsafeBufferPointer(rebasing: gramIDs[grams]))
                }
                if next < pendingCount { body(UnsafeBufferPointer(rebasing: pending[next..<next &+ 1])) }
            }
            }
            }
            }
            }
            }
        }
    }

    /// A token of the text being read: its unigram hash, its word's index in the memo (-1 for a
    /// non-word) and whether this text brought the word to the memo.
    struct TextToken {
        var unigram: UInt64
        var word: Int32
        var isNew: Bool
    }

    /// Training's path: reads `text` into `memo` and interns its features, whose IDs
    /// `memo.forEachFeatureIDRun` then gives in the order of `appendFeatures(of:)`; returns how many.
    ///
    /// `intern` turns hashes into IDs, giving a new hash the next ID. It is called once per text with
    /// every hash the memo does not answer, in the order one-by-one interning would meet them, so it
    /// can look them all up at once (their cache misses overlap) and insert the missing ones in order:
    /// the IDs are those of interning `appendFeatures`'s hashes one by one.
    ///
    /// The text is read into buffers sized before each pass, not appended to per token: a token is
    /// written where it goes (the word memo's tables grow only with a new word). Appending each token's
    /// word and pending hashes to growable arrays (each append checks, through a call, that its array
    /// is uniquely referenced) cost about 9 million instructions a fit of CLINC150 more (callgrind).
    func featureIDs(
        of text: String, memo: inout WordMemo,
        intern: (_ hashes: UnsafeBufferPointer<UInt64>, _ groups: UnsafeBufferPointer<UInt8>,
                 _ ids: UnsafeMutableBufferPointer<Int32>) -> Void
    ) -> Int {
        // Read the text: each token's unigram hash and word; a new word gets its memo entry at once (its
        // IDs filled in below), so a repeat in the same text is known. Every feature but the closing
        // bigram belongs to a token (`count`), and the hashes to intern are, in order: a new word's
        // unigram, bigram and n-grams; a known word's bigram; anything else's unigram and bigram.
        // A token and what separates it from the next take two bytes or more, nearly always: the tokens
        // go to room for half the text's bytes, and any past it (`1a2b3c`, `im im`) are appended.
        if !memo.newGramHashes.isEmpty { memo.newGramHashes.removeAll(keepingCapacity: true) }
        // Out of the memo while the reading below writes them and the memo's words.
        var tokens = memo.tokens
        memo.tokens = []
        let room = text.utf8.count / 2 + 1
        if tokens.count < room {
            tokens = [TextToken](repeating: TextToken(unigram: 0, word: -1, isNew: false), count: room)
        }
        var tokenCount = 0
        var pendingCount = 0
        var count = 0
        var overflow: [TextToken] = []
        let gramLengths = max(0, maxGram - minGram + 1)
        tokens.withUnsafeMutableBufferPointer { tokens in
            Tokenizer().forEachFeature(in: text) { bytes, kind in
                let unigram = Self.unigramHash(bytes)
                var token = TextToken(unigram: unigram, word: -1, isNew: false)
                if kind == .word {
                    token.word = memo.table.id(of: unigram)
                    if token.word < 0 {
                        token.word = memo.addWord(bytes, unigram: unigram, extractor: self, gramLengths: gramLengths)
                        token.isNew = true
                        pendingCount &+= 2 &+ Int(memo.starts[Int(token.word) + 1] &- memo.starts[Int(token.word)])
                    } else {
                        pendingCount &+= 1
                    }
                    count &+= 2 &+ Int(memo.starts[Int(token.word) + 1] &- memo.starts[Int(token.word)])
                } else {
                    pendingCount &+= 2
                    count &+= 2
                }
                if tokenCount < tokens.count {
                    tokens[tokenCount] = token
                } else {
                    overflow.append(token)
                }
                tokenCount &+= 1
            }
        }
        if !overflow.isEmpty { tokens.append(contentsOf: overflow) }
        if tokenCount > 0 {
            pendingCount += 1
            count += 1
        }
        memo.tokens = tokens
        memo.tokenCount = tokenCount

        // The hashes to intern, into room for them all.
        if memo.pendingHashes.count < pendingCount {
            memo.pendingHashes = [UInt64](repeating: 0, count: pendingCount * 2)
            memo.pendingGroups = [UInt8](repeating: 0, count: pendingCount * 2)
            memo.pendingIDs = [Int32](repeating: 0, count: pendingCount * 2)
        }
        memo.tokens.withUnsafeBufferPointer { tokens in
        memo.starts.withUnsafeBufferPointer { starts in
        memo.newGramHashes.withUnsafeBufferPointer { newGramHashes in
        memo.pendingHashes.withUnsafeMutableBufferPointer { hashes in
        memo.pendingGroups.withUnsafeMutableBufferPointer { groups in
            let (unigram, bigram, characters) =
                (UInt8(Group.unigram.rawValue), UInt8(Group.bigram.rawValue), UInt8(Group.characters.rawValue))
            var previous: UInt64?
            var next = 0
            var nextGram = 0
            for token in tokens[0..<tokenCount] {
                if token.word < 0 || token.isNew {
                    (hashes[next], groups[next]) = (token.unigram, unigram)
                    next &+= 1
                }
                (hashes[next], groups[next]) = (Self.bigramHash(previous, token.unigram), bigram)
                next &+= 1
                previous = token.unigram
                if token.isNew {
                    let grams = Int(starts[Int(token.word) + 1] &- starts[Int(token.word)])
                    for k in 0..<grams {
                        (hashes[next &+ k], groups[next &+ k]) = (newGramHashes[nextGram &+ k], characters)
                    }
                    next &+= grams
                    nextGram &+= grams
                }
            }
            if let previous { (hashes[next], groups[next]) = (closingBigram(previous), bigram) }
        }
        }
        }
        }
        }
        memo.pendingHashes.withUnsafeBufferPointer { hashes in
            memo.pendingGroups.withUnsafeBufferPointer { groups in
                memo.pendingIDs.withUnsafeMutableBufferPointer { pendingIDs in
                    intern(UnsafeBufferPointer(rebasing: hashes[0..<pendingCount]),
                           UnsafeBufferPointer(rebasing: groups[0..<pendingCount]),
                           UnsafeMutableBufferPointer(rebasing: pendingIDs[0..<pendingCount]))
                }
            }
        }

        memo.pendingCount = pendingCount

        // The new words' IDs, into the memo (the words are in order of their first token).
        memo.tokens.withUnsafeBufferPointer { tokens in
        memo.pendingIDs.withUnsafeBufferPointer { pending in
            var next = 0
            for token in tokens[0..<tokenCount] {
                guard token.isNew else {
                    next &+= token.word < 0 ? 2 : 1
                    continue
                }
                let word = Int(token.word)
                let grams = Int(memo.starts[word &+ 1] &- memo.starts[word])
                memo.unigramIDs.append(pending[next])
                memo.ids.append(contentsOf: UnsafeBufferPointer(rebasing: pending[next &+ 2..<next &+ 2 &+ grams]))
                next &+= 2 &+ grams
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

extension FeatureExtractor.WordMemo {
    /// Adds a word the memo has not met: its index, where its n-gram IDs go, and its n-grams' hashes
    /// (to `newGramHashes`). Its IDs are appended once the text's hashes are interned. Returns its index.
    mutating func addWord(_ bytes: UnsafeBufferPointer<UInt8>, unigram: UInt64, extractor: FeatureExtractor,
                          gramLengths: Int) -> Int32
    {
        let word = Int32(starts.count - 1)
        _ = table.insert(unigram, id: word)
        let count = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (bytes.count + 2) * gramLengths) { grams in
            let count = extractor.characterGrams(bytes, into: grams)
            newGramHashes.append(contentsOf: UnsafeBufferPointer(rebasing: grams[0..<count]))
            return count
        }
        starts.append(starts[starts.count - 1] + Int32(count))
        return word
    }
}
