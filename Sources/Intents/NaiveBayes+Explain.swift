import TextKit

/// How much one word or word pair pushed the decision.
public struct TokenContribution: Sendable, Equatable {
    /// The token (its feature form: `<num:5>` for a five-digit number) or a bigram `word word`.
    public var text: String
    /// Its share of the log-odds of the top intent over the runner-up: positive pushed toward the top
    /// intent, negative toward the runner-up.
    public var weight: Double
}

/// Why the classifier chose what it chose.
public struct Explanation: Sendable {
    public var prediction: IntentPrediction
    /// The class the explanation compares against (the runner-up).
    public var runnerUp: String?
    /// The contributions, strongest (by magnitude) first.
    public var contributions: [TokenContribution]
}

extension IntentClassifier {
    /// The prediction for `text` and the words that pushed it.
    ///
    /// Naive Bayes's log-odds of the top intent t over the runner-up r is a sum over features,
    ///
    ///     score_t − score_r = (log π_t − log π_r) + Σ_j x_j · (log θ_tj − log θ_rj),
    ///
    /// so each feature's term (times the temperature τ, as in the posterior) is its exact share of
    /// log P(t|x) − log P(r|x). A word's contribution is the sum of its unigram and
    /// its character n-grams (a feature seen in several words is shared evenly among them); each
    /// bigram is reported as a phrase of its own.
    public func explain(_ text: String) -> Explanation {
        let prediction = classify(text)
        guard let runnerUp = prediction.alternatives.first?.intent,
              let top = intentNames.firstIndex(of: prediction.topIntent),
              let second = intentNames.firstIndex(of: runnerUp)
        else { return Explanation(prediction: prediction, runnerUp: nil, contributions: []) }

        let vector = vectorizer.vector(for: text)
        let tokens = FeatureExtractor.featureTokens(text)
        var occurrences: [(id: Int32, group: FeatureExtractor.Group, position: Int)] = []
        vectorizer.extractor.forEachFeature(of: tokens) { hash, group, position in
            let id = vectorizer.table.id(of: hash)
            if id >= 0 { occurrences.append((id, group, position)) }
        }
        let weightByID = Dictionary(zip(vector.ids, vector.weights), uniquingKeysWith: { first, _ in first })
        // How many times each feature occurs, to share its weight among its occurrences.
        var countByID: [Int32: Int] = [:]
        for occurrence in occurrences { countByID[occurrence.id, default: 0] += 1 }
        var wordWeights = [Double](repeating: 0, count: tokens.count)
        var phrases: [(text: String, weight: Double)] = []
        for occurrence in occurrences {
            guard let weight = weightByID[occurrence.id] else { continue }
            let x = Double(weight) / Double(countByID[occurrence.id] ?? 1)
            let term = temperature * x * (model.logProbability(feature: Int(occurrence.id), class: top)
                - model.logProbability(feature: Int(occurrence.id), class: second))
            if occurrence.group == .bigram {
                let first = occurrence.position > 0 ? tokens[occurrence.position - 1].feature : "<start>"
                let last = occurrence.position < tokens.count ? tokens[occurrence.position].feature : "<end>"
                phrases.append(("\(first) \(last)", term))
            } else {
                wordWeights[occurrence.position] += term
            }
        }
        var contributions = tokens.enumerated().map { TokenContribution(text: $1.feature, weight: wordWeights[$0]) }
        contributions += phrases.map { TokenContribution(text: $0.text, weight: $0.weight) }
        contributions.sort { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.text < $1.text }
        return Explanation(prediction: prediction, runnerUp: runnerUp, contributions: contributions)
    }
}

extension NaiveBayes {
    /// log θ_cj: the unseen-feature value plus the feature's delta when class c saw it.
    func logProbability(feature: Int, class c: Int) -> Double {
        var value = unseenLogProbabilities[c]
        for k in Int(entryStarts[feature])..<Int(entryStarts[feature + 1]) where Int(entryClasses[k]) == c {
            value += Double(entryDeltas[k])
        }
        return value
    }
}
