import CKernels
import Foundation

// Naive Bayes that gives more weight to the training examples it finds hard.
//
// A first fit counts every example once. Each training example d of class y is then scored by that
// model with d itself left out (leave-one-out: exact, no refit, see below), and the model is fitted
// again (`fit`'s `exampleWeights`) with d's counts multiplied by
//
//     w_d = 1 + λ · (1 − P_{−d}(y | d))
//
// where P_{−d} is the posterior, at the classifier's temperature, of the model without d. An example
// the other examples already explain costs nothing more; one they confuse with another class counts up
// to 1 + λ times, so the features that tell it from its neighbours weigh more in its class. It is
// still naive Bayes (one multinomial per class, Lidstone-smoothed, scored the same way); only the
// counts are weighted. With λ = 3 (α raised from 0.0025 to 0.01, as the weighted counts are larger,
// and τ from 0.5 to 0.6, see `ClassifierOptions.temperature`), CLINC150 train → val in-scope accuracy
// rose from 0.915 to 0.922 (out-of-scope recall 0.57 → 0.63), its 5-fold in-scope accuracy from 0.938
// to 0.947, Banking77's 5-fold accuracy from 0.890 to 0.899, and the agent's own intents' 5-fold
// accuracy from 0.939 to 0.943. A second round of reweighting, weights from 5-fold rather than
// leave-one-out posteriors, and other shapes of w_d gained nothing more. The price is one more scoring
// pass over the training examples, every example against every class (see below for how it is kept
// cheap).
//
// Leave-one-out without refitting. Removing d (mass m_d = s_d·Σ_j x_dj, counts s_d·x_dj) from class y
// changes only class y's parameters:
//
//     score_y^{−d}(x_d) = score_y(x_d) + X·(log(N_y + αV) − log(N_y − m_d + αV))
//                         + Σ_j x_dj · log((N_yj − s_d·x_dj + α) / (N_yj + α))
//
// with X = Σ_j x_dj; the other classes' scores are the full model's. The first fit computes the last sum
// of each example from its class's counts while they are at hand (`fit`'s `ownClassChanges`), so the
// pass never looks a feature up in class y alone.
//
// The pass, on CLINC150 (15,100 examples, 151 classes, 107 features an example, 90 of them character
// n-grams): each example is scored through its words (see `WordFactors`). A word's n-grams are summed
// once, into one row per word (6,558 words), rather than in every example the word is in; an example
// then adds its 8 words' rows and about 23 features of its own (its word unigrams and bigrams, and the
// n-grams it repeats) instead of 107. The words' rows, and those of features that 1/16 of the classes
// saw, are dense, summed in registers, and the scores and their e^v are taken in single precision, as
// are the own-class changes' ln v, by C kernels compiled for the processor's widest vectors (CKernels.h;
// with AVX-512 rather than Swift's SSE, a CLINC150 fit took 41 rather than 46 ms of CPU, the same bits).
// The pass stays exact (to single precision), and accuracy did not move. With it, the first fit and the
// pass went from 18 to 10 ms on two threads.
// Words' rows take (words × classes) floats: past 64 MiB of them (say 100,000 words and 160 classes)
// the pass scores feature by feature instead.
//
// Tried before, and not kept: scoring only the K classes that a few strong features rank first (the
// posterior's tail is heavy: at τ = 0.6, normalising over the 16 best alone raised the mean posterior
// from 0.78 to 0.84, so the weights moved by 0.02 to 0.3 on average for K = 8 to 16, whatever the
// estimate of the rest), and scoring with each example's 16 to 32 strongest features alone (0.3 to 0.8
// points of accuracy lost on CLINC150 val and Banking77).
extension NaiveBayes {
    /// Bumped whenever the model the same data trains changes (its example weights or its Δs, even in the
    /// last bits), so that saved models are retrained.
    static let hardExamplesVersion: UInt8 = 5

    /// The most memory the pass gives words' rows (see above).
    static let wordRowsLimit = 64 << 20

