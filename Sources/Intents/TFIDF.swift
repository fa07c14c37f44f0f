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
        var vector = SparseVector()
        vector.ids.reserveCapacity(128)
        var counts: [UInt16] = []
        counts.reserveCapacity(128)
        // Term counts through a small open-addressing table of positions in `vector.ids`, grown by
        // rehashing when a long text fills it.
        var capacity = 256
        var positions = [Int32](repeating: -1, count: capacity)
        extractor.forEachFeature(in: text) { hash, _ in
            let id = table.id(of: hash)
            guard id >= 0 else { return }
            if vector.ids.count * 2 >= capacity {
                capacity *= 2
                positions = [Int32](repeating: -1, count: capacity)
                for (position, known) in vector.ids.enumerated() {
                    var slot = Int(UInt32(bitPattern: known) &* 0x9E37_79B1) & (capacity - 1)
                    while positions[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                    positions[slot] = Int32(position)
                }
            }
            var slot = Int(UInt32(bitPattern: id) &* 0x9E37_79B1) & (capacity - 1)
            while true {
                let position = positions[slot]
                if position < 0 {
                    positions[slot] = Int32(vector.ids.count)
                    vector.ids.append(id)
                    counts.append(1)
                    return
                }
                if vector.ids[Int(position)] == id {
                    counts[Int(position)] &+= counts[Int(position)] < UInt16.max ? 1 : 0
                    return
                }
                slot = (slot + 1) & (capacity - 1)
            }
        }
        vector.weights = Self.weigh(ids: vector.ids, counts: counts, groups: groups, idf: idf, groupWeights: groupWeights)
        return vector
    }

    /// The weights of one document's features, given their term counts (the formula above).
    static func weigh<IDs: RandomAccessCollection<Int32>, Counts: RandomAccessCollection<UInt16>>(
        ids: IDs, counts: Counts, groups: [UInt8], idf: [Float], groupWeights: [Float]
    ) -> [Float] where IDs.Index == Int, Counts.Index == Int {
        var weights = [Float](repeating: 0, count: ids.count)
        var squares: (Float, Float, Float) = (0, 0, 0)
        var position = 0
        for offset in 0..<ids.count {
            let id = Int(ids[ids.startIndex + offset])
            let tf = Float(counts[counts.startIndex + offset])
            let weight = (1 + logf(tf)) * idf[id]
            weights[position] = weight
            switch groups[id] {
            case 0: squares.0 += weight * weight
            case 1: squares.1 += weight * weight
            default: squares.2 += weight * weight
            }
            position += 1
        }
        let scales: [Float] = [
            squares.0 > 0 ? groupWeights[0] / squares.0.squareRoot() : 0,
            squares.1 > 0 ? groupWeights[1] / squares.1.squareRoot() : 0,
            squares.2 > 0 ? groupWeights[2] / squares.2.squareRoot() : 0,
        ]
        var total: Float = 0
        for offset in 0..<ids.count {
            let scaled = weights[offset] * scales[Int(groups[Int(ids[ids.startIndex + offset])])]
            weights[offset] = scaled
            total += scaled * scaled
        }
        if total > 0 {
            let inverse = 1 / total.squareRoot()
            for offset in weights.indices { weights[offset] *= inverse }
        }
        return weights
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
        var documentFrequency: [Int32] = []
        var lastDocument: [Int32] = []
        var slotInRow: [Int32] = []

        var rowStarts = [0]
        var rowIDs: [Int32] = []
        var rowCounts: [UInt16] = []
        rowIDs.reserveCapacity(texts.count * 96)
        rowCounts.reserveCapacity(texts.count * 96)

        for (document, text) in texts.enumerated() {
            let rowStart = rowIDs.count
            extractor.forEachFeature(in: text) { hash, group in
                let (id, inserted) = table.insert(hash, id: Int32(hashes.count))
                if inserted {
                    hashes.append(hash)
                    groups.append(UInt8(group.rawValue))
                    documentFrequency.append(0)
                    lastDocument.append(-1)
                    slotInRow.append(0)
                }
                let index = Int(id)
                if lastDocument[index] == Int32(document) {
                    let slot = Int(slotInRow[index])
                    rowCounts[slot] &+= rowCounts[slot] < UInt16.max ? 1 : 0
                } else {
                    lastDocument[index] = Int32(document)
                    slotInRow[index] = Int32(rowIDs.count)
                    documentFrequency[index] += 1
                    rowIDs.append(id)
                    rowCounts.append(1)
                }
            }
            rowStarts.append(rowIDs.count)
        }

        let n = Float(texts.count)
        let idf = documentFrequency.map { logf((1 + n) / (1 + Float($0))) + 1 }
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
        matrix.weights.reserveCapacity(rowIDs.count)
        for document in 0..<texts.count {
            let range = rowStarts[document]..<rowStarts[document + 1]
            matrix.weights += weigh(ids: rowIDs[range], counts: rowCounts[range], groups: groups, idf: idf,
                                    groupWeights: groupWeights)
        }
        return (vectorizer, matrix)
    }
}
