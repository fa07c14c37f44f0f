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

    /// Each class's features in a fitted model, in the order its counts first touched them, and where each
    /// one's entry is in `entryClasses` and `entryDeltas`: what `fit` needs to refit the same rows with
    /// other weights without finding the entries again.
    struct ClassEntries: Sendable {
        var features: [[Int32]]
        var positions: [[Int32]]
    }

    /// `fit`, and with `ownClassChanges` also, for each row d of `rows` (by row index; 0 elsewhere), how
    /// much leaving d out changes its own class's log-likelihood of it, but for the class total:
    /// Σ_j x_dj · ln((N_yj − s_d·x_dj + α) / (N_yj + α)) (see NaiveBayes+HardExamples.swift), from the
    /// counts N_yj while they are at hand; and the model's `ClassEntries`.
    ///
    /// `reusing` a fit of the same `rows` whose example weights were all positive (or nil), when this fit's
    /// are too: the entries are then the same, each class's counts touching its features in the same
    /// order, so this fit keeps that fit's entry layout and only writes each entry's Δ and each class's
    /// total (summed in the same order): the model of a fit from scratch, bit for bit, without listing
    /// each class's features and transposing them. With that, and the branch-free list of touched
    /// features, the two fits of hard-example weighting on CLINC150 went from 6.2 to 3.9 ms of CPU
    /// (counting N_cj through the rows' words, see `WordFactors`, tried too: 2.2 times fewer adds, but
    /// each of a word's n-grams once per class rather than once per row is an add that misses the cache,
    /// and the fits took 1.2 ms more).
    static func fit(
        _ documents: DocumentMatrix, rows: [Int]?, classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, exampleWeights: [Double]?, parallel: Bool, ownClassChanges: Bool,
        reusing previous: (model: NaiveBayes, entries: ClassEntries)? = nil
    ) -> (model: NaiveBayes, ownClassChanges: [Double], entries: ClassEntries) {
        let rows = rows ?? Array(0..<documents.count)
        var changes = [Double](repeating: 0, count: ownClassChanges ? documents.count : 0)
        // Rows grouped by class (stable, so sums run in a fixed order: same data, same bits).
        var byClass = [[Int]](repeating: [], count: classCount)
        for row in rows { byClass[documents.labels[row]].append(row) }

        // N_cj, class by class, through one dense scratch row and the list of features it touched. Large
        // inputs split the classes into two halves counted at once, each with its own scratch row and
        // per-feature entry counts; every class is summed in the same order either way.
        let halves = parallel && rows.count >= 4000 && classCount >= 2 ? 2 : 1
        let classBounds = (0...halves).map { classCount * $0 / halves }
        let fresh = previous == nil
        let logAlphaSingle = logf(Float(alpha))
        // From scratch: each class's features, in the order its counts first touched them, and Δ of each.
        var classFeatures = [[Int32]](repeating: [], count: fresh ? classCount : 0)
        var classDeltas = [[Float]](repeating: [], count: fresh ? classCount : 0)
        var classTotals = [Double](repeating: 0, count: classCount)
        var halfCounts = [[Int32]](repeating: [], count: fresh ? halves : 0)
        // Reusing: the Δ of each entry, written in place.
        var reusedDeltas = [Float](repeating: 0, count: previous?.model.entryDeltas.count ?? 0)
        let groupedRows = byClass
        changes.withUnsafeMutableBufferPointer { changes in
        classFeatures.withUnsafeMutableBufferPointer { classFeatures in
        classDeltas.withUnsafeMutableBufferPointer { classDeltas in
        classTotals.withUnsafeMutableBufferPointer { classTotals in
        halfCounts.withUnsafeMutableBufferPointer { halfCounts in
        reusedDeltas.withUnsafeMutableBufferPointer { reusedDeltas in
            // Each half writes only its own classes, their rows' changes and entries, and its own counts.
            nonisolated(unsafe) let (changes, classFeatures, classDeltas, classTotals, halfCounts, reusedDeltas) =
                (changes, classFeatures, classDeltas, classTotals, halfCounts, reusedDeltas)
            DispatchQueue.concurrentPerform(iterations: halves) { half in
                // N_cj in single precision: half the cache lines of double precision (the two fits' counting
                // on CLINC150 went from 4.0 to 3.3 ms of CPU), and a class's few hundred rows still sum to
                // counts good to about 1e-5, finer than the stored Δs need (accuracy did not move).
                var scratch = [Float](repeating: 0, count: featureCount)
                // From scratch: the features class c touched, `touchedCount` of them (each once). Every add
                // writes its feature at `touchedCount`, which moves on past a new one: a branch on the
                // count just loaded would mispredict as often as a feature is new (one slot more for that).
                var touched = [Int32](repeating: 0, count: fresh ? featureCount + 1 : 0)
                var perFeatureCount = [Int32](repeating: 0, count: fresh ? featureCount : 0)
                // u_d of the class's rows: the example weight, over the mass with `normalizesExamples`.
                var rowScales: [Double] = []
                // Reusing: the class's Δ, in its features' order.
                var classDeltasReused: [Float] = []
                documents.ids.withUnsafeBufferPointer { ids in
                documents.weights.withUnsafeBufferPointer { weights in
                documents.rowStarts.withUnsafeBufferPointer { rowStarts in
                scratch.withUnsafeMutableBufferPointer { scratch in
                touched.withUnsafeMutableBufferPointer { touched in
                perFeatureCount.withUnsafeMutableBufferPointer { perFeatureCount in
                    for c in classBounds[half]..<classBounds[half + 1] {
                        var touchedCount = 0
                        rowScales.removeAll(keepingCapacity: true)
                        for row in groupedRows[c] {
                            // With `normalizesExamples`, each example adds a total weight of 1 (times its
                            // weight) to its class.
                            var rowScale = exampleWeights?[row] ?? 1
                            let mass = documents.masses[row]
                            if normalizesExamples, mass > 0 { rowScale /= mass }
                            rowScales.append(rowScale)
                            for k in rowStarts[row]..<rowStarts[row + 1] {
                                // (A weight of 0, from a group weighted 0, adds nothing, and must not list
                                // its feature twice.)
                                let count = weights[k] * Float(rowScale)
                                guard count > 0 else { continue }
                                let id = Int(ids[k])
                                let sum = scratch[id]
                                if fresh {
                                    touched[touchedCount] = ids[k]
                                    touchedCount += sum == 0 ? 1 : 0
                                }
                                scratch[id] = sum + count
                            }
                        }
                        if ownClassChanges {
                            for (row, rowScale) in zip(groupedRows[c], rowScales) {
                                let entries = rowStarts[row]..<rowStarts[row + 1]
                                changes[row] = ownClassChange(
                                    ids: UnsafeBufferPointer(rebasing: ids[entries]),
                                    weights: UnsafeBufferPointer(rebasing: weights[entries]),
                                    scale: rowScale, alpha: alpha, counts: UnsafeBufferPointer(scratch))
                            }
                        }
                        var total = 0.0
                        if let previous {
                            previous.entries.features[c].withUnsafeBufferPointer { features in
                            previous.entries.positions[c].withUnsafeBufferPointer { positions in
                                classDeltasReused.removeAll(keepingCapacity: true)
                                for id in features {
                                    let weight = scratch[Int(id)]
                                    scratch[Int(id)] = 0
                                    total += Double(weight)
                                    classDeltasReused.append(weight + Float(alpha))  // N_cj + α
                                }
                                classDeltasReused.withUnsafeMutableBufferPointer { deltas in
                                    Self.replaceWithDeltas(deltas, logAlpha: logAlphaSingle)
                                    for index in features.indices { reusedDeltas[Int(positions[index])] = deltas[index] }
                                }
                            }
                            }
                        } else {
                            // No need to sort the features: the transpose below places entries by feature,
                            // classes ascending, whatever this order.
                            let features = UnsafeBufferPointer(rebasing: touched[..<touchedCount])
                            var deltas = features.map { id in
                                let weight = scratch[Int(id)]
                                scratch[Int(id)] = 0
                                total += Double(weight)
                                perFeatureCount[Int(id)] += 1
                                return weight + Float(alpha)  // N_cj + α
                            }
                            deltas.withUnsafeMutableBufferPointer { Self.replaceWithDeltas($0, logAlpha: logAlphaSingle) }
                            classDeltas[c] = deltas
                            classFeatures[c] = Array(features)
                        }
                        classTotals[c] = total
                    }
                }
                }
                }
                }
                }
                }
                if fresh { halfCounts[half] = perFeatureCount }
            }
        }
        }
        }
        }
        }
        }

        var entryStarts: [Int32]
        var entryClasses: [UInt16]
        var entryDeltas: [Float]
        var classPositions = [[Int32]](repeating: [], count: classCount)
        if let previous {
            (entryStarts, entryClasses, entryDeltas) =
                (previous.model.entryStarts, previous.model.entryClasses, reusedDeltas)
            classPositions = previous.entries.positions
        } else {
            // Transpose to feature-major order, classes ascending within a feature: each half writes its
            // classes' entries after the earlier halves' entries of the same feature.
            entryStarts = [Int32](repeating: 0, count: featureCount + 1)
            for j in 0..<featureCount {
                var count: Int32 = 0
                for half in 0..<halves { count += halfCounts[half][j] }
                entryStarts[j + 1] = entryStarts[j] + count
            }
            let entryCount = Int(entryStarts[featureCount])
            entryClasses = [UInt16](repeating: 0, count: entryCount)
            entryDeltas = [Float](repeating: 0, count: entryCount)
            let (starts, counts, features, deltas) = (entryStarts, halfCounts, classFeatures, classDeltas)
            entryClasses.withUnsafeMutableBufferPointer { entryClasses in
            entryDeltas.withUnsafeMutableBufferPointer { entryDeltas in
            classPositions.withUnsafeMutableBufferPointer { classPositions in
                // Halves write disjoint positions, and their own classes' positions.
                nonisolated(unsafe) let (entryClasses, entryDeltas, classPositions) =
                    (entryClasses, entryDeltas, classPositions)
                DispatchQueue.concurrentPerform(iterations: halves) { half in
                    var cursor = [Int32](repeating: 0, count: featureCount)
                    for j in 0..<featureCount {
                        var position = starts[j]
                        for earlier in 0..<half { position += counts[earlier][j] }
                        cursor[j] = position
                    }
                    cursor.withUnsafeMutableBufferPointer { cursor in
                        for c in classBounds[half]..<classBounds[half + 1] {
                            features[c].withUnsafeBufferPointer { features in
                            deltas[c].withUnsafeBufferPointer { deltas in
                                classPositions[c] = [Int32](unsafeUninitializedCapacity: features.count) {
                                    positions, written in
                                    for index in features.indices {
                                        let feature = Int(features[index])
                                        let position = cursor[feature]
                                        positions[index] = position
                                        entryClasses[Int(position)] = UInt16(c)
                                        entryDeltas[Int(position)] = deltas[index]
                                        cursor[feature] = position + 1
                                    }
                                    written = features.count
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
        let logAlpha = log(alpha)
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
        let entries = ClassEntries(features: previous?.entries.features ?? classFeatures, positions: classPositions)
        return (model, changes, entries)
    }

    /// Replaces each N + α of `values` by Δ = ln(N + α) − ln α (`logAlpha`), in single precision (what is
    /// stored), many at a time (`concierge_deltas`): on CLINC150, 0.3 ms of the two fits' CPU where libm's
    /// logf, a call each, took 0.65 ms.
    static func replaceWithDeltas(_ values: UnsafeMutableBufferPointer<Float>, logAlpha: Float) {
        concierge_deltas(values.baseAddress, values.count, logAlpha)
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
                               scale: Double, alpha: Double, counts: UnsafeBufferPointer<Float>) -> Double
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
