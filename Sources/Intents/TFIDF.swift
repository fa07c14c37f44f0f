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
        groups.withUnsafeBufferPointer { groups in
            idf.withUnsafeBufferPointer { idf in
                var squares: (Float, Float, Float) = (0, 0, 0)
                for k in 0..<ids.count {
                    let id = Int(ids[k])
                    let count = counts[k]
                    let weight = (count == 1 ? 1 : 1 + logf(Float(count))) * idf[id]
                    weights[k] = weight
                    switch groups[id] {
                    case 0: squares.0 += weight * weight
                    case 1: squares.1 += weight * weight
                    default: squares.2 += weight * weight
                    }
                }
                let scales = (
                    squares.0 > 0 ? groupWeights[0] / squares.0.squareRoot() : 0,
                    squares.1 > 0 ? groupWeights[1] / squares.1.squareRoot() : 0,
                    squares.2 > 0 ? groupWeights[2] / squares.2.squareRoot() : 0)
                var total: Float = 0
                for k in 0..<ids.count {
                    let scale: Float
                    switch groups[Int(ids[k])] {
                    case 0: scale = scales.0
                    case 1: scale = scales.1
                    default: scale = scales.2
                    }
                    weights[k] *= scale
                    total += weights[k] * weights[k]
                }
                if total > 0 {
                    let inverse = 1 / total.squareRoot()
                    for k in 0..<ids.count { weights[k] *= inverse }
                }
            }
        }
    }
}

/// Training documents as a compressed sparse row matrix: the TF-IDF rows of every example.
struct DocumentMatrix: Sendable {
    var rowStarts: [Int] = [0]
    var ids: [Int32] = []
    var weights: [Float] = []
    var labels: [Int] = []

    var count: Int { labels.count }

    mutating func append(ids newIDs: some Collection<Int32>, weights newWeights: [Float], label: Int) {
        ids.append(contentsOf: newIDs)
        weights.append(contentsOf: newWeights)
        rowStarts.append(ids.count)
        labels.append(label)
    }

    func row(_ index: Int) -> SparseVector {
        SparseVector(ids: Array(ids[rowStarts[index]..<rowStarts[index + 1]]),
                     weights: Array(weights[rowStarts[index]..<rowStarts[index + 1]]))
    }
}

extension TFIDFVectorizer {
    /// Builds the vocabulary and IDF from `texts` and returns the vectorizer with every text's row.
    ///
    /// One pass interns each feature hash (IDs in order of first appearance, so the same data gives
    /// the same IDs) and counts terms per document; IDF needs every document's counts, so the
    /// weighting is a second pass over the stored counts.
    static func fit(
        texts: [String], labels: [Int], extractor: FeatureExtractor, groupWeights: [Float]
    ) -> (TFIDFVectorizer, DocumentMatrix) {
        var table = FeatureTable(capacity: 1 << 16)
        var hashes: [UInt64] = []
        var groups: [UInt8] = []
        // Per feature: the last document it was seen in, its slot in that document's row, and its
        // document frequency (one array, so counting touches one cache line per feature).
        struct Tally {
            var lastDocument: Int32
            var slot: Int32
            var frequency: Int32
        }
        var tallies: [Tally] = []

        var rowStarts = [0]
        var rowIDs: [Int32] = []
        var rowCounts: [UInt16] = []
        rowIDs.reserveCapacity(texts.count * 192)
        rowCounts.reserveCapacity(texts.count * 192)

        var memo = FeatureExtractor.WordMemo()
        var documentIDs: [Int32] = []
        var distinctIDs: [Int32] = []
        var distinctCounts: [UInt16] = []
        for (document, text) in texts.enumerated() {
            // Intern the features: new ones get the next ID.
            documentIDs.removeAll(keepingCapacity: true)
            extractor.appendFeatureIDs(of: text, to: &documentIDs, memo: &memo) { hash, group in
                let (id, inserted) = table.insert(hash, id: Int32(hashes.count))
                if inserted {
                    hashes.append(hash)
                    groups.append(UInt8(group.rawValue))
                    tallies.append(Tally(lastDocument: -1, slot: 0, frequency: 0))
                }
                return id
            }
            // Count terms: a feature's first occurrence in this document takes the next slot of the row.
            distinctIDs.removeAll(keepingCapacity: true)
            distinctCounts.removeAll(keepingCapacity: true)
            distinctIDs.append(contentsOf: repeatElement(0, count: documentIDs.count))
            distinctCounts.append(contentsOf: repeatElement(0, count: documentIDs.count))
            let documentID = Int32(document)
            var distinct = 0
            tallies.withUnsafeMutableBufferPointer { tallies in
                distinctIDs.withUnsafeMutableBufferPointer { ids in
                    distinctCounts.withUnsafeMutableBufferPointer { counts in
                        for id in documentIDs {
                            let index = Int(id)
                            if tallies[index].lastDocument == documentID {
                                let slot = Int(tallies[index].slot)
                                counts[slot] &+= counts[slot] < UInt16.max ? 1 : 0
                            } else {
                                tallies[index].lastDocument = documentID
                                tallies[index].slot = Int32(distinct)
                                tallies[index].frequency += 1
                                ids[distinct] = id
                                counts[distinct] = 1
                                distinct += 1
                            }
                        }
                    }
                }
            }
            rowIDs.append(contentsOf: distinctIDs[0..<distinct])
            rowCounts.append(contentsOf: distinctCounts[0..<distinct])
            rowStarts.append(rowIDs.count)
        }

        let n = Float(texts.count)
        let idf = tallies.map { logf((1 + n) / (1 + Float($0.frequency))) + 1 }
        var vectorizer = TFIDFVectorizer(
            extractor: extractor, groupWeights: groupWeights, hashes: [], groups: [], idf: [])
        vectorizer.hashes = hashes
        vectorizer.groups = groups
        vectorizer.idf = idf
        vectorizer.table = table

        var matrix = DocumentMatrix()
        matrix.rowStarts = rowStarts
        matrix.ids = rowIDs
        matrix.labels = labels
        matrix.weights = [Float](repeating: 0, count: rowIDs.count)
        rowIDs.withUnsafeBufferPointer { ids in
            rowCounts.withUnsafeBufferPointer { counts in
                matrix.weights.withUnsafeMutableBufferPointer { weights in
                    for document in 0..<texts.count {
                        let start = rowStarts[document]
                        let count = rowStarts[document + 1] - start
                        vectorizer.weigh(
                            ids: UnsafeBufferPointer(rebasing: ids[start..<start + count]),
                            counts: UnsafeBufferPointer(rebasing: counts[start..<start + count]),
                            into: UnsafeMutableBufferPointer(rebasing: weights[start..<start + count]))
                    }
                }
            }
        }
        return (vectorizer, matrix)
    }
}
