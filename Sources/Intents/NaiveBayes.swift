import CKernels
import Foundation

// Multinomial naive Bayes over TF-IDF weights.
//
// A document is a vector x of TF-IDF weights (see TFIDF.swift). Naive Bayes scores class c as the
// log of its joint likelihood, the features taken as independent draws from a multinomial θ_c:
//
//     score_c(x) = log π_c + Σ_j x_j · log θ_cj
//     θ_cj      = (N_cj + α) / (N_c + α·V)          Laplace/Lidstone smoothing
//
// where N_cj = Σ_{d ∈ c} s_d·x_dj is the total weight of feature j in class c's training documents
// (s_d = 1, or with `normalizesExamples` s_d = 1 / Σ_j x_dj so that every example adds a mass of 1
// to its class: an example with many features does not outweigh a short one; either times the
// example's weight, which NaiveBayes+HardExamples.swift raises for examples the model finds hard),
// N_c = Σ_j N_cj, V the vocabulary size and α the smoothing. π_c is the class prior; with
// `fitPrior` false it is uniform (so log π_c drops out), which suits intent data whose class sizes
// say more about who wrote the examples than about what customers ask.
//
// The posterior is the softmax of the scores, P(c | x) = exp(τ·score_c) / Σ_k exp(τ·score_k); τ = 1
// is the textbook model, and a smaller τ (a temperature) tempers naive Bayes's over-confidence,
// which comes from counting correlated features (overlapping n-grams) as independent.
//
// Sparse form. Most N_cj are 0, and then log θ_cj = log α − log(N_c + αV) =: b_c for every such j.
// So with X = Σ_j x_j,
//
//     score_c(x) = log π_c + X·b_c + Σ_{j : N_cj > 0} x_j · (log(N_cj + α) − log α)
//
// and the model stores, per feature, only the classes that saw it with that delta: scoring touches
// only the (feature, class) pairs seen in training.
struct NaiveBayes: Sendable, Equatable {
    var classCount: Int
    var featureCount: Int
    var alpha: Double
    /// log π_c (0 when the prior is uniform).
    var logPriors: [Double]
    /// b_c = log α − log(N_c + αV): log θ_cj of a feature class c never saw.
    var unseenLogProbabilities: [Double]
    /// Feature j's entries are `entryClasses[entryStarts[j] ..< entryStarts[j + 1]]`, classes ascending.
    var entryStarts: [Int32]
    var entryClasses: [UInt16]
    /// log(N_cj + α) − log α for each entry.
    var entryDeltas: [Float]

    /// Fits the model to the rows of `documents` whose index is in `rows` (all rows when nil). Row d's
    /// counts are multiplied by `exampleWeights[d]` when given (see NaiveBayes+HardExamples.swift).
    /// With `parallel`, large inputs use two threads (callers already running folds at once pass false).
    static func fit(
        _ documents: DocumentMatrix, rows: [Int]? = nil, classCount: Int, featureCount: Int,
        alpha: Double, fitPrior: Bool, normalizesExamples: Bool = false, exampleWeights: [Double]? = nil,
        parallel: Bool = true
    ) -> NaiveBayes {
        fit(documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
            fitPrior: fitPrior, normalizesExamples: normalizesExamples, exampleWeights: exampleWeights,
            parallel: parallel, ownClassChanges: false).model
    }

