/// Everything one customer turn produced: what the agent said and how it understood the turn.
public struct TurnResult: Sendable {
    /// The agent's messages, in order; transcripts join them with one space.
    public var replies: [String]
    /// The intent the turn was taken as (`out_of_scope` on fallback).
    public var intent: String
    public var confidence: Double
    public var sentiment: TurnSentiment
    /// Slots filled by this turn: `order_id`, `email`, `category`, `product`, `budget`.
    public var slots: [String: String]
    /// Store actions that ran this turn: `lookup_order`, `recommend_products`, `log_complaint`, `handoff`.
    public var actions: [String]
    /// The dialogue state after the turn, for `--debug`.
    public var state: String
    /// The customer said goodbye; the session is over.
    public var ended: Bool

    public init(
        replies: [String], intent: String, confidence: Double, sentiment: TurnSentiment, slots: [String: String],
        actions: [String], state: String, ended: Bool
    ) {
        self.replies = replies
        self.intent = intent
        self.confidence = confidence
        self.sentiment = sentiment
        self.slots = slots
        self.actions = actions
        self.state = state
        self.ended = ended
    }
}
