import Foundation
import XCTest
@testable import Intents

final class EvaluationTests: XCTestCase {
    private func scored(_ truth: String, _ predicted: String) -> ScoredExample {
        ScoredExample(example: Example(intent: truth, text: "\(truth)->\(predicted)", file: "\(truth).txt", line: 1),
                      predicted: predicted, confidence: 0.5)
    }

    /// Eight test examples:
    ///
    ///     greet        greet, greet, thanks          (2 of 3 right)
    ///     thanks       thanks, thanks                (2 of 2)
    ///     out_of_scope out_of_scope, greet, out_of_scope (2 of 3 rejected)
    ///
    /// accuracy = 6/8 = 0.75; in-scope accuracy = 4/5 = 0.8
    /// greet:  TP 2, predicted 3 (2 + 1 from out_of_scope), support 3 -> P 2/3, R 2/3, F1 2/3
    /// thanks: TP 2, predicted 3 (2 + 1 from greet), support 2 -> P 2/3, R 1, F1 0.8
    /// out_of_scope: TP 2, predicted 2, support 3 -> P 1, R 2/3, F1 0.8
    /// macro F1 = (2/3 + 0.8 + 0.8) / 3 = 0.755556
    func testMetricsOnATinySplit() {
        let evaluation = Evaluation(
            scored: [
                scored("greet", "greet"), scored("greet", "greet"), scored("greet", "thanks"),
                scored("thanks", "thanks"), scored("thanks", "thanks"),
                scored("out_of_scope", "out_of_scope"), scored("out_of_scope", "greet"),
                scored("out_of_scope", "out_of_scope"),
            ],
            intents: 3, threshold: 0.25, trainSeconds: 0, classifySecondsPerUtterance: 0)
        XCTAssertEqual(evaluation.examples, 8)
        XCTAssertEqual(evaluation.accuracy, 0.75, accuracy: 1e-9)
        XCTAssertEqual(evaluation.inScopeAccuracy ?? -1, 0.8, accuracy: 1e-9)
        XCTAssertEqual(evaluation.oosRecall ?? -1, 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(evaluation.oosPrecision ?? -1, 1, accuracy: 1e-9)
        XCTAssertEqual(evaluation.macroF1, (2.0 / 3 + 0.8 + 0.8) / 3, accuracy: 1e-9)
        XCTAssertEqual(evaluation.perIntent["greet"], IntentScore(precision: 2.0 / 3, recall: 2.0 / 3, f1: 2.0 / 3, support: 3))
        XCTAssertEqual(evaluation.perIntent["thanks"]?.f1 ?? -1, 0.8, accuracy: 1e-9)
        XCTAssertEqual(evaluation.confusions, [
            Confusion(expected: "greet", predicted: "thanks", count: 1),
            Confusion(expected: "out_of_scope", predicted: "greet", count: 1),
        ])
        XCTAssertEqual(evaluation.misclassified.map(\.text), ["greet->thanks", "out_of_scope->greet"])
        XCTAssertEqual(evaluation.matrix, [[2, 0, 1], [1, 2, 0], [0, 0, 2]])
    }

    func testJSONHasTheFieldsOfTheSpec() throws {
        let evaluation = Evaluation(scored: [scored("greet", "greet")], intents: 2, threshold: 0.1, trainSeconds: 0.5,
                                    classifySecondsPerUtterance: 0.001)
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(evaluation.json().utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), [
            "examples", "intents", "accuracy", "macro_f1", "in_scope_accuracy", "oos_recall", "oos_precision",
            "threshold", "train_seconds", "classify_seconds_per_utterance", "per_intent", "confusions",
        ])
        XCTAssertTrue(object["oos_recall"] is NSNull, "no out_of_scope test example: null, not absent")
        let perIntent = try XCTUnwrap(object["per_intent"] as? [String: [String: Any]])
        XCTAssertEqual(Set(perIntent["greet"]?.keys ?? [:].keys), ["precision", "recall", "f1", "support"])
    }

