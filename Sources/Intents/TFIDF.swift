import Foundation

/// A document as TF-IDF features: integer feature IDs with their weights (same order).
public struct SparseVector: Sendable, Equatable {
    public var ids: [Int32] = []
    public var weights: [Float] = []
}

/// The vocabulary and IDF half of TF-IDF: maps feature hashes to dense IDs and weighs them.
///
/// A document's weight for feature j of group g is
///
///     x_j = w_g · (1 + ln tf_j) · idf_j / ‖group g‖₂,   idf_j = ln((1 + n) / (1 + df_j)) + 1
///
/// (sublinear TF, smoothed IDF, each group L2-normalised and scaled by its weight w_g), and the whole
/// vector is then L2-normalised. Features never seen in training are dropped.
struct TFIDFVectorizer: Sendable {
    var extractor: FeatureExtractor
    /// w_g for unigrams, bigrams, character n-grams.
    var groupWeights: [Float]
    /// Feature ID -> hash, group and IDF.
    var hashes: [UInt64]
    var groups: [UInt8]
    var idf: [Float]
    var table: FeatureTable

    var featureCount: Int { hashes.count }

    init(extractor: FeatureExtractor, groupWeights: [Float], hashes: [UInt64], groups: [UInt8], idf: [Float]) {
        self.extractor = extractor
        self.groupWeights = groupWeights
        self.hashes = hashes
        self.groups = groups
        self.idf = idf
        self.table = FeatureTable(hashes: hashes)
    }

