import Intents
import Sentiment

/// The classifier as the dialogue uses it: text in, an intent and its confidence out.
///
/// Owned here (STYLE.md, "protocols at the seams") so that conversations can be tested with a fixed
/// classifier; `IntentClassifier` conforms below.
public protocol TurnClassifier: Sendable {
    /// The intent `text` is taken as (`out_of_scope` when the model falls back), with its confidence.
    func intent(of text: String) -> (intent: String, confidence: Double)
}

/// The sentiment scorer as the dialogue uses it; `SentimentScorer` conforms as it is.
public protocol TurnSentimentScorer: Sendable {
    func score(_ text: String) -> SentimentScore
}

extension IntentClassifier: TurnClassifier {
    public func intent(of text: String) -> (intent: String, confidence: Double) {
        let prediction = classify(text)
        return (prediction.intent, prediction.confidence)
    }
}

extension SentimentScorer: TurnSentimentScorer {}
