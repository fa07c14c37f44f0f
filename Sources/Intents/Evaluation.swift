import Foundation

/// Precision, recall and F1 of one intent on a test set.
public struct IntentScore: Sendable, Equatable, Codable {
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var support: Int
}

/// How often one intent was taken for another.
public struct Confusion: Sendable, Equatable, Codable {
    public var expected: String
    public var predicted: String
    public var count: Int
}

/// A test example the classifier got wrong.
public struct Misclassification: Sendable, Equatable, Codable {
    public var text: String
    public var expected: String
    public var predicted: String
    public var confidence: Double
    public var file: String
    public var line: Int
}

/// The scores of SPEC §5.
public struct Evaluation: Sendable, Equatable, Codable {
    public var examples: Int
    public var intents: Int
    public var accuracy: Double
    public var macroF1: Double
    /// Nil when every test example is `out_of_scope`.
    public var inScopeAccuracy: Double?
    /// Nil when the test data has no `out_of_scope` example.
    public var oosRecall: Double?
    /// Nil when nothing was rejected.
    public var oosPrecision: Double?
    public var threshold: Double
    public var trainSeconds: Double
    public var classifySecondsPerUtterance: Double
    public var perIntent: [String: IntentScore]
    public var confusions: [Confusion]
    /// Every wrong prediction, in test order (for the HTML report; not part of the JSON).
    public var misclassified: [Misclassification]
    /// Every intent in the test data or the predictions, sorted (the confusion matrix's axes).
    public var labels: [String]
    /// matrix[i][j]: test examples of labels[i] predicted as labels[j].
    public var matrix: [[Int]]

    enum CodingKeys: String, CodingKey {
        case examples, intents, accuracy, threshold, confusions
        case macroF1 = "macro_f1"
        case inScopeAccuracy = "in_scope_accuracy"
        case oosRecall = "oos_recall"
        case oosPrecision = "oos_precision"
        case trainSeconds = "train_seconds"
        case classifySecondsPerUtterance = "classify_seconds_per_utterance"
        case perIntent = "per_intent"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        examples = try container.decode(Int.self, forKey: .examples)
        intents = try container.decode(Int.self, forKey: .intents)
        accuracy = try container.decode(Double.self, forKey: .accuracy)
        macroF1 = try container.decode(Double.self, forKey: .macroF1)
        inScopeAccuracy = try container.decodeIfPresent(Double.self, forKey: .inScopeAccuracy)
        oosRecall = try container.decodeIfPresent(Double.self, forKey: .oosRecall)
        oosPrecision = try container.decodeIfPresent(Double.self, forKey: .oosPrecision)
        threshold = try container.decode(Double.self, forKey: .threshold)
        trainSeconds = try container.decode(Double.self, forKey: .trainSeconds)
        classifySecondsPerUtterance = try container.decode(Double.self, forKey: .classifySecondsPerUtterance)
        perIntent = try container.decode([String: IntentScore].self, forKey: .perIntent)
        confusions = try container.decode([Confusion].self, forKey: .confusions)
        misclassified = []
        labels = []
        matrix = []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(examples, forKey: .examples)
        try container.encode(intents, forKey: .intents)
        try container.encode(accuracy, forKey: .accuracy)
        try container.encode(macroF1, forKey: .macroF1)
        // Absent figures are written as null, so every field of SPEC §5 is always there.
        try container.encode(inScopeAccuracy, forKey: .inScopeAccuracy)
        try container.encode(oosRecall, forKey: .oosRecall)
        try container.encode(oosPrecision, forKey: .oosPrecision)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(trainSeconds, forKey: .trainSeconds)
        try container.encode(classifySecondsPerUtterance, forKey: .classifySecondsPerUtterance)
        try container.encode(perIntent, forKey: .perIntent)
        try container.encode(confusions, forKey: .confusions)
    }