    /// The TF-IDF vector of `text` over the known vocabulary, features in order of first appearance.
    func vector(for text: String) -> SparseVector {
        var hashes: [UInt64] = []
        var hashGroups: [UInt8] = []
        hashes.reserveCapacity(256)
        hashGroups.reserveCapacity(256)
        extractor.appendFeatures(of: text, to: &hashes, groups: &hashGroups)
        var ids: [Int32] = []
        var counts: [UInt16] = []
        ids.reserveCapacity(hashes.count)
        counts.reserveCapacity(hashes.count)
        // Term counts through a small open-addressing table of positions in `ids`.
        var capacity = 64
        while capacity < hashes.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { positions in
            positions.initialize(repeating: -1)
            for hash in hashes {
                let id = table.id(of: hash)
                guard id >= 0 else { continue }
                var slot = Int(UInt32(bitPattern: id) &* 0x9E37_79B1) & mask
                while true {
                    let position = Int(positions[slot])
                    if position < 0 {
                        positions[slot] = Int32(ids.count)
                        ids.append(id)
                        counts.append(1)
                        break
                    }
                    if ids[position] == id {
                        counts[position] &+= counts[position] < UInt16.max ? 1 : 0
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        var weights = [Float](repeating: 0, count: ids.count)
        ids.withUnsafeBufferPointer { ids in
            counts.withUnsafeBufferPointer { counts in
                weights.withUnsafeMutableBufferPointer { weights in
                    weigh(ids: ids, counts: counts, into: weights)
                }
            }
        }
        return SparseVector(ids: ids, weights: weights)
    }

    /// Writes the weights of one document's features, given their term counts (the formula above).
    func weigh(ids: UnsafeBufferPointer<Int32>, counts: UnsafeBufferPointer<UInt16>,
               into weights: UnsafeMutableBufferPointer<Float>)
    {
        let scales = weighUnscaled(ids: ids, counts: counts, into: weights).0
        groups.withUnsafeBufferPointer { groups in
            for k in 0..<ids.count { weights[k] *= scales[Int(groups[Int(ids[k])] & 3)] }
        }
    }

    /// `weigh` for a training row, which also writes what the row's words leave of it (see `WordFactors`)
    /// at `position` of `restIDs` and `restWeights`: the weight of each word unigram and bigram, and
    /// x_j − s · tf_j · idf_j of each character n-gram that occurs more than once (0 for the others, which
    /// are left out). Returns the position after them, the row's mass Σ_j x_j (in order, in double
    /// precision, as `DocumentMatrix.mass`) and the scale s its words are weighted by.
    ///
    /// A term count that stopped at 65,535 (a text of more than 200 KB of one word) is no longer the
    /// n-gram's true count, which its words still give: such a row is left whole and its words weigh 0.
    func weighTrainingRow(
        ids: UnsafeBufferPointer<Int32>, counts: UnsafeBufferPointer<UInt16>,
        into weights: UnsafeMutableBufferPointer<Float>, restIDs: UnsafeMutableBufferPointer<Int32>,
        restWeights: UnsafeMutableBufferPointer<Float>, at position: Int
    ) -> (position: Int, mass: Double, scale: Float) {
        let (scales, largestCount) = weighUnscaled(ids: ids, counts: counts, into: weights)
        let wordsCarryGrams = largestCount < .max
        // The group of the entries the words carry (none when they weigh 0).
        let carriedGroup = wordsCarryGrams ? UInt8(FeatureExtractor.Group.characters.rawValue) : .max
        let characterScale = scales[2]
        var next = position
        var mass = 0.0
        groups.withUnsafeBufferPointer { groups in
        idf.withUnsafeBufferPointer { idf in
        withUnsafeTemporaryAllocation(of: (scale: Float, carried: Float, kept: UInt8).self, capacity: 4) { byGroup in
            // Per group (the index masked to 0...3, as `scales`): its scale, and whether the words carry its
            // entries, as a factor and as whether an entry that occurs once is kept. Looked up rather than
            // selected: the compiler turns a select on the group back into a branch, which mispredicts as
            // often as the group changes.
            for lane in 0..<4 {
                let carried = UInt8(lane) >= carriedGroup
                byGroup[lane] = (scales[lane], carried ? 1 : 0, carried ? 0 : 1)
            }
            // Every entry is written at `next`, which moves on past the ones that are left.
            for k in 0..<ids.count {
                let id = Int(ids[k])
                let group = byGroup[Int(groups[id] & 3)]
                let weight = weights[k] * group.scale
                weights[k] = weight
                mass += Double(weight)
                let count = counts[k]
                restIDs[next] = ids[k]
                restWeights[next] = weight - Float(count) * idf[id] * characterScale * group.carried
                next &+= Int(group.kept | unsafeBitCast(count > 1, to: UInt8.self))
            }
        }
        }
        }
        return (next, mass, wordsCarryGrams ? characterScale : 0)
    }

    /// The first of `weigh`'s two passes: writes each feature's (1 + ln tf_j) · idf_j and returns the scale
    /// of each group (lanes 0...2; lane 3 repeats lane 2, for a group index masked to 0...3: a group is
    /// 0...2, which loading a model checks, and the mask is one instruction where a clamp was three), and
    /// the largest term count.
    ///
    /// After the group scales the squared norm is Σ w_g² over the groups present, so the final L2
    /// normalisation folds into the scales.
    @inline(__always)
    private func weighUnscaled(ids: UnsafeBufferPointer<Int32>, counts: UnsafeBufferPointer<UInt16>,
                               into weights: UnsafeMutableBufferPointer<Float>) -> (SIMD4<Float>, UInt16)
    {
        groups.withUnsafeBufferPointer { groups in
        idf.withUnsafeBufferPointer { idf in
        Self.sublinearTF.withUnsafeBufferPointer { sublinearTF in
        withUnsafeTemporaryAllocation(of: SIMD4<Float>.self, capacity: 4) { masks in
            // Sums of squares per group in the lanes of one vector: a feature adds its square to its
            // group's lane through the group's one-hot mask. No branch on the group, which changes from
            // feature to feature (a word's unigram, its bigram, its n-grams, the next word's unigram...),
            // nor on tf: with those branches and `weighTrainingRow`'s, cachegrind counted 1.5 M
            // mispredictions in three fits' weighing of CLINC150, 0.1 M without. 1 + ln tf comes from a
            // table, tf over 63 (a word 64 times in one text) taken as 63, and only for a row with such a
            // count again with libm's ln: no call in the common loop, which kept its pointers on the stack.
            // With the masks and the groups looked up (see `weighTrainingRow`), weighing a fit's rows went
            // from 134 to 90 million instructions (callgrind) and from 3.7 to 2.8 ms on two threads.
            // (Element by element: an array literal would build each through a generic sequence.)
            (masks[0], masks[1]) = (SIMD4(1, 0, 0, 0), SIMD4(0, 1, 0, 0))
            (masks[2], masks[3]) = (SIMD4(0, 0, 1, 0), SIMD4(0, 0, 1, 0))
            @inline(__always) func sumSquares(exact: Bool) -> (SIMD4<Float>, UInt16) {
                var squares = SIMD4<Float>()
                var largestCount: UInt16 = 0
                for k in 0..<ids.count {
                    let id = Int(ids[k])
                    let count = counts[k]
                    largestCount = max(largestCount, count)
                    let tf = exact && count >= 64 ? 1 + logf(Float(count)) : sublinearTF[Int(min(count, 63))]
                    let weight = tf * idf[id]
                    weights[k] = weight
                    squares += masks[Int(groups[id] & 3)] * (weight * weight)
                }
                return (squares, largestCount)
            }
            var (squares, largestCount) = sumSquares(exact: false)
            if largestCount >= 64 { squares = sumSquares(exact: true).0 }
            let present0: Float = squares[0] > 0 ? groupWeights[0] : 0
            let present1: Float = squares[1] > 0 ? groupWeights[1] : 0
            let present2: Float = squares[2] > 0 ? groupWeights[2] : 0
            let total = present0 * present0 + present1 * present1 + present2 * present2
            let inverse: Float = total > 0 ? 1 / total.squareRoot() : 1
            var scales = SIMD4<Float>()
            scales[0] = squares[0] > 0 ? present0 / squares[0].squareRoot() * inverse : 0
            scales[1] = squares[1] > 0 ? present1 / squares[1].squareRoot() * inverse : 0
            scales[2] = squares[2] > 0 ? present2 / squares[2].squareRoot() * inverse : 0
            scales[3] = scales[2]
            return (scales, largestCount)
        }
        }
        }
        }
    }

    /// 1 + ln tf for tf < 64 (the term counts of nearly every feature), as `weighUnscaled` computes it
    /// for larger counts.
    private static let sublinearTF: [Float] = (0..<64).map { $0 <= 1 ? 1 : 1 + logf(Float($0)) }
}

/// Training documents as a compressed sparse row matrix: the TF-IDF rows of every example.
struct DocumentMatrix: Sendable {
    var rowStarts: [Int] = [0]
    var ids: [Int32] = []
    var weights: [Float] = []
    var labels: [Int] = []
    /// Each row's Σ_j x_j (naive Bayes's example mass), in double precision.
    var masses: [Double] = []
    /// The words the rows' character n-grams come from, when TF-IDF built the rows (nil otherwise).
    var words: WordFactors?

    var count: Int { labels.count }

    mutating func append(ids newIDs: some Collection<Int32>, weights newWeights: [Float], label: Int) {
        ids.append(contentsOf: newIDs)
        weights.append(contentsOf: newWeights)
        rowStarts.append(ids.count)
        labels.append(label)
        masses.append(newWeights.withUnsafeBufferPointer { Self.mass(of: $0) })
        words = nil  // they describe the rows TF-IDF built, not this one
    }

    /// Σ x_j, in order, in double precision.
    static func mass(of weights: UnsafeBufferPointer<Float>) -> Double {
        var mass = 0.0
        for weight in weights { mass += Double(weight) }
        return mass
    }

    func row(_ index: Int) -> SparseVector {
        SparseVector(ids: Array(ids[rowStarts[index]..<rowStarts[index + 1]]),
                     weights: Array(weights[rowStarts[index]..<rowStarts[index + 1]]))
    }
}

/// The rows' character n-grams through their words, so that a pass over every row can sum each word's
/// n-grams once rather than in every row the word is in (see `NaiveBayes.leaveOneOutPosteriors`).
///
/// A row's character n-gram weights are x_j = s · (1 + ln tf_j) · idf_j, s the row's scale for the group
/// (see `TFIDFVectorizer`). A word's n-grams, each occurrence weighted idf_j, times k · s for a word the
/// row has k times, give n-gram j the weight s · tf_j · idf_j: x_j exactly (the same float product) when
/// tf_j = 1, as for most (see `TFIDFVectorizer.weighTrainingRow` for counts too large to hold). What the words leave of the row is listed with it: x_j − s · tf_j · idf_j for
/// a repeated n-gram (a repeated word, " t" of "the" and "to", "banana"'s "an"), and the whole weight
/// of the word unigrams and bigrams.
struct WordFactors: Sendable {
    /// Word w's character n-gram feature IDs, every occurrence: `gramIDs[gramStarts[w] ..< gramStarts[w + 1]]`.
    var gramStarts: [Int32] = [0]
    var gramIDs: [Int32] = []
    /// Each feature's IDF: what an n-gram of a word weighs.
    var idf: [Float] = []
    /// Row d's distinct words are `rowWords[rowWordStarts[d] ..< rowWordStarts[d + 1]]`, each weighted
    /// k · s (`rowWordWeights`).
    var rowWordStarts: [Int] = [0]
    var rowWords: [Int32] = []
    var rowWordWeights: [Float] = []
    /// What the words leave of row d: features `restIDs[restStarts[d] ..< restStarts[d + 1]]` with
    /// weights `restWeights`.
    var restStarts: [Int] = [0]
    var restIDs: [Int32] = []
    var restWeights: [Float] = []

    var wordCount: Int { gramStarts.count - 1 }

    init() {}

    /// No words: each row's features are all left.
    init(rowsOf documents: DocumentMatrix) {
        restStarts = documents.rowStarts
        restIDs = documents.ids
        restWeights = documents.weights
        rowWordStarts = [Int](repeating: 0, count: documents.count + 1)
    }
}

extension TFIDFVectorizer {
    /// Builds the vocabulary and IDF from `texts` and returns the vectorizer with every text's row.
    ///
    /// Counting interns each feature hash (IDs in order of first appearance, so the same data gives
    /// the same IDs) and counts terms per document; IDF needs every document's counts, so weighting is
    /// a second pass over the stored counts. Large inputs are counted in `chunks` parts at once; their
    /// vocabularies are merged in order, and each part's rows are renumbered and weighed at once,
    /// which gives exactly the IDs and rows of one sequential pass.
    static func fit<Texts: RandomAccessCollection<String> & Sendable>(
        texts: Texts, labels: [Int], extractor: FeatureExtractor, groupWeights: [Float], chunks: Int? = nil
    ) -> (TFIDFVectorizer, DocumentMatrix) where Texts.Index == Int {
        let parts = max(1, min(chunks ?? (texts.count >= 4000 ? 2 : 1), texts.count))
        let bounds = (0...parts).map { texts.count * $0 / parts }
        var counted = [TermCounts?](repeating: nil, count: parts)
        counted.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own element.
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                results[part] = TermCounts(texts[bounds[part]..<bounds[part + 1]], extractor: extractor)
            }
        }
        var pieces = counted.map { $0 ?? TermCounts(texts[0..<0], extractor: extractor) }
        counted.removeAll()

        // The vocabulary of one sequential pass: the first part's, then each later part's new features
        // in its order. Each later part's local IDs map to these (the first part's IDs are already so).
        // Moved out of the first part (not shared with it), so that adding to them copies nothing.
        var table = pieces[0].table
        var hashes = pieces[0].hashes
        var groups = pieces[0].groups
        var frequency = pieces[0].frequency
        pieces[0].table = FeatureTable(capacity: 0)
        pieces[0].hashes = []
        pieces[0].groups = []
        pieces[0].frequency = []
        // Room for every part's features, so that adding the later parts' copies nothing.
        let room = pieces.reduce(0) { $0 + $1.hashes.count }
        hashes.reserveCapacity(room)
        groups.reserveCapacity(room)
        frequency.reserveCapacity(room)
        var remaps: [[Int32]] = [[]]
        for piece in pieces.dropFirst() {
            var remap = [Int32](repeating: 0, count: piece.hashes.count)
            for local in 0..<piece.hashes.count {
                let (id, inserted) = table.insert(piece.hashes[local], id: Int32(hashes.count))
                if inserted {
                    hashes.append(piece.hashes[local])
                    groups.append(piece.groups[local])
                    frequency.append(piece.frequency[local])
                } else {
                    frequency[Int(id)] += piece.frequency[local]
                }
                remap[local] = id
            }
            remaps.append(remap)
        }

        let n = Float(texts.count)
        let idf = frequency.map { logf((1 + n) / (1 + Float($0))) + 1 }
        var vectorizer = TFIDFVectorizer(
            extractor: extractor, groupWeights: groupWeights, hashes: [], groups: [], idf: [])
        vectorizer.hashes = hashes
        vectorizer.groups = groups
        vectorizer.idf = idf
        vectorizer.table = table

        // Rows: each part's entries follow the earlier parts'.
        var entryBases = [0]
        var rowStarts = [Int]()
        rowStarts.reserveCapacity(texts.count + 1)
        rowStarts.append(0)
        for piece in pieces {
            let base = entryBases[entryBases.count - 1]
            for start in piece.rowStarts.dropFirst() { rowStarts.append(base + start) }
            entryBases.append(base + piece.rowIDs.count)
        }
        let entryCount = entryBases[parts]
        var matrix = DocumentMatrix()
        matrix.rowStarts = rowStarts
        matrix.labels = labels

        // The words, each part's numbered after the earlier parts' (a word two parts met is two words),
        // and what the words leave of each part's rows (at most its entries): sized here, and written
        // below by every part at once, each its own ranges, rather than appended part after part on one
        // thread (which took 0.5 ms of a CLINC150 fit). A part writes what its rows leave from its entries'
        // base; the later parts' are moved down after.
        var (wordBases, gramBases, rowWordBases) = ([0], [0], [0])
        for piece in pieces {
            wordBases.append(wordBases[wordBases.count - 1] + piece.memo.starts.count - 1)
            gramBases.append(gramBases[gramBases.count - 1] + piece.memo.ids.count)
            rowWordBases.append(rowWordBases[rowWordBases.count - 1] + piece.rowWords.count)
        }
        var words = WordFactors()
        words.idf = idf
        words.gramStarts = [Int32](hugePagesCount: wordBases[parts] + 1)
        words.gramStarts[0] = 0
        words.gramIDs = [Int32](hugePagesCount: gramBases[parts])
        words.rowWordStarts = [Int](hugePagesCount: texts.count + 1)
        words.rowWordStarts[0] = 0
        words.rowWords = [Int32](hugePagesCount: rowWordBases[parts])
        words.rowWordWeights = [Float](hugePagesCount: rowWordBases[parts])
        words.restStarts = [Int](hugePagesCount: texts.count + 1)
        words.restStarts[0] = 0
        words.restIDs = [Int32](hugePagesCount: entryCount)
        words.restWeights = [Float](hugePagesCount: entryCount)
        var restEnds = [Int](repeating: 0, count: parts)
        matrix.masses = [Double](repeating: 0, count: texts.count)
        // Every ID and weight is written below, each part its own range at once (which also spreads
        // the page faults of the fresh memory).
        matrix.ids = [Int32](hugePagesCount: entryCount)
        matrix.weights = [Float](hugePagesCount: entryCount)
        let vectorizerCopy = vectorizer
        let (partRemaps, partBases, counts) = (remaps, entryBases, pieces)
        let (partWordBases, partGramBases, partRowWordBases) = (wordBases, gramBases, rowWordBases)
        matrix.ids.withUnsafeMutableBufferPointer { ids in
        matrix.weights.withUnsafeMutableBufferPointer { weights in
        matrix.masses.withUnsafeMutableBufferPointer { masses in
        words.gramStarts.withUnsafeMutableBufferPointer { gramStarts in
        words.gramIDs.withUnsafeMutableBufferPointer { gramIDs in
        words.rowWordStarts.withUnsafeMutableBufferPointer { rowWordStarts in
        words.rowWords.withUnsafeMutableBufferPointer { rowWords in
        words.rowWordWeights.withUnsafeMutableBufferPointer { wordWeights in
        words.restStarts.withUnsafeMutableBufferPointer { restStarts in
        words.restIDs.withUnsafeMutableBufferPointer { restIDs in
        words.restWeights.withUnsafeMutableBufferPointer { restWeights in
        restEnds.withUnsafeMutableBufferPointer { restEnds in
            // Parts write disjoint ranges of every buffer (their rows', words' and entries').
            nonisolated(unsafe) let (ids, weights, masses, gramStarts, gramIDs, rowWordStarts, rowWords) =
                (ids, weights, masses, gramStarts, gramIDs, rowWordStarts, rowWords)
            nonisolated(unsafe) let (wordWeights, restStarts, restIDs, restWeights, restEnds) =
                (wordWeights, restStarts, restIDs, restWeights, restEnds)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let piece = counts[part]
                let base = partBases[part]
                let (wordBase, gramBase, rowWordBase) = (partWordBases[part], partGramBases[part], partRowWordBases[part])
                piece.rowIDs.withUnsafeBufferPointer { local in
                    if part == 0 {
                        _ = UnsafeMutableBufferPointer(rebasing: ids[base..<base + local.count]).initialize(from: local)
                    } else {
                        partRemaps[part].withUnsafeBufferPointer { remap in
                            for k in 0..<local.count { ids[base + k] = remap[Int(local[k])] }
                        }
                    }
                }
                for word in 0..<piece.memo.starts.count - 1 {
                    gramStarts[wordBase + word + 1] = Int32(gramBase) + piece.memo.starts[word + 1]
                }
                for k in piece.memo.ids.indices {
                    let id = piece.memo.ids[k]
                    gramIDs[gramBase + k] = part == 0 ? id : partRemaps[part][Int(id)]
                }
                for k in piece.rowWords.indices { rowWords[rowWordBase + k] = Int32(wordBase) + piece.rowWords[k] }
                var position = base
                piece.rowCounts.withUnsafeBufferPointer { termCounts in
                    for document in 0..<piece.rowStarts.count - 1 {
                        let local = piece.rowStarts[document]..<piece.rowStarts[document + 1]
                        let range = base + local.lowerBound..<base + local.upperBound
                        let row = bounds[part] + document
                        let (end, mass, scale) = vectorizerCopy.weighTrainingRow(
                            ids: UnsafeBufferPointer(rebasing: ids[range]),
                            counts: UnsafeBufferPointer(rebasing: termCounts[local]),
                            into: UnsafeMutableBufferPointer(rebasing: weights[range]), restIDs: restIDs,
                            restWeights: restWeights, at: position)
                        position = end
                        restStarts[row + 1] = end
                        masses[row] = mass
                        rowWordStarts[row + 1] = rowWordBase + piece.rowWordStarts[document + 1]
                        for slot in piece.rowWordStarts[document]..<piece.rowWordStarts[document + 1] {
                            wordWeights[rowWordBase + slot] = piece.rowWordCounts[slot] * scale
                        }
                    }
                }
                restEnds[part] = position
            }
            // Each later part's rests follow the earlier parts'.
            var end = restEnds[0]
            for part in 1..<max(parts, 1) {
                let (from, count) = (partBases[part], restEnds[part] - partBases[part])
                let shift = from - end
                if shift > 0 {
                    // (The ranges may overlap.)
                    memmove(restIDs.baseAddress! + end, restIDs.baseAddress! + from, count * MemoryLayout<Int32>.stride)
                    memmove(restWeights.baseAddress! + end, restWeights.baseAddress! + from,
                            count * MemoryLayout<Float>.stride)
                    for row in bounds[part]..<bounds[part + 1] { restStarts[row + 1] -= shift }
                }
                end += count
            }
            restEnds[0] = end
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        words.restIDs.removeLast(words.restIDs.count - restEnds[0])
        words.restWeights.removeLast(words.restWeights.count - restEnds[0])
        matrix.words = words
        return (vectorizer, matrix)
    }
}

/// The vocabulary and term counts of some documents: what TF-IDF counts before it weighs.
struct TermCounts {
    /// Room for the features of a few thousand short texts before the table and arrays grow.
    private static let initialFeatureCapacity = 1 << 15

    var table = FeatureTable(capacity: 0)
    /// Feature ID -> hash, group, document frequency.
    var hashes: [UInt64] = []
    var groups: [UInt8] = []
    var frequency: [Int32] = []
    /// Document d's distinct features are `rowIDs[rowStarts[d] ..< rowStarts[d + 1]]`, in order of
    /// first appearance, with their term counts in `rowCounts`.
    var rowStarts = [0]
    var rowIDs: [Int32] = []
    var rowCounts: [UInt16] = []
    /// The words met (in order, with their n-gram IDs: `memo`), and document d's distinct words
    /// `rowWords[rowWordStarts[d] ..< rowWordStarts[d + 1]]` with how many times it has each.
    var memo = FeatureExtractor.WordMemo()
    var rowWordStarts = [0]
    var rowWords: [Int32] = []
    var rowWordCounts: [Float] = []

    /// A word's last document while counting, and its slot in that document's words.
    private struct Seen {
        var document: Int32
        var slot: Int32
    }

    /// Counts `texts` in one sequential pass.
    init(_ texts: some Collection<String>, extractor: FeatureExtractor) {
        // Per feature while counting: the position in `rowIDs` of its entry in the last document that
        // had it, less `positionBase` (-1 before any): a document has had it when that is at least where
        // the document's row starts, and positions only grow, so nothing is set back between documents.
        // Four bytes a feature, rather than eight for the last document and the slot there: the array
        // stays in the core's cache with the vocabulary's table, and counting CLINC150's terms once their
        // IDs are known took about a fifth less time (the document frequencies are counted in that same
        // pass over the row). Past 2³¹ positions from the base, every feature's is set back to -1 and
        // the base moves to the row.
        var positionBase = 0
        // Counted into locals, moved to the properties at the end: a copy of a property would share its
        // storage, and the first insert would copy the whole table (a megabyte) to write. The features'
        // arrays are room (`growHugePages` when short: grown by doubling from empty, each would copy itself
        // several times over), and `vocabularyCount` of each is written: a new feature is written in place,
        // not appended to each (an append checks that its array is uniquely referenced, through a call).
        var table = FeatureTable(capacity: Self.initialFeatureCapacity)
        var hashes = [UInt64](hugePagesCount: Self.initialFeatureCapacity)
        var groups = [UInt8](hugePagesCount: Self.initialFeatureCapacity)
        var frequency = [Int32](hugePagesCount: Self.initialFeatureCapacity)
        var slotOf = [Int32](hugePagesCount: Self.initialFeatureCapacity)
        var vocabularyCount = 0
        // The rows are written in place: room for them (grown when short), and how much is written.
        var rowIDs = [Int32](hugePagesCount: texts.count * 192)
        var rowCounts = [UInt16](hugePagesCount: texts.count * 192)
        var entryCount = 0
        rowStarts.reserveCapacity(texts.count + 1)
        var memo = FeatureExtractor.WordMemo()
        // Per word: the last document it was met in, and its slot in that document's words.
        var wordSeen: [Seen] = []
        // Written in place as the rows.
        var rowWords = [Int32](hugePagesCount: texts.count * 12)
        var rowWordCounts = [Float](hugePagesCount: texts.count * 12)
        var rowWordCount = 0
        rowWordStarts.reserveCapacity(texts.count + 1)
        // Each text is read where it is (by index, not iterated out as a copy).
        for (document, index) in texts.indices.enumerated() {
            // Intern the features: new ones get the next ID.
            let featureCount = extractor.featureIDs(of: texts[index], memo: &memo) {
                newHashes, newGroups, ids in
                // Most features are known: read-only probes first, all at once, then the missing ones
                // inserted in order (an earlier one of the same text may have brought a feature since).
                table.lookUp(newHashes, into: ids)
                guard let firstMissing = ids.firstIndex(where: { $0 < 0 }) else { return }
                let needed = vocabularyCount + ids.count
                hashes.growHugePages(toHold: needed, keeping: vocabularyCount)
                groups.growHugePages(toHold: needed, keeping: vocabularyCount)
                frequency.growHugePages(toHold: needed, keeping: vocabularyCount)
                slotOf.growHugePages(toHold: needed, keeping: vocabularyCount)
                hashes.withUnsafeMutableBufferPointer { hashes in
                groups.withUnsafeMutableBufferPointer { groups in
                frequency.withUnsafeMutableBufferPointer { frequency in
                slotOf.withUnsafeMutableBufferPointer { slotOf in
                    for k in firstMissing..<ids.count where ids[k] < 0 {
                        let (id, inserted) = table.insert(newHashes[k], id: Int32(vocabularyCount))
                        if inserted {
                            (hashes[vocabularyCount], groups[vocabularyCount]) = (newHashes[k], newGroups[k])
                            (frequency[vocabularyCount], slotOf[vocabularyCount]) = (0, -1)
                            vocabularyCount += 1
                        }
                        ids[k] = id
                    }
                }
                }
                }
                }
            }
            // Count terms: a feature's first occurrence in this document takes the next slot of the row,
            // as the IDs come (they are not laid out first).
            rowIDs.growHugePages(toHold: entryCount + featureCount, keeping: entryCount)
            rowCounts.growHugePages(toHold: entryCount + featureCount, keeping: entryCount)
            if entryCount - positionBase + featureCount > Int(Int32.max) {
                positionBase = entryCount
                for index in 0..<vocabularyCount { slotOf[index] = -1 }
            }
            let documentID = Int32(document)
            let rowStart = Int32(entryCount - positionBase)
            var distinct = 0
            slotOf.withUnsafeMutableBufferPointer { slotOf in
            frequency.withUnsafeMutableBufferPointer { frequency in
            rowIDs.withUnsafeMutableBufferPointer { rowIDs in
            rowCounts.withUnsafeMutableBufferPointer { rowCounts in
                // Copies, and `distinct` in a local over each run: the compiler reloads what the closures
                // hold in memory after every store through a pointer.
                let (slotOf, frequency) = (slotOf, frequency)
                let room = entryCount..<entryCount + featureCount
                let (ids, counts) = (UnsafeMutableBufferPointer(rebasing: rowIDs[room]),
                                     UnsafeMutableBufferPointer(rebasing: rowCounts[room]))
                memo.forEachFeatureIDRun { run in
                    var next = distinct
                    for id in run {
                        let index = Int(id)
                        let position = slotOf[index]
                        if position >= rowStart {
                            let slot = Int(position &- rowStart)
                            counts[slot] &+= counts[slot] < UInt16.max ? 1 : 0
                        } else {
                            slotOf[index] = rowStart &+ Int32(truncatingIfNeeded: next)
                            ids[next] = id
                            counts[next] = 1
                            frequency[index] &+= 1
                            next &+= 1
                        }
                    }
                    distinct = next
                }
            }
            }
            }
            }
            entryCount += distinct
            rowStarts.append(entryCount)
            // The document's distinct words, in place as its features.
            while wordSeen.count < memo.unigramIDs.count { wordSeen.append(Seen(document: -1, slot: 0)) }
            let tokenCount = memo.tokenCount
            rowWords.growHugePages(toHold: rowWordCount + tokenCount, keeping: rowWordCount)
            rowWordCounts.growHugePages(toHold: rowWordCount + tokenCount, keeping: rowWordCount)
            var wordCount = 0
            memo.tokens.withUnsafeBufferPointer { tokens in
            wordSeen.withUnsafeMutableBufferPointer { wordSeen in
            rowWords.withUnsafeMutableBufferPointer { rowWords in
            rowWordCounts.withUnsafeMutableBufferPointer { rowWordCounts in
                let room = rowWordCount..<rowWordCount + tokenCount
                let (words, counts) = (UnsafeMutableBufferPointer(rebasing: rowWords[room]),
                                       UnsafeMutableBufferPointer(rebasing: rowWordCounts[room]))
                for token in tokens[0..<tokenCount] where token.word >= 0 {
                    let word = Int(token.word)
                    if wordSeen[word].document == documentID {
                        counts[Int(wordSeen[word].slot)] += 1
                    } else {
                        wordSeen[word] = Seen(document: documentID, slot: Int32(truncatingIfNeeded: wordCount))
                        words[wordCount] = token.word
                        counts[wordCount] = 1
                        wordCount &+= 1
                    }
                }
            }
            }
            }
            }
            rowWordCount += wordCount
            rowWordStarts.append(rowWordCount)
        }
        hashes.removeSubrange(vocabularyCount...)
        groups.removeSubrange(vocabularyCount...)
        frequency.removeSubrange(vocabularyCount...)
        rowIDs.removeSubrange(entryCount...)
        rowCounts.removeSubrange(entryCount...)
        rowWords.removeSubrange(rowWordCount...)
        rowWordCounts.removeSubrange(rowWordCount...)
        self.rowWords = rowWords
        self.rowWordCounts = rowWordCounts
        self.rowIDs = rowIDs
        self.rowCounts = rowCounts
        self.memo = memo
        self.table = table
        self.hashes = hashes
        self.groups = groups
        self.frequency = frequency
    }
}
