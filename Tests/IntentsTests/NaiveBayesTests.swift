import Foundation
import TextKit
import XCTest
@testable import Intents

final class NaiveBayesTests: XCTestCase {
    /// Two classes over three features, weights given directly (no TF-IDF), α = 1, uniform prior.
    ///
    ///     class A: d1 = {f0: 2}, d2 = {f0: 1, f1: 1}   N_A = (3, 1, 0), N_A· = 4
    ///     class B: d3 = {f2: 1}, d4 = {f1: 1, f2: 1}   N_B = (0, 1, 2), N_B· = 3
    ///
    ///     θ_A = ((3+1)/(4+3), (1+1)/(4+3), (0+1)/(4+3)) = (4/7, 2/7, 1/7)
    ///     θ_B = ((0+1)/(3+3), (1+1)/(3+3), (2+1)/(3+3)) = (1/6, 2/6, 3/6)
    private func model(fitPrior: Bool = false) -> NaiveBayes {
        var documents = DocumentMatrix()
        documents.append(ids: [0], weights: [2], label: 0)
        documents.append(ids: [0, 1], weights: [1, 1], label: 0)
        documents.append(ids: [2], weights: [1], label: 1)
        documents.append(ids: [1, 2], weights: [1, 1], label: 1)
        return NaiveBayes.fit(documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: fitPrior)
    }

    func testPosteriorsMatchHandArithmetic() {
        let model = model()
        var scores: [Double] = []
        // x = {f0: 1, f1: 1}:
        //   P(x|A) ∝ 4/7 · 2/7 = 8/49,  P(x|B) ∝ 1/6 · 2/6 = 1/18
        //   P(A|x) = (8/49) / (8/49 + 1/18) = 144 / (144 + 49) = 144/193 ≈ 0.746114
        model.scores(ids: [0, 1], weights: [1, 1], into: &scores)
        XCTAssertEqual(scores[0], log(8.0 / 49), accuracy: 1e-6)
        XCTAssertEqual(scores[1], log(1.0 / 18), accuracy: 1e-6)
        var posteriors = NaiveBayes.posteriors(scores, temperature: 1)
        XCTAssertEqual(posteriors[0], 144.0 / 193, accuracy: 1e-6)
        XCTAssertEqual(posteriors[1], 49.0 / 193, accuracy: 1e-6)

        // x = {f2: 1}, a feature A never saw:
        //   P(A|x) = (1/7) / (1/7 + 3/6) = (6/42) / (6/42 + 21/42) = 6/27 = 2/9
        model.scores(ids: [2], weights: [1], into: &scores)
        posteriors = NaiveBayes.posteriors(scores, temperature: 1)
        XCTAssertEqual(posteriors[0], 2.0 / 9, accuracy: 1e-6)

        // Fractional weights count fractionally: x = {f0: 0.5}:
        //   P(A|x) = (4/7)^0.5 / ((4/7)^0.5 + (1/6)^0.5) = 0.755929 / (0.755929 + 0.408248) = 0.649318
        model.scores(ids: [0], weights: [0.5], into: &scores)
        posteriors = NaiveBayes.posteriors(scores, temperature: 1)
        XCTAssertEqual(posteriors[0], 0.649318, accuracy: 1e-5)

        // A temperature of 0.5 halves the log-odds: with x = {f0: 1, f1: 1},
        //   P(A|x) = 144^0.5 / (144^0.5 + 49^0.5) = 12 / 19 ≈ 0.631579
        model.scores(ids: [0, 1], weights: [1, 1], into: &scores)
        posteriors = NaiveBayes.posteriors(scores, temperature: 0.5)
        XCTAssertEqual(posteriors[0], 12.0 / 19, accuracy: 1e-6)
    }

