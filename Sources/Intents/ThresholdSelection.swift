import Foundation

/// Chooses the confidence under which the classifier falls back to `out_of_scope`, from the training
/// data alone: stratified K-fold cross-validation gives every training example a held-out prediction,
/// and the threshold is the one that would have scored best on those predictions.
///
/// The objective is the accuracy of SPEC §5 (an `out_of_scope` example is right when rejected). When
/// the training data has `out_of_scope` examples, the trainers have said the agent must turn things
/// down, so rejecting an in-scope example the model got wrong also earns `rejectCredit` (0.9: "I didn't
/// understand" beats a wrong answer). Without them, nothing tells how often strangers to the data
/// arrive, and the threshold is only as high as plain accuracy asks (often 0).
///
/// For speed the folds share the vocabulary and IDF of the whole training set (an unsupervised
/// statistic) and its examples' weights (see NaiveBayes+HardExamples.swift; a fold's weights were
/// scored by a model that had seen its held-out examples, a small leak that spares five more
/// leave-one-out passes); only naive Bayes's counts are refitted per fold.
enum ThresholdSelection {
    struct HeldOut {
        /// The fallback statistic (see `IntentClassifier.fallbackStatistic`).
        var confidence: Double
        var predicted: Int
        var truth: Int
    }

    static func choose(documents: DocumentMatrix, exampleWeights: [Double]? = nil, intentNames: [String],
                       options: ClassifierOptions, featureCount: Int) -> Double
    {
        let heldOut = crossValidate(documents: documents, exampleWeights: exampleWeights, intentNames: intentNames,
                                    options: options, featureCount: featureCount)
        let outOfScope = intentNames.firstIndex(of: IntentClassifier.outOfScope)
        return best(heldOut, outOfScope: outOfScope, rejectCredit: options.rejectCredit,
                    outOfScopeWeight: options.outOfScopeWeight,
                    floor: IntentClassifier.lowestStatistic(outOfScope: outOfScope,
                                                            penalty: options.outOfScopePenalty))
    }

    static func crossValidate(documents: DocumentMatrix, exampleWeights: [Double]? = nil, intentNames: [String],
                              options: ClassifierOptions, featureCount: Int) -> [HeldOut]
    {
        let classCount = intentNames.count
        // Folds cannot outnumber the examples of the smallest class.
        var sizes = [Int](repeating: 0, count: classCount)
        for label in documents.labels { sizes[label] += 1 }
        let folds = min(options.thresholdFolds, sizes.min() ?? 0)
        guard folds >= 2 else { return [] }
        let assignment = StratifiedFolds.assign(labels: documents.labels, classCount: classCount, folds: folds,
                                                seed: options.seed)
        // Folds run at once on the cores there are; each writes only its own list, and the lists are
        // joined in fold order, so the result does not depend on scheduling.
        var perFold = [[HeldOut]](repeating: [], count: folds)
        let temperature = options.temperature
        let alpha = options.alpha
        let fitPrior = options.fitPrior
        let outOfScope = intentNames.firstIndex(of: IntentClassifier.outOfScope)
        let penalty = options.outOfScopePenalty
        perFold.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: folds) { fold in
                let trainRows = (0..<documents.count).filter { assignment[$0] != fold }
                let model = NaiveBayes.fit(documents, rows: trainRows, classCount: classCount,
                                           featureCount: featureCount, alpha: alpha, fitPrior: fitPrior,
                                           normalizesExamples: options.normalizesExamples,
                                           exampleWeights: exampleWeights, parallel: false)
                var scores: [Double] = []
                var list: [HeldOut] = []
                for row in 0..<documents.count where assignment[row] == fold {
                    let range = documents.rowStarts[row]..<documents.rowStarts[row + 1]
                    model.scores(ids: documents.ids[range], weights: documents.weights[range], into: &scores)
                    let posteriors = NaiveBayes.posteriors(scores, temperature: temperature)
                    var top = 0
                    for c in 1..<classCount where posteriors[c] > posteriors[top] { top = c }
                    let statistic = IntentClassifier.fallbackStatistic(posteriors, top: top, outOfScope: outOfScope,
                                                                       penalty: penalty)
                    list.append(HeldOut(confidence: statistic, predicted: top, truth: documents.labels[row]))
                }
                results[fold] = list
            }
        }
        let heldOut = perFold.flatMap { $0 }
        return heldOut
    }

    /// The threshold maximising the objective above over the held-out predictions: the midpoint
    /// between the two confidences it separates, so it does not sit on an example.
    static func best(_ heldOut: [HeldOut], outOfScope: Int?, rejectCredit: Double = 0.9,
                     outOfScopeWeight: Double = 1, floor: Double = 0) -> Double
    {
        guard !heldOut.isEmpty else { return floor }
        let sorted = heldOut.sorted { $0.confidence < $1.confidence }
        // Gain of rejecting each example rather than accepting it.
        func gain(_ item: HeldOut) -> Double {
            let isOutOfScope = item.truth == outOfScope
            let acceptedRight = isOutOfScope ? item.predicted == outOfScope : item.predicted == item.truth
            let rejectedRight = isOutOfScope
            if item.predicted == outOfScope { return 0 }  // already a fallback
            if rejectedRight { return outOfScopeWeight }
            return acceptedRight ? -1 : (outOfScope == nil ? 0 : rejectCredit)
        }
        var bestGain = 0.0
        var bestThreshold = floor  // rejects nothing
        var running = 0.0
        for index in sorted.indices {
            running += gain(sorted[index])
            // Rejecting sorted[0...index]: a threshold between this confidence and the next.
            let next = index + 1 < sorted.count ? sorted[index + 1].confidence : 1
            if next > sorted[index].confidence, running > bestGain + 1e-12 {
                bestGain = running
                bestThreshold = (sorted[index].confidence + next) / 2
            }
        }
        return bestThreshold
    }
}
