/// The classifier as the dialogue uses it: text in, an intent and its confidence out.
///
/// Owned here (STYLE.md, "protocols at the seams") so the conversation can be tested with a fixed
/// classifier; `IntentClassifier` conforms in IntentClassifier+TurnClassifier.swift.
public protocol TurnClassifier: Sendable {
    /// The intent `text` is taken as (`out_of_scope` when the model falls back), with its confidence.
    func intent(of text: String) -> (intent: String, confidence: Double)
}

/// The sentiment scorer as the dialogue uses it.
public protocol TurnSentimentScorer: Sendable {
    /// The compound sentiment of `text`, in [-1, 1].
    func sentiment(of text: String) -> TurnSentiment
}

/// How a turn feels: the compound score and its label (negative < -0.05 < neutral < 0.05 < positive).
public struct TurnSentiment: Sendable, Equatable {
    public var compound: Double
    /// `negative`, `neutral` or `positive`.
    public var label: String

    public init(compound: Double, label: String? = nil) {
        self.compound = compound
        self.label = label ?? (compound < -0.05 ? "negative" : compound > 0.05 ? "positive" : "neutral")
    }
}