    /// The same documents with `normalizesExamples`: each example adds a mass of 1 to its class.
    ///
    ///     class A: d1 = {f0: 2} → {f0: 1},  d2 = {f0: 1, f1: 1} → {f0: 1/2, f1: 1/2}
    ///              N_A = (3/2, 1/2, 0), N_A· = 2
    ///     class B: d3 = {f2: 1} → {f2: 1},  d4 = {f1: 1, f2: 1} → {f1: 1/2, f2: 1/2}
    ///              N_B = (0, 1/2, 3/2), N_B· = 2
    ///
    ///     θ_A = ((3/2+1)/(2+3), (1/2+1)/5, (0+1)/5) = (1/2, 3/10, 1/5)
    ///     θ_B = ((0+1)/5, (1/2+1)/5, (3/2+1)/5)     = (1/5, 3/10, 1/2)
    func testNormalizedExamplesEachAddAMassOfOne() {
        var documents = DocumentMatrix()
        documents.append(ids: [0], weights: [2], label: 0)
        documents.append(ids: [0, 1], weights: [1, 1], label: 0)
        documents.append(ids: [2], weights: [1], label: 1)
        documents.append(ids: [1, 2], weights: [1, 1], label: 1)
        let model = NaiveBayes.fit(documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: false,
                                   normalizesExamples: true)
        var scores: [Double] = []
        // x = {f0: 1, f1: 1}: P(x|A) ∝ 1/2 · 3/10 = 3/20, P(x|B) ∝ 1/5 · 3/10 = 3/50,
        //   P(A|x) = (3/20) / (3/20 + 3/50) = 15 / (15 + 6) = 5/7 ≈ 0.714286
        model.scores(ids: [0, 1], weights: [1, 1], into: &scores)
        XCTAssertEqual(scores[0], log(3.0 / 20), accuracy: 1e-6)
        XCTAssertEqual(scores[1], log(3.0 / 50), accuracy: 1e-6)
        XCTAssertEqual(NaiveBayes.posteriors(scores, temperature: 1)[0], 5.0 / 7, accuracy: 1e-6)
    }

    /// Counting the classes in two halves at once gives the same model, bit for bit.
    func testParallelFitMatchesSequentialFit() throws {
        var documents = DocumentMatrix()
        var generator = SplitMix64(seed: 7)
        for row in 0..<5000 {
            let ids = (0..<6).map { _ in Int32(generator.next() % 300) }
            let unique = Array(Set(ids)).sorted()
            documents.append(ids: unique, weights: unique.map { _ in Float(generator.next() % 100 + 1) / 100 },
                             label: row % 7)
        }
        let parallel = NaiveBayes.fit(documents, classCount: 7, featureCount: 300, alpha: 0.01, fitPrior: false,
                                      normalizesExamples: true, parallel: true)
        let sequential = NaiveBayes.fit(documents, classCount: 7, featureCount: 300, alpha: 0.01, fitPrior: false,
                                        normalizesExamples: true, parallel: false)
        XCTAssertEqual(parallel, sequential)
    }

    /// A refit that reuses a fit's entries (the same rows, other positive example weights) is the fit from
    /// scratch, bit for bit: on a subset of rows (as the threshold's folds fit), with features weighted 0
    /// (listed nowhere), from features met in one class only to features every class met, on one thread
    /// or two, with and without normalised examples.
    func testRefitReusingEntriesEqualsFitFromScratch() {
        var documents = DocumentMatrix()
        var generator = SplitMix64(seed: 13)
        for row in 0..<6000 {
            let ids = (0..<(1 + Int(generator.next() % 9))).map { _ in
                Int32(generator.next() % (row % 4 == 0 ? 5000 : 200))
            }
            let unique = Array(Set(ids)).sorted()
            // Feature 7 always weighs 0.
            documents.append(ids: unique, weights: unique.map { $0 == 7 ? 0 : Float(generator.next() % 100 + 1) / 100 },
                             label: row % 23)
        }
        for (rows, parallel, normalizes) in [(nil, true, true), (nil, false, false),
                                             ((0..<6000).filter { $0 % 5 != 2 }, true, true)] as [([Int]?, Bool, Bool)]
        {
            let first = NaiveBayes.fit(documents, rows: rows, classCount: 23, featureCount: 5000, alpha: 0.01,
                                       fitPrior: true, normalizesExamples: normalizes, exampleWeights: nil,
                                       parallel: parallel, ownClassChanges: true)
            XCTAssertEqual(first.model.entryStarts[8], first.model.entryStarts[7])
            let weights = (0..<documents.count).map { _ in 1 + Double(generator.next() % 1000) / 250 }
            let reused = NaiveBayes.fit(documents, rows: rows, classCount: 23, featureCount: 5000, alpha: 0.01,
                                        fitPrior: true, normalizesExamples: normalizes, exampleWeights: weights,
                                        parallel: parallel, ownClassChanges: false,
                                        reusing: (first.model, first.entries)).model
            let scratch = NaiveBayes.fit(documents, rows: rows, classCount: 23, featureCount: 5000, alpha: 0.01,
                                         fitPrior: true, normalizesExamples: normalizes, exampleWeights: weights,
                                         parallel: parallel)
            XCTAssertEqual(reused, scratch)
            XCTAssertNotEqual(reused.entryDeltas, first.model.entryDeltas)
        }
    }

