import Foundation

/// How a classifier is trained. The defaults were tuned on the CLINC150 train/val splits and by
/// 5-fold cross-validation on Banking77's training split (see `concierge evaluate`), never on a test
/// split; accuracy is flat (±0.2 points) around them.
public struct ClassifierOptions: Sendable, Equatable {
    /// Lidstone smoothing α of naive Bayes, on the scale of one example's mass (see `normalizesExamples`).
    public var alpha: Double = 0.01
    /// λ: a training example counts 1 + λ·(1 − P(its intent | it, the model without it)) times, so the
    /// examples the model confuses weigh more (see NaiveBayes+HardExamples.swift); 0 counts each once.
    public var hardExampleWeight = 3.0
    /// Whether each training example adds the same total weight (1) to its class's counts, rather than
    /// the sum of its TF-IDF weights (longer examples more). α is on that scale.
    public var normalizesExamples = true
    /// The weights of the unigram, bigram and character n-gram groups in a document vector. With hard
    /// examples weighted up, unigrams at 0.7 rather than 1 gained 0.2 points on CLINC150 val and on
    /// Banking77's 5 folds (CLINC150's 5 folds unchanged).
    public var groupWeights: [Float] = [0.7, 1, 0.7]
    /// Character n-gram lengths inside words.
    public var minGram = 2
    public var maxGram = 4
    /// Whether class sizes set the prior (false: uniform).
    public var fitPrior = false
    /// The temperature τ of the posterior softmax: 0.6 scales naive Bayes's log-odds down, which are
    /// over-confident because overlapping n-grams are counted as independent evidence. (It was 0.5 before
    /// hard examples were weighted up; their flatter posteriors need 0.6 for the same confidences, e.g. a
    /// mean top posterior of 0.77 over the agent's own intents held out by 5-fold, which the dialogue's
    /// confidence cut-offs were set against.)
    public var temperature: Double = 0.6
    /// How much the `out_of_scope` posterior counts against the top intent when deciding to fall back:
    /// the threshold is compared with P(top) − w·P(out_of_scope), so an utterance whose runner-up is
    /// `out_of_scope` needs more confidence than one torn between two real intents. 3 raised CLINC150's
    /// validation in-scope accuracy by 0.3 points at the same out-of-scope recall, and the agent's own
    /// data's 5-fold accuracy from 0.921 to 0.939 (a margin against the runner-up of any kind, tried
    /// too, lost accuracy). Without `out_of_scope` training data the statistic is P(top) itself.
    public var outOfScopePenalty = 3.0
    /// The fallback statistic under which the classifier falls back to `out_of_scope`; nil chooses it by
    /// stratified cross-validation on the training data itself.
    public var threshold: Double?
    /// In that choice: what rejecting an in-scope example the model got wrong is worth (accepting a
    /// right one is worth 1), and how much each `out_of_scope` example weighs.
    /// Credit only counts when the training data has `out_of_scope` examples (see ThresholdSelection).
    public var rejectCredit = 0.9
    public var outOfScopeWeight = 1.0
    /// Folds and seed of that cross-validation.
    public var thresholdFolds = 5
    public var seed: UInt64 = 0x5EED

    public init() {}
}

/// What the classifier makes of one utterance.
public struct IntentPrediction: Sendable {
    /// The decision: an intent name, or `out_of_scope` when the classifier falls back.
    public var intent: String
    /// The posterior of `topIntent`, 0...1.
    public var confidence: Double
    /// The most probable class, even when the classifier fell back.
    public var topIntent: String
    /// The runners-up after `topIntent`, best first (at most four).
    public var alternatives: [(intent: String, confidence: Double)]

    /// Why the decision is `out_of_scope`; nil when it is another intent.
    public var fallback: Fallback?

    /// Why a prediction is `out_of_scope`.
    public enum Fallback: String, Sendable {
        /// `out_of_scope` was the most probable class.
        case outOfScopeLikeliest = "out_of_scope_likeliest"
        /// The best intent's confidence was under the threshold.
        case underThreshold = "under_threshold"
        /// The best intent was confident enough alone, but `out_of_scope` came too close behind it.
        case outOfScopeClose = "out_of_scope_close"
    }

    /// Whether the classifier fell back to `out_of_scope`.
    public var isFallback: Bool { intent == IntentClassifier.outOfScope }
}

/// A trained intent classifier: TF-IDF features, multinomial naive Bayes (hard examples weighted up), and an
/// out-of-scope threshold.
///
/// A pure value: safe to share between threads, and the same data always trains the same model.
public struct IntentClassifier: Sendable {
    /// The reserved intent the classifier falls back to.
    public static let outOfScope = "out_of_scope"

    /// The intents the model tells apart, sorted (`out_of_scope` among them when it was trained).
    public let intentNames: [String]
    /// The training data's fingerprint: the key the model is saved under.
    public let fingerprint: String
    /// The fallback statistic (see `fallbackStatistic`) under which `classify` falls back.
    public var threshold: Double
    /// The weight w of P(out_of_scope) in that statistic.
    public let outOfScopePenalty: Double
    /// The posterior's temperature τ.
    public let temperature: Double
    /// The number of training examples.
    public let exampleCount: Int

    let vectorizer: TFIDFVectorizer
    let model: NaiveBayes
    /// Where `out_of_scope` is in `intentNames`, if it was trained.
    let outOfScopeIndex: Int?

    init(intentNames: [String], fingerprint: String, threshold: Double, outOfScopePenalty: Double,
         temperature: Double, exampleCount: Int, vectorizer: TFIDFVectorizer, model: NaiveBayes)
    {
        self.intentNames = intentNames
        self.fingerprint = fingerprint
        self.threshold = threshold
        self.outOfScopePenalty = outOfScopePenalty
        self.outOfScopeIndex = intentNames.firstIndex(of: Self.outOfScope)
        self.temperature = temperature
        self.exampleCount = exampleCount
        self.vectorizer = vectorizer
        self.model = model
    }