    /// The model fitted to `rows` (all rows when nil) with hard examples weighted up, and w_d for every row
    /// of `documents` (rows not in `rows` get 1); when λ (`hardExampleWeight`) is 0, the model with every
    /// example counted once, and nil. The second fit keeps the entries of the first (see `fit`'s
    /// `reusing`): the same rows, every w_d at least 1.
    static func fitWeightingHardExamples(
        _ documents: DocumentMatrix, rows: [Int]? = nil, classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, hardExampleWeight: Double, temperature: Double,
        parallel: Bool = true
    ) -> (model: NaiveBayes, exampleWeights: [Double]?) {
        let rows = rows ?? Array(0..<documents.count)
        guard hardExampleWeight > 0 else {
            let model = fit(documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
                            fitPrior: fitPrior, normalizesExamples: normalizesExamples, parallel: parallel)
            return (model, nil)
        }
        let (first, posteriors) = leaveOneOut(
            documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
            fitPrior: fitPrior, normalizesExamples: normalizesExamples, temperature: temperature, parallel: parallel)
        var weights = [Double](repeating: 1, count: documents.count)
        for (row, posterior) in zip(rows, posteriors) { weights[row] = 1 + hardExampleWeight * (1 - posterior) }
        let model = fit(
            documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
            fitPrior: fitPrior, normalizesExamples: normalizesExamples, exampleWeights: weights, parallel: parallel,
            ownClassChanges: false, reusing: first).model
        return (model, weights)
    }

    /// P_{−d}(y_d | x_d) for each of `rows`, in their order, under the model fitted on `rows` with each
    /// counted once.
    static func leaveOneOutPosteriors(
        _ documents: DocumentMatrix, rows: [Int], classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, temperature: Double, parallel: Bool
    ) -> [Double] {
        leaveOneOut(documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
                    fitPrior: fitPrior, normalizesExamples: normalizesExamples, temperature: temperature,
                    parallel: parallel).posteriors
    }

    /// `leaveOneOutPosteriors`, and the model fitted on `rows` with each counted once, with its entries.
    private static func leaveOneOut(
        _ documents: DocumentMatrix, rows: [Int], classCount: Int, featureCount: Int, alpha: Double,
        fitPrior: Bool, normalizesExamples: Bool, temperature: Double, parallel: Bool
    ) -> (first: (model: NaiveBayes, entries: ClassEntries), posteriors: [Double]) {
        let (model, ownClassChanges, entries) = fit(
            documents, rows: rows, classCount: classCount, featureCount: featureCount, alpha: alpha,
            fitPrior: fitPrior, normalizesExamples: normalizesExamples, exampleWeights: nil, parallel: parallel,
            ownClassChanges: true)
        let posteriors = model.leaveOneOutPosteriors(
            documents, rows: rows, ownClassChanges: ownClassChanges, normalizesExamples: normalizesExamples,
            temperature: temperature, parallel: parallel)
        return ((model, entries), posteriors)
    }