    /// Hard examples weighted up (λ = 1, α = 1, τ = 1), every example of mass 1:
    ///
    ///     class A: d1 = {f0: 1}, d2 = {f1: 1}      class B: d3 = {f1: 1}, d4 = {f2: 1}
    ///
    /// Leave-one-out posteriors (V = 3):
    ///     d1 without itself: N_A = (0, 1, 0), N_A· = 1, θ_A0 = 1/4;  θ_B0 = (0+1)/(2+3) = 1/5
    ///        P(A | d1) = (1/4) / (1/4 + 1/5) = 5/9,   w1 = 1 + (1 − 5/9) = 13/9
    ///     d2 without itself: N_A = (1, 0, 0), θ_A1 = 1/4;  θ_B1 = (1+1)/5 = 2/5
    ///        P(A | d2) = (1/4) / (1/4 + 2/5) = 5/13,  w2 = 1 + 8/13 = 21/13
    ///     d3 and d4 mirror d2 and d1: w3 = 21/13, w4 = 13/9.
    /// Refitted: N_A = (13/9, 21/13, 0), N_A· = 13/9 + 21/13 = 358/117, N_A· + 3 = 709/117
    ///     θ_A = ((13/9+1)·117/709, (21/13+1)·117/709, 117/709) = (286/709, 306/709, 117/709)
    ///     θ_B = (117/709, 306/709, 286/709)
    func testHardExamplesWeighMoreAsHandWorked() {
        var documents = DocumentMatrix()
        documents.append(ids: [0], weights: [1], label: 0)
        documents.append(ids: [1], weights: [1], label: 0)
        documents.append(ids: [1], weights: [1], label: 1)
        documents.append(ids: [2], weights: [1], label: 1)
        let first = NaiveBayes.fit(documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: false,
                                   normalizesExamples: true)
        let posteriors = NaiveBayes.leaveOneOutPosteriors(
            documents, rows: [0, 1, 2, 3], classCount: 2, featureCount: 3, alpha: 1, fitPrior: false,
            normalizesExamples: true, temperature: 1, parallel: false)
        for (posterior, expected) in zip(posteriors, [5.0 / 9, 5.0 / 13, 5.0 / 13, 5.0 / 9]) {
            XCTAssertEqual(posterior, expected, accuracy: 1e-6)
        }
        let (model, weights) = NaiveBayes.fitWeightingHardExamples(
            documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: false, normalizesExamples: true,
            hardExampleWeight: 1, temperature: 1)
        XCTAssertEqual(weights?.count, 4)
        for (weight, expected) in zip(weights ?? [], [13.0 / 9, 21.0 / 13, 21.0 / 13, 13.0 / 9]) {
            XCTAssertEqual(weight, expected, accuracy: 1e-6)
        }
        // The second fit, which reuses the first's entries, is the fit from scratch with those weights.
        XCTAssertEqual(model, NaiveBayes.fit(documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: false,
                                             normalizesExamples: true, exampleWeights: weights))
        XCTAssertEqual(model.logProbability(feature: 0, class: 0), log(286.0 / 709), accuracy: 1e-6)
        XCTAssertEqual(model.logProbability(feature: 1, class: 0), log(306.0 / 709), accuracy: 1e-6)
        XCTAssertEqual(model.logProbability(feature: 2, class: 0), log(117.0 / 709), accuracy: 1e-6)
        XCTAssertEqual(model.logProbability(feature: 2, class: 1), log(286.0 / 709), accuracy: 1e-6)
        // x = {f0: 1, f1: 1}: P(A|x) = (286·306) / (286·306 + 117·306) = 286/403 = 22/31 ≈ 0.709677
        // (2/3 with every example counted once: θ_A = (2/5, 2/5, 1/5), θ_B = (1/5, 2/5, 2/5)).
        var scores: [Double] = []
        model.scores(ids: [0, 1], weights: [1, 1], into: &scores)
        XCTAssertEqual(NaiveBayes.posteriors(scores, temperature: 1)[0], 22.0 / 31, accuracy: 1e-6)
        first.scores(ids: [0, 1], weights: [1, 1], into: &scores)
        XCTAssertEqual(NaiveBayes.posteriors(scores, temperature: 1)[0], 2.0 / 3, accuracy: 1e-6)
        // λ = 0 leaves every example counted once.
        let once = NaiveBayes.fitWeightingHardExamples(
            documents, classCount: 2, featureCount: 3, alpha: 1, fitPrior: false, normalizesExamples: true,
            hardExampleWeight: 0, temperature: 1)
        XCTAssertNil(once.exampleWeights)
        XCTAssertEqual(once.model, first)
    }