    /// The JSON document of `evaluate --json`: keys sorted, so equal scores print equal bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// One scored test example.
struct ScoredExample {
    var example: Example
    var predicted: String
    var confidence: Double
}

extension Evaluation {
    /// The scores of `scored` predictions (the metrics only; timings are filled in by the caller).
    init(scored: [ScoredExample], intents: Int, threshold: Double, trainSeconds: Double,
         classifySecondsPerUtterance: Double)
    {
        let outOfScope = IntentClassifier.outOfScope
        let truths = scored.map(\.example.intent)
        let labels = Array(Set(truths).union(scored.map(\.predicted))).sorted()
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        var misclassified: [Misclassification] = []
        var correct = 0
        var inScope = 0
        var inScopeCorrect = 0
        for item in scored {
            let truth = item.example.intent
            if let row = index[truth], let column = index[item.predicted] { matrix[row][column] += 1 }
            let right = item.predicted == truth
            if right { correct += 1 }
            if truth != outOfScope {
                inScope += 1
                if right { inScopeCorrect += 1 }
            }
            if !right {
                misclassified.append(Misclassification(
                    text: item.example.text, expected: truth, predicted: item.predicted,
                    confidence: item.confidence, file: item.example.file, line: item.example.line))
            }
        }
        var perIntent: [String: IntentScore] = [:]
        var f1Sum = 0.0
        let testLabels = Set(truths)
        for (i, label) in labels.enumerated() where testLabels.contains(label) {
            let truePositives = matrix[i][i]
            let support = matrix[i].reduce(0, +)
            let predictedCount = matrix.reduce(0) { $0 + $1[i] }
            let precision = predictedCount > 0 ? Double(truePositives) / Double(predictedCount) : 0
            let recall = support > 0 ? Double(truePositives) / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perIntent[label] = IntentScore(precision: precision, recall: recall, f1: f1, support: support)
            f1Sum += f1
        }
        var confusions: [Confusion] = []
        for (i, expected) in labels.enumerated() {
            for (j, predicted) in labels.enumerated() where i != j && matrix[i][j] > 0 {
                confusions.append(Confusion(expected: expected, predicted: predicted, count: matrix[i][j]))
            }
        }
        confusions.sort {
            ($0.count, $1.expected, $1.predicted) > ($1.count, $0.expected, $0.predicted)
        }
        var oosRecall: Double?
        var oosPrecision: Double?
        if let o = index[outOfScope] {
            let support = matrix[o].reduce(0, +)
            let rejected = matrix.reduce(0) { $0 + $1[o] }
            if support > 0 { oosRecall = Double(matrix[o][o]) / Double(support) }
            if rejected > 0 { oosPrecision = Double(matrix[o][o]) / Double(rejected) }
        }
        self.examples = scored.count
        self.intents = intents
        self.accuracy = scored.isEmpty ? 0 : Double(correct) / Double(scored.count)
        self.macroF1 = testLabels.isEmpty ? 0 : f1Sum / Double(testLabels.count)
        self.inScopeAccuracy = inScope > 0 ? Double(inScopeCorrect) / Double(inScope) : nil
        self.oosRecall = oosRecall
        self.oosPrecision = oosPrecision
        self.threshold = threshold
        self.trainSeconds = trainSeconds
        self.classifySecondsPerUtterance = classifySecondsPerUtterance
        self.perIntent = perIntent
        self.confusions = confusions
        self.misclassified = misclassified
        self.labels = labels
        self.matrix = matrix
    }
}

/// Scores a classifier on held-out data or by cross-validation.
public enum Evaluator {
    /// Trains on `training` and scores every example of `test`, one at a time.
    public static func evaluate(training: TrainingSet, test: TrainingSet,
                                options: ClassifierOptions = ClassifierOptions()) throws -> Evaluation
    {
        let clock = ContinuousClock()
        var classifier: IntentClassifier?
        let trainTime = try clock.measure { classifier = try IntentClassifier.train(on: training, options: options) }
        guard let classifier else { throw IntentsError.tooFewIntents(path: "", count: 0) }
        var scored: [ScoredExample] = []
        scored.reserveCapacity(test.examples.count)
        let classifyTime = clock.measure {
            for example in test.examples {
                let prediction = classifier.classify(example.text)
                scored.append(ScoredExample(example: example, predicted: prediction.intent,
                                            confidence: prediction.confidence))
            }
        }
        return Evaluation(
            scored: scored, intents: classifier.intentNames.count, threshold: classifier.threshold,
            trainSeconds: trainTime.seconds,
            classifySecondsPerUtterance: test.examples.isEmpty ? 0 : classifyTime.seconds / Double(test.examples.count))
    }

    /// Stratified K-fold cross-validation (seeded): each fold trains on the others, thresholds
    /// included, and is scored on its own examples; the figures are over all examples together.
    /// `threshold` and `train_seconds` are the means over the folds.
    public static func crossValidate(_ data: TrainingSet, folds: Int,
                                     options: ClassifierOptions = ClassifierOptions()) throws -> Evaluation
    {
        let names = data.intentNames
        let labels = data.examples.map { IntentClassifier.index(of: $0.intent, in: names) }
        var sizes = [Int](repeating: 0, count: names.count)
        for label in labels { sizes[label] += 1 }
        guard folds >= 2 else { throw IntentsError.invalidFolds(requested: folds, reason: "use at least 2 folds") }
        guard data.examples.count >= folds else {
            throw IntentsError.invalidFolds(requested: folds, reason: "only \(data.examples.count) examples")
        }
        let assignment = StratifiedFolds.assign(labels: labels, classCount: names.count, folds: folds,
                                                seed: options.seed)
        let clock = ContinuousClock()
        var scored = [ScoredExample?](repeating: nil, count: data.examples.count)
        var trainSeconds = 0.0
        var classifySeconds = 0.0
        var thresholdSum = 0.0
        for fold in 0..<folds {
            let trainRows = data.examples.indices.filter { assignment[$0] != fold }
            let testRows = data.examples.indices.filter { assignment[$0] == fold }
            let training = TrainingSet(examples: trainRows.map { data.examples[$0] })
            var classifier: IntentClassifier?
            trainSeconds += try clock.measure {
                classifier = try IntentClassifier.train(on: training, options: options)
            }.seconds
            guard let classifier else { continue }
            thresholdSum += classifier.threshold
            classifySeconds += clock.measure {
                for row in testRows {
                    let prediction = classifier.classify(data.examples[row].text)
                    scored[row] = ScoredExample(example: data.examples[row], predicted: prediction.intent,
                                                confidence: prediction.confidence)
                }
            }.seconds
        }
        let all = scored.compactMap { $0 }
        return Evaluation(
            scored: all, intents: names.count, threshold: thresholdSum / Double(folds),
            trainSeconds: trainSeconds / Double(folds),
            classifySecondsPerUtterance: all.isEmpty ? 0 : classifySeconds / Double(all.count))
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