    /// The number of distinct features (word n-grams and character n-grams) seen in training.
    public var vocabularySize: Int { vectorizer.featureCount }

    /// Trains on `trainingSet`; chooses the out-of-scope threshold by cross-validation unless
    /// `options.threshold` is set.
    public static func train(on trainingSet: TrainingSet, options: ClassifierOptions = ClassifierOptions()) throws
        -> IntentClassifier
    {
        let names = trainingSet.intentNames
        guard names.count >= 2 else {
            throw IntentsError.tooFewIntents(path: trainingSet.examples.first?.file ?? "intents", count: names.count)
        }
        let fitted = fit(trainingSet, options: options)
        var classifier = fitted.classifier
        if let threshold = options.threshold {
            classifier.threshold = threshold
        } else {
            classifier.threshold = ThresholdSelection.choose(
                documents: fitted.documents, exampleWeights: fitted.exampleWeights, intentNames: names,
                options: options, featureCount: fitted.classifier.vectorizer.featureCount)
        }
        return classifier
    }

    /// Vocabulary, IDF and naive Bayes, with a threshold of 0; also the training rows and their example
    /// weights, for cross-validation.
    static func fit(_ trainingSet: TrainingSet, options: ClassifierOptions)
        -> (classifier: IntentClassifier, documents: DocumentMatrix, exampleWeights: [Double]?)
    {
        let names = trainingSet.intentNames
        // Examples come intent by intent: look a name up only when it changes.
        var labels: [Int] = []
        labels.reserveCapacity(trainingSet.examples.count)
        var previous: (intent: String, label: Int)?
        for example in trainingSet.examples {
            if let previous, previous.intent == example.intent {
                labels.append(previous.label)
            } else {
                let label = Self.index(of: example.intent, in: names)
                labels.append(label)
                previous = (example.intent, label)
            }
        }
        let (vectorizer, documents) = TFIDFVectorizer.fit(
            texts: trainingSet.texts, labels: labels,
            extractor: FeatureExtractor(minGram: options.minGram, maxGram: options.maxGram),
            groupWeights: options.groupWeights)
        let (model, exampleWeights) = NaiveBayes.fitWeightingHardExamples(
            documents, classCount: names.count, featureCount: vectorizer.featureCount, alpha: options.alpha,
            fitPrior: options.fitPrior, normalizesExamples: options.normalizesExamples,
            hardExampleWeight: options.hardExampleWeight, temperature: options.temperature)
        let classifier = IntentClassifier(
            intentNames: names, fingerprint: trainingSet.fingerprint, threshold: 0,
            outOfScopePenalty: options.outOfScopePenalty, temperature: options.temperature, exampleCount: trainingSet.examples.count, vectorizer: vectorizer,
            model: model)
        return (classifier, documents, exampleWeights)
    }

    /// Binary search in the sorted names (every example's intent is among them by construction).
    static func index(of intent: String, in names: [String]) -> Int {
        var low = 0
        var high = names.count
        while low < high {
            let middle = (low + high) / 2
            if names[middle] < intent { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The posterior of every intent for `text`, in `intentNames` order.
    public func posteriors(_ text: String) -> [Double] {
        let vector = vectorizer.vector(for: text)
        var scores: [Double] = []
        model.scores(ids: vector.ids, weights: vector.weights, into: &scores)
        return NaiveBayes.posteriors(scores, temperature: temperature)
    }

    /// The intent of `text`, falling back to `out_of_scope` under the threshold.
    public func classify(_ text: String) -> IntentPrediction {
        decide(posteriors(text))
    }

    /// What the threshold is compared with: P(top) − w·P(out_of_scope), or P(top) when there is no
    /// `out_of_scope` class (or it is the top one).
    static func fallbackStatistic(_ posteriors: [Double], top: Int, outOfScope: Int?, penalty: Double) -> Double {
        guard let outOfScope, outOfScope != top else { return posteriors[top] }
        return posteriors[top] - penalty * posteriors[outOfScope]
    }

    /// The lowest value the statistic can take: a threshold there rejects nothing.
    static func lowestStatistic(outOfScope: Int?, penalty: Double) -> Double {
        outOfScope == nil ? 0 : min(0, 1 - penalty)
    }

    /// The prediction for a posterior vector.
    func decide(_ posteriors: [Double]) -> IntentPrediction {
        // The five best, best first; ties go to the earlier name, so only the scores decide.
        var best: [Int] = []
        best.reserveCapacity(6)
        for c in posteriors.indices {
            if best.count == 5, posteriors[c] <= posteriors[best[4]] { continue }
            var position = best.count
            while position > 0, posteriors[c] > posteriors[best[position - 1]] { position -= 1 }
            best.insert(c, at: position)
            if best.count > 5 { best.removeLast() }
        }
        let top = best[0]
        let topIntent = intentNames[top]
        let confidence = posteriors[top]
        let statistic = Self.fallbackStatistic(posteriors, top: top, outOfScope: outOfScopeIndex,
                                               penalty: outOfScopePenalty)
        let fallback: IntentPrediction.Fallback? =
            if topIntent == Self.outOfScope { .outOfScopeLikeliest }
            else if confidence < threshold { .underThreshold }
            else if statistic < threshold { .outOfScopeClose }
            else { nil }
        let alternatives = best.dropFirst().map { (intent: intentNames[$0], confidence: posteriors[$0]) }
        return IntentPrediction(intent: fallback == nil ? topIntent : Self.outOfScope, confidence: confidence,
                                topIntent: topIntent, alternatives: alternatives, fallback: fallback)
    }
}