    /// Leave-one-out posteriors equal those of a model refitted without the example, through both the
    /// sparse entries (features 300 and up: a few classes each) and the dense rows of common features
    /// (40 classes, two blocks of 32 with padding, features under 300 seen by most classes); and two
    /// halves at once equal one pass.
    func testLeaveOneOutEqualsRefittingWithoutTheExample() {
        var documents = DocumentMatrix()
        var generator = SplitMix64(seed: 11)
        for row in 0..<5000 {
            let ids = (0..<6).map { _ in Int32(generator.next() % (row % 3 == 0 ? 3000 : 300)) }
            let unique = Array(Set(ids)).sorted()
            documents.append(ids: unique, weights: unique.map { _ in Float(generator.next() % 100 + 1) / 100 },
                             label: row % 40)
        }
        let rows = Array(0..<documents.count)
        func leaveOneOut(parallel: Bool) -> [Double] {
            NaiveBayes.leaveOneOutPosteriors(documents, rows: rows, classCount: 40, featureCount: 3000, alpha: 0.01,
                                             fitPrior: false, normalizesExamples: true, temperature: 0.5,
                                             parallel: parallel)
        }
        let posteriors = leaveOneOut(parallel: true)
        XCTAssertEqual(posteriors, leaveOneOut(parallel: false))
        // At τ = 0 every class is as likely: 1/40, the 24 padding classes of the last block counting for
        // nothing.
        let flat = NaiveBayes.leaveOneOutPosteriors(
            documents, rows: rows, classCount: 40, featureCount: 3000, alpha: 0.01, fitPrior: false,
            normalizesExamples: true, temperature: 0, parallel: true)
        for posterior in flat { XCTAssertEqual(posterior, 1.0 / 40, accuracy: 1e-6) }
        var scores: [Double] = []
        for left in [0, 1, 2, 3, 38, 39, 4999] {
            let without = NaiveBayes.fit(documents, rows: rows.filter { $0 != left }, classCount: 40,
                                         featureCount: 3000, alpha: 0.01, fitPrior: false, normalizesExamples: true)
            let row = documents.row(left)
            without.scores(ids: row.ids, weights: row.weights, into: &scores)
            let expected = NaiveBayes.posteriors(scores, temperature: 0.5)[documents.labels[left]]
            XCTAssertEqual(posteriors[left], expected, accuracy: expected * 1e-4, "row \(left)")
        }
    }

    /// Δ = ln(N + α) − ln α agrees with libm's, for every length (full blocks of eight and
    /// the few left), and leaves nothing past the buffer.
    func testDeltasMatchLibm() {
        let logAlpha = logf(0.01)
        for count in 0...19 {
            let values = (0..<count).map { Float(0.01) + Float($0 * $0) * 0.37 }
            var buffer = values + [-7]
            buffer.withUnsafeMutableBufferPointer {
                NaiveBayes.replaceWithDeltas(UnsafeMutableBufferPointer(rebasing: $0[..<count]), logAlpha: logAlpha)
            }
            for (delta, value) in zip(buffer, values) {
                XCTAssertEqual(delta, logf(value) - logAlpha, accuracy: 2e-6, "\(value) of \(count)")
            }
            XCTAssertEqual(buffer[count], -7)
        }
    }