    func testHeldOutEvaluationScoresEveryExample() throws {
        var options = ClassifierOptions()
        options.threshold = 0
        let test = TrainingSet(examples: [
            Example(intent: "greet", text: "hello friend"), Example(intent: "thanks", text: "thank you kindly"),
            Example(intent: "order_status", text: "where is order 12345"),
            Example(intent: "complaint", text: "terrible, unacceptable service"),
        ])
        let evaluation = try Evaluator.evaluate(training: Fixtures.trainingSet, test: test, options: options)
        XCTAssertEqual(evaluation.examples, 4)
        XCTAssertEqual(evaluation.intents, 5)
        XCTAssertEqual(evaluation.accuracy, 1)
        XCTAssertEqual(evaluation.threshold, 0)
        XCTAssertNil(evaluation.oosRecall)
    }

    func testCrossValidationIsStratifiedAndDeterministic() throws {
        let first = try Evaluator.crossValidate(Fixtures.trainingSet, folds: 4)
        let second = try Evaluator.crossValidate(Fixtures.trainingSet, folds: 4)
        XCTAssertEqual(first.examples, 40)
        XCTAssertEqual(first.accuracy, second.accuracy)
        XCTAssertEqual(first.confusions, second.confusions)
        XCTAssertEqual(first.perIntent.values.map(\.support).sorted(), [8, 8, 8, 8, 8])
        let folds = StratifiedFolds.assign(labels: Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8),
                                           classCount: 2, folds: 4, seed: 1)
        for fold in 0..<4 {
            XCTAssertEqual(folds[0..<8].filter { $0 == fold }.count, 2)
            XCTAssertEqual(folds[8..<16].filter { $0 == fold }.count, 2)
        }
        XCTAssertThrowsError(try Evaluator.crossValidate(Fixtures.trainingSet, folds: 1))
    }

    func testThresholdMaximisesHeldOutAccuracy() {
        typealias HeldOut = ThresholdSelection.HeldOut
        // Classes: 0 = greet, 1 = out_of_scope. Rejecting the two out_of_scope examples (0.2, 0.3)
        // gains 2; rejecting the right greet at 0.6 as well would lose 1. Best: between 0.3 and 0.6.
        let heldOut = [
            HeldOut(confidence: 0.2, predicted: 0, truth: 1), HeldOut(confidence: 0.3, predicted: 0, truth: 1),
            HeldOut(confidence: 0.6, predicted: 0, truth: 0), HeldOut(confidence: 0.9, predicted: 0, truth: 0),
        ]
        XCTAssertEqual(ThresholdSelection.best(heldOut, outOfScope: 1), 0.45, accuracy: 1e-12)
        // Nothing worth rejecting: threshold 0.
        XCTAssertEqual(ThresholdSelection.best([HeldOut(confidence: 0.5, predicted: 0, truth: 0)], outOfScope: 1), 0)
        // With negative statistics (an out_of_scope penalty), rejecting nothing is the floor, not 0.
        XCTAssertEqual(ThresholdSelection.best([HeldOut(confidence: -0.5, predicted: 0, truth: 0)], outOfScope: 1,
                                               floor: -2), -2)
        XCTAssertEqual(ThresholdSelection.best([], outOfScope: 1, floor: -2), -2)
    }

    func testReportEscapesEverything() {
        let evaluation = Evaluation(
            scored: [ScoredExample(example: Example(intent: "greet", text: "<script>alert('x')</script> & co"),
                                   predicted: "thanks", confidence: 0.4)],
            intents: 2, threshold: 0.1, trainSeconds: 0, classifySecondsPerUtterance: 0)
        let html = EvaluationReport(evaluation: evaluation, title: "a <b> \"title\"").html()
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        XCTAssertTrue(html.contains("<title>a &lt;b&gt; &quot;title&quot;</title>"))
        XCTAssertTrue(html.contains("Confusion matrix"))
        XCTAssertFalse(html.contains("http"), "self-contained: no external resources")
    }
}