    /// `fit`, and with `ownClassChanges` also, for each row d of `rows` (by row index; 0 elsewhere), how
    /// much leaving d out changes its own class's log-likelihood of it, but for the class total:
    /// Σ_j x_dj · ln((N_yj − s_d·x_dj + α) / (N_yj + α)) (see NaiveBayes+HardExamples.swift), from the
    /// counts N_yj while they are at hand.
    static func fit(
        _ documents: DocumentMatrix, rows: [Int]?, classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, exampleWeights: [Double]?, parallel: Bool, ownClassChanges: Bool
    ) -> (model: NaiveBayes, ownClassChanges: [Double]) {
        let rows = rows ?? Array(0..<documents.count)
        var changes = [Double](repeating: 0, count: ownClassChanges ? documents.count : 0)
        // Rows grouped by class (stable, so sums run in a fixed order: same data, same bits).
        var byClass = [[Int]](repeating: [], count: classCount)
        for row in rows { byClass[documents.labels[row]].append(row) }

        // N_cj, class by class, through one dense scratch row and the list of features it touched.
        // Large inputs split the classes into two halves counted at once, each with its own scratch
        // row and per-feature entry counts; every class is summed in the same order either way.
        let halves = parallel && rows.count >= 4000 && classCount >= 2 ? 2 : 1
        let classBounds = (0...halves).map { classCount * $0 / halves }
        var classEntries = [[(feature: Int32, smoothed: Float)]](repeating: [], count: classCount)
        var classTotals = [Double](repeating: 0, count: classCount)
        var halfCounts = [[Int32]](repeating: [], count: halves)
        let groupedRows = byClass
        changes.withUnsafeMutableBufferPointer { changes in
        classEntries.withUnsafeMutableBufferPointer { classEntries in
            classTotals.withUnsafeMutableBufferPointer { classTotals in
                halfCounts.withUnsafeMutableBufferPointer { halfCounts in
                    // Each half writes only its own classes and its own counts.
                    nonisolated(unsafe) let (classEntries, classTotals, halfCounts, changes) =
                        (classEntries, classTotals, halfCounts, changes)
                    DispatchQueue.concurrentPerform(iterations: halves) { half in
                        var scratch = [Double](repeating: 0, count: featureCount)
                        // The features class c touched, `touchedCount` of them (each at most once).
                        var touched = [Int32](repeating: 0, count: featureCount)
                        var perFeatureCount = [Int32](repeating: 0, count: featureCount)
                        // s_d of the class's rows, for `ownClassChanges`.
                        var rowScales: [Double] = []
                        documents.ids.withUnsafeBufferPointer { ids in
                            documents.weights.withUnsafeBufferPointer { weights in
                                documents.rowStarts.withUnsafeBufferPointer { rowStarts in
                                    scratch.withUnsafeMutableBufferPointer { scratch in
                                    touched.withUnsafeMutableBufferPointer { touched in
                                    perFeatureCount.withUnsafeMutableBufferPointer { perFeatureCount in
                                        for c in classBounds[half]..<classBounds[half + 1] {
                                            var touchedCount = 0
                                            for row in groupedRows[c] {
                                                // With `normalizesExamples`, each example adds a
                                                // total weight of 1 (times its weight) to its class.
                                                var rowScale = exampleWeights?[row] ?? 1
                                                let mass = documents.masses[row]
                                                if normalizesExamples, mass > 0 { rowScale /= mass }
                                                for k in rowStarts[row]..<rowStarts[row + 1] {
                                                    // (A weight of 0, from a group weighted 0, adds nothing,
                                                    // and must not list its feature twice.)
                                                    let count = Double(weights[k]) * rowScale
                                                    guard count > 0 else { continue }
                                                    let id = Int(ids[k])
                                                    if scratch[id] == 0 {
                                                        touched[touchedCount] = ids[k]
                                                        touchedCount += 1
                                                    }
                                                    scratch[id] += count
                                                }
                                                if ownClassChanges { rowScales.append(rowScale) }
                                            }
                                            if ownClassChanges {
                                                for (row, rowScale) in zip(groupedRows[c], rowScales) {
                                                    let entries = rowStarts[row]..<rowStarts[row + 1]
                                                    changes[row] = ownClassChange(
                                                        ids: UnsafeBufferPointer(rebasing: ids[entries]),
                                                        weights: UnsafeBufferPointer(rebasing: weights[entries]),
                                                        scale: rowScale, alpha: alpha,
                                                        counts: UnsafeBufferPointer(scratch))
                                                }
                                                rowScales.removeAll(keepingCapacity: true)
                                            }
                                            // No need to sort `touched`: the transpose below places
                                            // entries by feature, classes ascending, whatever this order.
                                            var total = 0.0
                                            let entries = [(feature: Int32, smoothed: Float)](
                                                unsafeUninitializedCapacity: touchedCount
                                            ) { entries, written in
                                                written = 0
                                                for index in 0..<touchedCount {
                                                    let id = touched[index]
                                                    let weight = scratch[Int(id)]
                                                    scratch[Int(id)] = 0
                                                    guard weight > 0 else { continue }
                                                    entries.initializeElement(at: written, to: (id, Float(weight + alpha)))  // N_cj + α
                                                    written += 1
                                                    total += weight
                                                    perFeatureCount[Int(id)] += 1
                                                }
                                            }
                                            classTotals[c] = total
                                            classEntries[c] = entries
                                        }
                                    }
                                    }
                                    }
                                }
                            }
                        }
                        halfCounts[half] = perFeatureCount
                    }
                }
            }
        }
        }

        // Transpose to feature-major order, classes ascending within a feature: each half writes its
        // classes' entries after the earlier halves' entries of the same feature.
        var entryStarts = [Int32](repeating: 0, count: featureCount + 1)
        for j in 0..<featureCount {
            var count: Int32 = 0
            for half in 0..<halves { count += halfCounts[half][j] }
            entryStarts[j + 1] = entryStarts[j] + count
        }
        let entryCount = Int(entryStarts[featureCount])
        var entryClasses = [UInt16](repeating: 0, count: entryCount)
        var entryDeltas = [Float](repeating: 0, count: entryCount)
        let logAlpha = log(alpha)
        let logAlphaSingle = logf(Float(alpha))
        let (starts, counts, entries) = (entryStarts, halfCounts, classEntries)
        entryClasses.withUnsafeMutableBufferPointer { entryClasses in
            entryDeltas.withUnsafeMutableBufferPointer { entryDeltas in
                // Halves write disjoint positions.
                nonisolated(unsafe) let (entryClasses, entryDeltas) = (entryClasses, entryDeltas)
                DispatchQueue.concurrentPerform(iterations: halves) { half in
                    var cursor = [Int](repeating: 0, count: featureCount)
                    for j in 0..<featureCount {
                        var position = Int(starts[j])
                        for earlier in 0..<half { position += Int(counts[earlier][j]) }
                        cursor[j] = position
                    }
                    for c in classBounds[half]..<classBounds[half + 1] {
                        for (feature, smoothed) in entries[c] {
                            let position = cursor[Int(feature)]
                            entryClasses[position] = UInt16(c)
                            // log(N_cj + α) − log α, in single precision (what is stored; logf is the cheaper call).
                            entryDeltas[position] = logf(smoothed) - logAlphaSingle
                            cursor[Int(feature)] += 1
                        }
                    }
                }
            }
        }
        let vocabulary = smoothedVocabulary(featureCount)
        let unseen = classTotals.map { logAlpha - log($0 + alpha * vocabulary) }
        var logPriors = [Double](repeating: 0, count: classCount)
        if fitPrior {
            let total = Double(rows.count)
            for c in 0..<classCount { logPriors[c] = log(Double(max(byClass[c].count, 1)) / total) }
        }
        let model = NaiveBayes(
            classCount: classCount, featureCount: featureCount, alpha: alpha, logPriors: logPriors,
            unseenLogProbabilities: unseen, entryStarts: entryStarts, entryClasses: entryClasses,
            entryDeltas: entryDeltas)
        return (model, changes)
    }

