import Foundation
import TextKit
import XCTest
@testable import Intents

final class IntentClassifierTests: XCTestCase {
    func testClassifiesTheFixture() throws {
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet)
        XCTAssertEqual(classifier.intentNames, ["complaint", "greet", "order_status", "out_of_scope", "thanks"])
        XCTAssertEqual(classifier.classify("where is my order 12345").intent, "order_status")
        XCTAssertEqual(classifier.classify("hello!").intent, "greet")
        XCTAssertEqual(classifier.classify("thank you very much").intent, "thanks")
        let prediction = classifier.classify("this service is terrible")
        XCTAssertEqual(prediction.intent, "complaint")
        XCTAssertEqual(prediction.alternatives.count, 4)
        XCTAssertEqual(prediction.confidence + prediction.alternatives.map(\.confidence).reduce(0, +), 1,
                       accuracy: 1e-9)
        XCTAssertTrue(prediction.alternatives.map(\.confidence) == prediction.alternatives.map(\.confidence)
            .sorted(by: >))
    }

    func testFallsBackUnderTheThreshold() throws {
        var options = ClassifierOptions()
        options.threshold = 0.5
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        // No known feature at all: every class scores the same, so the posterior is uniform (1/5),
        // the tie goes to the first name, and 0.2 is under the threshold.
        let prediction = classifier.classify("zzzq")
        XCTAssertEqual(prediction.confidence, 0.2, accuracy: 1e-12)
        XCTAssertEqual(prediction.topIntent, "complaint")
        XCTAssertEqual(prediction.intent, IntentClassifier.outOfScope)
        XCTAssertTrue(prediction.isFallback)
        XCTAssertEqual(prediction.fallback, .underThreshold)
        XCTAssertEqual(classifier.classify("where is my order").intent, "order_status")
        XCTAssertNil(classifier.classify("where is my order").fallback)
    }

    func testFallbackStatisticWeighsTheOutOfScopePosterior() {
        // P = (0.5, 0.3, 0.2) with out_of_scope at 2: 0.5 − 3·0.2 = −0.1; at 1: 0.5 − 3·0.3 = −0.4.
        let posteriors = [0.5, 0.3, 0.2]
        XCTAssertEqual(IntentClassifier.fallbackStatistic(posteriors, top: 0, outOfScope: 2, penalty: 3), -0.1,
                       accuracy: 1e-12)
        XCTAssertEqual(IntentClassifier.fallbackStatistic(posteriors, top: 0, outOfScope: 1, penalty: 3), -0.4,
                       accuracy: 1e-12)
        // No out_of_scope class, or out_of_scope on top: the top posterior itself.
        XCTAssertEqual(IntentClassifier.fallbackStatistic(posteriors, top: 0, outOfScope: nil, penalty: 3), 0.5)
        XCTAssertEqual(IntentClassifier.fallbackStatistic(posteriors, top: 0, outOfScope: 0, penalty: 3), 0.5)
        // Penalty 0 is the plain top-confidence rule.
        XCTAssertEqual(IntentClassifier.fallbackStatistic(posteriors, top: 0, outOfScope: 2, penalty: 0), 0.5)
        // The statistic never goes under 1 − w (P(top) ≥ P(out_of_scope)), nor under 0 for w ≤ 1.
        XCTAssertEqual(IntentClassifier.lowestStatistic(outOfScope: 2, penalty: 3), -2)
        XCTAssertEqual(IntentClassifier.lowestStatistic(outOfScope: 2, penalty: 0.5), 0)
        XCTAssertEqual(IntentClassifier.lowestStatistic(outOfScope: nil, penalty: 3), 0)
    }

    func testOutOfScopeRunnerUpTriggersTheFallback() throws {
        var options = ClassifierOptions()
        options.threshold = 0.3
        let plain = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        let posteriors = plain.posteriors("where is my order")
        let top = posteriors.indices.max { posteriors[$0] < posteriors[$1] }!
        let outOfScope = plain.intentNames.firstIndex(of: IntentClassifier.outOfScope)!
        // A penalty that puts the statistic just under the threshold turns the answer into a fallback.
        options.outOfScopePenalty = (posteriors[top] - 0.3) / posteriors[outOfScope] + 1e-6
        let penalised = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        XCTAssertEqual(penalised.classify("where is my order").intent, IntentClassifier.outOfScope)
        XCTAssertEqual(penalised.classify("where is my order").topIntent, "order_status")
        // Confident enough alone (P(top) ≥ 0.3), so the reason is the out_of_scope runner-up.
        XCTAssertGreaterThanOrEqual(posteriors[top], 0.3)
        XCTAssertEqual(penalised.classify("where is my order").fallback, .outOfScopeClose)
        options.outOfScopePenalty = (posteriors[top] - 0.3) / posteriors[outOfScope] - 1e-6
        let lenient = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        XCTAssertEqual(lenient.classify("where is my order").intent, "order_status")
    }

    func testTrainsOutOfScopeAsAClass() throws {
        var options = ClassifierOptions()
        options.threshold = 0
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        XCTAssertEqual(classifier.classify("tell me a joke about the capital").intent, IntentClassifier.outOfScope)
        XCTAssertEqual(classifier.classify("tell me a joke about the capital").fallback, .outOfScopeLikeliest)
    }

    func testThresholdComesFromCrossValidation() throws {
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet)
        // The statistic is P(top) − 3·P(out_of_scope), in −2...1; a chosen threshold rejects something.
        XCTAssertGreaterThan(classifier.threshold, IntentClassifier.lowestStatistic(outOfScope: 3, penalty: 3))
        XCTAssertLessThan(classifier.threshold, 1)
        // Without out_of_scope examples the statistic is P(top), and so is the threshold's range.
        let inScope = TrainingSet(examples: Fixtures.trainingSet.examples.filter {
            $0.intent != IntentClassifier.outOfScope
        })
        let plain = try IntentClassifier.train(on: inScope)
        XCTAssertGreaterThanOrEqual(plain.threshold, 0)
        XCTAssertLessThan(plain.threshold, 1)
    }

    func testNeedsTwoIntents() {
        let set = TrainingSet(examples: [Example(intent: "greet", text: "hi", file: "greet.txt", line: 1)])
        XCTAssertThrowsError(try IntentClassifier.train(on: set)) { error in
            XCTAssertEqual(String(describing: error), "greet.txt: error: training needs at least two intents, found 1")
        }
    }

    func testSameDataGivesSameModelBytes() throws {
        let first = try IntentClassifier.train(on: Fixtures.trainingSet).serialized()
        let second = try IntentClassifier.train(on: Fixtures.trainingSet).serialized()
        XCTAssertEqual(first, second)
        XCTAssertGreaterThan(first.count, 1000)
    }

    func testSaveAndLoadRoundTrip() throws {
        let folder = try TemporaryDirectory()
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet)
        let file = folder.url.appendingPathComponent("nested/model.bin")
        try classifier.save(to: file)
        let loaded = try IntentClassifier.load(from: file)
        XCTAssertEqual(loaded.serialized(), classifier.serialized())
        XCTAssertEqual(loaded.intentNames, classifier.intentNames)
        XCTAssertEqual(loaded.threshold, classifier.threshold)
        XCTAssertEqual(loaded.outOfScopePenalty, classifier.outOfScopePenalty)
        XCTAssertEqual(loaded.fingerprint, Fixtures.trainingSet.fingerprint)
        for text in ["where is my parcel", "hi", "blah blah", "thanks!!", "Ｃrème brûlée 🙂", ""] {
            XCTAssertEqual(loaded.posteriors(text), classifier.posteriors(text), text)
        }
    }

    func testCorruptModelIsAnErrorNotACrash() throws {
        let folder = try TemporaryDirectory()
        let bytes = try IntentClassifier.train(on: Fixtures.trainingSet).serialized()
        for length in [0, 4, 8, 40, bytes.count / 2, bytes.count - 1] {
            let file = try folder.write("cut-\(length).model", bytes.prefix(length))
            XCTAssertThrowsError(try IntentClassifier.load(from: file)) { error in
                XCTAssertTrue(String(describing: error).hasPrefix(file.path + ": error: not a usable model file"))
            }
        }
    }

    func testExplanationSumsToTheLogOdds() throws {
        var options = ClassifierOptions()
        options.threshold = 0
        let classifier = try IntentClassifier.train(on: Fixtures.trainingSet, options: options)
        let explanation = classifier.explain("where is my order 10023")
        XCTAssertEqual(explanation.prediction.topIntent, "order_status")
        let runnerUp = try XCTUnwrap(explanation.runnerUp)
        // With a uniform prior, log P(top|x) − log P(runner-up|x) = τ · (score_top − score_runner-up),
        // and the contributions are its exact parts.
        let posteriors = classifier.posteriors("where is my order 10023")
        let top = try XCTUnwrap(classifier.intentNames.firstIndex(of: "order_status"))
        let second = try XCTUnwrap(classifier.intentNames.firstIndex(of: runnerUp))
        let total = explanation.contributions.map(\.weight).reduce(0, +)
        XCTAssertEqual(total, log(posteriors[top]) - log(posteriors[second]), accuracy: 1e-3)
        XCTAssertTrue(explanation.contributions.prefix(3).map(\.text).contains("order"))
        XCTAssertTrue(explanation.contributions.contains { $0.text == "<num:5>" })
    }

    func testFastFeaturePathMatchesTheTokenizer() {
        let texts = [
            "Where's my ORDER #10023?", "i dont know, it's 1,299.99 dollars", "can't won't shouldn't y'all o'clock",
            "email bob@example.com now", "Ｃrème brûlée 🙂👍🏽", "  \t\n", "", "a-b c_d 3.14.15 1,2,3 ..,", "IM here",
            "supercalifragilisticexpialidocious's thing", "l'amour d'été", "x'", "'quoted'", "ABC123def",
        ]
        for text in texts {
            var fast: [String] = []
            Tokenizer().forEachFeature(in: text) { bytes, kind in
                fast.append("\(kind):" + String(decoding: bytes, as: UTF8.self))
            }
            let slow = Tokenizer().tokenize(text).filter { $0.kind != .punctuation }.map { "\($0.kind):\($0.feature)" }
            XCTAssertEqual(fast, slow, text)
        }
    }
}
