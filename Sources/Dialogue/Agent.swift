/// What every session shares: the classifier, the sentiment scorer and the reply templates.
/// Immutable and `Sendable`, so parallel transcript runs can share one.
public struct Agent: Sendable {
    public let classifier: any TurnClassifier
    public let scorer: any TurnSentimentScorer
    public let templates: ReplyTemplates

    public init(classifier: any TurnClassifier, scorer: any TurnSentimentScorer, templates: ReplyTemplates = .standard) {
        self.classifier = classifier
        self.scorer = scorer
        self.templates = templates
    }
}