    /// V in αV: the feature count, but at least 1, so that with no features at all (every example
    /// punctuation) every class is equally likely rather than NaN.
    static func smoothedVocabulary(_ featureCount: Int) -> Double {
        Double(max(featureCount, 1))
    }

    /// Σ_j x_j · ln((N_j − s·x_j + α) / (N_j + α)) over one row's features (`ids`, `weights` x_j), N_j its
    /// class's counts (`counts`, the row's own s·x_j among them), in single precision
    /// (`concierge_own_class_change`).
    static func ownClassChange(ids: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Float>,
                               scale: Double, alpha: Double, counts: UnsafeBufferPointer<Double>) -> Double
    {
        Double(concierge_own_class_change(ids.baseAddress, weights.baseAddress, ids.count, Float(scale),
                                          Float(alpha), counts.baseAddress))
    }

    /// score_c(x) for every class, into `scores` (resized to the class count).
    func scores<IDs: RandomAccessCollection<Int32>, Weights: RandomAccessCollection<Float>>(
        ids: IDs, weights: Weights, into scores: inout [Double]
    ) {
        if scores.count != classCount { scores = [Double](repeating: 0, count: classCount) }
        var total: Float = 0
        for weight in weights { total += weight }
        let mass = Double(total)
        scores.withUnsafeMutableBufferPointer { scores in
            for c in 0..<classCount { scores[c] = logPriors[c] + mass * unseenLogProbabilities[c] }
            entryStarts.withUnsafeBufferPointer { starts in
                entryClasses.withUnsafeBufferPointer { classes in
                    entryDeltas.withUnsafeBufferPointer { deltas in
                        var weightIndex = weights.startIndex
                        for id in ids {
                            let x = Double(weights[weightIndex])
                            weightIndex = weights.index(after: weightIndex)
                            let feature = Int(id)
                            for k in Int(starts[feature])..<Int(starts[feature + 1]) {
                                scores[Int(classes[k])] += x * Double(deltas[k])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Softmax of τ·scores: the normalised posterior P(c | x).
    static func posteriors(_ scores: [Double], temperature: Double) -> [Double] {
        guard let maximum = scores.max() else { return [] }
        var result = scores.map { exp(temperature * ($0 - maximum)) }
        let sum = result.reduce(0, +)
        for index in result.indices { result[index] /= sum }
        return result
    }
}