    func testFittedPriorAddsLogClassShare() {
        // Equal class sizes: log π = log(1/2) for both, so the posteriors do not move.
        var scores: [Double] = []
        model(fitPrior: true).scores(ids: [0, 1], weights: [1, 1], into: &scores)
        XCTAssertEqual(scores[0], log(0.5) + log(8.0 / 49), accuracy: 1e-6)
        XCTAssertEqual(NaiveBayes.posteriors(scores, temperature: 1)[0], 144.0 / 193, accuracy: 1e-6)
    }

    func testSparseEntriesHoldOnlySeenPairs() {
        let model = model()
        // f0: A only; f1: A and B; f2: B only.
        XCTAssertEqual(model.entryStarts, [0, 1, 3, 4])
        XCTAssertEqual(model.entryClasses, [0, 0, 1, 1])
        XCTAssertEqual(model.logProbability(feature: 0, class: 0), log(4.0 / 7), accuracy: 1e-6)
        XCTAssertEqual(model.logProbability(feature: 0, class: 1), log(1.0 / 6), accuracy: 1e-6)
        XCTAssertEqual(model.logProbability(feature: 2, class: 1), log(3.0 / 6), accuracy: 1e-6)
    }

    func testTFIDFWeightsMatchHandArithmetic() {
        // Unigrams only (the other groups weigh 0). Two documents, n = 2:
        //   df(a) = 2: idf = ln(3/3) + 1 = 1;  df(b) = 1: idf = ln(3/2) + 1 = 1.405465
        //   "a b" -> (1, 1.405465) / ‖(1, 1.405465)‖ = (1, 1.405465) / 1.724915 = (0.579739, 0.814797)
        //   "a a" -> tf 2: (1 + ln 2) · 1 = 1.693147, normalised to 1
        let (vectorizer, documents) = TFIDFVectorizer.fit(
            texts: ["a b", "a a"], labels: [0, 1], extractor: FeatureExtractor(), groupWeights: [1, 0, 0])
        let first = documents.row(0)
        let unigramWeights = zip(first.ids, first.weights).filter { vectorizer.groups[Int($0.0)] == 0 }.map(\.1)
        XCTAssertEqual(unigramWeights.count, 2)
        XCTAssertEqual(Double(unigramWeights[0]), 0.579739, accuracy: 1e-5)
        XCTAssertEqual(Double(unigramWeights[1]), 0.814797, accuracy: 1e-5)
        let second = documents.row(1)
        XCTAssertEqual(zip(second.ids, second.weights).filter { vectorizer.groups[Int($0.0)] == 0 }.map(\.1), [1])
        // Classifying applies the same transform.
        let vector = vectorizer.vector(for: "A B")
        XCTAssertEqual(zip(vector.ids, vector.weights).filter { vectorizer.groups[Int($0.0)] == 0 }.map(\.1),
                       unigramWeights)
    }

    /// 1 + ln tf comes from a table below 64 and from libm above: both sides of the edge, by hand
    /// (unigrams only; idf(a) = 1, idf(b) = ln(3/2) + 1 = 1.405465, as above):
    ///   tf(a) = 63:  (1 + ln 63, 1.405465) normalised = (0.964631, 0.263605)
    ///   tf(a) = 64:  (0.964835, 0.262856);   tf(a) = 100: (0.969972, 0.243215)
    func testSublinearTermCountsAcrossTheTable() {
        for (tf, expected) in [(63, [0.964631, 0.263605]), (64, [0.964835, 0.262856]), (100, [0.969972, 0.243215])] {
            let text = Array(repeating: "a", count: tf).joined(separator: " ") + " b"
            let (vectorizer, documents) = TFIDFVectorizer.fit(
                texts: [text, "a"], labels: [0, 1], extractor: FeatureExtractor(), groupWeights: [1, 0, 0])
            for vector in [documents.row(0), vectorizer.vector(for: text)] {
                let weights = zip(vector.ids, vector.weights).filter { vectorizer.groups[Int($0.0)] == 0 }.map(\.1)
                XCTAssertEqual(weights.count, 2)
                for (weight, value) in zip(weights, expected) { XCTAssertEqual(Double(weight), value, accuracy: 1e-5, "tf \(tf)") }
            }
        }
    }