    /// The pass over `rows` of this model (fitted on them), given each row's own-class change (`fit`).
    private func leaveOneOutPosteriors(_ documents: DocumentMatrix, rows: [Int], ownClassChanges: [Double],
                                       normalizesExamples: Bool, temperature: Double, parallel: Bool) -> [Double]
    {
        var result = [Double](repeating: 0, count: rows.count)
        let parts = parallel && rows.count >= 4000 ? 2 : 1
        let bounds = (0...parts).map { rows.count * $0 / parts }
        let logAlpha = log(alpha)
        let vocabulary = Self.smoothedVocabulary(featureCount)
        // Features that at least 1/16 of the classes saw are laid out as dense rows of Δ (0 for a class
        // that did not see the feature), padded to a multiple of 32 classes; the others add their
        // entries one by one. (On CLINC150, 9 % of the features and 87 % of the training examples'
        // entries. 1/16 cost least when examples were scored feature by feature, 1/4 or 1/32 over 10 %
        // more; through words, 1/8 and 1/32 fit in the same time.)
        let stride = (classCount + 31) / 32 * 32
        let rowBytes = stride * MemoryLayout<Float>.stride
        var denseIndex = [Int32](repeating: -1, count: featureCount)
        var denseCount = 0
        for feature in 0..<featureCount
        where Int(entryStarts[feature + 1] - entryStarts[feature]) * 16 >= classCount && classCount >= 16 {
            denseIndex[feature] = Int32(denseCount)
            denseCount += 1
        }
        let (denseIndexes, featureRows) = (denseIndex, denseCount)
        // After the features' rows, a row per word: its n-grams' rows, each weighted by its IDF (see
        // `WordFactors`), so that an example adds each word's n-grams at once.
        let words = documents.words.flatMap { $0.wordCount * rowBytes <= Self.wordRowsLimit ? $0 : nil }
            ?? WordFactors(rowsOf: documents)
        // Every row is zeroed below just before it is filled, by the thread that fills it.
        var dense = [Float](unsafeUninitializedCapacity: (featureRows + words.wordCount) * stride) { $1 = $0.count }
        var longest = 0
        for word in 0..<words.wordCount {
            longest = max(longest, Int(words.gramStarts[word + 1] - words.gramStarts[word]))
        }
        for row in rows {
            longest = max(longest, words.restStarts[row + 1] - words.restStarts[row]
                                   + words.rowWordStarts[row + 1] - words.rowWordStarts[row])
        }
        let rowLength = longest
        dense.withUnsafeMutableBufferPointer { buffer in
        denseIndexes.withUnsafeBufferPointer { denseIndexes in
        entryStarts.withUnsafeBufferPointer { starts in
        entryClasses.withUnsafeBufferPointer { classes in
        entryDeltas.withUnsafeBufferPointer { deltas in
        words.gramStarts.withUnsafeBufferPointer { gramStarts in
        words.gramIDs.withUnsafeBufferPointer { gramIDs in
        words.idf.withUnsafeBufferPointer { idf in
            // Each part writes only its own features' rows, then its own words' rows from those. (Through
            // buffers: no bounds checks in the loops over every feature and every word's n-grams.)
            nonisolated(unsafe) let (dense, denseIndexes, starts, classes, deltas, gramStarts, gramIDs, idf) =
                (buffer, denseIndexes, starts, classes, deltas, gramStarts, gramIDs, idf)
            let featureParts = parallel && featureCount >= 4000 ? 2 : 1
            DispatchQueue.concurrentPerform(iterations: featureParts) { part in
                for feature in featureCount * part / featureParts..<featureCount * (part + 1) / featureParts
                where denseIndexes[feature] >= 0 {
                    let base = Int(denseIndexes[feature]) &* stride
                    UnsafeMutableBufferPointer(rebasing: dense[base..<base + stride]).update(repeating: 0)
                    for entry in Int(starts[feature])..<Int(starts[feature &+ 1]) {
                        dense[base &+ Int(classes[entry])] = deltas[entry]
                    }
                }
            }
            let wordParts = parallel && words.wordCount >= 2000 ? 2 : 1
            DispatchQueue.concurrentPerform(iterations: wordParts) { part in
                var offsets = [Int](repeating: 0, count: rowLength)
                var rowWeights = [Float](repeating: 0, count: rowLength)
                offsets.withUnsafeMutableBufferPointer { offsets in
                rowWeights.withUnsafeMutableBufferPointer { rowWeights in
                    for word in words.wordCount * part / wordParts..<words.wordCount * (part + 1) / wordParts {
                        let base = (featureRows &+ word) &* stride
                        UnsafeMutableBufferPointer(rebasing: dense[base..<base + stride]).update(repeating: 0)
                        var used = 0
                        for k in Int(gramStarts[word])..<Int(gramStarts[word &+ 1]) {
                            let feature = Int(gramIDs[k])
                            let weight = idf[feature]
                            let denseRow = Int(denseIndexes[feature])
                            if denseRow >= 0 {
                                offsets[used] = denseRow &* rowBytes
                                rowWeights[used] = weight
                                used &+= 1
                            } else {
                                for entry in Int(starts[feature])..<Int(starts[feature &+ 1]) {
                                    dense[base &+ Int(classes[entry])] += weight * deltas[entry]
                                }
                            }
                        }
                        concierge_add_rows(dense.baseAddress!, offsets.baseAddress!, rowWeights.baseAddress!, used,
                                           dense.baseAddress! + base, stride)
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
        // log π_c and b_c in single precision, padded to `stride` classes that cannot win.
        var priors = [Float](repeating: -1e30, count: stride)
        var unseen = [Float](repeating: 0, count: stride)
        for c in 0..<classCount {
            priors[c] = Float(logPriors[c])
            unseen[c] = Float(unseenLogProbabilities[c])
        }
        let (denseRows, priorRow, unseenRow) = (dense, priors, unseen)
        let tau = Float(temperature)
        result.withUnsafeMutableBufferPointer { buffer in
            // Each part writes only its own range.
            nonisolated(unsafe) let result = buffer
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                // Σ_j x_j·Δ_cj of the example, then its scores (single precision: what a weight needs).
                var sums = [Float](repeating: 0, count: stride)
                // The example's dense rows: byte offsets and weights.
                var denseOffsets = [Int](repeating: 0, count: rowLength)
                var denseWeights = [Float](repeating: 0, count: rowLength)
                documents.masses.withUnsafeBufferPointer { masses in
                priorRow.withUnsafeBufferPointer { priors in
                unseenRow.withUnsafeBufferPointer { unseen in
                entryStarts.withUnsafeBufferPointer { starts in
                entryClasses.withUnsafeBufferPointer { classes in
                entryDeltas.withUnsafeBufferPointer { deltas in
                denseIndexes.withUnsafeBufferPointer { denseIndex in
                denseRows.withUnsafeBufferPointer { dense in
                sums.withUnsafeMutableBufferPointer { sums in
                denseOffsets.withUnsafeMutableBufferPointer { denseOffsets in
                denseWeights.withUnsafeMutableBufferPointer { denseWeights in
                words.rowWordStarts.withUnsafeBufferPointer { rowWordStarts in
                words.rowWords.withUnsafeBufferPointer { rowWords in
                words.rowWordWeights.withUnsafeBufferPointer { rowWordWeights in
                words.restStarts.withUnsafeBufferPointer { restStarts in
                words.restIDs.withUnsafeBufferPointer { restIDs in
                words.restWeights.withUnsafeBufferPointer { restWeights in
                    for index in bounds[part]..<bounds[part + 1] {
                        let row = rows[index]
                        let truth = documents.labels[row]
                        let mass = masses[row]
                        let scale = normalizesExamples && mass > 0 ? 1 / mass : 1
                        sums.update(repeating: 0)
                        // The words' rows, then what the words leave: sparse features add to the classes
                        // that saw them, dense ones are listed. (Through buffers, with wrapping arithmetic:
                        // no bounds or overflow checks in the loops that run for every example's features.)
                        var denseUsed = 0
                        for position in rowWordStarts[row]..<rowWordStarts[row + 1] {
                            denseOffsets[denseUsed] = (featureRows &+ Int(rowWords[position])) &* rowBytes
                            denseWeights[denseUsed] = rowWordWeights[position]
                            denseUsed &+= 1
                        }
                        // (The same steps as for a word's n-grams in its row above; a shared function for
                        // both measured 0.5 ms slower a fit.)
                        for k in restStarts[row]..<restStarts[row + 1] {
                            let feature = Int(restIDs[k])
                            let x = restWeights[k]
                            let denseRow = Int(denseIndex[feature])
                            if denseRow >= 0 {
                                denseOffsets[denseUsed] = denseRow &* rowBytes
                                denseWeights[denseUsed] = x
                                denseUsed &+= 1
                            } else {
                                for entry in Int(starts[feature])..<Int(starts[feature &+ 1]) {
                                    sums[Int(classes[entry])] += x * deltas[entry]
                                }
                            }
                        }
                        concierge_add_rows(dense.baseAddress!, denseOffsets.baseAddress!, denseWeights.baseAddress!,
                                           denseUsed, sums.baseAddress!, stride)
                        // Class y without d: its smoothed total N_y + αV, and its counts of d's features
                        // (`ownClassChanges`).
                        let total = exp(logAlpha - unseenLogProbabilities[truth])
                        let totalWithout = max(total - scale * mass, alpha * vocabulary)
                        sums[truth] += Float(mass * (log(total) - log(totalWithout)) + ownClassChanges[row])
                        // The scores, then the posterior of the truth at temperature τ (the padding classes
                        // score −10³⁰); classes more than 80 nats below the best add under e⁻⁸⁰ each and
                        // count as that.
                        result[index] = Double(concierge_posterior(
                            sums.baseAddress!, priors.baseAddress!, unseen.baseAddress!, Float(mass), tau, truth,
                            classCount, stride))
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
                }
                }
                }
                }
                }
                }
            }
        }
        return result
    }
}
