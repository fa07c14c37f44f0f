import ArgumentParser
import CRM
import Dialogue
import Foundation
import Intents
import Sentiment
import TextKit

extension Concierge {
    /// `concierge classify`: the intent of each text (or each stdin line), with `--explain` the words behind it.
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Classify texts: intent, confidence, alternatives (and why, with --explain).")

        @OptionGroup var intentsOptions: IntentsOptions

        @Flag(name: .long, help: "Show the words that pushed the decision, and by how much.")
        var explain = false

        @OptionGroup var output: OutputOptions

        @Argument(help: "Texts to classify (default: each line of standard input).")
        var texts: [String] = []

        func run() throws {
            let classifier: IntentClassifier
            do {
                classifier = try ModelCache.classifier(for: URL(fileURLWithPath: intentsOptions.intents))
            } catch let error as IntentsError {
                throw report(error, exit: ExitStatus.badData)
            }
            // Slots are read against the demo catalog, the one a fresh `concierge chat` starts with.
            let understanding = Understanding(
                classifier: classifier, scorer: .standard,
                extractor: SlotExtractor(catalog: ProductCatalog(Fixture.demo.products)))
            if !texts.isEmpty {
                for text in texts { emit(text, understanding) }
            } else {
                while let line = readLine(strippingNewline: true) {
                    emit(line, understanding)
                }
            }
        }

        private struct Understanding {
            let classifier: IntentClassifier
            let scorer: SentimentScorer
            let extractor: SlotExtractor
        }

        private func emit(_ text: String, _ understanding: Understanding) {
            let explanation = explain ? understanding.classifier.explain(text) : nil
            let prediction = explanation?.prediction ?? understanding.classifier.classify(text)
            let sentiment = understanding.scorer.score(text)
            let slots = understanding.extractor.extract(from: text).values(in: understanding.extractor.catalog)
            if output.json {
                print(ClassificationJSON(
                    text: text, prediction: prediction, sentiment: sentiment, slots: slots, explanation: explanation
                ).encoded())
            } else {
                print(describe(text, prediction, sentiment, slots, explanation))
            }
        }

        private func describe(
            _ text: String, _ prediction: IntentPrediction, _ sentiment: SentimentScore, _ slots: [String: String],
            _ explanation: Explanation?
        ) -> String {
            var lines: [String] = []
            // Echo at most 120 characters of what was typed, without its control characters.
            let clean = TerminalText.sanitized(text)
            let shown = clean.count > 120 ? clean.prefix(120) + "…" : clean
            if let reason = prediction.fallback, reason != .outOfScopeLikeliest {
                let why = reason == .underThreshold ? "under the threshold" : "out_of_scope too close behind"
                lines.append(String(format: "%@  (best guess %@ %.2f, %@)", prediction.intent,
                                    prediction.topIntent, prediction.confidence, why) + "  \u{201C}\(shown)\u{201D}")
            } else {
                lines.append(String(format: "%@ %.2f", prediction.intent, prediction.confidence)
                             + "  \u{201C}\(shown)\u{201D}")
            }
            let alternatives = prediction.alternatives.prefix(3)
                .map { String(format: "%@ %.2f", $0.intent, $0.confidence) }
            if !alternatives.isEmpty { lines.append("  alternatives: " + alternatives.joined(separator: ", ")) }
            let slotText = slots.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lines.append(String(format: "  sentiment %@ %+.2f", sentiment.label.rawValue, sentiment.compound)
                         + "  slots " + (slotText.isEmpty ? "-" : TerminalText.sanitized(slotText)))
            if let explanation, let runnerUp = explanation.runnerUp {
                lines.append("  why \(prediction.topIntent) rather than \(runnerUp):")
                for contribution in explanation.contributions.prefix(8) where abs(contribution.weight) >= 0.005 {
                    lines.append(String(format: "    %+.2f  ", contribution.weight)
                                 + TerminalText.sanitized(contribution.text))
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// One line of `classify --json`.
private struct ClassificationJSON: Encodable {
    struct Alternative: Encodable {
        var intent: String
        var confidence: Double
    }

    struct Why: Encodable {
        var versus: String?
        var tokens: [Token]
    }

    struct Token: Encodable {
        var text: String
        var weight: Double
    }

    var text: String
    var intent: String
    var confidence: Double
    var topIntent: String
    /// Why the intent is `out_of_scope` (`IntentPrediction.Fallback`); absent for any other intent.
    var fallback: String?
    var alternatives: [Alternative]
    var sentiment: Feeling
    var slots: [String: String]
    var explanation: Why?

    struct Feeling: Encodable {
        var score: Double
        var label: String
    }

    init(text: String, prediction: IntentPrediction, sentiment: SentimentScore, slots: [String: String],
         explanation: Explanation?) {
        self.sentiment = Feeling(score: sentiment.compound, label: sentiment.label.rawValue)
        self.slots = slots
        self.text = text
        intent = prediction.intent
        confidence = prediction.confidence
        topIntent = prediction.topIntent
        fallback = prediction.fallback?.rawValue
        alternatives = prediction.alternatives.map { Alternative(intent: $0.intent, confidence: $0.confidence) }
        self.explanation = explanation.map { explanation in
            Why(versus: explanation.runnerUp,
                tokens: explanation.contributions.map { Token(text: $0.text, weight: $0.weight) })
        }
    }

    enum CodingKeys: String, CodingKey {
        case text, intent, confidence, fallback, alternatives, sentiment, slots, explanation
        case topIntent = "top_intent"
    }

    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