    func testTrainingRowsEqualClassifyingVectors() {
        // Training interns each word's character n-grams once (a memo); classifying hashes them anew.
        // Both must give every training text the same features and weights.
        let texts = Fixtures.trainingSet.examples.map(\.text) + ["I'm sure it's 10023, dont worry", "Ｃrème brûlée"]
        let (vectorizer, documents) = TFIDFVectorizer.fit(
            texts: texts, labels: texts.map { _ in 0 }, extractor: FeatureExtractor(), groupWeights: [1, 1, 0.7])
        for (row, text) in texts.enumerated() {
            let trained = documents.row(row)
            let classified = vectorizer.vector(for: text)
            XCTAssertEqual(Set(trained.ids), Set(classified.ids), text)
            let weights = Dictionary(uniqueKeysWithValues: zip(classified.ids, classified.weights))
            for (id, weight) in zip(trained.ids, trained.weights) {
                XCTAssertEqual(weight, weights[id] ?? -1, accuracy: 1e-5, text)
            }
        }
    }

    func testTrainingVocabularyIsInOrderOfFirstAppearance() {
        // Training looks a text's new features up all at once and remembers each word's n-grams; the IDs
        // must still be those of interning every feature of every text one by one, and each row lists
        // its features as classifying does. Words come back within a text, and new words repeat.
        assertTrainingInternsOneByOne(Fixtures.trainingSet.examples.map(\.text) + [
            "refund refund refunds", "refunds and refund again, 10023 10024", "zebra zebra zebra", "!!!", "",
            "I'm sure it's 10023, dont worry", "Ｃrème brûlée", "where is my order",
        ])
    }

    func testTextsWithMoreTokensThanHalfTheirBytesOrLongRows() {
        // Training reads a text's tokens into room for half its bytes and appends any past it: adjacent
        // numbers and letters, and contractions typed without an apostrophe, fill it. A text of 676
        // words also has more features and words than the room training first makes for rows.
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let long = letters.flatMap { first in letters.map { "k" + first + $0 } }.joined(separator: " ")
        assertTrainingInternsOneByOne(["1a2b3c4d5e6f7g8h9i", "im im im im im im dont", "a", "x1y2z3 im im",
                                       "1a2b3c4d5e6f7g8h9i", "ive 1a im 2b", long, "where is my order", long])
    }

    func testVocabularyPastTheFirstRoom() {
        // 6,000 words of four letters: some 70,000 features, past the room counting first makes (32,768).
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let words = (0..<6_000).map { (n: Int) -> String in
            [letters[n % 26], letters[n / 26 % 26], letters[n / 676 % 26], "q"].joined()
        }
        let texts = (0..<60).map { words[$0 * 100..<$0 * 100 + 100].joined(separator: " ") }
        let features = assertTrainingInternsOneByOne(texts)
        XCTAssertGreaterThan(features, 1 << 15)
    }

    /// The IDs must be those of interning every feature of every text one by one, and each row must list
    /// its features as classifying does. Returns how many features there are.
    @discardableResult
    private func assertTrainingInternsOneByOne(_ texts: [String], file: StaticString = #filePath,
                                               line: UInt = #line) -> Int
    {
        let extractor = FeatureExtractor()
        let (vectorizer, documents) = TFIDFVectorizer.fit(
            texts: texts, labels: texts.map { _ in 0 }, extractor: extractor, groupWeights: [1, 1, 0.7])
        var expected: [UInt64] = []
        var known = Set<UInt64>()
        for text in texts {
            extractor.forEachFeature(in: text) { hash, _ in
                if known.insert(hash).inserted { expected.append(hash) }
            }
        }
        XCTAssertEqual(vectorizer.hashes, expected, file: file, line: line)
        for (row, text) in texts.enumerated() {
            let classified = vectorizer.vector(for: text)
            XCTAssertEqual(documents.row(row).ids, classified.ids, text, file: file, line: line)
            for (trained, weight) in zip(documents.row(row).weights, classified.weights) {
                XCTAssertEqual(trained, weight, accuracy: 1e-5, text, file: file, line: line)
            }
        }
        return vectorizer.featureCount
    }

    func testCountingInPartsEqualsOnePass() {
        let texts = Fixtures.trainingSet.examples.map(\.text)
        let labels = texts.map { _ in 0 }
        let (one, oneRows) = TFIDFVectorizer.fit(texts: texts, labels: labels, extractor: FeatureExtractor(),
                                                 groupWeights: [1, 1, 0.7], chunks: 1)
        for chunks in [2, 3, 7] {
            let (parts, partRows) = TFIDFVectorizer.fit(texts: texts, labels: labels, extractor: FeatureExtractor(),
                                                        groupWeights: [1, 1, 0.7], chunks: chunks)
            XCTAssertEqual(parts.hashes, one.hashes)
            XCTAssertEqual(parts.groups, one.groups)
            XCTAssertEqual(parts.idf, one.idf)
            XCTAssertEqual(partRows.rowStarts, oneRows.rowStarts)
            XCTAssertEqual(partRows.ids, oneRows.ids)
            XCTAssertEqual(partRows.weights, oneRows.weights)
            XCTAssertEqual(partRows.masses, oneRows.masses)
            // What the words leave of a row does not depend on the parts (its words' numbers do).
            XCTAssertEqual(partRows.words?.restStarts, oneRows.words?.restStarts)
            XCTAssertEqual(partRows.words?.restIDs, oneRows.words?.restIDs)
            XCTAssertEqual(partRows.words?.restWeights, oneRows.words?.restWeights)
            XCTAssertEqual(partRows.words?.rowWordWeights, oneRows.words?.rowWordWeights)
        }
        for row in 0..<oneRows.count {
            XCTAssertEqual(oneRows.masses[row], oneRows.row(row).weights.reduce(0) { $0 + Double($1) },
                           accuracy: 1e-9)
        }
    }
    /// Training texts whose words repeat, share n-grams (" t" of "the" and "to") and repeat n-grams inside
    /// themselves ("banana"'s "an").
    private static let wordyTexts = Fixtures.trainingSet.examples.map(\.text) + [
        "refund refund refunds", "banana bandana", "the thing to the other", "zebra zebra zebra", "!!!", "",
        "I'm sure it's 10023, dont worry", "Ｃrème brûlée", "where is my order",
        // More of one n-gram than a term count holds (65,535): the row is left whole.
        String(repeating: "ab ", count: 70_000),
    ]

    /// Each row's words (every n-gram occurrence weighted by its IDF, times the word's weight in the row)
    /// plus what the words leave give back the row's weights, whatever the parts counting was split in;
    /// and the words carry most of the entries.
    func testWordsAndRestsRebuildEveryRow() throws {
        let texts = Self.wordyTexts
        for chunks in [1, 3] {
            let (_, documents) = TFIDFVectorizer.fit(
                texts: texts, labels: texts.map { _ in 0 }, extractor: FeatureExtractor(),
                groupWeights: [0.7, 1, 0.7], chunks: chunks)
            let words = try XCTUnwrap(documents.words)
            var rests = 0
            for row in 0..<documents.count {
                var rebuilt: [Int32: Double] = [:]
                for position in words.rowWordStarts[row]..<words.rowWordStarts[row + 1] {
                    let word = Int(words.rowWords[position])
                    for k in Int(words.gramStarts[word])..<Int(words.gramStarts[word + 1]) {
                        let id = words.gramIDs[k]
                        rebuilt[id, default: 0] += Double(words.rowWordWeights[position] * words.idf[Int(id)])
                    }
                }
                for k in words.restStarts[row]..<words.restStarts[row + 1] {
                    rebuilt[words.restIDs[k], default: 0] += Double(words.restWeights[k])
                }
                rests += words.restStarts[row + 1] - words.restStarts[row]
                let expected = documents.row(row)
                XCTAssertEqual(Set(rebuilt.keys), Set(expected.ids), texts[row])
                for (id, weight) in zip(expected.ids, expected.weights) {
                    XCTAssertEqual(rebuilt[id] ?? -1, Double(weight), accuracy: 1e-6, "\(texts[row]): \(id)")
                }
            }
            XCTAssertLessThan(rests * 3, documents.ids.count, "chunks \(chunks)")
        }
    }

    /// Leave-one-out posteriors through the words equal those feature by feature (rows without words), on
    /// data large enough for dense rows (40 classes), word rows in two parts (over 2,000 words) and rows
    /// in two parts (5,000 examples); one thread gives the same bits as two.
    func testLeaveOneOutThroughWordsEqualsFeatureByFeature() throws {
        var generator = SplitMix64(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let vocabulary = (0..<2600).map { _ in
            String((0..<(3 + Int(generator.next() % 6))).map { _ in letters[Int(generator.next() % 26)] })
        }
        var texts: [String] = []
        var labels: [Int] = []
        for row in 0..<5000 {
            let label = row % 40
            // Mostly the class's own 65 words, some shared ones, and a repeat now and then.
            var words = (0..<(3 + Int(generator.next() % 8))).map { _ in
                generator.next() % 4 == 0 ? vocabulary[Int(generator.next() % 2600)]
                                          : vocabulary[label * 65 + Int(generator.next() % 65)]
            }
            if generator.next() % 5 == 0, let first = words.first { words.append(first) }
            texts.append(words.joined(separator: " "))
            labels.append(label)
        }
        let (vectorizer, documents) = TFIDFVectorizer.fit(
            texts: texts, labels: labels, extractor: FeatureExtractor(minGram: 2, maxGram: 4),
            groupWeights: [0.7, 1, 0.7])
        XCTAssertGreaterThan(try XCTUnwrap(documents.words).wordCount, 2000)
        var featureByFeature = documents
        featureByFeature.words = nil
        let rows = Array(0..<documents.count)
        func leaveOneOut(_ documents: DocumentMatrix, parallel: Bool) -> [Double] {
            NaiveBayes.leaveOneOutPosteriors(
                documents, rows: rows, classCount: 40, featureCount: vectorizer.featureCount, alpha: 0.01,
                fitPrior: false, normalizesExamples: true, temperature: 0.6, parallel: parallel)
        }
        let throughWords = leaveOneOut(documents, parallel: true)
        XCTAssertEqual(throughWords, leaveOneOut(documents, parallel: false))
        let direct = leaveOneOut(featureByFeature, parallel: true)
        for row in rows {
            XCTAssertEqual(throughWords[row], direct[row], accuracy: max(direct[row], 1e-3) * 1e-4, texts[row])
        }
        // Not all certain: the weights have something to tell apart.
        XCTAssertLessThan(direct.reduce(0, +) / Double(direct.count), 0.99)
    }
    /// A feature weighed 0 in every row (its group weighted 0) adds nothing to its class and is listed
    /// once, however many rows have it; with no features at all, every class is as likely.
    func testZeroWeightsAndNoFeatures() {
        var documents = DocumentMatrix()
        for row in 0..<40 { documents.append(ids: [0, 1], weights: [1, 0], label: row % 2) }
        let model = NaiveBayes.fit(documents, classCount: 2, featureCount: 2, alpha: 1, fitPrior: false,
                                   normalizesExamples: true)
        XCTAssertEqual(model.entryStarts, [0, 2, 2])
        var empty = DocumentMatrix()
        empty.append(ids: [], weights: [], label: 0)
        empty.append(ids: [], weights: [], label: 1)
        let posteriors = NaiveBayes.leaveOneOutPosteriors(
            empty, rows: [0, 1], classCount: 2, featureCount: 0, alpha: 0.01, fitPrior: false,
            normalizesExamples: true, temperature: 0.6, parallel: false)
        XCTAssertEqual(posteriors, [0.5, 0.5])
        var scores: [Double] = []
        NaiveBayes.fit(empty, classCount: 2, featureCount: 0, alpha: 0.01, fitPrior: false)
            .scores(ids: [Int32](), weights: [Float](), into: &scores)
        XCTAssertEqual(NaiveBayes.posteriors(scores, temperature: 0.6), [0.5, 0.5])
    }
}
